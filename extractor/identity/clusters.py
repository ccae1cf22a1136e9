"""Which cluster names are the same cluster: generic matching plus a small curated override file.

Matching, in order: the curated file (aliases.toml), then equal keys (casefolded, accents and
punctuation gone, generic words such as "cluster", "pôle" or "the" dropped, spaces ignored), then one
key holding the other as whole words ("Acmepôle Auvergne-Rhône-Alpes" is "Acmepôle"), then a
rapidfuzz token-sort ratio at or above FUZZY_THRESHOLD. A name that is a lone acronym ("GIPSO",
"MEDVIA") never fuzzy-matches: one letter apart is another organisation. Pairs the curated file
lists under never_merge are never joined, whatever a release or the matching says.
"""
from __future__ import annotations

import functools
import re
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pycountry
from rapidfuzz import fuzz, process

from extractor.errors import SetupError
from extractor.lexicon import words
from extractor.text.fold import name_key, name_tokens
from schemas.release import PressRelease

# Read through importlib.resources so an installed wheel finds the file it ships.
CURATED_PATH: Traversable = resources.files(__package__) / "aliases.toml"
# A key this short inside a longer name is too weak a sign ("BIO" in "BIO 2017").
CONTAINED_MIN_CHARS = 4
MIN_INITIAL_WORD = 3  # "of", "de" are no initial
MIN_INITIALS = 3  # two letters are too many clusters' initials
FUZZY_THRESHOLD = 90.0
# Words that name the kind of organisation, not which one ("le Cluster GIPSO" is "GIPSO").
GENERIC_WORDS = frozenset({
    "cluster", "clusters", "pole", "poles", "association", "network", "reseau",
    "the", "of", "and", "le", "la", "les", "l", "de", "du", "des", "d", "et",
    "el", "los", "las", "del", "y", "der", "die", "das", "het", "van",
})


@functools.cache
def name_fillers() -> frozenset[str]:
    """Words many organisations' names share ("City", "Health", "Network"): they tell no one which one it is."""
    return GENERIC_WORDS | frozenset(words("name_filler"))


@functools.lru_cache(maxsize=4096)
def cluster_key(name: str) -> str:
    """The matching key of a cluster name: "Le Cluster GIPSO" -> "gipso", "POLEPHARMA - GIPSO" -> "polepharma gipso"."""
    tokens = name_tokens(name)
    kept = [t for t in tokens if t not in GENERIC_WORDS]
    return " ".join(kept or tokens)


@functools.lru_cache(maxsize=4096)
def is_acronym(name: str) -> bool:
    """One word once generic words are gone, written in capitals or at most four letters long."""
    words = [w for w in name.replace("-", " ").split() if w.casefold() not in GENERIC_WORDS]
    if len(words) != 1:
        return False
    word = "".join(c for c in words[0] if c.isalnum())
    return len(word) <= 4 or (word.isupper() and word.isalpha())


def _starts_generic(name: str) -> bool:
    """A descriptor before the name ("Cluster GIPSO", "Le GIPSO") makes a worse display name than "GIPSO"."""
    tokens = name_tokens(name)
    return bool(tokens) and tokens[0] in GENERIC_WORDS


@functools.cache
def _place_words() -> frozenset[str]:
    """Words of country and region names: "Acmepôle Auvergne-Rhône-Alpes" is Acmepôle where it works."""
    names = [c.name for c in pycountry.countries] + [s.name for s in pycountry.subdivisions]
    return frozenset(t for name in names for t in name_tokens(name)) | {"region", "regio", "regione", "france", "europe"}


def _contains(a: str, b: str) -> bool:
    """One key is the other with only place words added ("acmed" in "acmed paris region"), and the
    shorter one is no bare fragment. Other added words make another organisation ("Acmepole" is a
    technopole, "Acmepole Biothérapies" a cluster it hosts)."""
    short, long = sorted((a, b), key=len)
    if len(short.replace(" ", "")) < CONTAINED_MIN_CHARS or short == long or f" {short} " not in f" {long} ":
        return False
    extra = f" {long} ".replace(f" {short} ", " ", 1).split()
    return all(word in _place_words() or word in GENERIC_WORDS for word in extra)


def _initials(name: str) -> str:
    """The first letters of the name's words, folded, leaving out the short ones ("of", "de")."""
    return "".join(t[0] for t in name_tokens(name) if len(t) >= MIN_INITIAL_WORD)


def spelt_by(label: str, name: str, text: str) -> bool:
    """A folded label, such as a mail domain's first label or a name written as one word, spells the name, its
    initials or the abbreviation the release gives it: "biowin.org" for BioWin, "mva.org" for Medicon Valley
    Alliance, "nwhic.org.uk" for "NorthWest Health Innovation Cluster (NWHIC)", "Clustersaluteadriatico" for
    Cluster Salute Adriatico."""
    initials = _initials(name)
    given = {short.casefold() for short in abbreviations(name, text)}
    return label in {name_key(name).replace(" ", ""), initials if len(initials) >= MIN_INITIALS else "", *given} - {""}


@functools.lru_cache(maxsize=64)
def name_of_initials(acronym: str, text: str) -> str | None:
    """The one name the release writes in full whose initials an acronym is, where the release never gives the
    acronym in brackets: "LBSP" for "Leiden Bio Science Park", written apart ("…het LBSP fors groeien")."""
    if not (acronym.isalpha() and acronym.isupper() and len(acronym) >= MIN_INITIALS):
        return None
    joins = "|".join(re.escape(word) for word in words("particle"))
    found = set()
    for run in re.finditer(rf"(?<![\w])[A-Z][\w'’&-]*(?:[ \t]+(?:(?:{joins})[ \t]+)*[A-Z][\w'’&-]*)+", text):
        tokens = run.group(0).split()
        for first in range(len(tokens)):
            for last in range(first + 1, len(tokens)):
                name = " ".join(tokens[first:last + 1])
                if tokens[first][0].isupper() and tokens[last][0].isupper() and _initials(name) == acronym.casefold():
                    found.add(name)
    return found.pop() if len(found) == 1 else None


# Every number of a release asks for its clusters' spellings: they are read from the text once. A few releases'
# texts are kept, as extractor.text.fold keeps them.
@functools.lru_cache(maxsize=64)
def spellings(name: str, text: str) -> tuple[str, ...]:
    """The ways a release writes a cluster's name: whole, without the kind of organisation before it ("Pôle
    Auvergne MedTech" is also "Auvergne MedTech"), without the places after it ("Medicen Paris Région" is also
    "Medicen", as same_cluster holds), and by the short names it gives it in brackets."""
    words = name.split()
    while len(words) > 1 and all(t in GENERIC_WORDS for t in name_tokens(words[0])):
        words.pop(0)
    bare = list(words)
    while len(bare) > 1 and all(t in _place_words() for t in name_tokens(bare[-1])):
        bare.pop()
    own = " ".join(bare)
    distinctive = set(name_tokens(own)) - name_fillers() - _place_words()
    own_spelling = [own] if distinctive and len(name_key(own).replace(" ", "")) >= CONTAINED_MIN_CHARS else []
    return tuple(dict.fromkeys([name, " ".join(words), *own_spelling, *abbreviations(name, text), *_initials_written(name, text)]))


def _initials_written(name: str, text: str) -> list[str]:
    """The name's initials in capitals where the release writes them as a word without spelling them out
    ("i numeri di FIT" after "Farma Industria Ticino")."""
    initials = _initials(name).upper()
    found = len(initials) >= MIN_INITIALS and re.search(rf"(?<![\w-]){initials}(?![\w-])", text)
    return [initials] if found else []


@functools.lru_cache(maxsize=64)
def abbreviations(name: str, text: str) -> tuple[str, ...]:
    """The short names the release gives the name in brackets right after it: "Midlands Life Sciences Cluster
    (MLSC)" -> ["MLSC"]."""
    return tuple(dict.fromkeys(m.group(1) for m in re.finditer(rf"{re.escape(name)}\s*\(([^\W_][\w&.-]{{1,11}})\)", text)))


def name_variants(name: str) -> list[str]:
    """A name and, for "Full Name (ABBR)", each of its two forms, which releases use alike."""
    found = re.fullmatch(r"\s*(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)?\s*", name)
    if not found:
        return [name]
    return [name, found.group("outer"), found.group("inner")]


@dataclass(frozen=True)
class Curated:
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()   # (canonical, aliases)
    never_merge: tuple[tuple[str, str], ...] = ()


@functools.cache
def load_curated(path: Path | Traversable = CURATED_PATH) -> Curated:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SetupError(f"Cannot read the curated alias file {path} ({exc.strerror}); restore it from git.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SetupError(f"The curated alias file {path} is not valid TOML ({exc}); fix that line.") from exc
    aliases = data.get("aliases", {})
    pairs = data.get("never_merge", [])
    if not isinstance(aliases, dict) or not all(
        isinstance(v, list) and all(isinstance(a, str) for a in v) for v in aliases.values()
    ):
        raise SetupError(f"In {path}, [aliases] must map each canonical name to a list of names.")
    if not isinstance(pairs, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(n, str) for n in p) for p in pairs
    ):
        raise SetupError(f"In {path}, never_merge must be a list of [name, name] pairs.")
    return Curated(
        groups=tuple((canonical, tuple(names)) for canonical, names in aliases.items()),
        never_merge=tuple((a, b) for a, b in pairs),
    )


class AliasRegistry:
    """Groups of cluster names that are one cluster, each with one canonical name.

    Names are added as they are met; the canonical name of a group is the curated one when the
    group has one, else its most frequent spelling (then one without a leading "Cluster" or "Le",
    then mixed case rather than capitals, then the first met).
    """

    def __init__(self, curated: Curated | None = None, threshold: float = FUZZY_THRESHOLD) -> None:
        self.threshold = threshold
        self._parent: dict[str, str] = {}
        self._members: dict[str, set[str]] = {}
        self._compact: dict[str, str] = {}
        self._fuzzy_keys: list[str] = []
        self._surfaces: dict[str, Counter[str]] = {}
        self._order: dict[str, int] = {}
        self._curated_name: dict[str, str] = {}
        self._never: dict[str, set[str]] = {}
        self._seen: set[str] = set()
        self._names: dict[str, str] = {}
        if curated is not None:
            for a, b in curated.never_merge:
                ka, kb = cluster_key(a), cluster_key(b)
                self._never.setdefault(ka, set()).add(kb)
                self._never.setdefault(kb, set()).add(ka)
            for canonical, names in curated.groups:
                root = self._node(cluster_key(canonical), canonical, counted=False)
                self._curated_name[root] = canonical
                for name in names:
                    self._union(root, self._node(cluster_key(name), name, counted=False))

    def add(self, name: str, *aliases: str) -> str:
        """Records a name and the aliases a release gives it; returns the group's canonical name."""
        key = self._place(name)
        for alias in [*name_variants(name)[1:], *aliases]:
            if alias.strip():
                self._union(key, self._place(alias))
        return self.canonical(name)

    def find(self, name: str) -> str | None:
        """The canonical name of the known group that ``name`` belongs to, or None (nothing is added)."""
        key = self._match(cluster_key(name), is_acronym(name))
        return None if key is None else self._display(self._root(key))

    def canonical(self, name: str) -> str:
        """The canonical name of ``name``'s group, or ``name`` itself when no group matches."""
        return self.find(name) or name

    def aliases(self, name: str) -> list[str]:
        """The other spellings met for ``name``'s group, one per key, in the order met."""
        key = self._match(cluster_key(name), is_acronym(name))
        if key is None:
            return []
        root = self._root(key)
        own = cluster_key(self._display(root))
        found = []
        for member in sorted(self._members[root], key=self._order.__getitem__):
            if member != own and member in self._seen:
                found.append(self._surfaces[member].most_common(1)[0][0])
        return found

    def _place(self, name: str) -> str:
        key = cluster_key(name)
        matched = self._match(key, is_acronym(name))
        node = self._node(key, name)
        self._seen.add(key)
        if matched is not None and matched != key:
            self._union(matched, node)
        return node

    def _match(self, key: str, acronym: bool) -> str | None:
        if not key:
            return None
        if key in self._parent:
            return key
        compact = self._compact.get(key.replace(" ", ""))
        if compact is not None:
            return compact
        contained = next((known for known in self._parent if _contains(known, key)), None)
        if contained is not None:
            return contained
        if acronym or not self._fuzzy_keys:
            return None
        best = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.token_sort_ratio, score_cutoff=self.threshold)
        return None if best is None else best[0]

    def _node(self, key: str, surface: str, counted: bool = True) -> str:
        if key not in self._parent:
            self._parent[key] = key
            self._members[key] = {key}
            self._order[key] = len(self._order)
            self._surfaces[key] = Counter()
            self._compact.setdefault(key.replace(" ", ""), key)
            if not is_acronym(surface):
                self._fuzzy_keys.append(key)
        if counted:
            self._surfaces[key][surface.strip()] += 1
            self._names.pop(self._root(key), None)
        return key

    def _root(self, key: str) -> str:
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._root(a), self._root(b)
        if ra == rb or self._kept_apart(ra, rb):
            return
        if len(self._members[ra]) < len(self._members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra] |= self._members.pop(rb)
        if rb in self._curated_name:
            self._curated_name.setdefault(ra, self._curated_name.pop(rb))
        self._names.pop(ra, None)
        self._names.pop(rb, None)

    def _kept_apart(self, ra: str, rb: str) -> bool:
        if not self._never:
            return False
        other = self._members[rb]
        return any(self._never.get(key, set()) & other for key in self._members[ra])

    def _display(self, root: str) -> str:
        if root not in self._names:
            self._names[root] = self._curated_name.get(root) or self._most_used(root)
        return self._names[root]

    def _most_used(self, root: str) -> str:
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for member in self._members[root]:
            for surface, n in self._surfaces[member].items():
                counts[surface] += n
                first.setdefault(surface, self._order[member])
        return min(counts, key=lambda s: (-counts[s], _starts_generic(s), s.isupper(), first[s], s))


def build_registry(releases: Iterable[PressRelease], curated: Curated | None = None) -> AliasRegistry:
    """A registry of every cluster the releases profile, with the aliases each profile gives."""
    registry = AliasRegistry(load_curated() if curated is None else curated)
    for release in releases:
        for profile in release.clusters:
            registry.add(profile.name, *profile.aliases)
    return registry


def same_cluster(a: str | None, b: str | None) -> bool:
    """The one rule for "same cluster" inside a release: the registry's rule, curated pairs included."""
    if not a or not b or not a.strip() or not b.strip():
        return False
    registry = AliasRegistry(load_curated())
    registry.add(a)
    found = {registry.find(variant) for variant in name_variants(b)}
    return registry.find(a) in found

"""Times the validators and the consolidation on 1,000 synthetic releases: `python benchmarks/validate_bench.py`.

Each release is a generated French or English text about clusters drawn from a pool, each cluster
written under one of its aliases, with figures whose evidence slices the text exactly, contacts
and, now and then, an injected contradiction. The budget is BUDGET_S seconds for validate_release on
every release plus consolidate, on the team's 2-core machine; the script exits 1 when it is exceeded.
Finding the candidates is timed apart: extraction does it once and passes them to validate_release.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sys
import time
from collections import Counter

from extractor.candidates import find_candidates
from extractor.consolidate.history import consolidate
from extractor.validate import validate_release
from schemas import (
    Agreement,
    ClusterProfile,
    Contact,
    Evidence,
    Extraction,
    Figure,
    PressRelease,
    Source,
)

RELEASES = 1000
BUDGET_S = 5.0
CITIES = ["Chartres", "Louviers", "Tours", "Paris", "Bordeaux", "Lyon", "Namur", "Gand", "Liège", "Rouen", "Nantes"]
STEMS = ["Bio", "Med", "Pharma", "Gen", "Cell", "Neuro", "Cardio", "Onco", "Immuno", "Vita"]
ENDINGS = ["Win", "via", "cen", "tech", "lis", "nova", "polis", "valley"]
START = dt.date(2019, 1, 1)
METRICS = ["members", "jobs", "export_revenue", "production_share", "offices"]
FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
COUNTRIES = {"FR": "+33237202424", "BE": "+32476650438", "ES": "+34644845644", "DE": "+493012345678"}


class Text:
    """A text written piece by piece; ``span`` appends a piece and returns the evidence that slices it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def span(self, piece: str) -> Evidence:
        start = self.length
        self.add(piece)
        return Evidence(text=piece, start=start, end=start + len(piece))

    def value(self) -> str:
        return "".join(self.parts)


def cluster_pool(rng: random.Random, size: int = 30) -> list[dict]:
    """Clusters with the spellings a batch meets them under and their figures at the start of the period."""
    pool, seen = [], set()
    while len(pool) < size:
        base = rng.choice(STEMS) + rng.choice(ENDINGS)
        region = rng.choice(["", " Santé", " Health", " Normandie", " Wallonie", " Euskadi"])
        if base in seen:
            continue
        seen.add(base)
        name = base + region
        aliases = [name, name.upper(), f"Cluster {name}", f"Pôle {name}", name.replace(" ", "-"), f"Le {name}"]
        pool.append({
            "name": name, "aliases": aliases, "country": rng.choice(list(COUNTRIES)),
            "site": f"https://www.{base.lower()}.org",
            "start": {"members": rng.randint(40, 400), "jobs": rng.randint(1, 60) * 1000,
                      "export_revenue": rng.randint(5, 200), "production_share": rng.randint(5, 60),
                      "offices": rng.randint(2, 4)},
            "growth": rng.uniform(0.0, 0.15),
        })
    return pool


def value_at(c: dict, metric: str, years: int) -> int:
    """A cluster's figure after some whole years: figures move once a year, so releases of one year agree."""
    start = c["start"][metric]
    if metric in ("production_share", "offices"):
        return start + years // 2
    return round(start * (1 + c["growth"]) ** years)


def number(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "\u00a0" if lang == "fr" else ",")


def figure_sentence(text: Text, lang: str, metric: str, n: int, as_of: dt.date, at_least: bool = False) -> Figure:
    if metric == "members":
        words = (("plus de " if at_least else "") + f"{n} membres") if lang == "fr" else (("more than " if at_least else "") + f"{n} members")
        return Figure(metric="members", value=n, unit="count", qualifier="at_least" if at_least else "exact", as_of=as_of, evidence=text.span(words))
    if metric == "jobs":
        words = f"{number(n, lang)} emplois" if lang == "fr" else f"{number(n, lang)} jobs"
        return Figure(metric="jobs", value=n, unit="count", as_of=as_of, evidence=text.span(words))
    if metric == "export_revenue":
        shown = f"{n / 10:g}".replace(".", "," if lang == "fr" else ".")
        words = f"{shown} milliards d'euros à l'export" if lang == "fr" else f"EUR {shown} billion in export sales"
        return Figure(metric="export_revenue", value=n * 10**8, unit="EUR", as_of=as_of, evidence=text.span(words))
    if metric == "production_share":
        words = f"{n} % de la production" if lang == "fr" else f"{n}% of production"
        return Figure(metric="production_share", value=n, unit="percent", as_of=as_of, evidence=text.span(words))
    cities = CITIES[:n]
    evidence = text.span(f"{n} antennes" if lang == "fr" else f"{n} offices")
    text.add(f" ({', '.join(cities)})")
    return Figure(metric="offices", value=n, unit="count", as_of=as_of, evidence=evidence)


def make_release(rng: random.Random, i: int, pool: list[dict]) -> tuple[PressRelease, str]:
    lang = rng.choice(["fr", "en"])
    published = START + dt.timedelta(days=rng.randint(0, 5 * 365))
    chosen = rng.sample(pool, rng.randint(2, 4))
    text = Text()
    text.add("COMMUNIQUÉ DE PRESSE\n\n" if lang == "fr" else "PRESS RELEASE\n\n")
    names = [rng.choice(c["aliases"]) for c in chosen]
    place = rng.choice(CITIES)
    dateline = f"{published.day} {FRENCH_MONTHS[published.month - 1]} {published.year}" if lang == "fr" else published.strftime("%d %B %Y")
    text.add(f"{place}, {dateline} - ")
    signed = text.span(f"{names[0]} and {names[1]} sign a partnership agreement")
    text.add(".\n\n")
    profiles = []
    # Key figures are annual: stated as of the end of the year before the release.
    as_of = dt.date(published.year - 1, 12, 31)
    years = as_of.year - START.year
    for c, name in zip(chosen, names, strict=True):
        text.add(f"About {name}\n\n{name} " + (f"compte, fin {as_of.year}, " if lang == "fr" else f"counts, at the end of {as_of.year}, "))
        figures: list[Figure] = []
        for j, metric in enumerate(rng.sample(METRICS, rng.randint(3, 5))):
            text.add(", " if j else "")
            figures.append(figure_sentence(text, lang, metric, value_at(c, metric, years), as_of, at_least=rng.random() < 0.5))
        text.add(".\n")
        if rng.random() < 0.05:   # an injected contradiction: the same cluster, another member count
            text.add(f"{name} " + ("rassemble " if lang == "fr" else "brings together "))
            figures.append(figure_sentence(text, lang, "members", value_at(c, "members", years) + rng.randint(5, 50), as_of))
            text.add(".\n")
        text.add("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * rng.randint(3, 12) + "\n\n")
        profiles.append(ClusterProfile(name=name, country=c["country"], website=c["site"], figures=figures))
    contacts = []
    for c, name in zip(chosen, names, strict=True):
        phone_country = c["country"] if rng.random() < 0.9 else rng.choice(list(COUNTRIES))
        evidence = text.span(f"Contact {name}: {COUNTRIES[phone_country]}")
        text.add("\n")
        contacts.append(Contact(organisation=name, phone=COUNTRIES[phone_country], evidence=evidence))
    body = text.value()
    return PressRelease(
        id=f"{i:04d}",
        source=Source(path=f"synthetic/{i:04d}.txt", sha256=hashlib.sha256(body.encode()).hexdigest(), chars=len(body), encoding="utf-8"),
        language=lang,
        published_on=published,
        agreements=[Agreement(kind="partnership", parties=names[:2], signed_on=published, evidence=signed)],
        clusters=profiles,
        contacts=contacts,
        extraction=Extraction(model="synthetic", endpoint="none", prompt_version="bench"),
    ), body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=RELEASES)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    pool = cluster_pool(rng)
    batch = [make_release(rng, i, pool) for i in range(args.releases)]

    # The pipeline finds candidates once for the model and hands them to validate_release; they
    # are timed apart because they are extraction's cost, not validation's.
    started = time.perf_counter()
    candidates = [find_candidates(text, release.language) for release, text in batch]
    finding = time.perf_counter() - started

    started = time.perf_counter()
    codes: Counter[str] = Counter()
    for (release, text), found in zip(batch, candidates, strict=True):
        codes.update(f.code for f in validate_release(release, text, found))
    validated = time.perf_counter() - started
    index = consolidate([release for release, _ in batch])
    total = time.perf_counter() - started
    codes.update(f.code for history in index.clusters for f in history.flags)

    print(f"find_candidates (extraction's, passed in): {finding:.2f} s ({1000 * finding / len(batch):.2f} ms each)")
    print(f"validate_release: {len(batch)} releases in {validated:.2f} s ({1000 * validated / len(batch):.2f} ms each)")
    print(f"consolidate: {len(index.clusters)} clusters in {total - validated:.2f} s")
    print(f"total validate + consolidate: {total:.2f} s (budget {BUDGET_S:.1f} s)")
    print("flags: " + ", ".join(f"{code} {n}" for code, n in codes.most_common()))
    return 0 if total <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())

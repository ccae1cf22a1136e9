"""`extractor review DIR`: a static site in DIR/review/ to read a batch: an index, a page per release with its
evidence highlighted in the source text and its flags beside it, and a page per cluster with its figures over time.

Every page holds its own styles and script, so the site works from file:// with no network.
"""
from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from extractor.errors import SetupError
from extractor.outputs import OutputFolder, read_outputs, source_text
from extractor.review.chart import Point, chart
from extractor.review.spans import KINDS, amount, collect_spans, date_spans, flag_views, grounded, pieces
from schemas.common import Evidence, Severity
from schemas.figure import Metric
from schemas.history import ClusterHistory
from schemas.release import PressRelease

SITE = "review"


@dataclass(frozen=True)
class ClusterLink:
    history: ClusterHistory
    href: str


def build_site(directory: Path, notes: Callable[[str], None] = lambda _: None) -> Path:
    """Writes DIR/review/ whole (built beside it, then swapped in) and returns the path of its index.html."""
    folder = read_outputs(directory)
    for problem in folder.problems:
        notes(problem)
    env = Environment(
        loader=PackageLoader("extractor.review", "templates"), autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    env.globals.update(amount=amount, kinds=KINDS, severities=[s.value for s in Severity])
    target = Path(directory) / SITE
    try:
        build = Path(tempfile.mkdtemp(prefix=".review.", dir=directory))
    except OSError as exc:
        raise SetupError(f"Cannot write into {directory} ({exc.strerror or exc}); check that the folder is writable.") from exc
    try:
        clusters = _cluster_links(folder)
        (build / "releases").mkdir()
        (build / "clusters").mkdir()
        (build / "index.html").write_text(_index(env, folder, clusters), encoding="utf-8")
        for release in folder.releases:
            text = source_text(release, folder.directory)
            if text is None:
                notes(f"{release.id}: its source {release.source.path} cannot be read or changed since extraction; its page lists the records without the text.")
            page = _release_page(env, folder, release, text, clusters)
            (build / "releases" / f"{release.id}.html").write_text(page, encoding="utf-8")
        for link in clusters:
            (build / link.href).write_text(_cluster_page(env, folder, link), encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        build.replace(target)
    except OSError as exc:
        raise SetupError(f"Cannot write {target} ({exc.strerror or exc}); check that {directory} is writable.") from exc
    finally:
        # Whatever stopped the build, no half-built site is left beside the outputs.
        shutil.rmtree(build, ignore_errors=True)
    return (target / "index.html").resolve()


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "cluster"


def _cluster_links(folder: OutputFolder) -> list[ClusterLink]:
    links: list[ClusterLink] = []
    taken: set[str] = set()
    for history in folder.clusters.clusters if folder.clusters else []:
        slug = _slug(history.name)
        while slug in taken:
            slug += "-"
        taken.add(slug)
        links.append(ClusterLink(history, f"clusters/{slug}.html"))
    return links


def _index(env: Environment, folder: OutputFolder, clusters: list[ClusterLink]) -> str:
    rows = []
    for r in folder.releases:
        status = folder.status(r.id)
        rows.append({
            "release": r, "status": str(status) if status else "",
            "figures": sum(len(c.figures) for c in r.clusters),
            "severity": {s.value: sum(1 for f in r.flags if f.severity == s) for s in Severity},
        })
    return env.get_template("index.html.j2").render(
        directory=folder.directory, rows=rows, clusters=clusters, problems=folder.problems, root="",
    )


def _release_page(env: Environment, folder: OutputFolder, release: PressRelease, text: str | None, clusters: list[ClusterLink]) -> str:
    spans = collect_spans(release)
    if text is not None:
        spans += date_spans(release, text, len(spans))
    shown, unplaced = grounded(spans, text) if text is not None else ([], spans)
    mentions = [link for link in clusters if release.id in link.history.releases]
    status = folder.status(release.id)
    return env.get_template("release.html.j2").render(
        release=release, status=str(status) if status else "", text=text, pieces=pieces(text, shown) if text is not None else [],
        spans=spans, unplaced=unplaced, flags=flag_views(release, shown, text), clusters=mentions, root="../",
    )


def _conflicts(folder: OutputFolder, history: ClusterHistory) -> set[tuple[str | None, int, int]]:
    """Evidence of figures that a contradiction or conflict flag names: (release or None, start, end)."""
    marked: set[tuple[str | None, int, int]] = set()
    for flag in history.flags:
        marked |= {(None, e.start, e.end) for e in flag.evidence}
    for release in folder.releases:
        for flag in release.flags:
            if ("contradict" in flag.code or "conflict" in flag.code) and flag.metric:
                marked |= {(release.id, e.start, e.end) for e in flag.evidence}
    return marked


def _is_marked(marked: set[tuple[str | None, int, int]], release: str, evidence: Evidence | None) -> bool:
    if evidence is None:
        return False
    return (release, evidence.start, evidence.end) in marked or (None, evidence.start, evidence.end) in marked


def _cluster_page(env: Environment, folder: OutputFolder, link: ClusterLink) -> str:
    marked = _conflicts(folder, link.history)
    metrics = []
    # The contract's order of metrics (members first), not the order the consolidation happened to write them in.
    order = list(Metric)
    for metric, observations in sorted(link.history.series.items(), key=lambda item: order.index(Metric(item[0])) if item[0] in order else len(order)):
        points = [Point(o, _is_marked(marked, o.release, o.evidence)) for o in observations]
        metrics.append({"name": metric, "svg": chart(metric, points), "points": points})
    known = {r.id for r in folder.releases}
    return env.get_template("cluster.html.j2").render(
        history=link.history, metrics=metrics, known=known, root="../",
    )

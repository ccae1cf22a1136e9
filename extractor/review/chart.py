"""A cluster's figures for one metric over time, drawn as a self-contained SVG.

Plain SVG written here rather than a charting library's JavaScript: the page must open from file:// with no
network, stay a few kilobytes, show the same picture in every browser and in a screenshot, and print.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from html import escape

from extractor.review.spans import amount
from schemas.common import Qualifier
from schemas.history import Observation

WIDTH, HEIGHT = 680, 280
LEFT, RIGHT, TOP, BOTTOM = 70, 70, 30, 60
# Labels closer than this (in pixels) to the previous one are moved so that both stay readable.
CROWDED = 60
PALETTE = ("#1f6feb", "#8250df", "#bf8700", "#1a7f37", "#cf222e")
CONFLICT = "#cf222e"
# at_least points up, at_most down: "300+" is a floor, not a value.
MARKERS = {Qualifier.at_least: "▲", Qualifier.at_most: "▼", Qualifier.approx: "◆", Qualifier.exact: "●"}


@dataclass(frozen=True)
class Point:
    observation: Observation
    conflict: bool


def chart(metric: str, points: list[Point]) -> str:
    dated = [p for p in points if p.observation.as_of is not None]
    if not dated:
        return f'<p class="muted">No dated {escape(metric)} figure to plot.</p>'
    days = [_day(p.observation.as_of) for p in dated]
    first, last = min(days), max(days)
    top = _nice(max(float(p.observation.value) for p in dated) * 1.1)

    def x(day: int) -> float:
        span = last - first
        return LEFT + (WIDTH - LEFT - RIGHT) * ((day - first) / span if span else 0.5)

    def y(value: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top)

    unit = dated[0].observation.unit
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="{escape(metric)} over time">',
        f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" y2="{HEIGHT - BOTTOM}" class="axis"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{HEIGHT - BOTTOM}" class="axis"/>',
    ]
    for tick in (0.0, top / 2, top):
        parts.append(f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" class="tick" text-anchor="end">{escape(_short(tick, unit))}</text>')
    last_tick = -float("inf")
    for day in sorted(set(days)):
        if x(day) - last_tick < CROWDED:
            continue
        last_tick = x(day)
        label = dt.date.fromordinal(day).isoformat()
        parts.append(f'<text x="{x(day):.1f}" y="{HEIGHT - BOTTOM + 18}" class="tick" text-anchor="middle">{label}</text>')

    scopes = sorted({p.observation.scope or "" for p in dated})
    placed: list[tuple[float, float]] = []
    for n, scope in enumerate(scopes):
        colour = PALETTE[n % len(PALETTE)]
        line = sorted((p for p in dated if (p.observation.scope or "") == scope), key=lambda p: _day(p.observation.as_of))
        if len(line) > 1:
            coords = " ".join(f"{x(_day(p.observation.as_of)):.1f},{y(float(p.observation.value)):.1f}" for p in line)
            parts.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="1.5" opacity="0.5"/>')
        for p in line:
            o = p.observation
            cx, cy = x(_day(o.as_of)), y(float(o.value))
            lift = 16 * sum(1 for px, py in placed if abs(px - cx) < CROWDED and abs(py - cy) < 16)
            placed.append((cx, cy))
            fill = CONFLICT if p.conflict else colour
            label = amount(o.value, o.unit, o.qualifier) + (" ⚠" if p.conflict else "")
            title = f"{o.as_of}: {label} ({o.qualifier}{', ' + o.scope if o.scope else ''}) from {o.release}"
            parts.append(
                f'<g class="point{" conflict" if p.conflict else ""}" data-qualifier="{o.qualifier}"><title>{escape(title)}</title>'
                f'<text x="{cx:.1f}" y="{cy + 5:.1f}" text-anchor="middle" fill="{fill}" class="marker">{MARKERS[o.qualifier]}</text>'
                f'<text x="{cx + 9:.1f}" y="{cy - 8 - lift:.1f}" class="label" fill="{fill}">{escape(label)}</text></g>'
            )
    if len(scopes) > 1:
        for n, scope in enumerate(scopes):
            parts.append(
                f'<text x="{LEFT + 130 * n}" y="{HEIGHT - 8}" font-size="11" fill="{PALETTE[n % len(PALETTE)]}">● '
                f'{escape(scope or "whole cluster")}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _day(date: dt.date | None) -> int:
    return date.toordinal() if date else 0


def _nice(value: float) -> float:
    """The round number (1, 2 or 5 times a power of ten) at or above ``value``, so the axis reads 500, not 512."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def _short(value: float, unit: str) -> str:
    for size, suffix in ((1e9, " bn"), (1e6, " M"), (1e3, " k")):
        if value >= size:
            shown = f"{value / size:.1f}".removesuffix(".0") + suffix
            break
    else:
        shown = f"{value:.0f}"
    if unit == "count":
        return shown
    return f"{shown} %" if unit == "percent" else f"{shown} {unit}"

"""Synthetic English releases for scale tests: clusters drawn from a small pool (so one cluster appears in
many releases), each with an "About X" section the reader ties figures to without asking a model."""
from __future__ import annotations

import random
from pathlib import Path

PREFIXES = ["Neo", "Vita", "Cura", "Medi", "Thera", "Geno", "Cyto", "Prota"]
SUFFIXES = ["Hub", "Net", "Alliance", "Forum"]
REGIONS = ["Occitanie", "Bretagne", "Flanders", "Bavaria", "Lombardy", "Catalonia"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def write_releases(folder: Path, count: int, seed: int = 12) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        name = f"{rng.choice(PREFIXES)}{rng.choice(SUFFIXES)}"
        region = rng.choice(REGIONS)
        year = rng.randint(2019, 2024)
        members, companies = rng.randint(40, 900), rng.randint(20, 400)
        text = (
            f"{name} opens a new programme for its members\n\n"
            f"Toulouse, {rng.randint(1, 28)} {rng.choice(MONTHS)} {year} - {name}, the health cluster of {region}, "
            f"today opened a programme on clinical research for start-ups.\n\n"
            f"About {name}\n\n"
            f"{name} brings together {members} members, among them {companies} companies, in {region}.\n"
        )
        path = folder / f"syn_{n:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths

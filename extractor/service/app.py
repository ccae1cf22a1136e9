"""The routes: POST /releases, POST /batches, GET /batches/{id}, GET /clusters, GET /health.

Every refusal is a 4xx with one sentence in ``detail``; the model side failing is a 502 or 503, a release
that outlives the per-request deadline a 504. The OpenAPI document of this app is committed as
schemas/openapi.json (a test checks it is up to date).
"""
from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartException

from extractor.ask.asker import Model
from extractor.ask.prompts import prompt_version
from extractor.errors import EndpointError, InputError, ReleaseError, SetupError
from extractor.service.limits import ApiKey, BodyLimit
from extractor.service.models import RELEASE_NAME, BatchJob, BatchRequest, ErrorBody, Health, ReleaseText
from extractor.service.work import Service, ServiceSettings
from schemas.history import ClusterIndex
from schemas.release import PressRelease

TITLE = "cluster-release-extractor"


class Refusal(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    described = {
        400: "The body could not be read as the declared content type.",
        401: "The service runs with --api-key and the request did not carry it.",
        404: "No such batch job.",
        413: "The body is larger than the service's limit.",
        415: "The body is neither JSON nor a multipart file upload.",
        422: "The request or the release is not usable as sent.",
        502: "The model endpoint rejected a request for this release.",
        503: "The model endpoint cannot be reached or is not set up.",
        504: "The release was not finished within the per-request deadline.",
    }
    return {code: {"model": ErrorBody, "description": described[code]} for code in (401, 413, *codes)}


def _first_problem(error: ValidationError | RequestValidationError) -> str:
    problems = error.errors()
    if not problems:
        return "the body does not match the schema"
    problem = problems[0]
    where = ".".join(str(part) for part in problem.get("loc", ()) if part != "body") or "body"
    return f"{where}: {problem.get('msg', 'invalid')}"


RELEASE_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": ReleaseText.model_json_schema()},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary", "description": "The release file; its name gives the id."}},
                "required": ["file"],
            }
        },
    },
}


def create_app(settings: ServiceSettings, llm: Model | None = None) -> FastAPI:
    """The service; ``llm`` replaces the client the settings describe (an application embedding it, or a test)."""
    service = Service(settings, llm)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        service.close()

    app = FastAPI(title=TITLE, version="1.0.0", lifespan=lifespan,
                  description="Press releases about health and pharma clusters in, normalised and grounded JSON out.")
    app.add_middleware(BodyLimit, max_bytes=settings.max_bytes)
    if settings.api_key:
        app.add_middleware(ApiKey, key=settings.api_key)

    @app.exception_handler(Refusal)
    async def refused(_: Request, exc: Refusal) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": f"The request does not match the API ({_first_problem(exc)}); see /docs."}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = str(exc.detail)
        if exc.status_code == 400:
            detail = f"The request body could not be parsed ({detail.rstrip('.')}); send valid JSON as the API describes (see /docs)."
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)

    @app.get("/health", response_model=Health)
    def health() -> Health:
        return Health(status="ok", model=service.llm.model, endpoint=service.llm.endpoint, prompt_version=prompt_version())

    @app.post("/releases", response_model=PressRelease, openapi_extra={"requestBody": RELEASE_BODY},
              responses=_errors(400, 415, 422, 502, 503, 504))
    async def post_release(request: Request) -> PressRelease:
        """One release, as JSON ``{"text", "name"}`` or as a multipart upload of a file named ``file``."""
        name, raw = await _release_from(request)
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(loop.run_in_executor(service.release_pool, partial(service.extract, name, raw)),
                                          settings.deadline_s)
        except TimeoutError:
            raise Refusal(504, f"{name} was not extracted within the service's {settings.deadline_s:g}-second deadline; "
                               "send it as a batch (POST /batches) instead.") from None
        except InputError as exc:
            raise Refusal(422, str(exc)) from None
        except (EndpointError, SetupError) as exc:
            raise Refusal(503, str(exc)) from None
        except ReleaseError as exc:
            raise Refusal(502, str(exc)) from None

    @app.post("/batches", response_model=BatchJob, status_code=202, responses=_errors(400, 422))
    def post_batch(batch: BatchRequest) -> BatchJob:
        """Queues the releases as one batch, run like `extractor extract`; poll GET /batches/{id}."""
        stems: dict[str, str] = {}
        for item in batch.releases:
            stem = item.name.rsplit(".", 1)[0]
            if stem in stems:
                raise Refusal(422, f"{stems[stem]} and {item.name} would both be release {stem}; give each release its own name.")
            stems[stem] = item.name
        return service.submit(batch.releases)

    @app.get("/batches/{job_id}", response_model=BatchJob, responses=_errors(404, 422))
    def get_batch(job_id: str) -> BatchJob:
        job = service.job(job_id)
        if job is None:
            raise Refusal(404, f"There is no batch {job_id!r} on this service; use the id POST /batches answered.")
        return job

    @app.get("/clusters", response_model=ClusterIndex)
    def get_clusters() -> ClusterIndex:
        """The consolidated index over every release this service has extracted since it started."""
        return service.clusters()

    return app


async def _release_from(request: Request) -> tuple[str, bytes]:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        try:
            item = ReleaseText.model_validate_json(await request.body())
        except ValidationError as exc:
            raise Refusal(422, f"The release does not match the API ({_first_problem(exc)}); send {{\"text\": ..., \"name\": \"<id>.txt\"}}.") from None
        return item.name, item.text.encode("utf-8")
    if content_type == "multipart/form-data":
        try:
            form = await request.form(max_files=1, max_fields=10)
        except MultiPartException as exc:
            raise Refusal(400, f"The multipart body could not be read ({exc.message}); send one file in a field named 'file'.") from None
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise Refusal(422, "The upload has no file in a field named 'file'; send the release as that field.")
        name = upload.filename or ""
        if not re.match(RELEASE_NAME, name):
            raise Refusal(422, f"The uploaded file name {name!r} is not usable: name it <id>.txt, .md or .html (letters, digits, '.', '_', '-').")
        return name, await upload.read()
    raise Refusal(415, "Send the release as application/json ({\"text\", \"name\"}) or as multipart/form-data with a field named 'file'.")

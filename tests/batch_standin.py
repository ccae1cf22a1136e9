"""A stand-in of OpenAI's Batch endpoints for tests (a test fixture, not a backend), served on 127.0.0.1.

It follows the documented shapes: POST /v1/files (multipart, purpose "batch") answers a file object;
POST /v1/batches, GET /v1/batches and GET /v1/batches/{id} answer batch objects (status validating →
in_progress → completed, request_counts, output_file_id); GET /v1/files/{id}/content answers the output
JSONL, one {"id", "custom_id", "response": {"status_code", "request_id", "body"}, "error"} per request.
Each request line is answered by the stand-in model of tests/standin.py. ``hold`` keeps batches in
progress; ``lose_next_create`` stores a batch but answers 500, as a connection lost mid-answer would.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from typing import Any

import httpx
from fastapi import FastAPI, Form, HTTPException, Request, UploadFile
from fastapi.responses import JSONResponse, Response

from standin import StandInModel


class BatchStandIn:
    def __init__(self, model: StandInModel) -> None:
        self.model = model
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.submitted: Counter[str] = Counter()  # custom_id -> times it reached a created batch
        self.hold = False
        self.lose_next_create = False
        self.app = self._routes()

    def _new_file(self, content: bytes, filename: str, purpose: str) -> dict[str, Any]:
        file_id = f"file-{len(self.files) + 1}"
        self.files[file_id] = content
        return {"id": file_id, "object": "file", "bytes": len(content), "created_at": int(time.time()),
                "filename": filename, "purpose": purpose, "status": "processed"}

    def _run(self, batch: dict[str, Any]) -> None:
        lines = []
        for n, line in enumerate(self.files[batch["input_file_id"]].decode("utf-8").splitlines()):
            request = json.loads(line)
            answer = self.model.handle(httpx.Request("POST", "http://stand-in/v1/chat/completions", json=request["body"]))
            lines.append(json.dumps({"id": f"batch_req_{n}", "custom_id": request["custom_id"],
                                     "response": {"status_code": 200, "request_id": f"req_{n}", "body": answer.json()},
                                     "error": None}))
        output = self._new_file(("\n".join(lines) + "\n").encode("utf-8"), f"{batch['id']}_output.jsonl", "batch_output")
        batch.update(status="completed", output_file_id=output["id"], completed_at=int(time.time()),
                     request_counts={"total": len(lines), "completed": len(lines), "failed": 0})

    def _routes(self) -> FastAPI:
        app = FastAPI()

        @app.post("/v1/files")
        async def upload(file: UploadFile, purpose: str = Form()) -> dict[str, Any]:
            return self._new_file(await file.read(), file.filename or "input.jsonl", purpose)

        @app.get("/v1/files/{file_id}/content")
        def content(file_id: str) -> Response:
            if file_id not in self.files:
                raise HTTPException(404)
            return Response(self.files[file_id], media_type="application/octet-stream")

        @app.post("/v1/batches")
        async def create(request: Request) -> JSONResponse:
            body = await request.json()
            if body.get("endpoint") != "/v1/chat/completions" or body.get("completion_window") != "24h" or body.get("input_file_id") not in self.files:
                raise HTTPException(400, "invalid batch request")
            batch_id = f"batch_{len(self.batches) + 1}"
            requests = self.files[body["input_file_id"]].decode("utf-8").splitlines()
            self.submitted.update(json.loads(line)["custom_id"] for line in requests)
            self.batches[batch_id] = {
                "id": batch_id, "object": "batch", "endpoint": body["endpoint"], "errors": None,
                "input_file_id": body["input_file_id"], "completion_window": "24h", "status": "in_progress",
                "output_file_id": None, "error_file_id": None, "created_at": int(time.time()),
                "request_counts": {"total": len(requests), "completed": 0, "failed": 0}, "metadata": body.get("metadata"),
            }
            if self.lose_next_create:
                self.lose_next_create = False
                return JSONResponse({"error": {"message": "connection lost", "type": "server_error"}}, status_code=500)
            return JSONResponse(self.batches[batch_id])

        @app.get("/v1/batches")
        def listing(limit: int = 20) -> dict[str, Any]:
            data = list(reversed(self.batches.values()))[:limit]
            return {"object": "list", "data": data, "first_id": data[0]["id"] if data else None,
                    "last_id": data[-1]["id"] if data else None, "has_more": False}

        @app.get("/v1/batches/{batch_id}")
        def retrieve(batch_id: str) -> dict[str, Any]:
            batch = self.batches.get(batch_id)
            if batch is None:
                raise HTTPException(404)
            if batch["status"] == "in_progress" and not self.hold:
                self._run(batch)
            return batch

        return app

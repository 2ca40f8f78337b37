"""``claimx serve``: claimx's records over HTTP, for tools that cannot run Python (needs the serve extra).

- ``POST /extract``: one ``{"id", "text", ...}`` document gives its record, a list of at most
  ``max_docs`` documents the list of their records, in order: the records ``claimx extract`` writes
  (built by :func:`claimx.batch.extract_documents`; other fields go under ``meta``; a document the
  pipeline cannot process becomes ``{"id", "error"}``).
- ``GET /health``, ``GET /schema`` (the record JSON Schema with its version), ``/docs``, ``/openapi.json``.

Each process loads the pipeline once and runs it in one worker thread, off the event loop. At most
``queue`` requests are held at once (running or waiting); the next gets 503 with ``Retry-After``. A body
over ``max_body`` bytes or with more than ``max_docs`` documents gets 413, a body that is not a document or
a list of them 422, each with ``{"detail": "one line naming the field"}``.

The app is built by :func:`create_app`; ``uvicorn --factory claimx.serve:app_from_env`` builds it from
``CLAIMX_SERVE_*`` variables (what ``claimx serve --workers N`` runs in each process).
"""

from __future__ import annotations

import asyncio
import math
import os
import time
from collections.abc import AsyncIterator, Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, fields

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from spacy.language import Language
from starlette.requests import ClientDisconnect

from . import __version__
from .batch import extract_documents
from .io.readers import InputDocument
from .pipeline import load
from .records import Record
from .schema import SCHEMA_VERSION, record_schema
from .serve_body import BodyProblem, parse_documents, read_limited
from .serve_openapi import extract_openapi, install_components

ENV_PREFIX = "CLAIMX_SERVE_"


@dataclass(frozen=True)
class ServeSettings:
    """The service's settings: model (None: the shipped one), body and request limits, queue size."""

    model: str | None = None
    max_body: int = 1_000_000
    max_docs: int = 64
    queue: int = 32

    def to_env(self) -> dict[str, str]:
        """These settings as ``CLAIMX_SERVE_*`` environment variables (for uvicorn's worker processes)."""
        return {ENV_PREFIX + f.name.upper(): str(v) for f in fields(self) if (v := getattr(self, f.name)) is not None}

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> ServeSettings:
        """Settings from ``CLAIMX_SERVE_*`` variables; a variable that is not set keeps its default."""
        given = {f.name: environ.get(ENV_PREFIX + f.name.upper()) for f in fields(cls)}
        return cls(**{k: v if k == "model" else int(v) for k, v in given.items() if v is not None})


class Gate:
    """Admits at most ``size`` requests at once. The event loop is one thread, so no lock is needed."""

    def __init__(self, size: int) -> None:
        self.size, self.held = size, 0
        self.seconds = 1.0  # a moving average of the time a request holds its place

    def enter(self) -> bool:
        """Take a place; False when every place is taken."""
        if self.held >= self.size:
            return False
        self.held += 1
        return True

    def leave(self, seconds: float) -> None:
        """Give a place back after ``seconds`` of work."""
        self.held -= 1
        self.seconds = 0.8 * self.seconds + 0.2 * seconds

    def retry_after(self) -> int:
        """Seconds a refused client should wait: about the time the queue takes to drain, 1 to 60."""
        return min(60, max(1, math.ceil(self.seconds * self.held)))


@dataclass
class Service:
    """What one process holds: the pipeline, its one worker thread, the gate and the settings."""

    nlp: Language
    executor: ThreadPoolExecutor
    gate: Gate
    settings: ServeSettings

    async def extract(self, documents: list[InputDocument]) -> list[Record]:
        """The records of ``documents``, computed in the worker thread; the place is given back when the
        work ends (even if the client has gone)."""
        loop, started = asyncio.get_running_loop(), time.monotonic()
        job: Future[list[Record]] = self.executor.submit(self._records, documents)
        job.add_done_callback(lambda _: loop.call_soon_threadsafe(self.gate.leave, time.monotonic() - started))
        return await asyncio.wrap_future(job)

    def _records(self, documents: list[InputDocument]) -> list[Record]:
        return list(extract_documents(self.nlp, documents, batch_size=len(documents)))


def _problem(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """An error answer: ``{"detail": detail}``."""
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


async def _extract(request: Request) -> JSONResponse:
    """``POST /extract``: refuse at once when the queue is full (503), else read, check and process the body."""
    service: Service = request.app.state.service
    if not service.gate.enter():
        retry = str(service.gate.retry_after())
        return _problem(503, f"busy: {service.gate.size} requests in progress; retry later", {"Retry-After": retry})
    handed_over = False
    try:
        body = await read_limited(request.stream(), service.settings.max_body, request.headers.get("content-length"))
        documents, is_list = parse_documents(body, service.settings.max_docs)
        handed_over = True  # from here the worker thread gives the place back
        records = await service.extract(documents)
    except BodyProblem as problem:
        return _problem(problem.status, str(problem))
    except ClientDisconnect:
        return _problem(400, "the client went away before sending the whole body")
    finally:
        if not handed_over:
            service.gate.leave(0.0)
    return JSONResponse(records if is_list else records[0])


def _schema() -> dict:
    """The JSON Schema of the records, with its ``version``: what ``claimx schema`` prints."""
    return record_schema()


def _health(request: Request) -> dict:
    """Liveness: this process, versions, model, pipeline, limits and how many requests it holds."""
    service: Service = request.app.state.service
    settings = service.settings
    return {
        "status": "ok",
        "pid": os.getpid(),
        "claimx": __version__,
        "schema_version": SCHEMA_VERSION,
        "model": {k: service.nlp.meta.get(k) for k in ("name", "version")},
        "pipeline": service.nlp.pipe_names,
        "limits": {"max_body": settings.max_body, "max_docs": settings.max_docs, "queue": service.gate.size},
        "queue_held": service.gate.held,
    }


def create_app(settings: ServeSettings | None = None, loader: Callable[[str | None], Language] = load) -> FastAPI:
    """The claimx service; ``loader(settings.model)`` builds the pipeline once, when the process starts."""
    settings = settings or ServeSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        executor = ThreadPoolExecutor(1, thread_name_prefix="claimx-nlp")  # spaCy's pipeline: one thread
        nlp = await asyncio.get_running_loop().run_in_executor(executor, loader, settings.model)
        app.state.service = Service(nlp, executor, Gate(settings.queue), settings)
        yield
        executor.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(
        title="claimx",
        version=__version__,
        summary="Entities and attributed claims (who said what) from Indonesian news, as claimx records.",
        lifespan=lifespan,
    )
    app.add_api_route(
        "/extract", _extract, methods=["POST"], operation_id="extract",
        summary="Records of one document or a list of documents", openapi_extra=extract_openapi(settings.max_docs),
    )  # fmt: skip
    app.add_api_route("/health", _health, methods=["GET"], operation_id="health", summary="Liveness, model, limits")
    app.add_api_route("/schema", _schema, methods=["GET"], operation_id="schema", summary="The record JSON Schema")
    install_components(app)
    return app


def app_from_env() -> FastAPI:
    """The app with settings from ``CLAIMX_SERVE_*`` (``uvicorn --factory claimx.serve:app_from_env``)."""
    return create_app(ServeSettings.from_env(os.environ))


def serve(settings: ServeSettings, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Run the service under uvicorn until interrupted; ``workers`` processes each load the pipeline."""
    import uvicorn

    os.environ.update(settings.to_env())
    uvicorn.run("claimx.serve:app_from_env", factory=True, host=host, port=port, workers=workers)

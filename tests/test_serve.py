"""``claimx serve``: a real uvicorn on a free local port, in a subprocess, spoken to over HTTP.

Three servers: ``claimx serve`` with the trained model (small limits: --max-body 200000, --max-docs 8), a
test app built by ``create_app`` on the blank pipeline with one test-only component (a document holding
``MELEDAK`` fails inside the pipeline; one holding ``LAMBAT PATH`` waits until PATH exists) and a queue of 1,
and ``claimx serve --workers 2`` (the app built by factory in each process).
"""

import json
import socket
import subprocess
import sys
import textwrap
import threading
import time
from contextlib import contextmanager

import pytest

pytest.importorskip("fastapi", reason="claimx serve needs the serve extra: pip install -e '.[serve]'")
pytest.importorskip("uvicorn", reason="claimx serve needs the serve extra: pip install -e '.[serve]'")
httpx = pytest.importorskip("httpx", reason="the serve tests talk HTTP with httpx (in the dev extra)")
jsonschema = pytest.importorskip("jsonschema")
try:
    import schemathesis
except ImportError:  # only the fuzz test needs it
    schemathesis = None

from hypothesis import HealthCheck, given, settings  # noqa: E402

from claimx.schema import SCHEMA_VERSION, record_schema  # noqa: E402
from claimx.serve import Gate, ServeSettings  # noqa: E402

VALIDATOR = jsonschema.Draft202012Validator(record_schema())
TEXT = "Menteri Kesehatan Budi Santoso mengatakan bahwa stok vaksin cukup. “Kami siap,” ujarnya di Jakarta."
TEST_APP = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    import uvicorn
    from spacy.language import Language
    import claimx
    from claimx.serve import ServeSettings, create_app

    @Language.component("test_trouble")
    def trouble(doc):
        if "MELEDAK" in doc.text:
            raise ValueError("test component: MELEDAK")
        if "LAMBAT" in doc.text:
            release = Path(doc.text.split("LAMBAT ", 1)[1].split()[0])
            deadline = time.monotonic() + 30
            while not release.exists() and time.monotonic() < deadline:
                time.sleep(0.02)
        return doc

    def loader(model):
        nlp = claimx.load("blank")
        nlp.add_pipe("test_trouble", first=True)
        return nlp

    app = create_app(ServeSettings(queue=1), loader=loader)
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
""")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running(command: list[str], port: int, timeout: float = 90):
    """Start ``command`` (a server on ``port``), wait until /health answers, yield its URL, then stop it."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                pytest.fail(f"the server ended with {process.returncode}: {process.stdout.read()}")
            try:
                if httpx.get(url + "/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the server did not answer /health within {timeout} s")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def claimx_serve(port: int, *options: str) -> list[str]:
    return [sys.executable, "-m", "claimx", "serve", "--port", str(port), *options]


@pytest.fixture(scope="module")
def server():
    port = free_port()
    with running(claimx_serve(port, "--max-body", "200000", "--max-docs", "8"), port) as url:
        yield url


@pytest.fixture(scope="module")
def test_app():
    port = free_port()
    with running([sys.executable, "-c", TEST_APP, str(port)], port) as url:
        yield url


def extract(url: str, payload: object, **kwargs) -> httpx.Response:
    return httpx.post(url + "/extract", json=payload, timeout=60, **kwargs)


def valid_records(answer: object) -> list[dict]:
    """The records of a 200 answer, each checked against the record JSON Schema."""
    records = answer if isinstance(answer, list) else [answer]
    for record in records:
        VALIDATOR.validate(record)
    return records


def test_health_and_schema(server):
    health = httpx.get(server + "/health").json()
    assert health["status"] == "ok" and health["schema_version"] == SCHEMA_VERSION
    assert health["limits"] == {"max_body": 200000, "max_docs": 8, "queue": 32}
    assert "ner" in health["pipeline"]
    schema = httpx.get(server + "/schema").json()
    assert schema == record_schema() and schema["version"] == SCHEMA_VERSION
    assert httpx.get(server + "/docs").status_code == 200
    assert "/extract" in httpx.get(server + "/openapi.json").json()["paths"]


def test_one_document_gives_its_record(server):
    answer = extract(server, {"id": "vaksin", "text": TEXT, "url": "https://contoh.id/vaksin"})
    assert answer.status_code == 200
    (record,) = valid_records(answer.json())
    assert isinstance(answer.json(), dict) and record["id"] == "vaksin"
    assert record["meta"] == {"url": "https://contoh.id/vaksin"}
    assert {c["source_resolved"] for c in record["claims"]} == {"Budi Santoso"}


def test_a_list_gives_records_in_order_like_the_cli(server, tmp_path):
    documents = [{"id": "b", "text": TEXT}, {"text": "“Siap,” kata Sari Lestari."}, {"id": "kosong", "text": " "}]
    answer = extract(server, documents)
    assert answer.status_code == 200
    records = valid_records(answer.json())
    assert [r["id"] for r in records] == ["b", "1", "kosong"]
    assert records[2] == {"id": "kosong", "error": "body[2]: record 'kosong' has an empty text"}
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in documents[:1]), encoding="utf-8")
    cli = subprocess.run(
        [sys.executable, "-m", "claimx", "extract", str(source), "-q"], capture_output=True, text=True, check=True
    )
    assert json.loads(cli.stdout) == records[0]  # the very record claimx extract writes


@pytest.mark.parametrize("chunked", [False, True])
def test_a_body_over_the_limit_gets_413(server, chunked):
    body = json.dumps({"id": "besar", "text": "kata " * 60_000}).encode()
    content = iter([body[i : i + 65536] for i in range(0, len(body), 65536)]) if chunked else body
    answer = httpx.post(server + "/extract", content=content, headers={"content-type": "application/json"})
    assert answer.status_code == 413 and "200000 bytes" in answer.json()["detail"]


def test_too_many_documents_get_413(server):
    answer = extract(server, [{"text": "Halo."}] * 9)
    assert answer.status_code == 413 and "at most 8" in answer.json()["detail"]


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b'{"id": "a", "text": ', "body: malformed JSON (Expecting value at line 1 column 21)"),
        (b'{"id": "a"}', "body.text: field required"),
        (b'[{"text": "Halo."}, {"id": "a", "text": 12}]', "body[1].text: must be a string, not number"),
        (b'{"id": 7, "text": "Halo."}', "body.id: must be a string, not number"),
        (b'["Halo."]', 'body[0]: expected a JSON object {"id", "text", ...}, got string'),
        (b'{"text": NaN}', "body: malformed JSON (NaN is not JSON)"),
        (b"[]", "body: an empty list; send one document or a list of 1 to 8"),
    ],
)
def test_bad_requests_get_422_naming_the_field(server, body, detail):
    answer = httpx.post(server + "/extract", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 422 and answer.json() == {"detail": detail}


def test_a_document_failing_in_the_pipeline_gets_an_error_record(test_app):
    answer = extract(test_app, [{"id": "a", "text": "Halo."}, {"id": "bom", "text": "MELEDAK"}, {"text": "Ya."}])
    assert answer.status_code == 200
    records = valid_records(answer.json())
    assert records[1] == {"id": "bom", "error": "bom: processing failed: ValueError: test component: MELEDAK"}
    assert [r["id"] for r in records] == ["a", "bom", "2"] and "claims" in records[0] and "claims" in records[2]


def test_a_full_queue_answers_503_with_retry_after(test_app, tmp_path):
    release = tmp_path / "release"
    slow: dict[str, httpx.Response] = {}
    first = threading.Thread(target=lambda: slow.update(answer=extract(test_app, {"text": f"LAMBAT {release} ."})))
    first.start()
    try:
        deadline = time.monotonic() + 30
        while httpx.get(test_app + "/health").json()["queue_held"] < 1:
            assert time.monotonic() < deadline, "the slow request never took its place"
            time.sleep(0.05)
        refused = extract(test_app, {"text": "Halo."})
        assert refused.status_code == 503 and "busy" in refused.json()["detail"]
        assert int(refused.headers["Retry-After"]) >= 1
    finally:
        release.touch()
        first.join(60)
    assert slow["answer"].status_code == 200
    valid_records(slow["answer"].json())
    assert extract(test_app, {"text": "Halo."}).status_code == 200  # the place is free again


def test_two_worker_processes_serve_the_app_by_factory():
    port = free_port()
    with running(claimx_serve(port, "--workers", "2", "--model", "blank", "--max-docs", "4"), port) as url:
        answers = [extract(url, {"id": str(n), "text": "“Siap,” kata Budi."}) for n in range(4)]
        assert [a.status_code for a in answers] == [200] * 4
        assert [valid_records(a.json())[0]["id"] for a in answers] == ["0", "1", "2", "3"]
        assert httpx.get(url + "/health").json()["limits"]["max_docs"] == 4  # settings reach every process


@pytest.mark.parametrize("given", [ServeSettings(), ServeSettings("blank", 5000, 3, 2)])
def test_settings_reach_worker_processes_through_the_environment(given):
    assert ServeSettings.from_env(given.to_env()) == given
    assert ServeSettings.from_env({}) == ServeSettings()


def test_the_gate_holds_its_size_and_estimates_the_wait():
    gate = Gate(2)
    assert gate.enter() and gate.enter() and not gate.enter() and gate.held == 2
    gate.leave(3.0)
    assert gate.held == 1 and gate.enter() and gate.retry_after() == 3  # 2 held x 1.4 s on average
    for _ in range(20):
        gate.leave(0.0)
        gate.enter()
    assert gate.held == 2 and gate.retry_after() == 1  # fast work: never less than a second


def test_without_the_serve_extra_the_error_is_one_line():
    hide = (
        "import sys; sys.modules['fastapi'] = None; sys.argv = ['claimx', 'serve']; import claimx.cli; claimx.cli.app()"
    )
    result = subprocess.run([sys.executable, "-c", hide], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "claimx: error: claimx serve needs the serve extra (fastapi is missing): pip install 'claimx[serve]'"
    ]


def _fuzz(operation, mode: str) -> list[int]:
    """Send 25 schemathesis cases of ``operation``; assert no answer is a 5xx, and every record is valid."""
    statuses: list[int] = []

    @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=schemathesis.GenerationMode(mode)))
    def call(case) -> None:
        response = case.call(timeout=60)
        statuses.append(response.status_code)
        assert response.status_code < 500, f"{case.method} {case.path}: {response.status_code} {response.text[:300]}"
        if case.path == "/extract" and response.status_code == 200:
            valid_records(response.json())

    call()
    return statuses


@pytest.mark.parametrize(("mode", "expected"), [("positive", 200), ("negative", 422)])
def test_the_api_never_answers_5xx(server, mode, expected):
    """Schemathesis cases from /openapi.json, 25 per operation: valid ones and (for /extract) invalid ones."""
    if schemathesis is None:
        pytest.skip("schemathesis is not installed: pip install -e '.[dev]' to fuzz the API")
    schema = schemathesis.openapi.from_url(server + "/openapi.json")
    operations = {result.ok().path: result.ok() for result in schema.get_all_operations()}
    assert set(operations) == {"/extract", "/health", "/schema"}
    for path, operation in operations.items():
        if mode == "negative" and path != "/extract":
            continue  # nothing to get wrong in a GET without parameters
        statuses = _fuzz(operation, mode)
        assert expected in statuses, (path, statuses)  # a GET without parameters is one case, tried once
        assert len(statuses) >= 20 or path != "/extract", statuses

import os
import socket
import sys

import httpx
import pytest

from extractor.engine.server import EmbeddedServer, free_port
from extractor.engine.weights import ensure_model
from extractor.errors import SetupError


def test_free_port_can_be_bound():
    port = free_port()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", port))


def test_command_runs_llama_cpp_server_with_grammar_first_sampling_on_loopback(tmp_path):
    server = EmbeddedServer(tmp_path / "m.gguf", n_ctx=4096, n_threads=3, port=8123, log_path=tmp_path / "log")
    command = server.command()
    assert command[:3] == [sys.executable, "-m", "extractor.engine.sampling"]
    options = dict(zip(command[3::2], command[4::2], strict=True))
    assert options["--host"] == "127.0.0.1"
    assert options["--port"] == "8123"
    assert options["--n_ctx"] == "4096"
    assert options["--n_threads"] == "3"
    assert options["--model_alias"] == server.model == "m"
    assert options["--logits_all"] == "false"
    assert server.base_url == "http://127.0.0.1:8123/v1"


def test_a_missing_model_file_says_to_run_make_model(tmp_path):
    with pytest.raises(SetupError, match="make model"), EmbeddedServer(tmp_path / "absent.gguf", log_path=tmp_path / "log"):
        pass


def test_missing_llama_cpp_is_a_setup_error_with_the_build_command(tmp_path):
    model = tmp_path / "m.gguf"
    model.write_bytes(b"GGUF")
    server = EmbeddedServer(model, module="llama_cpp_not_installed_here.server", log_path=tmp_path / "log")
    with pytest.raises(SetupError) as caught:
        server.start()
    message = str(caught.value)
    assert "llama_cpp_not_installed_here" in message
    assert "make model" in message and "GGML_NATIVE=OFF" in message


def stand_in(tmp_path, monkeypatch, name: str, body: str) -> EmbeddedServer:
    """A server whose module is a small script playing llama_cpp.server, importable through PYTHONPATH."""
    (tmp_path / f"{name}.py").write_text(body, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    model = tmp_path / "m.gguf"
    model.write_bytes(b"GGUF")
    return EmbeddedServer(model, module=name, startup_timeout=1, log_path=tmp_path / "server.log")


def test_a_server_that_dies_is_reported_with_the_tail_of_its_log(tmp_path, monkeypatch):
    server = stand_in(tmp_path, monkeypatch, "dying_server", "print('loading model')\nprint('error: failed to load model: bad magic')\nraise SystemExit(3)\n")
    with pytest.raises(SetupError) as caught:
        server.start()
    message = str(caught.value)
    assert "exited with code 3" in message
    assert "bad magic" in message
    assert str(tmp_path / "server.log") in message


def test_a_server_that_never_answers_is_stopped_after_the_timeout(tmp_path, monkeypatch):
    body = "import os, time\nprint('still loading', os.getpid(), flush=True)\ntime.sleep(60)\n"
    server = stand_in(tmp_path, monkeypatch, "mute_server", body)
    with pytest.raises(SetupError, match="was not ready after 1 s") as caught:
        server.start()
    assert "still loading" in str(caught.value)
    pid = int((tmp_path / "server.log").read_text().split()[-1])
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


READY_SERVER = """
import os, sys
from http.server import BaseHTTPRequestHandler, HTTPServer

class Models(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/v1/models" else 404)
        self.end_headers()
        self.wfile.write(b'{"data": []}')

print("pid", os.getpid(), flush=True)
HTTPServer(("127.0.0.1", int(sys.argv[sys.argv.index("--port") + 1])), Models).serve_forever()
"""


def test_ctrl_c_inside_the_block_still_stops_the_server(tmp_path, monkeypatch):
    server = stand_in(tmp_path, monkeypatch, "ready_server", READY_SERVER)
    server.startup_timeout = 30
    with pytest.raises(KeyboardInterrupt), server:
        assert httpx.get(f"{server.base_url}/models", timeout=5).status_code == 200
        raise KeyboardInterrupt
    pid = int((tmp_path / "server.log").read_text().split()[1])
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


@pytest.mark.live
def test_embedded_server_answers_and_stops(tmp_path):
    with EmbeddedServer(ensure_model(), n_ctx=2048, log_path=tmp_path / "server.log") as server:
        reply = httpx.get(f"{server.base_url}/models", timeout=10).json()
        assert [entry["id"] for entry in reply["data"]] == [server.model]
        port = server.port
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{port}/v1/models", timeout=2)

"""Slow clients against the real server: twelve connections that announce a body and send it
a byte a second must not stall `matchmaker serve` (2 workers x 4 threads = 8 request slots).
Each is cut off after MATCHMAKER_BODY_TIMEOUT with 408, and the service keeps answering."""

from __future__ import annotations

import socket
import threading
import time
import uuid

import pytest
import requests

from tests.e2e.conftest import MATCHMAKER, LiveServer, create_key, server_env

pytestmark = pytest.mark.e2e
TIMEOUT = 2.0


@pytest.fixture(scope="module")
def server(e2e_dir, session_redis):
    if not MATCHMAKER:
        pytest.skip("the `matchmaker` console script is not installed")
    env = server_env(
        database_url=f"sqlite:///{e2e_dir / 'slow.sqlite3'}",
        redis_url=session_redis.url(0),
        prefix=f"slow{uuid.uuid4().hex[:8]}",
        instance=e2e_dir,
    )
    env["MATCHMAKER_BODY_TIMEOUT"] = str(TIMEOUT)
    token = create_key(env, "reader")
    live = LiveServer(env, e2e_dir, workers=2, name="slow")
    live.start()
    try:
        live.wait_ready()
        yield live, token
    finally:
        live.stop()


def _slow_client(port: int, token: str, answers: list, stop: threading.Event) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(
            (
                "POST /api/v1/search HTTP/1.1\r\nHost: x\r\n"
                f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
                "Content-Length: 100000\r\n\r\n{"
            ).encode()
        )
        sock.settimeout(0.5)
        while not stop.is_set():
            try:
                data = sock.recv(4096)
            except TimeoutError:
                try:
                    sock.sendall(b" ")  # one byte a second, roughly
                except OSError:
                    break
                continue
            except OSError:
                break
            if data:
                answers.append(data.split(b"\r\n", 1)[0].decode(errors="replace"))
            break


def test_twelve_slow_bodies_do_not_stall_the_service(server):
    live, token = server
    answers: list[str] = []
    stop = threading.Event()
    clients = [
        threading.Thread(target=_slow_client, args=(live.port, token, answers, stop), daemon=True)
        for _ in range(12)
    ]
    for client in clients:
        client.start()
    time.sleep(0.5)
    started = time.perf_counter()
    r = requests.get(f"{live.url}/livez", timeout=30)
    waited = time.perf_counter() - started
    stop_after = time.perf_counter() + TIMEOUT * 4
    while len(answers) < 12 and time.perf_counter() < stop_after:
        time.sleep(0.1)
    stop.set()
    assert r.status_code == 200
    assert waited < TIMEOUT * 3, f"/livez waited {waited:.1f} s behind slow clients"
    assert answers and all("408" in line for line in answers), answers

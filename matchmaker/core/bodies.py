"""Request bodies read before the app sees them: bounded in size and in time (WSGI)."""

from __future__ import annotations

import io
import socket
import threading


class BufferedBodies:
    """WSGI middleware: every request body is read here, before the app (and its worker
    thread's time) is spent on it, with two bounds.

    - Size: at most one byte past its limit. A chunked body has no length to check up front,
      and werkzeug would silently cut it at the limit; past the limit the app answers 413.
    - Time: at most MATCHMAKER_BODY_TIMEOUT seconds for the whole body. A client that sends
      a byte a second holds its thread only that long, then gets 408, instead of until its
      socket closes (twelve such clients would stall every thread of two workers).

    A proxy that buffers bodies (nginx, as in docker-compose.yml) keeps slow clients off the
    workers entirely; this bound holds where `matchmaker serve` faces clients directly.
    """

    CHUNK = 65536

    def __init__(self, wsgi_app, config) -> None:
        self.wsgi_app = wsgi_app
        self.config = config

    def __call__(self, environ, start_response):
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        try:
            declared = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if chunked or declared:
            limit = self.config[
                "MATCHMAKER_IMPORT_MAX_BODY_BYTES"
                if environ.get("PATH_INFO", "").startswith("/api/v1/import")
                else "MATCHMAKER_MAX_BODY_BYTES"
            ]
            if chunked or declared <= limit:  # a declared excess is refused unread (413)
                self._buffer(environ, limit, declared if not chunked else None)
        return self.wsgi_app(environ, start_response)

    def _buffer(self, environ, limit: int, declared: int | None) -> None:
        stream = environ["wsgi.input"]
        sock = environ.get("gunicorn.socket")
        # The server's reader waits for whole chunks, however slowly they trickle in: past
        # the deadline a watchdog closes the socket for reading, which ends the wait.
        watchdog = None
        if sock is not None:
            watchdog = threading.Timer(
                self.config["MATCHMAKER_BODY_TIMEOUT"], self._cut, (sock, environ)
            )
            watchdog.daemon = True
            watchdog.start()
        want = limit + 1 if declared is None else declared
        parts, size = [], 0
        try:
            while size < want:
                chunk = stream.read(min(self.CHUNK, want - size))
                if not chunk:
                    break
                parts.append(chunk)
                size += len(chunk)
        except OSError:
            environ["matchmaker.body_timeout"] = True
        finally:
            if watchdog is not None:
                watchdog.cancel()
        if environ.get("matchmaker.body_timeout"):
            parts = []
        body = b"".join(parts)
        if declared is None and len(body) > limit:
            environ["matchmaker.body_too_large"] = True
            body = b""
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        environ.pop("wsgi.input_terminated", None)
        environ.pop("HTTP_TRANSFER_ENCODING", None)

    @staticmethod
    def _cut(sock, environ) -> None:
        environ["matchmaker.body_timeout"] = True
        try:
            sock.shutdown(socket.SHUT_RD)
        except OSError:
            pass

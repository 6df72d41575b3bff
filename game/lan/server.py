"""The local server phones connect to: one background thread running `websockets`.

It serves the phone page and the WebSocket on one port and decides nothing: what arrives
is checked for shape (game.lan.protocol), stamped with its arrival time and queued for the
game's thread; what the game's thread decides (game.lan.room's Send/Close values) leaves
in one batch per frame through `send_batch`.

Only the fixed paths in PAGES are served; the WebSocket lives at /ws and refuses a
browser page from another origin (the Origin header must name the host the phone
reached); frames are capped in size, each connection is rate-limited, and a handshake
that does not finish in time is dropped.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import queue
import threading
import time
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Optional, Sequence

from websockets.asyncio.server import ServerConnection, serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from game.lan.protocol import MAX_MESSAGE_BYTES, BadMessage, RateLimit, parse_message
from game.lan.room import Close, Out, Send

PORTS = tuple(range(8000, 8010))   # easy to type; any free port after those
SOCKET_PATH = "/ws"
HANDSHAKE_SECONDS = 5.0
CLOSE_SECONDS = 2.0        # a phone that does not answer a close (a flooding bot) is dropped
# path -> (file in game/lan/web, content type)
PAGES = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/phone.css": ("phone.css", "text/css; charset=utf-8"),
    "/phone.js": ("phone.js", "text/javascript; charset=utf-8"),
    "/check": ("check.html", "text/html; charset=utf-8"),
}
_SECURITY_HEADERS = (
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Content-Security-Policy",
     "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; "
     "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"),
)


@dataclass(frozen=True)
class Inbound:
    """What the network thread hands the game: "open", "message" or "close"."""
    kind: str
    conn: int
    message: Optional[dict] = None
    at: float = 0.0            # time.monotonic() when it arrived


class ServerError(RuntimeError):
    """The server could not start (no free port, no network); the text says why."""


def _page_bytes(name: str) -> bytes:
    return resources.files("game.lan").joinpath("web", name).read_bytes()


def _response(status: int, reason: str, body: bytes, content_type: str) -> Response:
    headers = Headers([("Content-Type", content_type), ("Content-Length", str(len(body))),
                       *_SECURITY_HEADERS])
    return Response(status, reason, headers, body)


def _same_origin(request: Request) -> bool:
    """A browser always sends Origin on a WebSocket: it must be the page we served.

    Clients that are not browsers send none; they cannot be used by a web page to reach
    into the classroom, so they are let through to the room-code check.
    """
    origin = request.headers.get("Origin")
    host = request.headers.get("Host", "")
    return origin is None or origin in (f"http://{host}", f"https://{host}")


def process_request(connection: ServerConnection, request: Request) -> Optional[Response]:
    path = request.path.split("?", 1)[0]
    if path == SOCKET_PATH:
        if not _same_origin(request):
            return _response(403, "Forbidden", b"This page may not connect here.\n",
                             "text/plain; charset=utf-8")
        return None                      # go on with the WebSocket handshake
    page = PAGES.get(path)
    if page is None or request.headers.get("Upgrade"):
        return _response(404, "Not Found", b"Not found.\n", "text/plain; charset=utf-8")
    name, content_type = page
    return _response(200, "OK", _page_bytes(name), content_type)


class LanServer:
    """Start with `start()`, read `poll()` and answer with `send_batch()` once per frame."""

    def __init__(self, *, host: str = "0.0.0.0", ports: Sequence[int] = PORTS,
                 rate: float = 5.0, burst: float = 10.0,
                 handshake_seconds: float = HANDSHAKE_SECONDS):
        self.host = host
        self.handshake_seconds = handshake_seconds
        self.ports = tuple(ports)
        self.port: Optional[int] = None
        self.rate, self.burst = rate, burst
        self._inbox: "queue.SimpleQueue[Inbound]" = queue.SimpleQueue()
        self._conns: dict[int, ServerConnection] = {}
        self._ids = itertools.count(1)
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._stop: Optional[asyncio.Event] = None
        self._thread: Optional[threading.Thread] = None
        self._ready = threading.Event()
        self._error: Optional[str] = None

    # -- the game's side ---------------------------------------------------------
    def start(self, timeout: float = 5.0) -> int:
        """Bind the first free port of PORTS (else any free one); the port bound."""
        self._thread = threading.Thread(target=self._run, name="thaw-lan", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise ServerError("The phone server did not start in time.")
        if self._error or self.port is None:
            raise ServerError(self._error or "The phone server could not start.")
        return self.port

    def stop(self, timeout: float = 5.0) -> None:
        if self._loop is not None and self._stop is not None and not self._loop.is_closed():
            try:
                self._loop.call_soon_threadsafe(self._stop.set)
            except RuntimeError:
                pass                     # the loop already ended
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and self.port is not None

    def poll(self) -> list[Inbound]:
        """Everything that arrived since the last call, in arrival order."""
        out = []
        while True:
            try:
                out.append(self._inbox.get_nowait())
            except queue.Empty:
                return out

    def send_batch(self, outs: Iterable[Out]) -> None:
        """Hand this frame's messages to the network thread in one go."""
        batch = list(outs)
        if batch and self._loop is not None and not self._loop.is_closed():
            try:
                self._loop.call_soon_threadsafe(self._deliver, batch)
            except RuntimeError:
                pass                     # stopping: nothing more goes out

    # -- the network thread ---------------------------------------------------------
    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main())
        except Exception as error:       # never let the thread die silently
            self._error = f"The phone server stopped: {error}"
        finally:
            self._ready.set()
            loop.close()

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        server = None
        for port in (*self.ports, 0):
            try:
                server = await serve(self._handle, self.host, port, process_request=process_request,
                                     max_size=MAX_MESSAGE_BYTES, open_timeout=self.handshake_seconds,
                                     ping_interval=20, ping_timeout=20, max_queue=16,
                                     close_timeout=CLOSE_SECONDS)
                break
            except OSError:
                continue
        if server is None:
            self._error = "No free network port for the phone server."
            self._ready.set()
            return
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            await self._stop.wait()
        finally:
            server.close()
            await server.wait_closed()

    async def _handle(self, connection: ServerConnection) -> None:
        conn = next(self._ids)
        self._conns[conn] = connection
        limit = RateLimit(rate=self.rate, burst=self.burst)
        self._inbox.put(Inbound("open", conn, None, time.monotonic()))
        try:
            async for frame in connection:
                now = time.monotonic()
                if not limit.allow(now):
                    if limit.exhausted:
                        await connection.close(1008, "too many messages")
                        break
                    continue
                try:
                    message = parse_message(frame)
                except BadMessage as error:
                    await connection.send(json.dumps({"type": "error", "message": str(error)}))
                    continue
                if message["type"] == "ping":
                    await connection.send('{"type": "pong"}')
                    continue
                self._inbox.put(Inbound("message", conn, message, now))
        except ConnectionClosed:
            pass
        finally:
            self._conns.pop(conn, None)
            self._inbox.put(Inbound("close", conn, None, time.monotonic()))

    def _deliver(self, batch: list[Out]) -> None:
        by_conn: dict[int, list[Out]] = {}
        for out in batch:
            by_conn.setdefault(out.conn, []).append(out)
        for conn, outs in by_conn.items():
            connection = self._conns.get(conn)
            if connection is not None:
                asyncio.ensure_future(self._send_in_order(connection, outs))

    @staticmethod
    async def _send_in_order(connection: ServerConnection, outs: list[Out]) -> None:
        try:
            for out in outs:
                if isinstance(out, Send):
                    await connection.send(json.dumps(out.message, ensure_ascii=False))
                elif isinstance(out, Close):
                    await connection.close(1000, out.reason)
        except ConnectionClosed:
            pass

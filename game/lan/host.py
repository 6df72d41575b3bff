"""The game's side of a phone session: the server and the room, pumped once per frame.

    host = PhoneHost(Room(code, teams=...))
    host.start()                       # the port; LanServer picks 8000-8009 or any free one
    every frame:  host.pump()          # take what arrived, let the room decide, send one batch
    host.open_question(...) / host.reveal(...) / host.room.kick(token) ...

Everything the room returns goes out in the same frame's batch, in order.
"""

from __future__ import annotations

from typing import Callable, Optional

from game.lan.room import OpenQuestion, Out, Room, Send
from game.lan.server import Inbound, LanServer, ServerError


class PhoneHost:
    def __init__(self, room: Room, server: Optional[LanServer] = None):
        self.room = room
        self.server = server or LanServer()
        self.checks = 0                      # network-check pages that reached us
        self._pending: list[Out] = []

    def start(self) -> int:
        return self.server.start()

    def ensure_started(self) -> str:
        """Start the server unless it runs: '' when it runs, else what went wrong and what
        to do about it, in words for the teacher."""
        if self.server.running:
            return ""
        try:
            self.server.start()
        except ServerError as error:
            return (f"{error} Close other programs that use ports 8000–8009, allow Thaw "
                    "through the firewall, or run the review on one screen.")
        return ""

    def pump_if_running(self) -> None:
        if self.server.running:
            self.pump()

    def stop(self) -> None:
        self.server.stop()

    def pump(self) -> list[Inbound]:
        """Handle everything that arrived; send this frame's messages. Returns the arrivals."""
        arrived = self.server.poll()
        for item in arrived:
            self._pending.extend(self._dispatch(item))
        self.flush()
        return arrived

    def flush(self) -> None:
        if self._pending:
            self.server.send_batch(self._pending)
            self._pending = []

    def _dispatch(self, item: Inbound) -> list[Out]:
        if item.kind == "open":
            return [self.room.welcome(item.conn)]
        if item.kind == "close":
            self.room.disconnect(item.conn)
            return []
        message = item.message or {}
        kind = message.get("type")
        if kind == "join":
            return self.room.join(item.conn, message, item.at)
        if kind == "answer":
            return self.room.answer(item.conn, message, item.at)
        if kind == "check":
            self.checks += 1
            return [Send(item.conn, {"type": "checked"})]
        return []

    # The teacher's and the game's moves: queued for this frame's batch.
    def open_question(self, question: OpenQuestion) -> None:
        self._pending.extend(self.room.open_question(question))

    def close_question(self) -> None:
        self._pending.extend(self.room.close())

    def reveal(self, judge: Callable[[object], float], *, answer_label: str, explain: str) -> None:
        self._pending.extend(self.room.reveal(judge, answer_label=answer_label, explain=explain))

    def kick(self, token: str) -> None:
        self._pending.extend(self.room.kick(token))

    def rename(self, token: str, name: str) -> None:
        self._pending.extend(self.room.rename(token, name))

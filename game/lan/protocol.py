"""What may arrive from a phone: small JSON objects of known types, at a bounded rate.

Everything a phone sends is untrusted. A frame larger than MAX_MESSAGE_BYTES is refused
by the server before it is read (websockets' max_size); what does arrive must decode to
a JSON object whose "type" is one we know. A phone that sends faster than a person can
tap is throttled, and one that keeps at it is disconnected.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional, Union

MAX_MESSAGE_BYTES = 4096
KNOWN_TYPES = ("join", "answer", "check", "ping")


class BadMessage(ValueError):
    """A frame that is not a message we accept; the text is sent back to the phone."""


def parse_message(frame: Union[str, bytes]) -> dict:
    if isinstance(frame, bytes):
        raise BadMessage("Send text messages, not binary ones.")
    if len(frame.encode("utf-8", "surrogatepass")) > MAX_MESSAGE_BYTES:
        raise BadMessage("That message is too long.")
    try:
        message = json.loads(frame)
    except (ValueError, RecursionError):
        raise BadMessage("That message is not valid JSON.") from None
    if not isinstance(message, dict):
        raise BadMessage("A message must be a JSON object.")
    if message.get("type") not in KNOWN_TYPES:
        raise BadMessage(f"Unknown message type: use one of {', '.join(KNOWN_TYPES)}.")
    return message


@dataclass
class RateLimit:
    """A token bucket per connection: `rate` messages a second, bursts up to `burst`.

    `allow(now)` says whether a message arriving at `now` is taken. `strikes` counts the
    refused ones; past `max_strikes` the connection is to be closed.
    """
    rate: float = 5.0
    burst: float = 10.0
    max_strikes: int = 50
    tokens: Optional[float] = None
    last: float = 0.0
    strikes: int = 0

    def allow(self, now: float) -> bool:
        if self.tokens is None:
            self.tokens, self.last = self.burst, now
        self.tokens = min(self.burst, self.tokens + max(0.0, now - self.last) * self.rate)
        self.last = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        self.strikes += 1
        return False

    @property
    def exhausted(self) -> bool:
        return self.strikes > self.max_strikes

"""The phone server for real: websockets clients on 127.0.0.1 against game.lan."""

import contextlib
import json
import socket
import time
import urllib.error
import urllib.request

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from game.lan.host import PhoneHost
from game.lan.room import CHOOSE, OpenQuestion, PhoneChoice, Room
from game.lan.server import LanServer

CHOICES = (PhoneChoice("a", "Khrushchev"), PhoneChoice("b", "A historian"))


@pytest.fixture
def host():
    h = PhoneHost(Room("KQTZ", teams=("Reds", "Blues")),
                  LanServer(host="127.0.0.1", ports=(0,), handshake_seconds=0.5))
    h.start()
    with contextlib.ExitStack() as clients:
        h.clients = clients
        yield h
    h.stop()


def url(host, path="/"):
    return f"http://127.0.0.1:{host.server.port}{path}"


def ws(host, **kw):
    """A phone's connection, closed at the end of the test."""
    return host.clients.enter_context(
        connect(f"ws://127.0.0.1:{host.server.port}/ws", open_timeout=5, **kw))


def recv_until_closed(host, client, limit=1000):
    """Read (pumping the game side) until the server closes the connection."""
    for _ in range(limit):
        host.pump()
        try:
            client.recv(timeout=0.02)
        except TimeoutError:
            continue
    raise AssertionError("the connection stayed open")


def pump_until(host, client, kind, timeout=15.0):
    """Pump the game side until `client` receives a message of `kind`; return it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        host.pump()
        try:
            message = json.loads(client.recv(timeout=0.02))
        except TimeoutError:
            continue
        if message["type"] == kind:
            return message
    raise AssertionError(f"no {kind!r} message arrived")


def join(host, name):
    client = ws(host)
    pump_until(host, client, "welcome")
    client.send(json.dumps({"type": "join", "code": "KQTZ", "name": name}))
    return client, pump_until(host, client, "joined")


def test_the_phone_page_is_served_with_its_security_headers(host):
    with urllib.request.urlopen(url(host)) as response:
        body = response.read().decode()
        assert response.headers["Content-Type"].startswith("text/html")
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "phone.js" in body


@pytest.mark.parametrize("path", ["/../pyproject.toml", "/game/lan/server.py", "/etc/passwd", "/web/index.html"])
def test_only_the_fixed_paths_are_served(host, path):
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(url(host, path))
    assert error.value.code == 404


def test_a_page_from_another_origin_cannot_open_the_socket(host):
    with pytest.raises(InvalidStatus) as error:
        ws(host, origin="http://evil.example")
    assert error.value.response.status_code == 403


def test_a_phone_joins_answers_and_hears_why(host):
    client, joined = join(host, "Ana")
    assert joined["name"] == "Ana" and joined["team"] == "Reds"
    host.open_question(OpenQuestion("q1#1", CHOOSE, "Whose view?", CHOICES, deadline=None))
    question = pump_until(host, client, "question")
    assert [c["label"] for c in question["choices"]] == ["Khrushchev", "A historian"]
    client.send(json.dumps({"type": "answer", "question": "q1#1", "value": "b"}))
    pump_until(host, client, "answered")
    assert host.room.answer_count == 1
    host.reveal(lambda v: 1.0 if v == "b" else 0.0, answer_label="A historian", explain="Because.")
    result = pump_until(host, client, "result")
    assert result["correct"] and result["explain"] == "Because."


def test_a_late_answer_is_refused(host):
    client, _ = join(host, "Ana")
    opened = time.monotonic()
    host.open_question(OpenQuestion("q1#1", CHOOSE, "?", CHOICES, deadline=opened - 1.0,
                                    opened_at=opened - 2.0))
    pump_until(host, client, "question")
    client.send(json.dumps({"type": "answer", "question": "q1#1", "value": "a"}))
    assert "too late" in pump_until(host, client, "error")["message"]
    assert host.room.answer_count == 0


def test_a_phone_that_drops_rejoins_with_its_token_and_gets_the_question_back(host):
    client, joined = join(host, "Ana")
    host.open_question(OpenQuestion("q1#1", CHOOSE, "?", CHOICES))
    pump_until(host, client, "question")
    client.close()
    again = ws(host)
    pump_until(host, again, "welcome")
    again.send(json.dumps({"type": "join", "code": "KQTZ", "token": joined["token"]}))
    assert pump_until(host, again, "joined")["name"] == "Ana"
    assert pump_until(host, again, "question")["id"] == "q1#1"


def test_a_kicked_phone_is_disconnected(host):
    client, joined = join(host, "Rude")
    host.kick(joined["token"])
    assert pump_until(host, client, "kicked")
    with pytest.raises(ConnectionClosed):
        recv_until_closed(host, client)


def test_an_oversized_message_closes_the_connection(host):
    client, _ = join(host, "Ana")
    client.send("x" * 100_000)
    with pytest.raises(ConnectionClosed) as closed:
        recv_until_closed(host, client)
    assert closed.value.rcvd.code == 1009      # message too big


def test_malformed_json_gets_an_error_and_the_connection_lives_on(host):
    client, _ = join(host, "Ana")
    client.send("{not json")
    assert "not valid JSON" in pump_until(host, client, "error")["message"]
    client.send(json.dumps({"type": "ping"}))
    assert pump_until(host, client, "pong")


def test_a_flooding_phone_is_throttled_then_disconnected(host):
    client, _ = join(host, "Bot")
    with pytest.raises(ConnectionClosed) as closed:
        for _ in range(500):
            client.send(json.dumps({"type": "check"}))
        recv_until_closed(host, client)
    assert closed.value.rcvd is None or closed.value.rcvd.code == 1008


def test_a_connection_that_never_finishes_its_handshake_is_dropped(host):
    raw = socket.create_connection(("127.0.0.1", host.server.port), timeout=5)
    raw.settimeout(5)
    assert raw.recv(1024) == b""        # the server hung up after its handshake timeout
    raw.close()

"""The phone room's rules, without a socket: joining, answering, revealing, kicking."""

import random

import pytest

from game.lan.nicknames import NicknameError, check_nickname, clean_nickname
from game.lan.protocol import BadMessage, RateLimit, parse_message
from game.lan.room import (CHOOSE, ORDER, TEAM_PADS, Close, OpenQuestion, PhoneChoice, Room,
                           Send, new_room_code)

CHOICES = (PhoneChoice("a", "Khrushchev"), PhoneChoice("b", "A historian"), PhoneChoice("c", "A blogger"))


def tokens():
    n = iter(range(1, 10_000))
    return lambda: f"t{next(n)}"


def room(**kw):
    kw.setdefault("new_token", tokens())
    return Room("KQTZ", **kw)


def messages(outs, conn=None, kind=None):
    return [o.message for o in outs if isinstance(o, Send) and (conn is None or o.conn == conn)
            and (kind is None or o.message["type"] == kind)]


def join(r, conn, name, **extra):
    outs = r.join(conn, {"type": "join", "code": "KQTZ", "name": name, **extra}, now=0.0)
    joined = messages(outs, conn, "joined")
    return joined[0] if joined else messages(outs, conn, "error")[0]


def ask(r, qid="q1#1", deadline=30.0, kind=CHOOSE, choices=CHOICES):
    return r.open_question(OpenQuestion(qid, kind, "Whose view is this?", choices, deadline=deadline))


# -- nicknames ------------------------------------------------------------------------

def test_a_nickname_loses_invisible_and_direction_changing_characters():
    assert clean_nickname("A\u200bn\u202ea\u2066\ufeff") == "Ana"
    assert clean_nickname("  Big \n\t Bob ") == "Big Bob"


def test_a_nickname_is_cut_to_16_characters_and_fullwidth_letters_become_plain():
    assert clean_nickname("Ｋｒｕｓｃｈｅｖ") == "Kruschev"
    assert len(clean_nickname("x" * 100)) == 16


def test_a_nickname_of_only_invisible_characters_is_refused_with_a_reason():
    with pytest.raises(NicknameError, match="Type a nickname"):
        check_nickname("\u200b\u200d\ufe0f", [])


def test_two_nicknames_differing_only_in_case_are_the_same_name():
    with pytest.raises(NicknameError, match="already in the room"):
        check_nickname("ANA", ["ana"])


def test_a_stack_of_combining_marks_is_cut_down():
    import unicodedata
    cleaned = clean_nickname("Za" + "\u0336" * 40 + "lgo")
    marks = [ch for ch in cleaned if unicodedata.category(ch).startswith("M")]
    assert cleaned.startswith("Za") and cleaned.endswith("lgo") and len(marks) == 2


# -- protocol ---------------------------------------------------------------------------

@pytest.mark.parametrize("frame, reason", [
    (b"\x00\x01", "binary"), ("{" * 5000, "too long"), ("not json", "not valid JSON"),
    ("[1, 2]", "JSON object"), ('{"type": "rm -rf"}', "Unknown message type"),
])
def test_malformed_messages_are_refused_with_a_reason(frame, reason):
    with pytest.raises(BadMessage, match=reason):
        parse_message(frame)


def test_the_rate_limit_takes_a_burst_then_throttles_then_gives_up():
    limit = RateLimit(rate=5, burst=10, max_strikes=3)
    assert all(limit.allow(0.0) for _ in range(10))
    assert not limit.allow(0.0)
    assert limit.allow(0.2)            # one token back after 1/5 s
    for _ in range(3):
        limit.allow(0.2)
    assert limit.exhausted


def test_room_codes_use_only_letters_that_cannot_be_confused():
    codes = {new_room_code(random.Random(seed)) for seed in range(200)}
    assert all(len(c) == 4 and not set(c) & set("BGIOQSZ0158") for c in codes)


# -- joining ------------------------------------------------------------------------------

def test_a_wrong_room_code_is_refused():
    r = room()
    outs = r.join(1, {"type": "join", "code": "ABCD", "name": "Ana"}, now=0.0)
    assert "room code" in messages(outs, 1, "error")[0]["message"]
    assert not r.players


def test_students_are_spread_over_the_teams_when_they_do_not_pick():
    r = room(teams=("Reds", "Blues"))
    teams = [join(r, i, f"s{i}")["team"] for i in range(1, 5)]
    assert teams == ["Reds", "Blues", "Reds", "Blues"]


def test_a_locked_lobby_lets_no_new_player_in_but_lets_a_player_back():
    r = room()
    token = join(r, 1, "Ana")["token"]
    r.disconnect(1)
    r.lock(True)
    assert "locked" in join(r, 2, "Bob")["message"]
    again = r.join(3, {"type": "join", "code": "KQTZ", "token": token}, now=1.0)
    assert messages(again, 3, "joined")[0]["name"] == "Ana"


def test_a_kicked_player_is_told_closed_and_cannot_come_back_with_the_token():
    r = room()
    token = join(r, 1, "Ana")["token"]
    outs = r.kick(token)
    assert messages(outs, 1, "kicked") and Close(1, "kicked") in outs
    back = r.join(2, {"type": "join", "code": "KQTZ", "token": token}, now=0.0)
    assert "removed" in messages(back, 2, "error")[0]["message"]
    assert token not in r.players


def test_the_teacher_can_rename_a_player_and_the_phone_is_told():
    r = room()
    token = join(r, 1, "Rude")["token"]
    outs = r.rename(token, "Student 1")
    assert r.players[token].name == "Student 1" and messages(outs, 1, "renamed")


def test_a_second_tab_takes_over_and_the_first_is_closed():
    r = room()
    token = join(r, 1, "Ana")["token"]
    outs = r.join(2, {"type": "join", "code": "KQTZ", "token": token}, now=0.0)
    assert messages(outs, 1, "replaced") and Close(1, "replaced") in outs
    assert r.player_on(2).name == "Ana" and r.player_on(1) is None


def test_team_pads_answer_for_a_team_and_each_team_has_one_device():
    r = room(teams=("Reds", "Blues"), mode=TEAM_PADS)
    assert join(r, 1, "", team=0)["name"] == "Reds"
    assert "already has a device" in join(r, 2, "", team=0)["message"]
    assert "Pick your team" in join(r, 3, "")["message"]


# -- answering ------------------------------------------------------------------------------

def test_the_right_answer_is_never_in_what_the_phones_get_before_the_reveal():
    r = room()
    join(r, 1, "Ana")
    sent = messages(ask(r), 1, "question")[0]
    assert set(sent) == {"type", "id", "kind", "text", "choices", "deadline_in"}
    assert all(set(c) == {"key", "label", "detail"} for c in sent["choices"])


def test_one_answer_per_student_per_question():
    r = room()
    join(r, 1, "Ana")
    ask(r)
    assert messages(r.answer(1, {"type": "answer", "question": "q1#1", "value": "a"}, 1.0), 1, "answered")
    again = r.answer(1, {"type": "answer", "question": "q1#1", "value": "b"}, 2.0)
    assert "already answered" in messages(again, 1, "error")[0]["message"]
    assert r.answer_count == 1


def test_an_answer_after_the_deadline_is_refused_by_its_arrival_time():
    r = room()
    join(r, 1, "Ana")
    ask(r, deadline=30.0)
    late = r.answer(1, {"type": "answer", "question": "q1#1", "value": "a"}, now=30.01)
    assert "too late" in messages(late, 1, "error")[0]["message"]
    assert r.answer_count == 0


def test_an_answer_to_a_question_that_is_not_open_is_refused():
    r = room()
    join(r, 1, "Ana")
    ask(r, qid="q1#1")
    ask(r, qid="q2#2")
    old = r.answer(1, {"type": "answer", "question": "q1#1", "value": "a"}, 1.0)
    assert "not open" in messages(old, 1, "error")[0]["message"]


def test_an_answer_that_is_not_a_choice_is_refused():
    r = room()
    join(r, 1, "Ana")
    ask(r)
    bad = r.answer(1, {"type": "answer", "question": "q1#1", "value": "<script>"}, 1.0)
    assert "not one of the choices" in messages(bad, 1, "error")[0]["message"]


def test_an_order_must_use_every_card_once():
    r = room()
    join(r, 1, "Ana")
    ask(r, kind=ORDER)
    bad = r.answer(1, {"type": "answer", "question": "q1#1", "value": ["a", "a", "b"]}, 1.0)
    assert messages(bad, 1, "error")
    good = r.answer(1, {"type": "answer", "question": "q1#1", "value": ["c", "b", "a"]}, 1.0)
    assert messages(good, 1, "answered")


def test_a_phone_that_rejoins_gets_the_open_question_and_its_answer_back():
    r = room()
    token = join(r, 1, "Ana")["token"]
    ask(r)
    r.answer(1, {"type": "answer", "question": "q1#1", "value": "a"}, 1.0)
    r.disconnect(1)
    outs = r.join(2, {"type": "join", "code": "KQTZ", "token": token}, now=5.0)
    kinds = [m["type"] for m in messages(outs, 2)]
    assert kinds == ["joined", "question", "answered"]


# -- revealing and scoring --------------------------------------------------------------------

def test_the_reveal_tells_each_phone_right_or_wrong_and_why_and_scores_accuracy():
    r = room(teams=("Reds", "Blues"))
    join(r, 1, "Ana")
    join(r, 2, "Bob")
    join(r, 3, "Cy")              # does not answer
    ask(r)
    r.answer(1, {"type": "answer", "question": "q1#1", "value": "b"}, 1.0)
    r.answer(2, {"type": "answer", "question": "q1#1", "value": "a"}, 2.0)
    outs = r.reveal(lambda v: 1.0 if v == "b" else 0.0, answer_label="A historian", explain="Because.")
    ana, bob, cy = (messages(outs, c, "result")[0] for c in (1, 2, 3))
    assert (ana["correct"], ana["points"], ana["explain"]) == (True, 10, "Because.")
    assert (bob["correct"], bob["points"]) == (False, 0)
    assert cy["answered"] is False
    assert [row.name for row in r.rows] == ["Ana", "Bob"]
    assert [p.name for p in r.standings()][0] == "Ana"


def test_without_the_speed_bonus_a_slow_right_answer_scores_as_much_as_a_fast_one():
    r = room()
    join(r, 1, "Fast")
    join(r, 2, "Slow")
    ask(r, deadline=30.0)
    r.answer(1, {"type": "answer", "question": "q1#1", "value": "b"}, 1.0)
    r.answer(2, {"type": "answer", "question": "q1#1", "value": "b"}, 29.0)
    r.reveal(lambda v: 1.0, answer_label="", explain="")
    assert r.players["t1"].score == r.players["t2"].score == 10


def test_with_the_speed_bonus_a_fast_right_answer_scores_more():
    r = room(speed_bonus=True)
    join(r, 1, "Fast")
    join(r, 2, "Slow")
    ask(r, deadline=30.0)
    r.answer(1, {"type": "answer", "question": "q1#1", "value": "b"}, 1.0)
    r.answer(2, {"type": "answer", "question": "q1#1", "value": "b"}, 29.0)
    r.reveal(lambda v: 1.0, answer_label="", explain="")
    assert r.players["t1"].score > r.players["t2"].score >= 10


def test_team_scores_are_means_so_a_bigger_team_does_not_win_by_size():
    r = room(teams=("Reds", "Blues"))
    join(r, 1, "a", team=0)
    join(r, 2, "b", team=0)
    join(r, 3, "c", team=0)
    join(r, 4, "d", team=1)
    ask(r)
    for conn in (1, 2, 3, 4):
        r.answer(conn, {"type": "answer", "question": "q1#1", "value": "b" if conn in (1, 4) else "a"}, 1.0)
    r.reveal(lambda v: 1.0 if v == "b" else 0.0, answer_label="", explain="")
    assert dict((t, s) for t, s, _ in r.team_scores()) == {"Reds": pytest.approx(3.3, abs=0.1), "Blues": 10.0}


def test_no_answer_is_taken_after_the_reveal():
    r = room()
    join(r, 1, "Ana")
    ask(r, deadline=None)
    r.reveal(lambda v: 1.0, answer_label="", explain="")
    late = r.answer(1, {"type": "answer", "question": "q1#1", "value": "b"}, 1.0)
    assert messages(late, 1, "error") and not r.rows


def test_an_address_given_with_its_port_keeps_it_in_the_join_address(monkeypatch):
    from game.lan.addresses import ADDRESSES_ENV, join_url, local_addresses
    monkeypatch.setenv(ADDRESSES_ENV, "10.0.0.5, 192.168.1.20:8000")
    assert local_addresses() == ["10.0.0.5", "192.168.1.20:8000"]
    assert join_url("10.0.0.5", 8003, "KQTZ") == "http://10.0.0.5:8003/?room=KQTZ"
    assert join_url("192.168.1.20:8000", 8003, "KQTZ") == "http://192.168.1.20:8000/?room=KQTZ"

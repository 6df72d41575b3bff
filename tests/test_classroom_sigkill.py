"""Killing the game mid-session leaves a readable results file with every round played."""

import os
import signal
import subprocess
import sys
import time

from game.paths import results_dir
from game.store.results import list_results, read_results

CHILD = r"""
import sys, time
sys.path.insert(0, "tests")
from classroom_helpers import right_move, wrong_move
from rules_fixtures import ORDERABLE_EVENTS, content
from game.classroom.session import Classroom, open_writer
from game.classroom.setup import ClassroomSetup

setup = ClassroomSetup(teams=("Red", "Blue", "Green"), rounds=40,
                       round_types=("whose-view", "timeline"), timer=30, steal=True, seed=11)
room = Classroom(setup, content(events=ORDERABLE_EVENTS), writer=open_writer(setup))
turn = 0
while True:
    while room.phase != "round-over":
        if room.phase == "steal-offer":
            room.decline_steal()
            continue
        room.tick(2)
        move = wrong_move if turn % 3 == 0 else right_move
        room.answer(move(room.prompt))
        turn += 1
    print(f"saved {room.round_number} {len(room.rows)}", flush=True)
    time.sleep(0.15)
    room.next_round()
"""


def test_a_session_killed_after_a_few_rounds_leaves_every_completed_round_readable():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    child = subprocess.Popen([sys.executable, "-c", CHILD], cwd=root, env=dict(os.environ),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    reported = []
    try:
        deadline = time.monotonic() + 60
        while len(reported) < 4 and time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            reported.append(tuple(int(n) for n in line.split()[1:]))
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=10)
        error = child.stderr.read()
    assert len(reported) == 4, error
    files = list_results(results_dir())
    assert len(files) == 1
    saved = read_results(files[0])
    last_round, rows_then = reported[-1]
    assert saved.status == "in progress"
    assert saved.rounds >= last_round
    assert len(saved.rows) >= rows_then
    answers = [r for r in saved.rows if r.round_type in ("timeline", "whose-view")]
    assert len(answers) >= 3 * last_round
    csv_only = read_results(files[0].with_suffix(".csv").rename(files[0].with_suffix(".x.csv")))
    assert len(csv_only.rows) == len(saved.rows)

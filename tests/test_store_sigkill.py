"""A save killed at any moment leaves the old file or the new one: never half, never none.

A child process saves numbered versions of a large file in a loop; the test kills it with
SIGKILL at random moments, many times, and after every kill reads the file on disk.
"""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game import PROJECT_ROOT
from game.store.atomic import backup_path, write_atomic

pytestmark = pytest.mark.skipif(sys.platform.startswith("win"), reason="needs SIGKILL (POSIX)")

KILLS = 30
PADDING = 2_000_000  # bytes per version: large enough that a write takes a while

# Version k is fully determined by k, so any file on disk can be checked exactly.
CHILD = r"""
import sys
from game.store.atomic import write_atomic

def version(k):
    return ('{"counter": %d, "padding": "%s"}' % (k, "abcdefghij"[k % 10] * PADDING)).encode()

path, first, PADDING = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
k = first
while True:
    write_atomic(path, version(k))
    print(k, flush=True)
    k += 1
"""


def version(k: int) -> bytes:
    return ('{"counter": %d, "padding": "%s"}' % (k, "abcdefghij"[k % 10] * PADDING)).encode()


def assert_is_a_whole_version(path: Path, at_least: int) -> int:
    raw = path.read_bytes()  # FileNotFoundError here would mean the save lost the file
    counter = json.loads(raw)["counter"]
    assert raw == version(counter), f"{path.name} holds a mangled version {counter}"
    assert counter >= at_least, f"{path.name} went back from version {at_least} to {counter}"
    return counter


def test_a_save_killed_at_any_moment_leaves_the_old_or_the_new_file(tmp_path):
    rng = random.Random(1956)
    target = tmp_path / "progress.json"
    write_atomic(target, version(0))
    killed_mid_write = 0
    env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT))
    for kill in range(KILLS):
        first = (kill + 1) * 1000  # every run writes its own version numbers
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(target), str(first),
                                  str(PADDING)], env=env, stdout=subprocess.PIPE)
        # Wait until it is saving, then kill it a little later, at a random moment.
        assert child.stdout.readline(), "the child process never saved"
        time.sleep(rng.uniform(0.0, 0.08))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()

        # The child printed a version number, so it finished at least one save of its own.
        assert_is_a_whole_version(target, at_least=first)
        if backup_path(target).exists():
            assert_is_a_whole_version(backup_path(target), at_least=0)
        leftovers = list(tmp_path.glob(".*.tmp"))
        killed_mid_write += bool(leftovers)
        for leftover in leftovers:  # what remove_stale_temps would do an hour later
            leftover.unlink()

    # The test proves something only if some kills landed inside a save.
    assert killed_mid_write > 0, "no kill interrupted a save; the test proved nothing"

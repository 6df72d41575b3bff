"""Every screen of the `thaw screenshots` tours looks as its stored golden image does,
at 1024x640 and 1920x1080 (tests/golden/<size>/<name>.png), within a small tolerance.

After an intended change to a screen:  python -m game.tools.golden --refresh
A mismatch names the difference image it wrote (the differing pixels in magenta)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.tools import golden

CASES = [(size, name) for size in golden.SIZES for name in golden.golden_files(size)]
REFRESH = "if the change was intended, run: python -m game.tools.golden --refresh"


@pytest.fixture(scope="session")
def tours(tmp_path_factory):
    """Each size's tours rendered once per session: size -> {screen name: PNG}."""
    rendered: dict[str, dict[str, Path]] = {}

    def at(size: str) -> dict[str, Path]:
        if size not in rendered:
            rendered[size] = golden.render(tmp_path_factory.mktemp(f"tours-{size}"), size)
        return rendered[size]
    return at


@pytest.mark.parametrize("size", golden.SIZES)
def test_the_tours_show_exactly_the_screens_that_have_golden_images(tours, size):
    shown, stored = set(tours(size)), set(golden.golden_files(size))
    assert shown, f"the tours rendered nothing at {size}"
    assert shown == stored, (f"screens without a golden image: {sorted(shown - stored)}; golden images "
                             f"without a screen: {sorted(stored - shown)}; {REFRESH}")


@pytest.mark.parametrize("size,name", CASES, ids=[f"{s}/{n}" for s, n in CASES])
def test_the_screen_matches_its_golden_image(tours, size, name):
    shown = tours(size)
    assert name in shown, f"the tours no longer show {name} at {size}; {REFRESH}"
    problem = golden.compare_image(shown[name], golden.golden_files(size)[name], f"{size}/{name}")
    assert problem is None, f"{problem}; {REFRESH}"


# The comparison itself, on small made-up images.

def _png(path: Path, paint) -> Path:
    surface = pygame.Surface((100, 50))
    surface.fill((240, 230, 220))
    paint(surface)
    golden.write_png(surface, path)
    return path


def test_a_moved_box_is_a_mismatch_and_its_difference_image_is_written_beside_the_output(tmp_path):
    old = _png(tmp_path / "old.png", lambda s: s.fill((20, 40, 160), (10, 10, 20, 20)))
    new = _png(tmp_path / "new.png", lambda s: s.fill((20, 40, 160), (14, 10, 20, 20)))
    problem = golden.compare_image(new, old, "100x50/box")
    assert problem is not None and "100x50/box" in str(problem)
    assert problem.diff == tmp_path / "new.diff.png" and problem.diff.is_file()
    marked = pygame.image.load(str(problem.diff))
    assert marked.get_at((12, 15))[:3] == golden.DIFF_COLOUR   # uncovered by the move
    assert marked.get_at((31, 15))[:3] == golden.DIFF_COLOUR   # newly covered
    assert marked.get_at((20, 15))[:3] != golden.DIFF_COLOUR   # covered in both


def test_faint_colour_noise_and_a_few_stray_pixels_still_match(tmp_path):
    old = _png(tmp_path / "old.png", lambda s: s.fill((20, 40, 160), (10, 10, 20, 20)))

    def noisy(surface):
        surface.fill((30, 50, 150), (10, 10, 20, 20))            # every channel off by 10
        surface.set_at((90, 40), (0, 0, 0))                      # 1 pixel in 5000: 0.02%
    new = _png(tmp_path / "new.png", noisy)
    assert golden.compare_image(new, old, "100x50/noise") is None
    assert not (tmp_path / "new.diff.png").exists()


def test_a_different_size_is_a_mismatch(tmp_path):
    old = _png(tmp_path / "old.png", lambda s: None)
    golden.write_png(pygame.Surface((100, 60)), tmp_path / "new.png")
    problem = golden.compare_image(tmp_path / "new.png", old, "x")
    assert problem is not None and "size" in problem.reason

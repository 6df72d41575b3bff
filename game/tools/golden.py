"""Golden screenshots: every screen of the `thaw screenshots` tours, compared with stored images.

    python -m game.tools.golden            compare (what tests/test_golden_screens.py does)
    python -m game.tools.golden --refresh  re-render tests/golden/<size>/<name>.png after an
                                           intended change to the look of a screen

The tours run through the public command behind `thaw screenshots` (seed 7), with the
bundled pack and its documents copied to a scratch folder that is also the current folder,
and the user folders inside it, so every path shown on screen is the same on every machine.
Two images match when at most MAX_SHARE of their pixels differ by more than CHANNEL_TOLERANCE
in any colour channel (room for font rasterising to wobble, none for a moved widget).
A mismatch writes <output>.diff.png: the new image faded, the differing pixels in magenta.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import struct
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Sequence

import game

SIZES = ("1024x640", "1920x1080")
SEED = 7
GOLDEN_DIR = game.PROJECT_ROOT / "tests" / "golden"
CHANNEL_TOLERANCE = 24   # a channel may differ by up to this much (of 255) and still match
MAX_SHARE = 0.002        # ... and at most 0.2% of the pixels may differ by more
DIFF_COLOUR = (255, 0, 255)


@dataclass(frozen=True)
class Mismatch:
    name: str            # "<size>/<screen>"
    reason: str
    diff: Optional[Path] = None

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}" + (f" (difference image: {self.diff})" if self.diff else "")


@contextlib.contextmanager
def _patched(obj, name: str, value) -> Iterator[None]:
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


def render(outdir: Path, size: str, seed: int = SEED) -> dict[str, Path]:
    """Run the screenshot tours at one size into outdir; {screen name: PNG file}."""
    from game.commands import screenshots
    outdir = Path(outdir).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="thaw-golden-") as scratch, contextlib.ExitStack() as stack:
        stage = Path(scratch)
        for name in ("levels", "seeds"):
            shutil.copytree(game.DATA_ROOT / name, stage / name)
        stack.enter_context(_patched(game, "LEVELS_DIR", stage / "levels"))
        stack.enter_context(_patched(game, "SEEDS_DIR", stage / "seeds"))
        here = os.getcwd()
        os.chdir(stage)
        stack.callback(os.chdir, here)
        with contextlib.redirect_stdout(open(os.devnull, "w")):
            status = screenshots.run(argparse.Namespace(outdir=str(outdir), size=[size], seed=seed,
                                                        home="home"))
        if status:
            raise RuntimeError(f"thaw screenshots failed at {size} (exit status {status})")
    prefix = f"{size}-"
    return {p.name[len(prefix):-len(".png")]: p for p in sorted(outdir.glob(f"{prefix}*.png"))}


def golden_files(size: str, golden_dir: Path = GOLDEN_DIR) -> dict[str, Path]:
    return {p.stem: p for p in sorted((golden_dir / size).glob("*.png"))}


def _rgb(path: Path):
    import pygame
    loaded = pygame.image.load(str(path))
    surface = pygame.Surface(loaded.get_size(), 0, 32)
    surface.blit(loaded, (0, 0))
    return surface


def compare_image(actual: Path, expected: Path, name: str) -> Optional[Mismatch]:
    """None when they match; else a Mismatch, with actual.diff.png written beside actual."""
    import pygame
    new, old = _rgb(actual), _rgb(expected)
    if new.get_size() != old.get_size():
        return Mismatch(name, f"size {new.get_size()} but the golden image is {old.get_size()}")
    # |new - old| per channel, in C: (new - old) max (old - new), each clamped at 0.
    up, down = new.copy(), old.copy()
    up.blit(old, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    down.blit(new, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    up.blit(down, (0, 0), special_flags=pygame.BLEND_RGB_MAX)
    t = CHANNEL_TOLERANCE + 1
    same = pygame.mask.from_threshold(up, (0, 0, 0, 255), (t, t, t, 255))
    total = new.get_width() * new.get_height()
    differing = total - same.count()
    if differing <= MAX_SHARE * total:
        return None
    same.invert()
    faded = new.copy()
    faded.fill((150, 150, 150), special_flags=pygame.BLEND_RGB_MULT)
    faded.blit(same.to_surface(setcolor=DIFF_COLOUR, unsetcolor=None), (0, 0))
    diff = actual.with_name(actual.stem + ".diff.png")
    pygame.image.save(faded, str(diff))
    return Mismatch(name, f"{differing} of {total} pixels ({differing / total:.2%}) differ by more "
                          f"than {CHANNEL_TOLERANCE} (allowed {MAX_SHARE:.1%})", diff)


def compare(rendered: dict[str, Path], size: str, golden_dir: Path = GOLDEN_DIR) -> list[Mismatch]:
    """Every rendered screen against its golden image, and every golden image has its screen."""
    stored = golden_files(size, golden_dir)
    problems = []
    for name, path in rendered.items():
        if name not in stored:
            problems.append(Mismatch(f"{size}/{name}", "new screen without a golden image"))
        else:
            found = compare_image(path, stored[name], f"{size}/{name}")
            if found:
                problems.append(found)
    for name in sorted(set(stored) - set(rendered)):
        problems.append(Mismatch(f"{size}/{name}", "golden image for a screen the tours no longer show"))
    return problems


def write_png(surface, path: Path) -> None:
    """A small PNG (RGB, zlib level 9): a quarter smaller than pygame's own save."""
    import pygame
    width, height = surface.get_size()
    raw = pygame.image.tobytes(surface, "RGB")
    stride = width * 3
    rows = b"".join(b"\0" + raw[y * stride:(y + 1) * stride] for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def refresh(golden_dir: Path = GOLDEN_DIR, sizes: Sequence[str] = SIZES) -> list[Path]:
    """Re-render every screen and replace the golden images (stale ones are removed)."""
    written = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="thaw-golden-out-") as out:
            rendered = render(Path(out), size)
            target = golden_dir / size
            if target.exists():
                shutil.rmtree(target)
            target.mkdir(parents=True)
            for name, path in rendered.items():
                write_png(_rgb(path), target / f"{name}.png")
                written.append(target / f"{name}.png")
    return written


def main(argv: Optional[Sequence[str]] = None) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    parser = argparse.ArgumentParser(prog="python -m game.tools.golden", description=__doc__.split("\n")[0])
    parser.add_argument("--refresh", action="store_true", help="rewrite the golden images from the tours")
    parser.add_argument("--out", default=None, help="where to render for a comparison (default: a temp folder)")
    args = parser.parse_args(argv)
    if args.refresh:
        written = refresh()
        size = sum(p.stat().st_size for p in written)
        print(f"wrote {len(written)} golden images to {GOLDEN_DIR} ({size / 1e6:.1f} MB)")
        return 0
    out = Path(args.out or tempfile.mkdtemp(prefix="thaw-golden-check-"))
    problems = []
    for size in SIZES:
        problems += compare(render(out, size), size)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} mismatch(es); rendered images in {out}" if problems
          else f"all screens match their golden images ({out})")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

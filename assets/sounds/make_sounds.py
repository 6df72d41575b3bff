"""Generate the game's short sounds (right, wrong, place) as WAV files, stdlib only.

Run: python assets/sounds/make_sounds.py   (writes right.wav, wrong.wav, place.wav here)
"""

import math
import struct
import wave
from pathlib import Path

RATE = 22050
HERE = Path(__file__).resolve().parent


def tone(freqs, seconds, volume=0.35, decay=6.0):
    """A soft bell-like tone: sine partials with an exponential fade."""
    frames = []
    count = int(RATE * seconds)
    for i in range(count):
        t = i / RATE
        envelope = math.exp(-decay * t) * min(1.0, i / (RATE * 0.005))
        value = sum(math.sin(2 * math.pi * f * t) / (n + 1) for n, f in enumerate(freqs))
        frames.append(volume * envelope * value / len(freqs))
    return frames


def write(name, samples):
    with wave.open(str(HERE / f"{name}.wav"), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(max(-1, min(1, s)) * 32767))
                                 for s in samples))


def main():
    # right: a rising major third; wrong: a low falling pair; place: a short wooden tap.
    write("right", tone([660, 1320], 0.12) + tone([830, 1660], 0.28))
    write("wrong", tone([220, 330], 0.14, decay=8) + tone([185, 277], 0.3, decay=7))
    write("place", tone([440, 880, 1760], 0.09, volume=0.3, decay=30))


if __name__ == "__main__":
    main()

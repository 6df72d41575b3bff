"""Bundled documents are citable from anywhere: `seed: NAME` (issue 13, item 2)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import game
from game import cli
from game.content.loader import load_pack

from packhelp import TODAY_IS, errors_of, marked_line

TEMPLATE = game.PROJECT_ROOT / "docs" / "template-pack.yaml"


def seed_pack(folder: Path, source: str) -> Path:
    path = folder / "pack.yaml"
    path.write_text(f"""\
format: 1
pack: seeded
title: Seeded
sources:
  - id: today-is
{source}
events:
  - id: secret-speech
    title: The Secret Speech
    date: 1956-02-25
    summary: Khrushchev denounces Stalin.
    cite: {{source: today-is, excerpt: "he denounced Joseph Stalin"}}
""", encoding="utf-8")
    return path


def test_the_template_copied_unchanged_into_the_user_pack_folder_validates(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("THAW_HOME", str(tmp_path / "home"))
    packs = tmp_path / "home" / "packs"
    packs.mkdir(parents=True)
    shutil.copy(TEMPLATE, packs / "template-pack.yaml")
    code = cli.main(["validate"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert any(line.startswith("OK") and "template-pack.yaml" in line for line in out.splitlines()), out


def test_a_seed_names_a_document_in_the_bundled_seeds_folder_from_any_folder(tmp_path):
    pack = load_pack(seed_pack(tmp_path, f"    seed: {TODAY_IS}"))
    [source] = pack.sources
    assert source.path == (Path(game.SEEDS_DIR) / TODAY_IS).resolve()
    assert "he denounced Joseph Stalin" in source.text


def test_seeds_are_found_where_the_game_says_its_seeds_folder_is(tmp_path, monkeypatch):
    elsewhere = tmp_path / "installed" / "seeds"
    elsewhere.mkdir(parents=True)
    (elsewhere / "speech.txt").write_text("In 1956 he denounced Joseph Stalin.", encoding="utf-8")
    monkeypatch.setattr(game, "SEEDS_DIR", elsewhere)
    pack = load_pack(seed_pack(tmp_path, "    seed: speech.txt"))
    assert pack.sources[0].path == (elsewhere / "speech.txt").resolve()


def test_a_seed_that_does_not_exist_is_an_error_with_a_suggestion(tmp_path):
    path = seed_pack(tmp_path, "    seed: 001_a8f04e5286436080.txt #!")
    [error] = errors_of(path)
    assert error.line == marked_line(path)
    assert "source 'today-is': seed '001_a8f04e5286436080.txt' does not exist" in error.message
    assert f"(did you mean '{TODAY_IS}'?)" in error.message


@pytest.mark.parametrize("name", ["../levels/khrushchev-era.yaml", "sub/doc.txt", ".."])
def test_a_seed_is_a_bare_file_name(tmp_path, name):
    path = seed_pack(tmp_path, f"    seed: '{name}' #!")
    [error] = errors_of(path)
    assert error.line == marked_line(path)
    assert "must be the name of a file in the game's seeds/ folder" in error.message


def test_a_source_gives_file_or_seed_not_both(tmp_path):
    path = seed_pack(tmp_path, f"    file: {TODAY_IS}\n    seed: {TODAY_IS} #!")
    [error] = errors_of(path)
    assert error.line == marked_line(path)
    assert "give either 'file' or 'seed', not both" in error.message


def test_a_source_without_file_or_seed_says_both_ways(tmp_path):
    path = seed_pack(tmp_path, "    title: Today Is")
    [error] = errors_of(path)
    assert "missing required key 'file' (a document next to the pack) or 'seed'" in error.message

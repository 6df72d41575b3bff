"""Finding cited excerpts in documents, whatever quote style and line breaks were typed."""

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from game.content.text import fold, locate, occurs, passage

DOC = "He said, \u201cthe cult of\n   personality\u201d was wrong.\nIt wasn\u2019t the party\u2019s fault."


def test_fold_straightens_curly_quotes_and_joins_whitespace():
    assert fold("  \u201cA\u2019s\n\t b\u201d  ") == "\"A's b\""


def test_an_excerpt_typed_with_straight_quotes_matches_curly_ones():
    assert occurs(DOC, "It wasn't the party's fault")


def test_an_excerpt_matches_across_line_breaks_and_extra_spaces():
    assert occurs(DOC, '"the cult of personality" was wrong')


def test_a_changed_word_does_not_match():
    assert not occurs(DOC, "the cult of personalities")


def test_an_empty_excerpt_never_matches():
    assert locate(DOC, "   ") is None


def test_locate_gives_offsets_in_the_original_document():
    start, end = locate(DOC, "cult of personality")
    assert DOC[start:end] == "cult of\n   personality"


def test_a_passage_keeps_the_original_text_and_its_line():
    found = passage(DOC, "the party's fault")
    assert found.excerpt == "the party\u2019s fault"
    assert found.line == 3
    assert found.before.endswith("It wasn\u2019t ")
    assert found.after == "."


def test_a_long_passage_is_cut_at_word_ends_with_an_ellipsis():
    words = " ".join(f"word{i}" for i in range(400))
    found = passage(words, "word200 word201", context=60)
    assert found.before.startswith("\u2026") and found.after.endswith("\u2026")
    assert len(found.before) <= 62 and len(found.after) <= 62
    assert not found.after[:-1].endswith("wor")  # never a half word before the ellipsis


@given(st.text(min_size=1, max_size=200), st.data())
def test_every_slice_of_a_document_occurs_in_it(document, data):
    start = data.draw(st.integers(0, len(document) - 1))
    end = data.draw(st.integers(start + 1, len(document)))
    excerpt = document[start:end]
    if fold(excerpt):
        assert occurs(document, excerpt)


@given(st.text(alphabet=st.sampled_from(list("ab '\"\u2018\u2019\u201c\u201d\u00ab\u00bb\u2032\n\t\r\x0b\x0c\x1c\x85\xa0\u2028\u3000")), max_size=60))
def test_fold_agrees_with_the_offset_keeping_fold_used_by_locate(text):
    from game.content.text import _fold_with_map
    assert fold(text) == _fold_with_map(text)[0].strip()


# --- a document folded and indexed once ------------------------------------------------------
def _reference_locate(document, excerpt):
    """The per-character fold with a full map: slow, obviously right."""
    from game.content.text import _fold_with_map
    needle = fold(excerpt)
    folded, where = _fold_with_map(document)
    found = folded.find(needle) if needle else -1
    return None if found < 0 else (where[found], where[found + len(needle) - 1] + 1)


def test_the_indexed_document_finds_every_excerpt_where_the_full_fold_does():
    import random
    from game.content.text import FoldedText
    rng = random.Random(1964)
    words = ["thaw", "speech", "\u201ccult\u201d", "plenum", "a", "the", "corn", "Khrushchev's"]
    spaces = [" ", " ", "  ", "\n", "\n\n", " \t "]
    for _ in range(40):
        document = "".join(rng.choice(words) + rng.choice(spaces) for _ in range(rng.randrange(5, 200)))
        folded = FoldedText(document)
        for _ in range(30):   # more look-ups than the index waits for: both paths are tried
            start = rng.randrange(len(document))
            excerpt = document[start:start + rng.randrange(1, 60)].replace("\u201c", '"')
            if rng.random() < 0.2:
                excerpt += " missing"
            assert folded.locate(excerpt) == _reference_locate(document, excerpt), excerpt


def test_a_source_keeps_its_folded_text_so_a_passage_never_folds_the_document_again():
    from game.content.model import Source
    from game.content.text import FoldedText
    text = "One.  Two \u201cthree\u201d four.\n\nFive six."
    source = Source("s", Path("s.txt"), "S", "", text, folded=FoldedText(text))
    kept = source.folded
    found = source.passage('Two "three"')
    assert found is not None and found.excerpt == "Two \u201cthree\u201d"
    assert source.folded is kept


def test_a_passage_is_found_through_the_index_in_a_long_document():
    from game.content.text import FoldedText
    sentences = [f"Sentence {n} of the plenum speech." for n in range(20000)]
    document = "  ".join(sentences)
    folded = FoldedText(document)
    for n in (0, 19999, 12345, 7, 19998, 3, 4, 5, 6, 8, 9):
        start, end = folded.locate(f"sentence {n} of".replace("sentence", "Sentence"))
        assert document[start:end] == f"Sentence {n} of"
    assert folded._words is not None      # the word index was built and used
    assert folded.locate("Sentence 20000 of") is None

"""Finding cited excerpts in documents, whatever quote style and line breaks were typed."""

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

"""The source-work question kinds in the pack format: each valid form builds, each mistake
is reported at its line (issue 12: sourcing, corroboration, spectrum, claim-evidence)."""

from __future__ import annotations

import pytest

from game.content.loader import load_pack
from game.content.model import CLAIM, CORROBORATION, SOURCING, SPECTRUM

from packhelp import errors_of, marked_line, write_pack

SOURCING_Q = """\
  - id: s-date
    kind: sourcing
    facet: date
    quote: "that is exactly what Nikita Khrushchev did today in 1956"
    cite: {{source: today-is}}
    choices: ["On the 68th anniversary, in 2024", "In 1956"]
    answer: "On the 68th anniversary, in 2024"
    explain: The post is dated 25 February 2024.
"""
CORROBORATION_Q = """\
  - id: co-resentment
    kind: corroboration
    quote: "led to resentment from many party members"
    cite: {{source: today-is}}
    relation: supports
    passages:
      - {{source: discussion, excerpt: "distress, outrage and confusion"}}
      - {{source: hexbear, excerpt: "Lenin's the goat"}}
    answer: discussion
    explain: Jones describes the same reaction.
"""
SPECTRUM_Q = """\
  - id: sp-far
    kind: spectrum
    scale: ["went too far", "did not go far enough"]
    placements:
      - perspective: forum-ml
        why: Calls destalinization moronic.
        cite: {{source: hexbear, excerpt: "completely moronic and self-serving"}}
      - perspective: khrushchev
        place: 2
        why: He made the speech.
      - perspective: popular-blog
        place: 2
        why: Welcomes the dethroning.
    explain: From the critic to the speaker.
"""
CLAIM_Q = """\
  - id: ce-poznan
    kind: claim-evidence
    quote: "While this was swiftly crushed by Soviet troops, it set a precedent"
    cite: {{source: today-is}}
    statements: ["swiftly crushed by Soviet troops", "it set a precedent"]
    answer: "swiftly crushed by Soviet troops"
    explain: Poznań was put down by Polish troops.
"""


def pack_with(tmp_path, *questions: str):
    return write_pack(tmp_path, "questions:\n" + "".join(questions))


def only_error_at_marker(path, *fragments):
    errors = errors_of(path)
    assert len(errors) == 1, [str(e) for e in errors]
    error = errors[0]
    assert error.line == marked_line(path), str(error)
    for fragment in fragments:
        assert fragment in error.message, str(error)
    return error


def test_all_four_kinds_build_with_their_own_fields(tmp_path):
    path = pack_with(tmp_path, SOURCING_Q,
                     CORROBORATION_Q, SPECTRUM_Q, CLAIM_Q)
    pack = load_pack(path)
    by_kind = {q.kind: q for q in pack.questions}
    sourcing = by_kind[SOURCING]
    assert sourcing.facet == "date" and sourcing.answer == "On the 68th anniversary, in 2024"
    corroboration = by_kind[CORROBORATION]
    assert corroboration.relation == "supports"
    assert corroboration.answer == "test-pack:discussion"
    assert [c.source.id for c in corroboration.passages] == ["test-pack:discussion",
                                                             "test-pack:hexbear"]
    assert corroboration.passage_for(corroboration.answer).excerpt == \
        "distress, outrage and confusion"
    spectrum = by_kind[SPECTRUM]
    assert spectrum.scale == ("went too far", "did not go far enough")
    assert [(p.perspective, p.place) for p in spectrum.placements] == [
        ("test-pack:forum-ml", 1), ("test-pack:khrushchev", 2), ("test-pack:popular-blog", 2)]
    assert spectrum.placements[0].cite.excerpt == "completely moronic and self-serving"
    claim = by_kind[CLAIM]
    assert claim.statements == ("swiftly crushed by Soviet troops", "it set a precedent")
    assert claim.choices[-1] == "none"


def test_a_sourcing_facet_must_be_one_of_the_five(tmp_path):
    path = pack_with(tmp_path, SOURCING_Q
                     .replace("facet: date", "facet: dated  #!"))
    only_error_at_marker(path, "facet 'dated'", "did you mean 'date'")


def test_a_sourcing_answer_must_be_one_of_its_choices(tmp_path):
    path = pack_with(tmp_path, SOURCING_Q
                     .replace('answer: "On the 68th anniversary, in 2024"',
                              'answer: "In 1964"  #!'))
    only_error_at_marker(path, "not one of its choices")


def test_a_sourcing_question_needs_a_facet_and_a_cite(tmp_path):
    text = SOURCING_Q.replace("    facet: date\n", "")
    text = text.replace("  - id: s-date", "  - id: s-date  #!")
    path = pack_with(tmp_path, text)
    only_error_at_marker(path, "missing required key 'facet'", "sourcing")


def test_a_key_of_another_kind_is_refused_with_the_keys_the_kind_takes(tmp_path):
    path = pack_with(tmp_path, CLAIM_Q.replace('    explain: Poznań',
                                               '    facet: date  #!\n    explain: Poznań'))
    only_error_at_marker(path, "does not take 'facet'", "statements")


def test_an_unknown_kind_lists_the_six_kinds(tmp_path):
    path = pack_with(tmp_path, CLAIM_Q.replace("kind: claim-evidence", "kind: claim  #!"))
    only_error_at_marker(path, "kind 'claim'", "claim-evidence", "spectrum", "corroboration")


def test_a_corroboration_passage_must_occur_in_its_document(tmp_path):
    path = pack_with(tmp_path, CORROBORATION_Q.replace(
        'excerpt: "Lenin\'s the goat"}}', 'excerpt: "Lenin is the goat"}}  #!'))
    only_error_at_marker(path, "does not occur in source 'hexbear'")


def test_a_corroboration_answer_must_be_the_source_of_an_offered_passage(tmp_path):
    path = pack_with(tmp_path, CORROBORATION_Q.replace("answer: discussion",
                                                       "answer: today-is  #!"))
    only_error_at_marker(path, "not the source of one of its passages", "discussion, hexbear")


def test_a_corroboration_cannot_offer_the_claims_own_document(tmp_path):
    path = pack_with(tmp_path, CORROBORATION_Q.replace(
        '      - {{source: hexbear, excerpt: "Lenin\'s the goat"}}',
        '      - {{source: today-is, excerpt: "the West welcomed"}}  #!'))
    only_error_at_marker(path, "claim's own source 'today-is'")


def test_a_corroboration_offers_one_passage_per_document(tmp_path):
    path = pack_with(tmp_path, CORROBORATION_Q.replace(
        '      - {{source: hexbear, excerpt: "Lenin\'s the goat"}}',
        '      - {{source: discussion, excerpt: "learned its lesson"}}  #!'))
    only_error_at_marker(path, "'discussion' is offered twice")


def test_a_corroboration_relation_is_supports_or_contradicts(tmp_path):
    path = pack_with(tmp_path, CORROBORATION_Q.replace("relation: supports",
                                                       "relation: support  #!"))
    only_error_at_marker(path, "relation 'support'", "did you mean 'supports'")


def test_a_spectrum_scale_has_two_ends(tmp_path):
    path = pack_with(tmp_path, SPECTRUM_Q.replace(
        'scale: ["went too far", "did not go far enough"]',
        'scale: ["too far", "about right", "not far enough"]  #!'))
    only_error_at_marker(path, "a scale has 2 ends")


def test_a_spectrum_places_three_to_five_voices(tmp_path):
    text = SPECTRUM_Q.split("      - perspective: khrushchev")[0] + \
        "    explain: Too few.\n"
    path = pack_with(tmp_path, text.replace("    placements:", "    placements:  #!"))
    errors = errors_of(path)
    assert any("place 3 to 5 voices on the scale, not 1" in e.message
               and e.line == marked_line(path) + 1 for e in errors), [str(e) for e in errors]


def test_a_spectrum_placement_names_a_known_perspective(tmp_path):
    path = pack_with(tmp_path, SPECTRUM_Q.replace("perspective: khrushchev",
                                                  "perspective: krushchev  #!"))
    only_error_at_marker(path, "krushchev")


def test_a_spectrum_cannot_place_one_voice_twice(tmp_path):
    path = pack_with(tmp_path, SPECTRUM_Q.replace("      - perspective: popular-blog",
                                                  "      - perspective: forum-ml  #!"))
    errors = errors_of(path)
    assert any("'forum-ml' is placed twice" in e.message for e in errors), \
        [str(e) for e in errors]


def test_a_spectrum_with_every_voice_level_has_nothing_to_order(tmp_path):
    text = SPECTRUM_Q.replace("        place: 2\n", "        place: 1\n")
    path = pack_with(tmp_path, text.replace("    placements:", "    placements:  #!"))
    errors = errors_of(path)
    assert any("every voice has the same place" in e.message for e in errors), \
        [str(e) for e in errors]


def test_a_placement_quote_must_be_cited(tmp_path):
    path = pack_with(tmp_path, SPECTRUM_Q.replace(
        "        why: He made the speech.",
        '        why: He made the speech.\n        quote: "a return to Leninism"  #!'))
    only_error_at_marker(path, "a quote needs a 'cite'")


def test_a_claim_statement_must_occur_in_the_quote(tmp_path):
    path = pack_with(tmp_path, CLAIM_Q.replace(
        'statements: ["swiftly crushed by Soviet troops", "it set a precedent"]',
        'statements: ["swiftly crushed by Soviet troops", "crushed by Polish troops"]  #!'))
    only_error_at_marker(path, "does not occur in the quote")


def test_a_claim_answer_is_a_statement_or_none(tmp_path):
    good = pack_with(tmp_path, CLAIM_Q.replace('answer: "swiftly crushed by Soviet troops"',
                                               "answer: none"))
    assert load_pack(good).questions[0].answer == "none"
    path = pack_with(tmp_path, CLAIM_Q.replace('answer: "swiftly crushed by Soviet troops"',
                                               'answer: "crushed by troops"  #!'))
    only_error_at_marker(path, "not one of its statements, nor 'none'")


def test_a_claim_quote_must_occur_in_the_cited_document(tmp_path):
    path = pack_with(tmp_path, CLAIM_Q.replace(
        'quote: "While this was swiftly crushed by Soviet troops, it set a precedent"',
        'quote: "While this was swiftly crushed by Polish troops"  #!')
        .replace('statements: ["swiftly crushed by Soviet troops", "it set a precedent"]',
                 'statements: ["swiftly crushed", "Polish troops"]')
        .replace('answer: "swiftly crushed by Soviet troops"', 'answer: "Polish troops"'))
    only_error_at_marker(path, "does not occur in source 'today-is'")


@pytest.mark.parametrize("kind", ["sourcing", "corroboration", "claim-evidence", "spectrum"])
def test_the_bundled_pack_asks_at_least_eight_questions_of_each_new_kind(kind):
    from game.content.library import load_library
    pack = next(p for p in load_library().packs if p.id == "khrushchev-era")
    assert sum(q.kind == kind for q in pack.questions) >= 8


def test_the_guides_source_work_examples_load_against_the_bundled_pack(tmp_path):
    import game
    from game.content.library import load_library
    from game.content.loader import check_pack
    from game.content.yamlsafe import read_yaml
    guide = (game.PROJECT_ROOT / "docs" / "packs.md").read_text(encoding="utf-8")
    section = guide.split("## Source work", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    bundled = next(p for p in load_library().packs if p.id == "khrushchev-era")
    # Own ids for the examples: the bundled pack already has questions of these ids.
    example = example.replace("  - id: ", "  - id: doc-")
    path = tmp_path / "example.yaml"
    path.write_text("format: 1\npack: doc-example\ntitle: Examples\n"
                    "requires: [khrushchev-era]\n" + example, encoding="utf-8")
    checked = check_pack(read_yaml(path), {"khrushchev-era": bundled})
    assert not checked.errors, [str(e) for e in checked.errors]
    assert {q.kind for q in checked.pack.questions} == {
        SOURCING, CORROBORATION, SPECTRUM, CLAIM}

"""Drawing from a pool (issue 15, item 5): a deal samples the places it reads instead of
shuffling the whole pool, and stays a fair, seeded draw without repeats."""

import random
from collections import Counter
from dataclasses import dataclass

from game.rules import pool


@dataclass(frozen=True)
class Item:
    id: str


POOL = tuple(Item(f"q{n:05d}") for n in range(5000))


class CountingRandom(random.Random):
    def __init__(self, seed):
        super().__init__(seed)
        self.calls = 0

    def randrange(self, *args, **kwargs):
        self.calls += 1
        return super().randrange(*args, **kwargs)

    def shuffle(self, x):
        self.calls += len(x)
        return super().shuffle(x)


def test_one_question_from_five_thousand_draws_a_couple_of_places_not_five_thousand():
    rng = CountingRandom(1)
    chosen, seen = pool.draw(rng, POOL, frozenset(), 1)
    assert len(chosen) == 1 and seen == {chosen[0].id}
    assert rng.calls <= 3


def test_twelve_cards_that_all_fit_draw_about_twelve_places():
    rng = CountingRandom(2)
    chosen, _ = pool.draw(rng, POOL, frozenset(), 12)
    assert len({c.id for c in chosen}) == 12 and rng.calls <= 14


def test_the_same_seed_gives_the_same_deal_and_other_seeds_other_deals():
    deal = [pool.draw(random.Random(seed), POOL, frozenset(), 5)[0] for seed in (7, 7, 8)]
    assert deal[0] == deal[1] != deal[2]


def test_the_deal_does_not_depend_on_the_order_the_pool_comes_in():
    shuffled = list(POOL)
    random.Random(3).shuffle(shuffled)
    assert (pool.draw(random.Random(9), POOL, frozenset(), 4)[0]
            == pool.draw(random.Random(9), tuple(shuffled), frozenset(), 4)[0])


def test_every_item_is_about_equally_likely_to_be_dealt():
    small = POOL[:10]
    counts = Counter(pool.draw(random.Random(seed), small, frozenset(), 1)[0][0].id
                     for seed in range(5000))
    assert set(counts) == {item.id for item in small}
    assert max(counts.values()) < 600 and min(counts.values()) > 400     # 500 expected


def test_unseen_items_come_first_and_a_used_up_pool_starts_again():
    seen = frozenset(item.id for item in POOL[:4990])
    chosen, now = pool.draw(random.Random(4), POOL, seen, 10)
    assert {c.id for c in chosen} == {item.id for item in POOL[4990:]}
    again, after = pool.draw(random.Random(5), POOL, now, 3)
    assert len(again) == 3 and after == {c.id for c in again}     # a new cycle


def test_items_that_do_not_fit_are_passed_over_and_first_items_lead():
    evens = lambda chosen, item: int(item.id[1:]) % 2 == 0
    chosen, _ = pool.draw(random.Random(6), POOL[:50], frozenset(), 5, evens,
                          first=(POOL[10],))
    assert chosen[0] == POOL[10] and all(int(c.id[1:]) % 2 == 0 for c in chosen)
    assert len(chosen) == 5

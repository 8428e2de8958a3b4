"""WordSet answers like a word list scanned longest first."""

import random

import regex

from policyparse.extractors.wordset import WordSet, alternation


def test_prefix_longest_first_and_room() -> None:
    words = WordSet(["近三年", "三年", "近"])
    text = "近三年研发投入"
    assert words.prefix(text, 0, len(text)) == 3
    # 近三年 would leave fewer than 5 characters: the next longest word that fits wins
    assert words.prefix(text, 0, 6, min_rest=4) == 1
    assert words.prefix(text, 0, 3, min_rest=3) == 0
    assert words.prefix(text, 1, len(text)) == 2
    assert words.prefix(text, 3, len(text)) == 0


def test_suffix_longest_first_and_room() -> None:
    words = WordSet(["数量", "总数量", "量"])
    text = "有效专利总数量"
    assert words.suffix(text, 0, len(text)) == 3
    assert words.suffix(text, 4, len(text), min_rest=1) == 2
    assert words.suffix(text, 5, len(text), min_rest=1) == 1
    assert words.suffix(text, 0, 4) == 0


def test_membership_ignores_empty_words() -> None:
    words = WordSet(["", "以上"])
    assert "以上" in words and "" not in words
    assert words.prefix("以上", 0, 2) == 2


def test_alternation_tries_the_longest_word_first() -> None:
    assert regex.match(alternation(["以上", "及以上", "（含）以上"]), "及以上的企业").group() == "及以上"
    assert regex.fullmatch(alternation(["a.b"]), "axb") is None  # words are literal


def test_alternation_matches_what_the_longest_first_list_matches() -> None:
    """The trie alternation finds the same words, preferring the same one, as the plain list sorted
    longest first, also when the pattern must backtrack to a shorter word to match on."""
    rng = random.Random(7)
    alphabet = "不低于以上下及达到超过满"
    for _ in range(200):
        words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 12))}
        plain = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
        for tail in ("", "(?=到)", "上"):
            trie_rx, plain_rx = regex.compile(f"(?:{alternation(words)}){tail}"), regex.compile(f"(?:{plain}){tail}")
            for _ in range(20):
                text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
                assert [m.span() for m in trie_rx.finditer(text)] == [m.span() for m in plain_rx.finditer(text)]


def test_wordset_prefix_and_suffix_match_the_longest_first_list() -> None:
    rng = random.Random(5)
    alphabet = "不低于以上下及达到超过满近三年"
    for _ in range(300):
        words = [("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))) for _ in range(rng.randint(1, 10))]
        ordered = sorted(set(words), key=len, reverse=True)
        ws = WordSet(words)
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                for rest in (0, 1, 2):
                    room = end - start - rest
                    prefix = next((len(w) for w in ordered if len(w) <= room and text.startswith(w, start)), 0)
                    suffix = next((len(w) for w in ordered if len(w) <= room and text[:end].endswith(w)), 0)
                    assert ws.prefix(text, start, end, rest) == prefix
                    assert ws.suffix(text, start, end, rest) == suffix

"""Translate single German words, hyphenated tokens and short phrases into English."""

from __future__ import annotations

import re
from dataclasses import dataclass

from matchmaker.engine.language import wordlists
from matchmaker.engine.language.dictionary import DE_KEY_RE
from matchmaker.engine.language.inflection import adjective_variants, ing_form, lemma_candidates

_GLOSSARY = wordlists.glossary()
_DE_FUNCTION = wordlists.de_function_words()

_PRESENT_PARTICIPLE_RE = re.compile(r"(\w{3,}?)e?nd(?:e|en|er|es|em)?")
# Linking elements between compound parts, with the penalty that makes plain joins win.
_LINKS = (("", 0.0), ("s", 0.2), ("n", 0.3), ("es", 0.4), ("en", 0.4), ("e", 0.4), ("er", 0.5))
# Splitting tries every pair of split points; longer tokens are not worth that cost.
_MAX_COMPOUND_LENGTH = 48


@dataclass(frozen=True)
class _Gloss:
    """An English rendering of one German word and where it came from."""

    text: str
    from_dictionary: bool = False


_UNKNOWN = _Gloss("\x00")  # memo sentinel: not looked up yet


class Lexicon:
    """Translate German words: the curated glossary first, then the general dictionary.

    Inflected forms are reduced to base-form candidates and unknown words are split into
    known compound parts. The dictionary comes from `entries`, which a subclass provides
    (the Bridge loads it lazily); translations are memoised per instance.
    """

    def __init__(self) -> None:
        """Create the memos of word translations and compound splits."""
        self._memo: dict[tuple[str, bool], _Gloss | None] = {}
        self._split_memo: dict[str, tuple[str, ...]] = {}

    @property
    def entries(self) -> dict[str, str]:
        """The parsed dictionary: German words and phrases to English (see parse_dictionary)."""
        raise NotImplementedError

    def _phrase_exact(self, key: str) -> str | None:
        """Translate a lowercase phrase exactly as given: glossary, then dictionary."""
        english = _GLOSSARY.get(key)
        if english is None:
            english = self.entries.get(key)
        return english

    def _lookup(self, word: str, noun: bool) -> tuple[str, bool] | None:
        """Translate a lowercase word through its base-form candidates.

        The glossary is tried first for every candidate, then the dictionary, whose single
        words keep their case: nouns are capitalised there, so a capitalised token tries noun
        entries first and a lowercase token tries verbs and adjectives first.

        Args:
            word: The lowercase word.
            noun: Whether the token was capitalised in the text.

        Returns:
            The English text and whether it came from the dictionary, or None.
        """
        participle = _PRESENT_PARTICIPLE_RE.fullmatch(word)
        if participle is not None and not noun:
            # "wachsende" -> "growing": the verb's translation in its -ing form
            found = self._lookup(participle.group(1) + "en", False) or self._lookup(
                participle.group(1) + "n", False
            )
            if found is not None and " " not in found[0]:
                return ing_form(found[0]), found[1]
        entries = self.entries
        candidates = lemma_candidates(word)
        for candidate in candidates:
            english = _GLOSSARY.get(candidate)
            if english is None:
                continue
            if noun or candidate == word or candidate in entries:
                return english, False
            if candidate[:1].upper() + candidate[1:] not in entries:
                return english, False
            # A lowercase token does not reach a noun by losing an ending ("messen", "Messe").
        for capital in (noun, not noun):
            for candidate in candidates:
                key = candidate[:1].upper() + candidate[1:] if capital else candidate
                english = entries.get(key)
                if english is not None:
                    return english, True
        return None

    def _part(self, segment: str) -> str | None:
        """Translate a non-final compound part, allowing a dropped -e or a verb stem."""
        if segment in _DE_FUNCTION:
            return None
        variants = (segment, segment + "e", segment + "en", segment + "n")
        for variant in variants:
            english = _GLOSSARY.get(variant)
            if english is not None:
                return english
        entries = self.entries
        for capital in (True, False):
            for variant in variants:
                key = variant[:1].upper() + variant[1:] if capital else variant
                english = entries.get(key)
                if english is not None:
                    return english
        return None

    def _split(self, word: str, min_parts: int = 1, min_length: int = 3) -> tuple[str, ...] | None:
        """Split a lowercase German compound into translated parts.

        Dynamic programming over split points: fewest parts first, then the smallest penalty
        for linking elements (-s-, -es-, -n-, -en-, -e-, -er-), elided -e and short parts.

        Args:
            word: A lowercase word without hyphens.
            min_parts: 2 to force a split even when the whole word is known.
            min_length: The shortest part allowed, not counting a linking element.

        Returns:
            The English glosses of the parts, or None when no split covers the word.
        """
        length = len(word)
        if length < 6 or length > _MAX_COMPOUND_LENGTH:
            return None
        # best[i]: (parts, penalty, glosses) for the suffix word[i:]
        best: list[tuple[int, float, tuple[str, ...]] | None] = [None] * (length + 1)
        best[length] = (0, 0.0, ())
        for start in range(length - min_length, -1, -1):
            choice: tuple[int, float, tuple[str, ...]] | None = None
            for end in range(start + min_length, length + 1):
                segment = word[start:end]
                short = 0.8 if len(segment) == 3 else 0.3 if len(segment) == 4 else 0.0
                if end == length:
                    if start == 0 and min_parts > 1:
                        continue
                    found = None if segment in _DE_FUNCTION else self._lookup(segment, True)
                    if found is not None:
                        option = (1, short, (found[0],))
                        if choice is None or option[:2] < choice[:2]:
                            choice = option
                    continue
                english = self._part(segment)
                if english is None:
                    continue
                for link, link_penalty in _LINKS:
                    following = end + len(link)
                    if following >= length or not word.startswith(link, end):
                        continue
                    rest = best[following]
                    if rest is None:
                        continue
                    option = (
                        rest[0] + 1,
                        rest[1] + short + link_penalty,
                        (english, *rest[2]),
                    )
                    if choice is None or option[:2] < choice[:2]:
                        choice = option
            best[start] = choice
        result = best[0]
        if result is None or result[0] < min_parts:
            return None
        return result[2]

    def _compound_parts(self, word: str) -> tuple[str, ...]:
        """Gloss the parts of a known compound (two or more parts of 4+ letters), memoised."""
        parts = self._split_memo.get(word)
        if parts is None:
            if len(self._split_memo) > 50_000:
                self._split_memo.clear()
            parts = self._split(word, min_parts=2, min_length=4) or ()
            self._split_memo[word] = parts
        return parts

    def _translate(self, word: str, noun: bool) -> _Gloss | None:
        """Translate one lowercase German word without hyphens, memoised."""
        memo_key = (word, noun)
        cached = self._memo.get(memo_key, _UNKNOWN)
        if cached is not _UNKNOWN:
            return cached
        gloss: _Gloss | None = None
        found = self._lookup(word, noun)
        if found is not None:
            gloss = _Gloss(found[0], from_dictionary=found[1])
        else:
            parts = self._split(word)
            if parts:
                gloss = _Gloss(" ".join(parts))
        if len(self._memo) > 50_000:
            self._memo.clear()
        self._memo[memo_key] = gloss
        return gloss

    def _render_simple(self, token: str, noun: bool | None = None) -> tuple[str, tuple[str, ...]]:
        """Render one token without hyphens; returns its English text and part glosses.

        Args:
            token: The token as written.
            noun: Whether to read it as a noun first; by default when it is capitalised.
        """
        if noun is None:
            noun = token[:1].isupper()
        if len(token) < 2 or any(char.isdigit() for char in token):
            return token, ()
        lower = token.lower()
        if sum(char.isupper() for char in token) >= 2:
            return _GLOSSARY.get(lower, token), ()  # an acronym or a name like "GmbH"
        if lower in _DE_FUNCTION:
            return _DE_FUNCTION[lower], ()
        gloss = self._translate(lower, noun)
        if gloss is None:
            return token, ()
        # A dictionary entry for a whole compound may be idiomatic; its glossed parts give
        # the lexical matcher the literal terms too.
        parts = self._compound_parts(lower) if gloss.from_dictionary else ()
        rendered = gloss.text.lower()
        return gloss.text, tuple(part for part in parts if part.lower() not in rendered)

    def _render_token(self, token: str, noun: bool) -> tuple[str, tuple[str, ...]]:
        """Render one token, joining hyphenated pieces after trying known hyphenated runs."""
        if "-" not in token:
            return self._render_simple(token, noun)
        pieces = token.split("-")
        rendered: list[str] = []
        parts: list[str] = []
        index = 0
        while index < len(pieces):
            for stop in range(len(pieces), index + 1, -1):
                joined = "-".join(pieces[index:stop])
                found = (
                    self._lookup(joined.lower(), joined[:1].isupper())
                    if DE_KEY_RE.fullmatch(joined.lower())
                    else None
                )
                if found is not None:
                    rendered.append(found[0])
                    index = stop
                    break
            else:
                text, piece_parts = self._render_simple(pieces[index])
                if text:
                    rendered.append(text)
                parts.extend(piece_parts)
                index += 1
        return "-".join(rendered), tuple(parts)

    def _phrase(self, words: list[str]) -> str | None:
        """Translate a run of two to four lowercase words as a fixed phrase, if known."""
        key = " ".join(words)
        english = _GLOSSARY.get(key)
        if english is not None or len(words) != 2:
            return english
        if words[0] in _DE_FUNCTION or words[1] in _DE_FUNCTION:
            return None
        for first in adjective_variants(words[0]):
            for second in (words[1], *lemma_candidates(words[1])[1:3]):
                english = self._phrase_exact(f"{first} {second}")
                if english is not None:
                    return english
        return None

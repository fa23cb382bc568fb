"""Guess whether a text is German or English from cue words, spelling and word endings."""

from __future__ import annotations

import re
from functools import lru_cache

from matchmaker.engine.language import wordlists

_GLOSSARY = wordlists.glossary()
# Words common in both languages are left out of the cue lists.
_DE_CUES = wordlists.de_cues()
_EN_CUES = wordlists.en_cues()

# A word: letters and digits, no underscore. The bridge's lexical terms use the same split.
WORD_RE = re.compile(r"[^\W_]+")
_DE_SUFFIX_RE = re.compile(
    r"(?:ung|ungen|heit|keit|schaft|lich|liche|lichen|licher|isch|ische|ischen|ismus|ierung"
    r"|ieren|iert|chen|tät|täten|ktion|ktionen|oren|stoff|zeug|werk|bau|technik|gerecht)$"
)
_EN_LETTERS_RE = re.compile(r"th|wh|c[aeiloru]|[aeiou]y")
_EN_SUFFIX_RE = re.compile(r"(?:ing|ings|ness|ly|ies|ship|ity|ities|ed|ction|ctions|ful)$")


def _looks_german_word(word: str) -> bool:
    """Tell whether a lowercase word is a glossary entry (or a simple inflection of one)."""
    for candidate in (word, word[:-1], word[:-2]):
        if len(candidate) < 4:
            break
        english = _GLOSSARY.get(candidate)
        if english is not None and re.sub(r"\W", "", english.lower()) != candidate:
            return True
    return False


def detect_language(text: str) -> str:
    """Guess whether a text is German or English.

    Args:
        text: Any text, from a short phrase to a full profile.

    Returns:
        "de" or "en"; "en" when the text gives no evidence either way.
    """
    german, english = language_scores(text)
    return "de" if german > english else "en"


def decisive_language(text: str, margin: float = 3.0) -> str | None:
    """The language of a (short) text when its evidence is clear, else None: "für" and an
    umlaut make "Prüfstand für Fahrwerkskomponenten" German even inside an English profile."""
    german, english = language_scores(text)
    if abs(german - english) < margin:
        return None
    return "de" if german > english else "en"


def language_scores(text: str) -> tuple[float, float]:
    """The German and the English evidence of a text (cue words, spelling, endings)."""
    german = 0.0
    english = 0.0
    for word in WORD_RE.findall(text.lower()):
        if word.isdigit():
            continue
        de, en = _word_scores(word)
        german += de
        english += en
    return german, english


@lru_cache(maxsize=200_000)
def _word_scores(word: str) -> tuple[float, float]:
    """One lowercase word's German and English evidence (a region's vocabulary repeats: each
    word is scored once a process)."""
    german = 0.0
    english = 0.0
    if word in _DE_CUES:
        german += 2.0
    if word in _EN_CUES:
        english += 2.0
    if any(char in word for char in "äöüß"):
        german += 2.0
    if len(word) > 4:
        if _DE_SUFFIX_RE.search(word):
            german += 1.0
        if _EN_SUFFIX_RE.search(word):
            english += 1.0
    if "sch" in word or "tz" in word or "pf" in word or "ung" in word[:-3]:
        german += 0.5
    if len(word) >= 13 and not _EN_SUFFIX_RE.search(word):
        german += 1.0  # a long compound
    if _EN_LETTERS_RE.search(word):
        english += 0.5
    if _looks_german_word(word):
        german += 1.5
    return german, english

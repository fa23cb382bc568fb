"""Load the bridge's word lists and curated glossary from the files in data/, once each."""

from __future__ import annotations

import functools
from importlib import resources
from importlib.resources.abc import Traversable

# The returned dicts are shared by every caller (functools.cache): read them, never mutate.


def _data_dir() -> Traversable:
    """Return the data/ folder next to this module, also inside a wheel or zip."""
    return resources.files(__package__) / "data"


def _lines(name: str) -> list[str]:
    """Return the meaningful lines of a data file: stripped, without blanks and # comments."""
    text = (_data_dir() / name).read_text(encoding="utf-8")
    lines = []
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def _mapping(name: str) -> dict[str, str]:
    """Read a "key = value" file in file order (a later duplicate key wins, as in a dict)."""
    mapping: dict[str, str] = {}
    for line in _lines(name):
        key, separator, value = line.partition("=")
        if not separator:
            raise ValueError(f"{name}: expected 'key = value', got {line!r}")
        mapping[key.strip()] = value.strip()
    return mapping


def data_files() -> list[tuple[str, bytes]]:
    """Return (name, content) of every data file, sorted by name, for fingerprinting.

    Hidden files (editor swap files and the like) are left out: they are never read.
    """
    files = [
        (entry.name, entry.read_bytes())
        for entry in _data_dir().iterdir()
        if entry.is_file() and not entry.name.startswith(".")
    ]
    return sorted(files)


@functools.cache
def glossary() -> dict[str, str]:
    """The curated glossary: lowercase German words and phrases to their domain sense."""
    return _mapping("glossary_de_en.txt")


@functools.cache
def de_function_words() -> dict[str, str]:
    """German function words to their cheap English rendering ("" drops the word)."""
    return _mapping("de_function_words.txt")


@functools.cache
def de_abbreviations() -> dict[str, str]:
    """Dotted German abbreviations to their English rendering, in file order.

    The order matters: the tokenizer tries equally long abbreviations in this order.
    """
    return _mapping("de_abbreviations.txt")


@functools.cache
def british_spellings() -> dict[str, str]:
    """British spellings to American ones, for words no suffix rule covers."""
    return _mapping("british_american.txt")


@functools.cache
def en_stopwords() -> frozenset[str]:
    """English stopwords dropped from lexical terms."""
    return frozenset(_lines("en_stopwords.txt"))


@functools.cache
def de_cues() -> frozenset[str]:
    """Words that are evidence of German text, for language detection."""
    return frozenset(_lines("de_cues.txt"))


@functools.cache
def en_cues() -> frozenset[str]:
    """Words that are evidence of English text, for language detection."""
    return frozenset(_lines("en_cues.txt"))


@functools.cache
def register_tags() -> frozenset[str]:
    """Dictionary tags of colloquial, dated or regional synonyms."""
    return frozenset(_lines("register_tags.txt"))


@functools.cache
def rare_domain_tags() -> frozenset[str]:
    """Dictionary tags of specialised senses."""
    return frozenset(_lines("rare_domain_tags.txt"))


@functools.cache
def legal_forms() -> frozenset[str]:
    """Lowercase company legal forms ("gmbh", "e. v.")."""
    return frozenset(_lines("legal_forms.txt"))


@functools.cache
def verb_particles() -> frozenset[str]:
    """Particles of German separable verbs, dropped at the end of a clause."""
    return frozenset(_lines("verb_particles.txt"))


@functools.cache
def separable_prefixes() -> tuple[str, ...]:
    """Separable German verb prefixes, in the order lemmatisation tries them."""
    return tuple(_lines("separable_prefixes.txt"))

"""German-to-English bridge: render German text in English and derive cross-language terms."""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import threading
import time
from pathlib import Path

import snowballstemmer
from snowballstemmer.basestemmer import BaseStemmer

from matchmaker.engine.language import wordlists
from matchmaker.engine.language.detect import WORD_RE, detect_language
from matchmaker.engine.language.dictionary import (
    DEFAULT_DICTIONARY_PATH,
    cache_file,
    default_cache_dir,
    parse_dictionary,
    read_cache,
    write_cache,
)
from matchmaker.engine.language.lexicon import Lexicon
from matchmaker.taxonomy import place_names

logger = logging.getLogger(__name__)

# Bump by hand whenever a code change alters what to_english or terms return (the rendering
# or how the dictionary is parsed): it is part of preparation_fingerprint(), so vectors stored
# for texts prepared the old way are recognised as stale. Data file edits count by themselves.
RENDER_VERSION = 2  # 2: the region's place names are kept as written

_DE_FUNCTION = wordlists.de_function_words()
_DE_ABBREVIATIONS = wordlists.de_abbreviations()
_EN_STOPWORDS = wordlists.en_stopwords()
_BRITISH_WORDS = wordlists.british_spellings()
# Legal forms: the capitalised words right before one are a company name, kept as written.
_LEGAL_FORMS = wordlists.legal_forms()
_PARTICLES = wordlists.verb_particles()

_SPACES_RE = re.compile(r"\s+")
_GENDER_RE = re.compile(r"(?<=[a-zäöüß])(?:[*:_/]i|I)n(?:nen)?\b")
_ABBREVIATION_ALTERNATIVES = "|".join(
    re.escape(key).replace(r"\ ", r"\s?") for key in sorted(_DE_ABBREVIATIONS, key=len)[::-1]
)
_TOKEN_RE = re.compile(
    rf"(?i:(?<!\w)(?:{_ABBREVIATION_ALTERNATIVES})(?!\w))|\d+(?:[.,]\d+)+|[^\W_]+(?:[-'’][^\W_]+)*"
)
_SPACE_BEFORE_PUNCT_RE = re.compile(r"[ \t]+([,.;:!?)\]])")
_MULTI_SPACE_RE = re.compile(r"[ \t]{2,}")
_EMPTY_BRACKETS_RE = re.compile(r"\(\s*\)|\[\s*\]")
# "stellen ... zur Verfügung" (to provide): the verb and its particle phrase are apart.
_PROVIDE_RE = re.compile(
    r"\b(?:stell(?:e|en|t|te|ten))\b(?=[^.;:!?]{0,80}?\bzur\s+Verfügung\b)([^.;:!?]{0,80}?)"
    r"\bzur\s+Verfügung\b",
    re.IGNORECASE,
)

_BRITISH_RE = re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$")
_CLAUSE_END_RE = re.compile(r"[ \t]*(?:[.,;:!?)]|$)")


def _company_name_tokens(text: str, matches: list[re.Match[str]]) -> set[int]:
    """Indexes of the capitalised tokens that precede a legal form ("Müller GmbH")."""
    names: set[int] = set()
    for index, match in enumerate(matches):
        if _SPACES_RE.sub(" ", match.group().lower()) not in _LEGAL_FORMS:
            continue
        before = index - 1
        while before >= 0:
            token = matches[before].group()
            gap = text[matches[before].end() : matches[before + 1].start()]
            if gap.strip(" &-") or not token[:1].isupper() or token.lower() in _DE_FUNCTION:
                break
            names.add(before)
            before -= 1
    return names


@functools.cache
def _places() -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """The region's municipality names as (tokens, the gaps between them), by first token,
    longest first: "Leinfelden-Echterdingen", "Esslingen am Neckar", "Winterbach"."""
    out: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for name in place_names():
        found = list(_TOKEN_RE.finditer(name))
        if not found:
            continue
        tokens = tuple(m.group() for m in found)
        gaps = tuple(
            _SPACES_RE.sub(" ", name[a.end() : b.start()])
            for a, b in zip(found, found[1:], strict=False)
        )
        out.setdefault(tokens[0], []).append((tokens, gaps))
    for entries in out.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return out


def _opens_sentence(text: str, start: int) -> bool:
    """Tell whether the token at start opens the text, a sentence, a line or a list item."""
    before = text[max(0, start - 24) : start].rstrip(" \t\"'„“(")
    return not before or before[-1] in ".!?:;\n•*"


def _place_tokens(text: str, matches: list[re.Match[str]], known) -> set[int]:
    """Indexes of the tokens that spell a municipality of the region, as written: a name is
    kept, not translated ("Winterbach" is not "winter brook"). A one-word name that is also a
    word the dictionary knows, inflected or not ("Weil", "Kuchen", "Kernen"), is translated as
    before: it is more often the word."""
    kept: set[int] = set()
    places = _places()
    for index, match in enumerate(matches):
        for tokens, gaps in places.get(match.group(), ()):
            run = matches[index : index + len(tokens)]
            if len(run) < len(tokens) or any(
                m.group() != t for m, t in zip(run, tokens, strict=True)
            ):
                continue
            if any(
                _SPACES_RE.sub(" ", text[a.end() : b.start()]) != gap
                for a, b, gap in zip(run, run[1:], gaps, strict=False)
            ):
                continue
            if len(tokens) == 1 and known(tokens[0].lower()):
                continue
            kept.update(range(index, index + len(tokens)))
            break
    return kept


class Bridge(Lexicon):
    """Render German text in English for an English encoder and derive shared terms."""

    def __init__(
        self,
        dictionary_path: str | None = DEFAULT_DICTIONARY_PATH,
        cache_dir: str | os.PathLike[str] | None = None,
        use_cache: bool = True,
    ) -> None:
        """Create a bridge; the dictionary is read lazily on first use.

        Args:
            dictionary_path: A ding-format de-en dictionary, or None for the glossary alone.
            cache_dir: Where to keep the parsed dictionary (default ~/.cache/matchmaker).
            use_cache: Whether to read and write that cache at all.
        """
        self.dictionary_path = dictionary_path
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self.use_cache = use_cache
        self.load_seconds: float | None = None
        self._entries: dict[str, str] | None = None
        self._lock = threading.Lock()
        super().__init__()
        self._stemmers = threading.local()
        # to_english and terms render the same texts (one write embeds and indexes both).
        self._render_cached = functools.lru_cache(maxsize=8192)(self._render)
        self._stems: dict[str, str] = {}

    # ---------------------------------------------------------------- loading

    @property
    def entries(self) -> dict[str, str]:
        """The parsed dictionary, loaded on first access (empty when unavailable)."""
        entries = self._entries
        if entries is None:
            with self._lock:
                if self._entries is None:
                    started = time.perf_counter()
                    self._entries = self._load()
                    self.load_seconds = time.perf_counter() - started
                    logger.info(
                        "de-en dictionary ready: %d entries in %.2f s",
                        len(self._entries),
                        self.load_seconds,
                    )
                entries = self._entries
        return entries

    def _load(self) -> dict[str, str]:
        """Read the dictionary from the cache or parse it, tolerating a missing file."""
        if self.dictionary_path is None:
            return {}
        dictionary = Path(self.dictionary_path)
        try:
            cache = cache_file(dictionary, self.cache_dir)
        except OSError:
            logger.warning(
                "de-en dictionary %s not found; bridging with the curated glossary only",
                dictionary,
            )
            return {}
        if self.use_cache:
            cached = read_cache(cache)
            if cached is not None:
                return cached
        try:
            entries = parse_dictionary(dictionary)
        except (OSError, UnicodeError) as error:
            logger.warning(
                "de-en dictionary %s unreadable (%s); bridging with the glossary only",
                dictionary,
                error,
            )
            return {}
        if self.use_cache:
            write_cache(cache, entries)
        return entries

    # ---------------------------------------------------------------- rendering

    def _render(self, text: str) -> tuple[str, list[str]]:
        """Render German text in English; also return the glosses of compound parts."""
        text = _GENDER_RE.sub("", text)
        text = _PROVIDE_RE.sub(r"bereitstellen\1", text)
        matches = list(_TOKEN_RE.finditer(text))
        names = _company_name_tokens(text, matches) | _place_tokens(
            text, matches, lambda word: self._lookup(word, True) is not None
        )
        pieces: list[str] = []
        extra: list[str] = []
        position = 0
        index = 0
        while index < len(matches):
            match = matches[index]
            pieces.append(text[position : match.start()])
            token = match.group()
            lower = token.lower()
            abbreviation = _DE_ABBREVIATIONS.get(_SPACES_RE.sub(" ", lower))
            if abbreviation is not None:
                pieces.append(abbreviation)
                position = match.end()
                index += 1
                continue
            if index in names:
                pieces.append(token)
                position = match.end()
                index += 1
                continue
            if lower in _PARTICLES and _CLAUSE_END_RE.match(text, match.end()):
                position = match.end()  # the particle of a separable verb: "bieten ... an"
                index += 1
                continue
            consumed = 0
            for size in (4, 3, 2):
                run = matches[index : index + size]
                if len(run) < size:
                    continue
                gaps = [text[a.end() : b.start()] for a, b in zip(run, run[1:], strict=False)]
                if any(gap.strip() for gap in gaps):
                    continue
                words = [item.group().lower() for item in run]
                if not all(word.isalpha() for word in words):
                    continue
                english = self._phrase(words)
                if english is not None:
                    pieces.append(english)
                    position = run[-1].end()
                    consumed = size
                    break
            if consumed:
                index += consumed
                continue
            noun = token[:1].isupper()
            if noun and index + 1 < len(matches) and _opens_sentence(text, match.start()):
                # "Junge Firma", "Kostenlose Beratung": a capitalised word that opens a
                # sentence before a noun is most likely an adjective.
                following = matches[index + 1].group()
                gap = text[match.end() : matches[index + 1].start()]
                noun = not (following[:1].isupper() and not gap.strip())
            rendered, parts = self._render_token(token, noun)
            pieces.append(rendered)
            extra.extend(parts)
            position = match.end()
            index += 1
        pieces.append(text[position:])
        english_text = "".join(pieces)
        english_text = _EMPTY_BRACKETS_RE.sub("", english_text)
        english_text = _MULTI_SPACE_RE.sub(" ", english_text)
        english_text = _SPACE_BEFORE_PUNCT_RE.sub(r"\1", english_text)
        english_text = "\n".join(line.strip() for line in english_text.split("\n"))
        return english_text.strip(), extra

    # ---------------------------------------------------------------- public API

    def to_english(self, text: str, language: str | None = None) -> str:
        """Render a German text in English for an English-only encoder.

        Word order, numbers, units, names and acronyms are kept; German function words are
        dropped or given their cheap English equivalent; content words are translated with
        the curated glossary first, then the dictionary, with inflection and compound
        splitting. English text is returned unchanged.

        Args:
            text: A profile, offer or query text in German or English.
            language: "de" or "en" when the caller knows better than detection (a short
                phrase of a German profile); detected when None.

        Returns:
            The English rendering.
        """
        if not text.strip() or (language or detect_language(text)) == "en":
            return text
        return self._render_cached(text)[0]

    def terms(self, text: str, language: str | None = None) -> list[str]:
        """Derive language-neutral lexical terms for BM25-style matching.

        German text is rendered in English and the glosses of its compound parts are added;
        then words are lowercased, English stopwords dropped, British spellings unified and
        the rest stemmed with the English Snowball stemmer.

        Args:
            text: A text in German or English.
            language: as for `to_english`.

        Returns:
            The stemmed terms in text order (repeats kept, for term frequencies).
        """
        if (language or detect_language(text)) == "de":
            english, extra = self._render_cached(text)
            source = english + " " + " ".join(extra)
        else:
            source = text
        stemmer = self._stemmer()
        terms: list[str] = []
        for word in WORD_RE.findall(source.lower()):
            if word in _EN_STOPWORDS or (len(word) < 2 and not word.isdigit()):
                continue
            word = _BRITISH_WORDS.get(word, word)
            if len(word) > 5:
                word = _BRITISH_RE.sub(r"iz\1", word)
            stem = self._stems.get(word)
            if stem is None:
                # Stemming is the costliest step and the vocabulary is small: memoise it.
                if len(self._stems) > 200_000:
                    self._stems.clear()
                stem = self._stems[word] = stemmer.stemWord(word)
            terms.append(stem)
        return terms

    def _stemmer(self) -> BaseStemmer:
        """Return this thread's English Snowball stemmer (stemmers are not thread-safe)."""
        stemmer = getattr(self._stemmers, "english", None)
        if stemmer is None:
            stemmer = snowballstemmer.stemmer("english")
            self._stemmers.english = stemmer
        return stemmer


_bridges: dict[str | None, Bridge] = {}
_bridges_lock = threading.Lock()


def get_bridge(dictionary_path: str | None = DEFAULT_DICTIONARY_PATH) -> Bridge:
    """Return the process-wide Bridge on a dictionary, created on first call for that path.

    A bridge holds the parsed dictionary (some 300,000 entries) and its memos, so there
    should be one per dictionary per process.

    Args:
        dictionary_path: A ding-format de-en dictionary; None or "" for the glossary alone
            (an empty setting means no dictionary).

    Returns:
        The same Bridge for every call with the same path.
    """
    key = dictionary_path or None
    bridge = _bridges.get(key)
    if bridge is None:
        with _bridges_lock:
            # Checked again under the lock: two threads must not build two bridges.
            bridge = _bridges.get(key)
            if bridge is None:
                bridge = _bridges[key] = Bridge(key)
    return bridge


@functools.cache
def preparation_fingerprint() -> str:
    """Identify how texts are prepared for encoding: the data files and RENDER_VERSION.

    Stored with embedding vectors, it tells which were made from texts prepared differently
    (a changed word list, glossary or rendering) and need re-encoding. It depends on the
    package alone, not on the installed dictionary.

    Returns:
        12 hexadecimal characters, the same for the same data files and RENDER_VERSION.
    """
    digest = hashlib.sha256(f"render-version {RENDER_VERSION}\n".encode())
    for name, content in wordlists.data_files():
        # Name and length delimit the files, so moving lines between two files counts too.
        digest.update(f"{name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()[:12]

"""Parse the ding-format de-en dictionary into a word map, and cache that map on disk."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import tempfile
from pathlib import Path

from matchmaker.engine.language import wordlists

logger = logging.getLogger(__name__)

# Debian's trans-de-en package installs it here.
DEFAULT_DICTIONARY_PATH = "/usr/share/trans/de-en"

# Bump when the parser or the cached format changes, so stale caches are ignored.
_FORMAT_VERSION = 6
_CACHE_MAGIC = f"matchmaker-bridge-de-en {_FORMAT_VERSION}"

_DE_FUNCTION = wordlists.de_function_words()
# Tags of senses too specialised or too marked to be the general rendering of a word.
# Register and regional tags belong to the synonym they follow; domain tags at the end of an
# entry's head apply to the whole entry.
_REGISTER_TAGS = wordlists.register_tags()
_RARE_DOMAIN_TAGS = wordlists.rare_domain_tags()

# Grammar {f}, comments (...), variants <...> and abbreviations /Hbf./; [tags] are kept apart.
_NON_TAG_BRACKETS_RE = re.compile(
    r"\{[^}]*\}|\([^()]*(?:\([^()]*\)[^()]*)*\)|<[^>]*>|/[^/\s][^/]*/"
)
_TAG_RE = re.compile(r"\[([^\]]+)\]")
_DE_PLACEHOLDER_RE = re.compile(r"(?<!\w)(?:jd[nmrs]|etw)\.(?:/(?:jd[nmrs]|etw)\.)?|\bsich\b")
_EN_PLACEHOLDER_RE = re.compile(r"(?<!\w)(?:(?:sb|sth)\.(?:/(?:sb|sth)\.)?|one)(?:['’]s)?(?!\w)")
_EN_ALTERNATIVE_RE = re.compile(r"(\w)/[\w-]+")
# A key: lowercase German words joined by hyphens; the bridge vets hyphenated runs with it.
DE_KEY_RE = re.compile(r"[a-zäöüß]+(?:-[a-zäöüß]+)*")


def _clean_english(text: str) -> str:
    """Reduce one English synonym of the dictionary (brackets removed) to plain words."""
    if "." in text:
        text = _EN_PLACEHOLDER_RE.sub(" ", text)
    if "/" in text:
        text = _EN_ALTERNATIVE_RE.sub(r"\1", text)
    text = " ".join(text.replace("…", " ").replace("...", " ").split()).strip(" ,;:.!?/-")
    if text.startswith("to "):
        text = text[3:]
    return text


def _english_synonyms(sub_entry: str) -> list[tuple[str, bool]]:
    """Split one English sub-entry into cleaned synonyms, each with a register-mark flag."""
    synonyms = []
    for raw in _NON_TAG_BRACKETS_RE.sub(" ", sub_entry).split(";"):
        cleaned = _clean_english(_TAG_RE.sub(" ", raw))
        if cleaned:
            marked = "[" in raw and not _REGISTER_TAGS.isdisjoint(_TAG_RE.findall(raw))
            synonyms.append((cleaned, marked))
    return synonyms


def _pick_english(synonyms: list[tuple[str, bool]], german: str) -> str:
    """Choose the translation among one sub-entry's synonyms.

    An unmarked synonym spelled like the German word (a cognate such as "Software") wins;
    otherwise the first synonym of at most four words, else the first synonym.
    """
    for cleaned, marked in synonyms:
        if not marked and cleaned.lower() == german:
            return cleaned
    for cleaned, _ in synonyms:
        if cleaned.count(" ") < 4:
            return cleaned
    return synonyms[0][0] if synonyms else ""


def parse_dictionary(path: str | os.PathLike[str]) -> dict[str, str]:
    """Parse a ding-format German-English dictionary into a word-to-translation map.

    Every German synonym that is one word, or a two-word phrase of content words, becomes a
    key: single words keep their case (nouns capitalised, "Förderung"; verbs and adjectives
    lowercase, "fördern"), phrases are lowercased. Of all entries that define a key, the most
    general one wins: the head of an entry before its sub-entries, common senses before rare
    or marked ones, the entry's headword before later synonyms, richer entries before thin
    ones, then file order.

    Args:
        path: The dictionary file, e.g. /usr/share/trans/de-en.

    Returns:
        A map from lowercase German words and phrases to their chosen English rendering.
    """
    best: dict[str, tuple[int, str]] = {}
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line_number, line in enumerate(handle):
            if line.startswith("#"):
                continue
            german_side, separator, english_side = line.rstrip("\n").partition(" :: ")
            if not separator:
                continue
            german_subs = german_side.split(" | ")
            english_subs = english_side.split(" | ")
            if len(german_subs) != len(english_subs):
                german_subs = german_subs[:1]
            head_synonyms = _NON_TAG_BRACKETS_RE.sub(" ", german_subs[0]).split(";")
            entry_rare = not _RARE_DOMAIN_TAGS.isdisjoint(_TAG_RE.findall(head_synonyms[-1]))
            thin = len(german_subs) < 3
            translations: dict[int, list[tuple[str, bool]]] = {}
            for sub_index, german_sub in enumerate(german_subs):
                synonyms = (
                    head_synonyms
                    if sub_index == 0
                    else _NON_TAG_BRACKETS_RE.sub(" ", german_sub).split(";")
                )
                for synonym_index, synonym in enumerate(synonyms):
                    cleaned = _TAG_RE.sub(" ", synonym) if "[" in synonym else synonym
                    if "." in cleaned or "sich" in cleaned:
                        cleaned = _DE_PLACEHOLDER_RE.sub(" ", cleaned)
                    words = cleaned.split()
                    if not words or len(words) > 2:
                        continue
                    tail = words[0][1:]
                    if len(words) == 1 and tail != tail.lower():
                        continue  # an abbreviation such as "GmbH" or "KI"
                    key = " ".join(words).lower()
                    if len(words) == 2 and words[0].lower() in _DE_FUNCTION:
                        continue
                    if not DE_KEY_RE.fullmatch(key.replace(" ", "-")):
                        continue
                    if len(words) == 1:
                        key = words[0]  # nouns stay capitalised, other words lowercase
                    rare = entry_rare
                    if not rare and "[" in synonym:
                        tags = _TAG_RE.findall(synonym)
                        rare = not (
                            _REGISTER_TAGS.isdisjoint(tags) and _RARE_DOMAIN_TAGS.isdisjoint(tags)
                        )
                    rank = (
                        (
                            (((sub_index > 0) * 2 + rare) * 2 + (synonym_index > 0)) * 2
                            + (len(words) > 1)
                        )
                        * 2
                        + thin
                    ) * 1_000_000 + line_number
                    previous = best.get(key)
                    if previous is not None and previous[0] <= rank:
                        continue
                    if sub_index not in translations:
                        translations[sub_index] = _english_synonyms(english_subs[sub_index])
                    english = _pick_english(translations[sub_index], key.lower())
                    if english:
                        best[key] = (rank, english)
    return {key: english for key, (_, english) in best.items()}


def default_cache_dir() -> Path:
    """Return the per-user cache directory for derived dictionary files."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "matchmaker"


def cache_file(dictionary: Path, cache_dir: Path) -> Path:
    """Name the cache file after the dictionary's path, size and modification time."""
    stat = dictionary.stat()
    digest = hashlib.sha1(str(dictionary.resolve()).encode()).hexdigest()[:12]
    name = f"de-en-{digest}-{stat.st_size}-{stat.st_mtime_ns}-v{_FORMAT_VERSION}.tsv"
    return cache_dir / name


def read_cache(path: Path) -> dict[str, str] | None:
    """Read a cached map written by write_cache, or None when absent or unusable."""
    try:
        content = path.read_text(encoding="utf-8")
    except OSError:
        return None
    header, _, body = content.partition("\n")
    if header != _CACHE_MAGIC or not body.endswith("\n"):
        return None
    fields = body[:-1].split("\n")
    try:
        return dict(line.split("\t", 1) for line in fields)  # type: ignore[misc]
    except ValueError:
        return None


def write_cache(path: Path, entries: dict[str, str]) -> None:
    """Write the map atomically; failures are logged and otherwise ignored."""
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        body = "".join(f"{key}\t{value}\n" for key, value in entries.items())
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(f"{_CACHE_MAGIC}\n{body}")
        os.replace(temporary, path)
    except OSError as error:
        logger.info("could not write the dictionary cache %s: %s", path, error)
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return
    # Drop caches of earlier versions or modification times of the same dictionary.
    prefix = "-".join(path.name.split("-")[:3])
    for stale in path.parent.glob(f"{prefix}-*.tsv"):
        if stale != path:
            with contextlib.suppress(OSError):
                stale.unlink()

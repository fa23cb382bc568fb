"""German-to-English bridge: language detection, dictionary glossing and cross-language terms."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import re
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer
from snowballstemmer.basestemmer import BaseStemmer

from matchmaker.engine.language.glossary_de_en import GLOSSARY

logger = logging.getLogger(__name__)

DEFAULT_DICTIONARY_PATH = "/usr/share/trans/de-en"

# Bump when the parser or the cached format changes, so stale caches are ignored.
_FORMAT_VERSION = 6
_CACHE_MAGIC = f"matchmaker-bridge-de-en {_FORMAT_VERSION}"

# --------------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------------

# German function words and their cheap English rendering ("" drops the word).
_DE_FUNCTION: dict[str, str] = {
    **dict.fromkeys(
        "der die das den dem des ein eine einen einem einer eines sich man".split(), ""
    ),
    **dict.fromkeys("kein keine keinen keinem keiner keines".split(), "no"),
    **dict.fromkeys("unser unsere unseren unserem unserer unseres".split(), "our"),
    **dict.fromkeys("ihr ihre ihren ihrem ihrer ihres".split(), "their"),
    **dict.fromkeys("mein meine meinen meinem meiner meines".split(), "my"),
    **dict.fromkeys("dies diese dieser diesen diesem dieses".split(), "this"),
    **dict.fromkeys("jede jeder jedes jeden jedem".split(), "every"),
    **dict.fromkeys("alle allen aller alles".split(), "all"),
    **dict.fromkeys("welche welcher welches welchen welchem".split(), "which"),
    **dict.fromkeys("weitere weiteren weiterer weiteres weiterem".split(), "further"),
    **dict.fromkeys("viele vielen vieler".split(), "many"),
    **dict.fromkeys("einige einigen".split(), "some"),
    **dict.fromkeys("mehrere mehreren".split(), "several"),
    **dict.fromkeys("im in ins".split(), "in"),
    **dict.fromkeys("am an ans".split(), "at"),
    **dict.fromkeys("bei beim".split(), "at"),
    **dict.fromkeys("von vom".split(), "of"),
    **dict.fromkeys("zum zur".split(), "for"),
    **dict.fromkeys("pro je".split(), "per"),
    "und": "and",
    "sowie": "and",
    "oder": "or",
    "aber": "but",
    "sondern": "but",
    "sowohl": "",
    "als": "as",
    "wie": "such as",
    "für": "for",
    "mit": "with",
    "ohne": "without",
    "auf": "on",
    "aus": "from",
    "zu": "to",
    "nach": "to",
    "über": "over",
    "unter": "under",
    "zwischen": "between",
    "gegen": "against",
    "durch": "through",
    "um": "around",
    "vor": "before",
    "seit": "since",
    "bis": "until",
    "ab": "from",
    "innerhalb": "within",
    "außerhalb": "outside",
    "während": "during",
    "wegen": "because of",
    "trotz": "despite",
    "rund": "around",
    "etwa": "about",
    "wir": "we",
    "ich": "I",
    "sie": "they",
    "er": "he",
    "es": "it",
    "uns": "us",
    "ist": "is",
    "sind": "are",
    "war": "was",
    "waren": "were",
    "sein": "be",
    "hat": "has",
    "haben": "have",
    "hatte": "had",
    "wird": "is",
    "werden": "are",
    "wurde": "was",
    "wurden": "were",
    "kann": "can",
    "können": "can",
    "soll": "should",
    "sollen": "should",
    "sollte": "should",
    "muss": "must",
    "müssen": "must",
    "möchte": "would like",
    "möchten": "would like",
    "will": "wants",
    "wollen": "want",
    "nicht": "not",
    "auch": "also",
    "zudem": "also",
    "noch": "still",
    "schon": "already",
    "bereits": "already",
    "nur": "only",
    "sehr": "very",
    "mehr": "more",
    "insbesondere": "especially",
    "gerne": "gladly",
    "gern": "gladly",
    "hier": "here",
    "dort": "there",
    "jetzt": "now",
    "derzeit": "currently",
    "aktuell": "currently",
    "dabei": "",
    "damit": "so that",
    "dass": "that",
    "ob": "whether",
    "wenn": "if",
    "weil": "because",
    "da": "since",
    "dann": "then",
    "so": "so",
    "sodass": "so that",
    "zusammen": "together",
}

# Dotted German abbreviations, matched before ordinary words.
_DE_ABBREVIATIONS: dict[str, str] = {
    "z. b.": "e.g.",
    "z.b.": "e.g.",
    "bzw.": "or",
    "ca.": "approx.",
    "mio.": "million",
    "mrd.": "billion",
    "tsd.": "thousand",
    "u. a.": "among others",
    "u.a.": "among others",
    "d. h.": "i.e.",
    "d.h.": "i.e.",
    "inkl.": "incl.",
    "ggf.": "if applicable",
    "evtl.": "possibly",
    "usw.": "etc.",
    "nr.": "no.",
    "std.": "hours",
    "jh.": "century",
    "e. v.": "registered association",
    "e.v.": "registered association",
    "qm": "m²",
    "m/w/d": "",
    "w/m/d": "",
    "m/f/d": "",
    "m/w/x": "",
}

_EN_STOPWORDS: frozenset[str] = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    upon us very via was we were what when where which while who whom why will with would
    you your yours yourself yourselves sth sb etc eg ie approx incl per""".split()
)

# Language-detection cues. Words that are common in both languages are left out.
_DE_CUES: frozenset[str] = frozenset(
    """der die das den dem des ein eine einen einem einer eines und oder für mit von vom zum
    zur im ist sind wir ihr sie uns unser unsere unseren unserem nicht auch bei beim auf aus
    nach über zu wird werden wurde haben hat sich noch nur sehr mehr wie als dass wenn ab bis
    durch gegen ohne sowie bzw suchen sucht bieten bietet gesucht neue neuen gerne mehrere
    zwischen während jetzt heute ich einen kein keine diese dieser dieses welche""".split()
)
_EN_CUES: frozenset[str] = frozenset(
    """the and of to for with from by is are we our you your they their this that these those
    be been being have has had will would can could should a an not no it its as at on or
    which who what looking seeking offer offers offering need needs provide provides available
    new into about than more most such other also within across via per""".split()
)
_DE_SUFFIX_RE = re.compile(
    r"(?:ung|ungen|heit|keit|schaft|lich|liche|lichen|licher|isch|ische|ischen|ismus|ierung"
    r"|ieren|iert|chen|tät|täten|ktion|ktionen|oren|stoff|zeug|werk|bau|technik|gerecht)$"
)
_EN_LETTERS_RE = re.compile(r"th|wh|c[aeiloru]|[aeiou]y")
_EN_SUFFIX_RE = re.compile(r"(?:ing|ings|ness|ly|ies|ship|ity|ities|ed|ction|ctions|ful)$")

# Tags of senses too specialised or too marked to be the general rendering of a word.
# Register and regional tags belong to the synonym they follow; domain tags at the end of an
# entry's head apply to the whole entry.
_REGISTER_TAGS: frozenset[str] = frozenset(
    """ugs. coll. slang poet. obs. archaic dated veraltet veraltend selten rare alt geh. humor.
    pej. vulg. euphem. Ös. Schw. Bayr. Süddt. Norddt. Austr. Sprw. Jägersprache
    children's""".split()
)
_RARE_DOMAIN_TAGS: frozenset[str] = frozenset(
    """ornith. med. bot. zool. anat. mil. hist. relig. mus. cook. sport min. geol. biol. ling.
    lit. art naut. astron. meteo. pharm. biochem. psych. phil. textil. agr. print übtr. fig.
    chem. myc. entom. ichth. mineral. archeol.
    photo. insur. cosmet. gastr. dent. vet. arch.""".split()
)

# --------------------------------------------------------------------------------------------
# Regular expressions
# --------------------------------------------------------------------------------------------

# Grammar {f}, comments (...), variants <...> and abbreviations /Hbf./; [tags] are kept apart.
_NON_TAG_BRACKETS_RE = re.compile(
    r"\{[^}]*\}|\([^()]*(?:\([^()]*\)[^()]*)*\)|<[^>]*>|/[^/\s][^/]*/"
)
_TAG_RE = re.compile(r"\[([^\]]+)\]")
_DE_PLACEHOLDER_RE = re.compile(r"(?<!\w)(?:jd[nmrs]|etw)\.(?:/(?:jd[nmrs]|etw)\.)?|\bsich\b")
_EN_PLACEHOLDER_RE = re.compile(r"(?<!\w)(?:(?:sb|sth)\.(?:/(?:sb|sth)\.)?|one)(?:['’]s)?(?!\w)")
_EN_ALTERNATIVE_RE = re.compile(r"(\w)/[\w-]+")
_DE_KEY_RE = re.compile(r"[a-zäöüß]+(?:-[a-zäöüß]+)*")
_SPACES_RE = re.compile(r"\s+")
_GENDER_RE = re.compile(r"(?<=[a-zäöüß])(?:[*:_/]i|I)n(?:nen)?\b")
_ABBREVIATION_ALTERNATIVES = "|".join(
    re.escape(key).replace(r"\ ", r"\s?") for key in sorted(_DE_ABBREVIATIONS, key=len)[::-1]
)
_TOKEN_RE = re.compile(
    rf"(?i:(?<!\w)(?:{_ABBREVIATION_ALTERNATIVES})(?!\w))|\d+(?:[.,]\d+)+|[^\W_]+(?:[-'’][^\W_]+)*"
)
_WORD_RE = re.compile(r"[^\W_]+")
_SPACE_BEFORE_PUNCT_RE = re.compile(r"[ \t]+([,.;:!?)\]])")
_MULTI_SPACE_RE = re.compile(r"[ \t]{2,}")
_EMPTY_BRACKETS_RE = re.compile(r"\(\s*\)|\[\s*\]")
# "stellen ... zur Verfügung" (to provide): the verb and its particle phrase are apart.
_PROVIDE_RE = re.compile(
    r"\b(?:stell(?:e|en|t|te|ten))\b(?=[^.;:!?]{0,80}?\bzur\s+Verfügung\b)([^.;:!?]{0,80}?)"
    r"\bzur\s+Verfügung\b",
    re.IGNORECASE,
)

_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})
_BRITISH_RE = re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$")
_BRITISH_WORDS: dict[str, str] = {
    "programme": "program",
    "programmes": "programs",
    "centre": "center",
    "centres": "centers",
    "fibre": "fiber",
    "litre": "liter",
    "metre": "meter",
    "metres": "meters",
    "labour": "labor",
    "moulding": "molding",
    "tyre": "tire",
    "tyres": "tires",
    "modelling": "modeling",
    "licence": "license",
    "catalogue": "catalog",
    "enquiry": "inquiry",
}

_NOUN_SUFFIXES = ("e", "n", "s", "en", "er", "es", "em", "ns", "ern", "nen")
_VERB_SUFFIXES = ("t", "et", "st", "te", "ten", "tet", "end")
_SEPARABLE_PREFIXES = (
    "ab an auf aus bei ein fest frei her hin mit nach vor weiter zu zurück zusammen".split()
)
# Legal forms: the capitalised words right before one are a company name, kept as written.
_LEGAL_FORMS: frozenset[str] = frozenset(
    ["gmbh", "ag", "kg", "se", "ug", "ohg", "gbr", "mbh", "kgaa", "eg", "e.v.", "e. v.", "co"]
)
_PARTICLES: frozenset[str] = frozenset(
    "ab an auf aus bei ein fest her hin los mit nach vor vorbei weiter zu zurück zusammen".split()
)
_CLAUSE_END_RE = re.compile(r"[ \t]*(?:[.,;:!?)]|$)")
_PRESENT_PARTICIPLE_RE = re.compile(r"(\w{3,}?)e?nd(?:e|en|er|es|em)?")
_LINKS = (("", 0.0), ("s", 0.2), ("n", 0.3), ("es", 0.4), ("en", 0.4), ("e", 0.4), ("er", 0.5))
_MAX_COMPOUND_LENGTH = 48


@dataclass(frozen=True)
class _Gloss:
    """An English rendering of one German word and where it came from."""

    text: str
    from_dictionary: bool = False


_UNKNOWN = _Gloss("\x00")  # memo sentinel: not looked up yet


# --------------------------------------------------------------------------------------------
# Language detection
# --------------------------------------------------------------------------------------------


def _looks_german_word(word: str) -> bool:
    """Tell whether a lowercase word is a glossary entry (or a simple inflection of one)."""
    for candidate in (word, word[:-1], word[:-2]):
        if len(candidate) < 4:
            break
        english = GLOSSARY.get(candidate)
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
    german = 0.0
    english = 0.0
    for word in _WORD_RE.findall(text.lower()):
        if word.isdigit():
            continue
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
    return "de" if german > english else "en"


# --------------------------------------------------------------------------------------------
# Dictionary parsing and caching
# --------------------------------------------------------------------------------------------


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
                    if not _DE_KEY_RE.fullmatch(key.replace(" ", "-")):
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


def _default_cache_dir() -> Path:
    """Return the per-user cache directory for derived dictionary files."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "matchmaker"


def _cache_file(dictionary: Path, cache_dir: Path) -> Path:
    """Name the cache file after the dictionary's path, size and modification time."""
    stat = dictionary.stat()
    digest = hashlib.sha1(str(dictionary.resolve()).encode()).hexdigest()[:12]
    name = f"de-en-{digest}-{stat.st_size}-{stat.st_mtime_ns}-v{_FORMAT_VERSION}.tsv"
    return cache_dir / name


def _read_cache(path: Path) -> dict[str, str] | None:
    """Read a cached map written by _write_cache, or None when absent or unusable."""
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


def _write_cache(path: Path, entries: dict[str, str]) -> None:
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


# --------------------------------------------------------------------------------------------
# Inflection
# --------------------------------------------------------------------------------------------


def _lemma_candidates(word: str) -> list[str]:
    """List base-form candidates for an inflected lowercase German word, best first."""
    candidates = [word]
    for suffix in _NOUN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            candidates.append(word[: -len(suffix)])
    for suffix in _VERB_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            candidates.extend((stem + "en", stem + "n"))
    if len(word) >= 6 and word.startswith("ge") and word.endswith("t"):
        candidates.extend((word[2:-1] + "en", word[2:-1] + "n"))
    if len(word) >= 7 and word.startswith("ge") and word.endswith("en"):
        candidates.append(word[2:])
    for prefix in _SEPARABLE_PREFIXES:
        if word.startswith(prefix + "ge") and len(word) >= len(prefix) + 5:
            rest = word[len(prefix) + 2 :]
            if rest.endswith("t"):
                candidates.extend((prefix + rest[:-1] + "en", prefix + rest[:-1] + "n"))
            elif rest.endswith("en"):
                candidates.append(prefix + rest)
    umlauted = [candidate for candidate in candidates if any(c in candidate for c in "äöü")]
    candidates.extend(candidate.translate(_UMLAUTS) for candidate in umlauted)
    return list(dict.fromkeys(candidates))


def _ing_form(verb: str) -> str:
    """Turn an English verb into its -ing form ("grow" -> "growing", "use" -> "using")."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + "ing"


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


def _opens_sentence(text: str, start: int) -> bool:
    """Tell whether the token at start opens the text, a sentence, a line or a list item."""
    before = text[max(0, start - 24) : start].rstrip(" \t\"'„“(")
    return not before or before[-1] in ".!?:;\n•*"


def _adjective_variants(word: str) -> list[str]:
    """List the word and its base adjective ending (-en/-er/-es/-em to -e) for phrases."""
    variants = [word]
    if len(word) > 4 and word[-2] == "e" and word[-1] in "nrsm":
        variants.append(word[:-1])
    return variants


# --------------------------------------------------------------------------------------------
# Bridge
# --------------------------------------------------------------------------------------------


class Bridge:
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
        self.cache_dir = Path(cache_dir) if cache_dir is not None else _default_cache_dir()
        self.use_cache = use_cache
        self.load_seconds: float | None = None
        self._entries: dict[str, str] | None = None
        self._lock = threading.Lock()
        self._memo: dict[tuple[str, bool], _Gloss | None] = {}
        self._split_memo: dict[str, tuple[str, ...]] = {}
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
            cache = _cache_file(dictionary, self.cache_dir)
        except OSError:
            logger.warning(
                "de-en dictionary %s not found; bridging with the curated glossary only",
                dictionary,
            )
            return {}
        if self.use_cache:
            cached = _read_cache(cache)
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
            _write_cache(cache, entries)
        return entries

    # ---------------------------------------------------------------- lookup

    def _phrase_exact(self, key: str) -> str | None:
        """Translate a lowercase phrase exactly as given: glossary, then dictionary."""
        english = GLOSSARY.get(key)
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
                return _ing_form(found[0]), found[1]
        entries = self.entries
        candidates = _lemma_candidates(word)
        for candidate in candidates:
            english = GLOSSARY.get(candidate)
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
            english = GLOSSARY.get(variant)
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
            return GLOSSARY.get(lower, token), ()  # an acronym or a name like "GmbH"
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
                    if _DE_KEY_RE.fullmatch(joined.lower())
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
        english = GLOSSARY.get(key)
        if english is not None or len(words) != 2:
            return english
        if words[0] in _DE_FUNCTION or words[1] in _DE_FUNCTION:
            return None
        for first in _adjective_variants(words[0]):
            for second in (words[1], *_lemma_candidates(words[1])[1:3]):
                english = self._phrase_exact(f"{first} {second}")
                if english is not None:
                    return english
        return None

    def _render(self, text: str) -> tuple[str, list[str]]:
        """Render German text in English; also return the glosses of compound parts."""
        text = _GENDER_RE.sub("", text)
        text = _PROVIDE_RE.sub(r"bereitstellen\1", text)
        matches = list(_TOKEN_RE.finditer(text))
        names = _company_name_tokens(text, matches)
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
        for word in _WORD_RE.findall(source.lower()):
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


_bridge: Bridge | None = None
_bridge_lock = threading.Lock()


def get_bridge() -> Bridge:
    """Return the process-wide Bridge on the default dictionary, created on first call."""
    global _bridge
    if _bridge is None:
        with _bridge_lock:
            if _bridge is None:
                _bridge = Bridge()
    return _bridge

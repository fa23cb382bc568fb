"""Cheap German and English inflection: base-form candidates, -ing forms, adjective endings."""

from __future__ import annotations

from matchmaker.engine.language import wordlists

# Plurals and verb forms may gain an umlaut ("Zuschüsse" from "Zuschuss").
_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})
_NOUN_SUFFIXES = ("e", "n", "s", "en", "er", "es", "em", "ns", "ern", "nen")
_VERB_SUFFIXES = ("t", "et", "st", "te", "ten", "tet", "end")
_SEPARABLE_PREFIXES = wordlists.separable_prefixes()


def lemma_candidates(word: str) -> list[str]:
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


def ing_form(verb: str) -> str:
    """Turn an English verb into its -ing form ("grow" -> "growing", "use" -> "using")."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + "ing"


def adjective_variants(word: str) -> list[str]:
    """List the word and its base adjective ending (-en/-er/-es/-em to -e) for phrases."""
    variants = [word]
    if len(word) > 4 and word[-2] == "e" and word[-1] in "nrsm":
        variants.append(word[:-1])
    return variants

"""Language tools of the engine: detection, the German-English bridge, its dictionary."""

from matchmaker.engine.language.bridge import Bridge, get_bridge, preparation_fingerprint
from matchmaker.engine.language.detect import decisive_language, detect_language
from matchmaker.engine.language.dictionary import DEFAULT_DICTIONARY_PATH, parse_dictionary

__all__ = [
    "DEFAULT_DICTIONARY_PATH",
    "Bridge",
    "decisive_language",
    "detect_language",
    "get_bridge",
    "parse_dictionary",
    "preparation_fingerprint",
]

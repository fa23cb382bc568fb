#!/usr/bin/env bash
# Installs Debian's offline German-English dictionary (trans-de-en), used by the matching
# bridge. Without it the service still works, with the built-in domain glossary only.
set -u
dict=${MATCHMAKER_DICTIONARY_PATH:-/usr/share/trans/de-en}
[ -f "$dict" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  (apt-get install -y -qq trans-de-en >/dev/null 2>&1 || \
   (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq trans-de-en >/dev/null 2>&1)) \
   && echo "installed trans-de-en" && exit 0
fi
echo "warning: $dict missing (apt-get install trans-de-en); cross-language matching is weaker." >&2
exit 0

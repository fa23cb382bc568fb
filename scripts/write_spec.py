"""Write the OpenAPI document generated from the code, or check the committed one is current."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path


def generate() -> str:
    os.environ.setdefault("MATCHMAKER_DATABASE_URL", f"sqlite:///{tempfile.mkdtemp()}/spec.db")
    os.environ.setdefault("MATCHMAKER_LOG_LEVEL", "WARNING")
    from matchmaker.app import create_app
    from matchmaker.extensions import api

    app = create_app()
    with app.app_context():
        spec = api.spec.to_dict()
    return json.dumps(spec, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    target = Path([a for a in argv if not a.startswith("--")][0])
    text = generate()
    if check:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            print(f"{target} is out of date: run `make spec` and commit it.", file=sys.stderr)
            return 1
        print(f"{target} is current")
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Access to the data files in models/ (patterns and lexicons).

Knowledge lives in data: a new currency or speech verb is a line in a lexicon, not an `if`.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE_ROOT = Path(__file__).resolve().parent


def models_dir() -> Path:
    """The models/ folder: $NEWSEVENTS_MODELS, else the one beside the package (repository layout)."""
    env = os.environ.get("NEWSEVENTS_MODELS")
    if env:
        return Path(env)
    return _PACKAGE_ROOT.parent / "models"


@cache
def load_json(name: str) -> Any:
    """Load models/<name> (JSON). Cached: lexicons are read-only."""
    with open(models_dir() / name, encoding="utf-8") as fh:
        return json.load(fh)

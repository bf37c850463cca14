"""Lets the tests import the notebook runner from scripts/, the same code `npm run notebooks` uses."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

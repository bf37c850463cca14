"""Lets the tests import scripts/notebooks.py, the same notebook runner `npm run notebooks` uses."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

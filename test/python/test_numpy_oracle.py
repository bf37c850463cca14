"""The command line against the tutorials' own NumPy code, for seeds and settings the fixtures do not cover.

Each case runs `test/oracle/tutorials.py` (the tutorials' code) and `npm run --silent train -- … --json` (our
library) with the same arguments and requires every number to agree to 1e-9.
"""

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOLERANCE = 1e-9

CASES = [
    ["gender", "--seed", "0"],
    ["gender", "--seed", "42", "--epochs", "500", "--learn-rate", "0.05"],
    ["gender", "--seed", "4294967295", "--epochs", "200", "--learn-rate", "0.3"],
    ["points", "--seed", "1", "--iterations", "100000"],
    ["points", "--seed", "2", "--iterations", "30000", "--hidden", "3"],
    ["points", "--seed", "123456", "--iterations", "5000", "--hidden", "8"],
]


def run_numpy(args):
    out = subprocess.run([sys.executable, str(ROOT / "test/oracle/tutorials.py"), *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def run_library(args):
    out = subprocess.run(["npm", "run", "--silent", "train", "--", *args, "--json"], cwd=ROOT, check=True, capture_output=True, text=True)
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 1, f"expected one JSON line on stdout, got {len(lines)}"
    return json.loads(lines[0])


def assert_close(ours, theirs, path="result"):
    if isinstance(theirs, dict):
        assert set(theirs) <= set(ours), f"{path}: missing keys {set(theirs) - set(ours)}"
        for key in theirs:
            assert_close(ours[key], theirs[key], f"{path}.{key}")
    elif isinstance(theirs, list):
        assert len(ours) == len(theirs), f"{path}: length {len(ours)} != {len(theirs)}"
        for i, (a, b) in enumerate(zip(ours, theirs)):
            assert_close(a, b, f"{path}[{i}]")
    elif isinstance(theirs, float):
        assert math.isfinite(ours) and abs(ours - theirs) <= TOLERANCE, f"{path}: {ours!r} vs NumPy {theirs!r}"
    else:
        assert ours == theirs, f"{path}: {ours!r} != {theirs!r}"


@pytest.mark.parametrize("args", CASES, ids=[" ".join(c) for c in CASES])
def test_library_agrees_with_the_tutorials_numpy_code(args):
    ours = run_library(args)
    assert ours["trainMs"] >= 0
    assert_close(ours, run_numpy(args))

#!/usr/bin/env bash
# Regenerates test/fixtures/oracle-*.json from the tutorials' own NumPy code (needs a Python with numpy).
set -euo pipefail
cd "$(dirname "$0")/../.."
python=${PYTHON:-.venv/bin/python}
"$python" test/oracle/tutorials.py gender --seed 0 --epochs 1000 --learn-rate 0.1 > test/fixtures/oracle-gender-seed0.json
"$python" test/oracle/tutorials.py gender --seed 7 --epochs 300 --learn-rate 0.25 > test/fixtures/oracle-gender-seed7.json
"$python" test/oracle/tutorials.py points --seed 1 --iterations 100000 --hidden 4 > test/fixtures/oracle-points-seed1.json
"$python" test/oracle/tutorials.py points --seed 3 --iterations 20000 --hidden 6 > test/fixtures/oracle-points-seed3.json

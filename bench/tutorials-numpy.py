"""Times the tutorials' own NumPy code (test/oracle/tutorials.py) at the tutorials' sizes, for `npm run bench:train`.

Prints one JSON object: the median milliseconds of `rounds` runs of tutorial 2's training (seed 1, 100,000
iterations) and of tutorial 1's (seed 0, 1000 epochs). The caller sets one BLAS thread.
"""

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "test" / "oracle"))
import tutorials  # noqa: E402


def median_ms(run, rounds):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
print(json.dumps({
    "points": median_ms(lambda: tutorials.points(1, 100000, 4), rounds),
    "gender": median_ms(lambda: tutorials.gender(0, 1000, 0.1), rounds),
}))

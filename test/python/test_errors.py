"""A learner's mistake made through the library reads in one glance on the real tslab kernel.

tslab prints a cell's uncaught error with `console.error(error)`, so what the learner sees is Node's inspection of
the error: for an InputError its one line (parameter, value, what was expected, a hint), with no stack frames into
`dist/`, `node_modules` or the kernel. A genuine bug, anything else thrown, still shows its stack.

The scratch notebook lives in a temporary folder inside the repository because tslab resolves imports from the
notebook's folder, and it must import the built package (`npm test` builds `dist/` first).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import notebooks as runner

HERE = Path(__file__).resolve().parent

# The package root, seen from a folder directly under test/python/.
IMPORT = 'import { LayeredNetwork, Neuron, RandomState, generateDataset } from "../../..";'

# A cell's source and the one line its error output must start with.
MISTAKES = {
    "inputs-length": (
        "new Neuron([0, 1], 4).feedforward([2, 3, 5])",
        "InputError: inputs.length must be 2, got 3 (this neuron has 2 weights, one per input)",
    ),
    "name-not-own-key": (
        'new Neuron([1], 0, "toString" as any)',
        'InputError: activation must be one of sigmoid, tanh, relu, got "toString"',
    ),
    "after-await": (
        "await Promise.resolve();\nnew Neuron([0, 1], Number.NaN);",
        "InputError: bias must be a finite number, got NaN",
    ),
    "diverged": (
        "const rng = new RandomState(0);\n"
        'const spiral = generateDataset("spiral", rng);\n'
        'const net = LayeredNetwork.fromRandom([2, 8, 8, 1], rng, { activation: "relu", outputActivation: "sigmoid", biases: true });\n'
        "net.train(spiral.inputs, spiral.labels, { epochs: 50, learnRate: 1e200 });",
        "TrainingDivergedError: training diverged at epoch ",
    ),
}
BUG = 'throw new TypeError("a bug, not a mistake");'

# "At most a few lines": the message, and room for a hint on its own line should one ever need it.
MAX_ERROR_LINES = 3

# tslab drops requests that arrive within 200 ms of a failed cell, so each cell waits a little longer first.
PAUSE_AFTER_ERROR_S = 0.5


def stderr_lines(cell: nbformat.NotebookNode) -> list[str]:
    text = "".join(output.get("text", "") for output in cell.outputs if output.get("name") == "stderr")
    return [line for line in runner.ANSI_ESCAPE.sub("", text).splitlines() if line.strip()]


@pytest.fixture(scope="module")
def cells() -> dict[str, nbformat.NotebookNode]:
    """Every mistake and the bug, each run in its own cell of one notebook on a fresh tslab kernel."""
    sources = {"import": IMPORT, **{name: source for name, (source, _) in MISTAKES.items()}, "bug": BUG}
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources.values()]
    with tempfile.TemporaryDirectory(dir=HERE, prefix="scratch-errors-") as folder:
        client = NotebookClient(
            nb,
            kernel_name=runner.KERNEL_SPEC["name"],
            timeout=runner.CELL_TIMEOUT,
            allow_errors=True,
            resources={"metadata": {"path": folder}},
            on_cell_execute=lambda **_: time.sleep(PAUSE_AFTER_ERROR_S),
        )
        client.execute()
    return dict(zip(sources, nb.cells))


def test_the_library_imports_without_output(cells):
    assert stderr_lines(cells["import"]) == []


@pytest.mark.parametrize("name", MISTAKES)
def test_a_mistake_shows_one_short_message_without_paths_or_frames(cells, name):
    lines = stderr_lines(cells[name])
    _, first_line = MISTAKES[name]
    assert lines, f"{name}: the cell showed no error"
    assert lines[0].startswith(first_line), f"{name}: the error starts {lines[0]!r}"
    assert len(lines) <= MAX_ERROR_LINES, f"{name}: {len(lines)} lines of error output:\n" + "\n".join(lines)
    text = "\n".join(lines)
    for forbidden in ("dist/", "node_modules", "node:", "    at ", "evalmachine"):
        assert forbidden not in text, f"{name}: the error output mentions {forbidden!r}:\n{text}"


def test_a_genuine_bug_still_shows_its_stack(cells):
    lines = stderr_lines(cells["bug"])
    assert "TypeError: a bug, not a mistake" in lines
    assert sum(line.lstrip().startswith("at ") for line in lines) >= 2, "\n".join(lines)

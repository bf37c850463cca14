"""Runs notebooks on the tslab kernel with nbclient, each from a fresh kernel in its own folder.

`npm run notebooks [-- notebooks/NAME.ipynb ...]` writes the outputs back in place (run twice, the files are
byte-identical); test/python/test_notebooks.py runs them the same way. A failing cell leaves its file untouched and
is reported by notebook, cell and error: tslab prints compile and runtime errors on stderr instead of sending an
error output, so the cell's stderr is the error.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellControlSignal, DeadKernelError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
KERNEL_SPEC = {"name": "tslab", "display_name": "TypeScript", "language": "typescript"}
# Seconds a single cell may run; training cells in later notebooks are the slow ones.
CELL_TIMEOUT = int(os.environ.get("NOTEBOOK_CELL_TIMEOUT", "300"))
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class NotebookError(Exception):
    """A cell failed; the message names the notebook, the cell and the error."""


def execute(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    started: list[int] = []
    client = NotebookClient(
        nb,
        kernel_name=KERNEL_SPEC["name"],
        timeout=CELL_TIMEOUT,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
        on_cell_start=lambda cell, cell_index: started.append(cell_index),
    )
    try:
        client.execute()
    except (CellControlSignal, DeadKernelError) as error:
        if not started:
            raise
        raise NotebookError(describe(path, started[-1], nb.cells[started[-1]], error)) from None
    return nb


def describe(path: Path, index: int, cell: nbformat.NotebookNode, error: Exception) -> str:
    first_line = next((line.strip() for line in cell.source.splitlines() if line.strip()), "")
    shown = [
        output.get("text") or "\n".join(output.get("traceback", []))
        for output in cell.get("outputs", [])
        if output.get("name") == "stderr" or output.get("output_type") == "error"
    ]
    details = ANSI_ESCAPE.sub("", "".join(shown)).strip() or f"{type(error).__name__}: {str(error).strip().splitlines()[-1]}"
    label = f" [{cell.execution_count}]" if cell.get("execution_count") else ""
    return f"{os.path.relpath(path, ROOT)}, cell {index + 1}{label} ({first_line}):\n" + "\n".join(f"    {line}" for line in details.splitlines())


def main(names: list[str]) -> int:
    # npm runs scripts from the package root; INIT_CWD is where the command was typed.
    paths = [Path(os.environ.get("INIT_CWD", "."), name).resolve() for name in names] or NOTEBOOKS
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        sys.exit(f"error: no such notebook: {', '.join(missing)}")
    failures = 0
    for path in paths:
        try:
            nbformat.write(execute(path), path)
            print(f"wrote {os.path.relpath(path, ROOT)}", flush=True)
        except NotebookError as error:
            failures += 1
            print(f"FAILED {error}\n(left unchanged)", file=sys.stderr, flush=True)
    if failures:
        print(f"{failures} of {len(paths)} notebook(s) failed", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Executes the project's notebooks on the tslab kernel and writes their outputs back in place.

Usage (run by the project env's python; `npm run notebooks` sets that up):
    python scripts/execute_notebooks.py [notebooks/NAME.ipynb ...]

Each notebook runs from a fresh kernel in its own folder, like `npm test` runs it. Metadata that changes from
run to run is stripped, so running twice gives byte-identical files. A failing cell leaves the file untouched
and prints the notebook, the cell and the error. The test suite imports this module for the same behaviour.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellControlSignal, CellExecutionError, CellTimeoutError, DeadKernelError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS_DIR = ROOT / "notebooks"

KERNEL_SPEC = {"name": "tslab", "display_name": "TypeScript", "language": "typescript"}

# Seconds a single cell may run; training cells in later notebooks are the slow ones.
CELL_TIMEOUT = int(os.environ.get("NOTEBOOK_CELL_TIMEOUT", "300"))

# Notebooks executed at once, each in its own process and kernel; tslab's compiler keeps a core busy per kernel.
WORKERS = int(os.environ.get("NOTEBOOK_WORKERS", str(min(os.cpu_count() or 1, 4))))

# Output MIME types compared between the committed notebook and a fresh run (images and plot specs are not).
TEXT_MIME_TYPES = ("text/plain", "text/markdown", "text/html", "text/latex")

# Notebook- and cell-level metadata that differs between runs or machines.
VOLATILE_NOTEBOOK_METADATA = ("widgets", "papermill", "execution")
VOLATILE_CELL_METADATA = ("execution", "ExecuteTime", "papermill", "collapsed", "scrolled")

ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
TSLAB_COMPILE_ERROR = re.compile(r"^\d+:\d+ - ")
THROWN_ERROR = re.compile(r"^([A-Za-z_$][\w$]*(?:Error|Exception)): (.*)$")
INTERNAL_FRAME = re.compile(r"^\s+at .*(node:|node_modules[\\/]tslab)")


class NotebookCellError(Exception):
    """A cell failed: names the notebook, the cell and the kernel's error in a readable block."""

    def __init__(
        self, path: Path, cell_number: int, execution_count: int | None, source: str, ename: str, evalue: str, traceback: str
    ) -> None:
        self.path = path
        self.cell_number = cell_number
        self.execution_count = execution_count
        self.source = source
        self.first_line = next((line for line in source.splitlines() if line.strip()), "")
        self.ename = ename
        self.evalue = evalue
        self.traceback = traceback
        super().__init__(str(self))

    def __reduce__(self):
        # Rebuilt from its fields when it crosses from a worker process.
        args = (self.path, self.cell_number, self.execution_count, self.source, self.ename, self.evalue, self.traceback)
        return (NotebookCellError, args)

    def __str__(self) -> str:
        # JupyterLab shows code cells as "[n]", so both the cell's position and that label help find it.
        label = f", [{self.execution_count}]" if self.execution_count else ""
        headline = f"{display_path(self.path)}, cell {self.cell_number}{label} ({self.first_line.strip()}): {self.ename}: {self.evalue}"
        # Lines the headline already shows (a type error's message) are not repeated.
        details = "\n".join(f"    {line}" for line in self.traceback.splitlines() if line.strip() and line.strip() not in headline)
        return f"{headline}\n{details}" if details else headline


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def notebook_paths(names: list[str] | None = None) -> list[Path]:
    """The notebooks named on the command line, or every notebook under notebooks/ (checkpoints excluded)."""
    if names:
        paths = [Path(name).resolve() for name in names]
        missing = [name for name, path in zip(names, paths) if not path.is_file()]
        if missing:
            raise SystemExit(f"error: no such notebook: {', '.join(missing)}")
        return paths
    return sorted(p for p in NOTEBOOKS_DIR.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _stderr_error(stderr: str) -> tuple[str, str]:
    """tslab reports errors only as stderr text: `L:C - message` lines for type errors, Node's trace for throws."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    compile_errors = [line for line in lines if TSLAB_COMPILE_ERROR.match(line)]
    if compile_errors:
        return "TypeScript error", "; ".join(compile_errors)
    for line in lines:
        thrown = THROWN_ERROR.match(line)
        if thrown:
            return thrown.group(1), thrown.group(2)
    return "Error", lines[0] if lines else "(the kernel gave no message)"


def _error_details(cell: nbformat.NotebookNode, error: Exception) -> tuple[str, str, str]:
    """ename, evalue and a plain-text traceback of the failed cell."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            traceback = ANSI_ESCAPE.sub("", "\n".join(output.get("traceback", [])))
            return output.get("ename", ""), output.get("evalue", ""), traceback
    if isinstance(error, CellTimeoutError):
        return "CellTimeoutError", f"the cell ran longer than {CELL_TIMEOUT} s (set NOTEBOOK_CELL_TIMEOUT)", ""
    if isinstance(error, DeadKernelError):
        return "DeadKernelError", "the kernel died while running this cell", ""
    stderr = ANSI_ESCAPE.sub("", "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("name") == "stderr"))
    ename, evalue = _stderr_error(stderr)
    # tslab's and Node's own frames say nothing about the notebook.
    traceback = "\n".join(line for line in stderr.splitlines() if not INTERNAL_FRAME.search(line))
    return ename, evalue, traceback


def execute(path: Path) -> nbformat.NotebookNode:
    """Runs every cell of the notebook at `path` from a fresh tslab kernel, cwd = its folder; returns it normalized."""
    nb = read(path)
    started: dict[str, int] = {}

    def on_cell_start(cell: nbformat.NotebookNode, cell_index: int) -> None:
        started["index"] = cell_index

    client = NotebookClient(
        nb,
        kernel_name=KERNEL_SPEC["name"],
        timeout=CELL_TIMEOUT,
        record_timing=False,
        store_widget_state=False,
        resources={"metadata": {"path": str(path.parent)}},
        on_cell_start=on_cell_start,
    )
    try:
        client.execute()
    except (CellControlSignal, DeadKernelError) as error:
        if "index" not in started:
            raise
        index = started["index"]
        cell = nb.cells[index]
        ename, evalue, traceback = _error_details(cell, error)
        raise NotebookCellError(path, index + 1, cell.get("execution_count"), cell.source, ename, evalue, traceback) from None
    return normalize(nb)


def execute_or_error(path: Path) -> nbformat.NotebookNode | NotebookCellError:
    try:
        return execute(path)
    except NotebookCellError as error:
        return error


def execute_many(paths: list[Path], workers: int = WORKERS) -> dict[Path, nbformat.NotebookNode | NotebookCellError]:
    """Executes the notebooks, up to `workers` at a time; maps each path to its notebook or its cell error."""
    if workers <= 1 or len(paths) <= 1:
        return {path: execute_or_error(path) for path in paths}
    # "spawn": a forked copy of a process that already talks to kernels could share its sockets.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(paths)), mp_context=context) as pool:
        return dict(zip(paths, pool.map(execute_or_error, paths)))


def normalize(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Fixes the kernelspec and drops run-to-run metadata (timings, widget state), in place."""
    nb.metadata["kernelspec"] = nbformat.NotebookNode(KERNEL_SPEC)
    for key in VOLATILE_NOTEBOOK_METADATA:
        nb.metadata.pop(key, None)
    for cell in nb.cells:
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        for output in cell.get("outputs", []):
            output.pop("transient", None)
    return nb


def text_outputs(nb: nbformat.NotebookNode) -> str:
    """The notebook's text outputs as one readable document, for comparing two runs."""
    blocks = []
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        texts = []
        for output in cell.get("outputs", []):
            kind = output.get("output_type")
            if kind == "stream":
                texts.append(f"[{output.get('name')}]\n{output.get('text', '')}")
            elif kind in ("execute_result", "display_data"):
                data = output.get("data", {})
                texts.extend(f"[{mime}]\n{data[mime]}" for mime in TEXT_MIME_TYPES if mime in data)
            elif kind == "error":
                texts.append(f"[error]\n{output.get('ename')}: {output.get('evalue')}")
        first_line = next((line for line in cell.source.splitlines() if line.strip()), "")
        body = "\n".join(text.rstrip("\n") for text in texts) or "(no text output)"
        blocks.append(f"--- cell {number}: {first_line.strip()}\n{body}")
    return "\n".join(blocks) + "\n"


def write(nb: nbformat.NotebookNode, path: Path) -> None:
    """nbformat's own layout (indent 1, sorted keys, trailing newline), so diffs stay small."""
    nbformat.write(nb, path)


def main(argv: list[str]) -> int:
    paths = notebook_paths(argv)
    if not paths:
        print("no notebooks found under notebooks/")
        return 0
    print(f"executing {', '.join(display_path(path) for path in paths)} ({min(WORKERS, len(paths))} at a time) ...", flush=True)
    failures = 0
    for path, result in execute_many(paths).items():
        if isinstance(result, NotebookCellError):
            failures += 1
            print(f"FAILED {result}\n(left unchanged)", file=sys.stderr, flush=True)
            continue
        write(result, path)
        print(f"wrote {display_path(path)}", flush=True)
    if failures:
        print(f"{failures} of {len(paths)} notebook(s) failed", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Every notebook runs cleanly on the tslab kernel, and its committed outputs are those of a fresh run."""

from __future__ import annotations

import difflib
import functools
import json
import re
from pathlib import Path

import nbformat
import pytest

import notebooks as runner

EXPECTED_OUTPUTS = json.loads((Path(__file__).parent / "expected_outputs.json").read_text(encoding="utf-8"))
REFRESH_HINT = "run `npm run notebooks` to refresh the committed outputs"
# Output MIME types compared between the committed notebook and a fresh run (images and plot specs are not).
TEXT_MIME_TYPES = ("text/plain", "text/markdown", "text/html", "text/latex")
# Metadata that JupyterLab or other runners add and that differs from run to run.
VOLATILE_NOTEBOOK_METADATA = ("widgets", "papermill", "execution")
VOLATILE_CELL_METADATA = ("execution", "ExecuteTime", "papermill", "collapsed", "scrolled")

# Each notebook's tests share one xdist group, so its fresh run happens once, on one worker.
each_notebook = pytest.mark.parametrize(
    "path", [pytest.param(path, id=path.name, marks=pytest.mark.xdist_group(path.name)) for path in runner.NOTEBOOKS]
)


@functools.cache
def fresh_run(path: Path) -> nbformat.NotebookNode | runner.NotebookError:
    try:
        return runner.execute(path)
    except runner.NotebookError as error:
        return error


def fresh_run_or_skip(path: Path) -> nbformat.NotebookNode:
    result = fresh_run(path)
    if isinstance(result, runner.NotebookError):
        pytest.skip(f"{path.name} fails to run; see test_notebook_runs_without_errors_from_a_fresh_kernel")
    return result


def text_outputs(nb: nbformat.NotebookNode) -> str:
    """The notebook's text outputs as one readable document, for comparing two runs."""
    blocks = []
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        texts = []
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                texts.append(f"[{output.name}]\n{output.text}")
            elif output.output_type in ("execute_result", "display_data"):
                texts.extend(f"[{mime}]\n{output.data[mime]}" for mime in TEXT_MIME_TYPES if mime in output.data)
            elif output.output_type == "error":
                texts.append(f"[error]\n{output.ename}: {output.evalue}")
        first_line = next((line.strip() for line in cell.source.splitlines() if line.strip()), "")
        body = "\n".join(text.rstrip("\n") for text in texts) or "(no text output)"
        blocks.append(f"--- cell {number}: {first_line}\n{body}")
    return "\n".join(blocks) + "\n"


def committed(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def test_notebooks_folder_has_notebooks():
    assert runner.NOTEBOOKS, f"no notebooks found under {runner.ROOT / 'notebooks'}"


def test_expected_outputs_name_existing_notebooks():
    unknown = sorted(set(EXPECTED_OUTPUTS) - {path.name for path in runner.NOTEBOOKS})
    assert not unknown, f"expected_outputs.json names notebooks that do not exist: {unknown}"


@each_notebook
def test_notebook_runs_without_errors_from_a_fresh_kernel(path: Path):
    result = fresh_run(path)
    if isinstance(result, runner.NotebookError):
        pytest.fail(str(result), pytrace=False)


@each_notebook
def test_committed_text_outputs_match_a_fresh_run(path: Path):
    fresh = text_outputs(fresh_run_or_skip(path))
    old = text_outputs(committed(path))
    if old != fresh:
        diff = difflib.unified_diff(
            old.splitlines(keepends=True), fresh.splitlines(keepends=True), f"{path.name} (committed)", f"{path.name} (fresh run)"
        )
        pytest.fail(f"{path.name} has stale outputs; {REFRESH_HINT}\n{''.join(diff)}", pytrace=False)


@each_notebook
def test_outputs_contain_the_expected_strings(path: Path):
    outputs = text_outputs(fresh_run_or_skip(path))
    missing = [text for text in EXPECTED_OUTPUTS.get(path.name, []) if text not in outputs]
    assert not missing, f"{path.name}: outputs lack {missing}"


@each_notebook
def test_notebook_uses_the_tslab_kernel(path: Path):
    kernelspec = dict(committed(path).metadata.get("kernelspec", {}))
    assert kernelspec == runner.KERNEL_SPEC, f"{path.name}: kernelspec is {kernelspec}"


@each_notebook
def test_committed_notebook_has_no_run_to_run_metadata(path: Path):
    nb = committed(path)
    found = [f"metadata.{key}" for key in VOLATILE_NOTEBOOK_METADATA if key in nb.metadata]
    found += [f"cell {n} metadata.{key}" for n, cell in enumerate(nb.cells, start=1) for key in VOLATILE_CELL_METADATA if key in cell.metadata]
    assert not found, f"{path.name} carries volatile metadata {found}; {REFRESH_HINT}"


@each_notebook
def test_every_code_cell_has_been_executed(path: Path):
    cells = committed(path).cells
    unrun = [n for n, cell in enumerate(cells, start=1) if cell.cell_type == "code" and cell.source.strip() and cell.execution_count is None]
    assert not unrun, f"{path.name}: cells {unrun} have no outputs from a run; {REFRESH_HINT}"


@each_notebook
def test_notebook_imports_the_library_by_package_not_by_source_path(path: Path):
    source_imports = [
        line.strip()
        for cell in committed(path).cells
        if cell.cell_type == "code"
        for line in cell.source.splitlines()
        if re.search(r"""(from|require\()\s*["'](\.\./)+src(/|["'])""", line)
    ]
    assert not source_imports, f"{path.name} imports src/ directly (use `from \"..\"`): {source_imports}"

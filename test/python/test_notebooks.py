"""Every notebook runs cleanly on the tslab kernel, and its committed outputs are those of a fresh run."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

import execute_notebooks as runner

EXPECTED_OUTPUTS = json.loads((Path(__file__).parent / "expected_outputs.json").read_text(encoding="utf-8"))
NOTEBOOKS = runner.notebook_paths()
REFRESH_HINT = "run `npm run notebooks` to refresh the committed outputs"


def notebook_id(path: Path) -> str:
    return path.relative_to(runner.NOTEBOOKS_DIR).as_posix()


each_notebook = pytest.mark.parametrize("path", NOTEBOOKS, ids=notebook_id)


@pytest.fixture(scope="session")
def fresh_runs(request) -> dict:
    """Each selected notebook executed once per session, several at a time; a cell error is returned, not raised."""
    selected = sorted(
        {item.callspec.params["path"] for item in request.session.items if "fresh_runs" in getattr(item, "fixturenames", ()) and hasattr(item, "callspec")}
    )
    return runner.execute_many(selected)


def executed_or_skip(fresh_runs: dict, path: Path):
    result = fresh_runs[path]
    if isinstance(result, runner.NotebookCellError):
        pytest.skip(f"{notebook_id(path)} fails to run; see test_notebook_runs_without_errors_from_a_fresh_kernel")
    return result


def test_notebooks_folder_has_notebooks():
    assert NOTEBOOKS, f"no notebooks found under {runner.NOTEBOOKS_DIR}"


def test_expected_outputs_name_existing_notebooks():
    unknown = sorted(set(EXPECTED_OUTPUTS) - {notebook_id(path) for path in NOTEBOOKS})
    assert not unknown, f"expected_outputs.json names notebooks that do not exist: {unknown}"


@each_notebook
def test_notebook_runs_without_errors_from_a_fresh_kernel(fresh_runs: dict, path: Path):
    result = fresh_runs[path]
    if isinstance(result, runner.NotebookCellError):
        pytest.fail(str(result), pytrace=False)


@each_notebook
def test_committed_text_outputs_match_a_fresh_run(fresh_runs: dict, path: Path):
    fresh = runner.text_outputs(executed_or_skip(fresh_runs, path))
    committed = runner.text_outputs(runner.read(path))
    if committed != fresh:
        diff = "".join(
            difflib.unified_diff(
                committed.splitlines(keepends=True),
                fresh.splitlines(keepends=True),
                fromfile=f"{notebook_id(path)} (committed)",
                tofile=f"{notebook_id(path)} (fresh run)",
            )
        )
        pytest.fail(f"{notebook_id(path)} has stale outputs; {REFRESH_HINT}\n{diff}", pytrace=False)


@each_notebook
def test_outputs_contain_the_expected_strings(fresh_runs: dict, path: Path):
    outputs = runner.text_outputs(executed_or_skip(fresh_runs, path))
    missing = [text for text in EXPECTED_OUTPUTS.get(notebook_id(path), []) if text not in outputs]
    assert not missing, f"{notebook_id(path)}: outputs lack {missing}"


@each_notebook
def test_notebook_uses_the_tslab_kernel(path: Path):
    kernelspec = runner.read(path).metadata.get("kernelspec", {})
    assert dict(kernelspec) == runner.KERNEL_SPEC, f"{notebook_id(path)}: kernelspec is {dict(kernelspec)}"


@each_notebook
def test_committed_notebook_has_no_run_to_run_metadata(path: Path):
    nb = runner.read(path)
    found = [f"metadata.{key}" for key in runner.VOLATILE_NOTEBOOK_METADATA if key in nb.metadata]
    for number, cell in enumerate(nb.cells, start=1):
        found += [f"cell {number} metadata.{key}" for key in runner.VOLATILE_CELL_METADATA if key in cell.metadata]
    assert not found, f"{notebook_id(path)} carries volatile metadata {found}; {REFRESH_HINT}"


@each_notebook
def test_every_code_cell_has_been_executed(path: Path):
    nb = runner.read(path)
    unrun = [n for n, cell in enumerate(nb.cells, start=1) if cell.cell_type == "code" and cell.source.strip() and cell.execution_count is None]
    assert not unrun, f"{notebook_id(path)}: cells {unrun} have no outputs from a run; {REFRESH_HINT}"


@each_notebook
def test_notebook_imports_the_library_by_package_not_by_source_path(path: Path):
    nb = runner.read(path)
    source_imports = [
        line.strip()
        for cell in nb.cells
        if cell.cell_type == "code"
        for line in cell.source.splitlines()
        if re.search(r"""(from|require\()\s*["'](\.\./)+src(/|["'])""", line)
    ]
    assert not source_imports, f"{notebook_id(path)} imports src/ directly (use `from \"..\"`): {source_imports}"

"""What a learner sees in JupyterLab in Chromium (scripts/browser.mjs, on a throwaway copy of the notebooks).

Each committed notebook opens without being marked modified, runs all its cells without an error, draws every
chart, and its chart sliders redraw their charts; a learner's mistake typed into a new notebook shows a short error.
Each live training view (a cell calling trainLive or compareLive) changes at least 5 times before its final frame, which
equals the committed output; Kernel → Interrupt during a live run stops it, says where, and leaves the kernel working.
Skipped, saying so, where Debian's Chromium is not installed, except in CI (`.ci/run` installs it).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import notebooks as runner

CHROMIUM = Path("/usr/bin/chromium")
MISTAKE = "learner-mistake.ipynb"
MISTAKE_SOURCE = 'import { Neuron } from "..";\nnew Neuron([0, 1], 4).feedforward([2, 3, 5]);'
# Where the harness interrupts a live run: after Run All, it runs the notebook's live cell again and interrupts it.
INTERRUPTED = runner.ROOT / "notebooks" / "06-classifier-from-scratch.ipynb"
# A live view redraws at least this often before its final frame, as the learner sees it: issue 9 asks 5 changes.
MIN_LIVE_CHANGES = 5
LIVE_NOTEBOOKS = [path for path in runner.NOTEBOOKS if any(name in path.read_text(encoding="utf-8") for name in ("trainLive(", "compareLive("))]
# As in test_errors.py: the message, and room for a hint on its own line.
MAX_ERROR_LINES = 3

pytestmark = [
    # In CI (.ci/run installs Chromium) a missing browser fails the test instead of skipping it.
    pytest.mark.skipif(
        not CHROMIUM.exists() and not os.environ.get("CI"), reason=f"the browser test needs Debian's Chromium at {CHROMIUM} (apt-get install -y chromium)"
    ),
    # One harness run serves every test here, on one worker.
    pytest.mark.xdist_group("browser"),
]
each_notebook = pytest.mark.parametrize("path", runner.NOTEBOOKS, ids=lambda path: path.name)


@pytest.fixture(scope="session")
def browser_reports(request, tmp_path_factory) -> dict[str, dict]:
    """Runs the harness once on the notebooks this session's browser tests name, plus the learner's mistake."""
    ours = [item for item in request.session.items if item.module.__name__ == __name__]
    selected = {item.callspec.params["path"] for item in ours if hasattr(item, "callspec")}
    interrupting = any(item.originalname == test_interrupting_a_live_run_in_the_browser_stops_it_and_the_kernel_carries_on.__name__ for item in ours)
    if interrupting:
        selected.add(INTERRUPTED)
    folder = tmp_path_factory.mktemp("browser")
    mistake = nbformat.v4.new_notebook(metadata={"kernelspec": runner.KERNEL_SPEC}, cells=[nbformat.v4.new_code_cell(MISTAKE_SOURCE)])
    nbformat.write(mistake, folder / MISTAKE)
    # The env's jupyter comes first on PATH, as `npm test` sets it.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "JUPYTER_PREFER_ENV_PATH": "1"}
    command = ["node", "scripts/browser.mjs", "--report", str(folder / "report.json"), *(["--interrupt", INTERRUPTED.name] if interrupting else [])]
    command += [*map(str, sorted(selected)), str(folder / MISTAKE)]
    harness = subprocess.run(command, cwd=runner.ROOT, env=env, capture_output=True, text=True, timeout=1800)
    if not (folder / "report.json").exists():
        pytest.fail(f"the browser harness failed (exit {harness.returncode}):\n{harness.stdout}\n{harness.stderr}", pytrace=False)
    print(harness.stdout)
    return {report["notebook"]: report for report in json.loads((folder / "report.json").read_text(encoding="utf-8"))}


def report_for(browser_reports: dict, name: str) -> dict:
    report = browser_reports[name]
    assert "failure" not in report, f"{name}: {report.get('failure')}"
    return report


@each_notebook
def test_opening_a_notebook_does_not_mark_it_modified(browser_reports: dict, path: Path):
    report = report_for(browser_reports, path.name)
    assert not report["modifiedAfterOpening"], (
        f"{path.name}: JupyterLab marked it modified within seconds of drawing its charts, so autosave would rewrite it "
        "(its committed chart outputs lack what JupyterLab's renderer adds, e.g. an image/png)"
    )


@each_notebook
def test_run_all_in_the_browser_shows_no_error(browser_reports: dict, path: Path):
    cells = report_for(browser_reports, path.name)["cells"]
    errors = [f"cell {cell['number']}:\n{error}" for cell in cells for error in cell["errors"]]
    assert not errors, f"{path.name}: " + "\n".join(errors)
    unrun = [cell["number"] for cell in cells if not cell["ran"]]
    assert not unrun, f"{path.name}: cells {unrun} did not run"


@each_notebook
def test_every_chart_draws_in_the_browser(browser_reports: dict, path: Path):
    cells = report_for(browser_reports, path.name)["cells"]
    undrawn = [f"cell {cell['number']}: {cell['drawn']} of {cell['charts']}" for cell in cells if cell["drawn"] < cell["charts"]]
    assert not undrawn, f"{path.name}: charts without a canvas or SVG: {undrawn}"


@each_notebook
def test_moving_a_chart_slider_redraws_the_chart(browser_reports: dict, path: Path):
    sliders = report_for(browser_reports, path.name)["sliders"]
    if path.name == "01-neuron.ipynb":
        assert sliders, "01-neuron.ipynb: the neuron explorer has no slider"
    still = [slider["number"] for slider in sliders if not slider["changed"]]
    assert not still, f"{path.name}: moving the slider of the chart in cells {still} did not change the chart"


def test_a_learner_mistake_shows_a_short_error(browser_reports: dict):
    (cell,) = report_for(browser_reports, MISTAKE)["cells"]
    message = "\n".join(cell["errors"]).strip()
    assert message, f"`{MISTAKE_SOURCE}` showed no error"
    lines = [line for line in message.splitlines() if line.strip()]
    assert lines[0].startswith("InputError: inputs.length must be 2, got 3"), f"the error starts {lines[0]!r}"
    assert len(lines) <= MAX_ERROR_LINES, f"the error has {len(lines)} lines, more than {MAX_ERROR_LINES}:\n{message}"
    assert "dist/" not in message and "node_modules" not in message, f"the error shows the library's internals:\n{message}"


each_live_notebook = pytest.mark.parametrize("path", LIVE_NOTEBOOKS, ids=lambda path: path.name)


@each_live_notebook
def test_a_live_run_redraws_at_least_five_times_before_it_ends(browser_reports: dict, path: Path):
    live = report_for(browser_reports, path.name)["live"]
    assert live, f"{path.name}: the harness found no live cell"
    # Distinct pictures painted before the final frame: the first is drawn, each later one is a change. The regions
    # change with their boundary; their field image is counted apart, as it loads a moment after each frame is drawn.
    few = [
        f"cell {cell['number']}: {cell['text']} progress lines, {cell['boundary']} boundaries, {cell['loss']} loss curves ({cell['field']} fields)"
        for cell in live
        if min(cell["text"], cell["boundary"], cell["loss"]) - 1 < MIN_LIVE_CHANGES
    ]
    assert not few, f"{path.name}: a live view changed fewer than {MIN_LIVE_CHANGES} times before its final frame: {few}"


@each_live_notebook
def test_the_final_live_frame_equals_the_committed_output(browser_reports: dict, path: Path):
    live = report_for(browser_reports, path.name)["live"]
    assert live, f"{path.name}: the harness found no live cell"
    for cell in live:
        assert not cell["finalText"], f"{path.name}, cell {cell['number']}: the final frame's text/plain differs {cell['finalText']}"
        assert not cell["finalSpec"], f"{path.name}, cell {cell['number']}: the final frame's Vega-Lite spec differs {cell['finalSpec']}"
        assert cell["finalPng"], f"{path.name}, cell {cell['number']}: the final frame has no image/png for GitHub and nbconvert"


def test_interrupting_a_live_run_in_the_browser_stops_it_and_the_kernel_carries_on(browser_reports: dict):
    interrupt = report_for(browser_reports, INTERRUPTED.name).get("interrupt")
    assert interrupt, f"the harness did not interrupt a live run in {INTERRUPTED.name} (has it a live cell?)"
    assert "failure" not in interrupt, f"{INTERRUPTED.name}, interrupting its live run: {interrupt.get('failure')} (found so far: {interrupt})"
    assert re.search(r"stopped by an interrupt at epoch [\d,]+ of", interrupt["view"]), f"the view does not say where it stopped: {interrupt['view'][:200]!r}"
    lines = [line for error in interrupt["errors"] for line in error.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("TrainingInterruptedError: training stopped by an interrupt at epoch"), (
        f"the cell should end with one line naming the interrupt, it shows: {lines}"
    )
    assert interrupt["kernel"] == "idle", f"the kernel is {interrupt['kernel']} after the interrupt"
    assert [text.strip() for text in interrupt["next"]] == ["2"], f"`1 + 1` typed in a new cell below gave {interrupt['next']}"

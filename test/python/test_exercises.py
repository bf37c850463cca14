"""Every exercise in the notebooks, found by its cell tags, run on the tslab kernel.

An exercise is a stub cell tagged `exercise` (it declares the learner's function), the check cell right after it, and
a cell tagged `solution` before the next exercise. For each one the kernel runs the stub, the notebook's own solution
and one typical wrong answer (WRONG_ANSWERS below), each followed by the check: "Not done yet", ✓ and the mistake's
hint. One kernel per notebook runs all of its exercises, after the notebook's import cell and nothing else, so an
exercise cannot lean on what other cells compute.
"""

from __future__ import annotations

import re
import functools
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import notebooks as runner

NOTEBOOKS = runner.NOTEBOOKS
LIBRARY_IMPORT = re.compile(r'\bfrom\s+"\.\."')
FUNCTION = re.compile(r"^function (\w+)\(", re.M)

# One typical mistake per exercise, keyed by the function the stub declares: the learner's wrong cell, and a fragment of
# the hint the check must give for it. A new exercise fails test_typical_wrong_answer_gets_its_hint until it has a row.
WRONG_ANSWERS: dict[str, tuple[str, str]] = {
    "sigma": (
        "function sigma(z: number): number {\n  return Math.exp(z) / (1 + Math.exp(z));\n}",
        "Infinity / Infinity is NaN",
    ),
    "sigmaPrime": (
        "function sigmaPrime(y: number): number {\n  return sigmoid.output(y) * (1 - sigmoid.output(y));\n}",
        "as if y were the total input",
    ),
    "neuronOutput": (
        "function neuronOutput(w: number[], b: number, x: number[]): number {\n"
        "  let z = 0;\n  for (let i = 0; i < w.length; i++) z += w[i] * x[i];\n  return sigmoid.output(z);\n}",
        "the bias is missing",
    ),
    "feedforward221": (
        "function feedforward221(p: Params221, x: number[]): number {\n"
        "  const h1 = sigmoid.output(p.w1 * x[0] + p.w2 * x[1] + p.b1);\n"
        "  const h2 = sigmoid.output(p.w3 * x[0] + p.w4 * x[1] + p.b2);\n"
        "  return sigmoid.output(p.w6 * h1 + p.w5 * h2 + p.b3);\n}",
        "w5 and w6 are swapped",
    ),
    "mse": (
        "function mse(yTrue: number[], yPred: number[]): number {\n"
        "  let sum = 0;\n  for (let i = 0; i < yTrue.length; i++) sum += (yTrue[i] - yPred[i]) ** 2;\n  return sum;\n}",
        "the loss is their mean: divide by n",
    ),
    "lossSlope": (
        "function lossSlope(yTrue: number, yPred: number): number {\n  return 2 * (yTrue - yPred);\n}",
        "sign flipped",
    ),
    "gradientW1": (
        "function gradientW1(p: Params221, x: number[], yTrue: number): number {\n"
        "  const sumH1 = p.w1 * x[0] + p.w2 * x[1] + p.b1;\n  const h1 = sigmoid.output(sumH1);\n"
        "  const h2 = sigmoid.output(p.w3 * x[0] + p.w4 * x[1] + p.b2);\n  const sumO1 = p.w5 * h1 + p.w6 * h2 + p.b3;\n"
        "  const yPred = sigmoid.output(sumO1);\n"
        "  return -2 * (yTrue - yPred) * p.w5 * sigmoid.der(sumO1) * x[0] * sigmoid.der(h1);\n}",
        "σ′ of a neuron's output",
    ),
    "sgdStep": (
        "function sgdStep(p: Params221, x: number[], yTrue: number, learnRate: number): Params221 {\n"
        "  const gradient = new Network221(p).backprop(x, yTrue).gradient;\n  const next = { ...p };\n"
        "  for (const name of PARAM_NAMES_221) next[name] = p[name] + learnRate * gradient[name];\n  return next;\n}",
        "+ instead of −",
    ),
    "layerForward": (
        "function layerForward(X: number[][], W: number[][]): number[][] {\n"
        "  return X.map((row) => W[0].map((_, j) => row.reduce((z, xi, i) => z + xi * W[i][j], 0)));\n}",
        "those are the total inputs X·W",
    ),
    "outputDelta": (
        "function outputDelta(y: number[][], yHat: number[][]): number[][] {\n"
        "  return y.map((row, s) => row.map((ys, j) => ys - yHat[s][j]));\n}",
        "the slope is missing",
    ),
    "updateLayer": (
        "function updateLayer(W: number[][], a: number[][], delta: number[][], learnRate: number): number[][] {\n"
        "  return W.map((row, i) => row.map((w, j) => {\n    let adjustment = 0;\n"
        "    for (let s = 0; s < a.length; s++) adjustment += a[s][i] * delta[s][j];\n"
        "    return w - learnRate * adjustment;\n  }));\n}",
        "− instead of +",
    ),
    "accuracyOf": (
        "function accuracyOf(outputs: number[], labels: number[]): number {\n"
        "  let right = 0;\n  for (let s = 0; s < outputs.length; s++) if ((outputs[s] > 0.5 ? 1 : 0) === labels[s]) right++;\n"
        "  return right / outputs.length;\n}",
        "not > 0.5",
    ),
    "reluLayer": (
        "function reluLayer(X: number[][], W: number[][], b: number[]): number[][] {\n"
        "  return X.map((row) => b.map((bj, j) => Math.max(0, row.reduce((z, xi, i) => z + xi * W[i][j], 0)) + bj));\n}",
        "the bias goes inside the relu",
    ),
    "hiddenDelta": (
        "function hiddenDelta(deltaNext: number[][], W: number[][], A: number[][]): number[][] {\n"
        "  return A.map((row, s) => row.map((a, i) => {\n    let error = 0;\n"
        "    for (let j = 0; j < W[i].length; j++) error += deltaNext[s][j] * W[i][j];\n    return error * a * (1 - a);\n  }));\n}",
        "is the sigmoid's slope",
    ),
}


@dataclass(frozen=True)
class Exercise:
    notebook: Path
    function: str
    stub: int  # cell indices in the notebook
    check: int
    solution: int


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def notebook_id(path: Path) -> str:
    return path.relative_to(runner.ROOT / "notebooks").as_posix()


def tags(cell) -> list[str]:
    return list(cell.metadata.get("tags", []))


def find_exercises(nb: nbformat.NotebookNode, path: Path) -> tuple[list[Exercise], list[str]]:
    """The notebook's exercises, and what is wrong with any stub that lacks its function, check or solution."""
    found, problems = [], []
    stubs = [i for i, cell in enumerate(nb.cells) if "exercise" in tags(cell)]
    for k, stub in enumerate(stubs):
        declared = FUNCTION.search(nb.cells[stub].source)
        label = f"{notebook_id(path)} cell {stub + 1}"
        if declared is None:
            problems.append(f"{label}: the stub declares no function")
            continue
        name = declared.group(1)
        check = stub + 1
        if check >= len(nb.cells) or not re.match(rf"check\w+\({name}\)\s*;?\s*$", nb.cells[check].source.strip()):
            problems.append(f"{label}: the stub of {name} is not followed by a check cell calling check…({name})")
            continue
        end = stubs[k + 1] if k + 1 < len(stubs) else len(nb.cells)
        solutions = [i for i in range(check + 1, end) if "solution" in tags(nb.cells[i])]
        if len(solutions) != 1:
            problems.append(f"{label}: the exercise {name} has {len(solutions)} cells tagged solution before the next exercise")
            continue
        found.append(Exercise(path, name, stub, check, solutions[0]))
    orphans = [i + 1 for i, cell in enumerate(nb.cells) if "solution" in tags(cell) and i not in {e.solution for e in found}]
    if orphans and not problems:
        problems.append(f"{notebook_id(path)}: cells {orphans} are tagged solution but belong to no exercise")
    return found, problems


EXERCISES = [e for path in NOTEBOOKS for e in find_exercises(read(path), path)[0]]
each_notebook = pytest.mark.parametrize("path", NOTEBOOKS, ids=notebook_id)
# A notebook's exercise tests share one xdist group, so its exercises run in one kernel, once, on one worker.
each_exercise = pytest.mark.parametrize(
    "exercise",
    [pytest.param(e, id=f"{notebook_id(e.notebook)}:{e.function}", marks=pytest.mark.xdist_group(f"exercises-{e.notebook.name}")) for e in EXERCISES],
)


def plain_text(cell) -> str:
    return "".join(
        output.get("data", {}).get("text/plain", "") if output.get("output_type") in ("display_data", "execute_result") else output.get("text", "")
        for output in cell.get("outputs", [])
    )


def code_cell(source: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_code_cell(source)


def run_exercises(path: Path, exercises: list[Exercise]) -> dict[tuple[str, str], str]:
    """One kernel: the notebook's import cell, then for each exercise its stub, the solution and the wrong answer,
    each followed by the check. Maps (function, "stub" | "solution" | "wrong") to the check's plain text."""
    nb = read(path)
    imports = [cell.source for cell in nb.cells if cell.cell_type == "code" and LIBRARY_IMPORT.search(cell.source)][:1]
    cells = [code_cell(source) for source in imports]
    where: dict[tuple[str, str], int] = {}
    for exercise in exercises:
        wrong = WRONG_ANSWERS.get(exercise.function, ("", ""))[0]
        for attempt, source in (("stub", nb.cells[exercise.stub].source), ("solution", nb.cells[exercise.solution].source), ("wrong", wrong)):
            if not source:
                continue
            cells += [code_cell(source), code_cell(nb.cells[exercise.check].source)]
            where[(exercise.function, attempt)] = len(cells) - 1
    built = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": runner.KERNEL_SPEC})
    client = NotebookClient(built, kernel_name=runner.KERNEL_SPEC["name"], timeout=runner.CELL_TIMEOUT, resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return {key: plain_text(built.cells[index]) for key, index in where.items()}


@functools.cache
def check_outputs(path: Path) -> dict[tuple[str, str], str]:
    """A notebook's exercises, run once per worker."""
    return run_exercises(path, [e for e in EXERCISES if e.notebook == path])


@each_notebook
def test_every_exercise_has_its_check_and_its_solution(path: Path):
    _, problems = find_exercises(read(path), path)
    assert not problems, "\n".join(problems)


@each_notebook
def test_the_solution_cells_are_hidden(path: Path):
    nb = read(path)
    shown = [i + 1 for i, cell in enumerate(nb.cells) if "solution" in tags(cell) and not cell.metadata.get("jupyter", {}).get("source_hidden")]
    assert not shown, f"{notebook_id(path)}: solution cells {shown} lack metadata jupyter.source_hidden = true"


@each_notebook
def test_nothing_after_an_exercise_uses_the_learners_function(path: Path):
    nb = read(path)
    exercises, _ = find_exercises(nb, path)
    own = {i for e in exercises for i in (e.stub, e.check, e.solution)}
    uses = [
        f"cell {i + 1} uses {e.function}"
        for e in exercises
        for i in range(e.stub + 1, len(nb.cells))
        if i not in own and nb.cells[i].cell_type == "code" and re.search(rf"\b{e.function}\b", nb.cells[i].source)
    ]
    assert not uses, f"{notebook_id(path)}: later cells must use the library, not the learner's function: {uses}"


@each_notebook
def test_committed_checks_show_the_untouched_stubs(path: Path):
    nb = read(path)
    exercises, _ = find_exercises(nb, path)
    wrong = {e.function: plain_text(nb.cells[e.check])[:60] for e in exercises if not plain_text(nb.cells[e.check]).startswith("Not done yet")}
    assert not wrong, f"{notebook_id(path)}: committed checks should say 'Not done yet' for the stubs: {wrong}"


def test_the_notebooks_have_exercises():
    assert EXERCISES, "no cell tagged exercise in any notebook"


@each_exercise
def test_the_stub_is_not_done_yet(exercise: Exercise):
    text = check_outputs(exercise.notebook)[(exercise.function, "stub")]
    assert text.startswith("Not done yet"), text


@each_exercise
def test_the_notebooks_solution_passes(exercise: Exercise):
    text = check_outputs(exercise.notebook)[(exercise.function, "solution")]
    assert text.startswith("✓"), text


@each_exercise
def test_a_typical_wrong_answer_gets_its_hint(exercise: Exercise):
    assert exercise.function in WRONG_ANSWERS, f"add a typical wrong answer for {exercise.function} to WRONG_ANSWERS"
    text = check_outputs(exercise.notebook)[(exercise.function, "wrong")]
    hint = WRONG_ANSWERS[exercise.function][1]
    assert text.startswith("✗") and hint in text, f"expected a ✗ and the hint {hint!r}, got:\n{text}"

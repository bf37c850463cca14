"""requirements.txt, environment.yml, package.json and the setup script agree, and the env matches the pins."""

from __future__ import annotations

import json
import os
import re
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
import yaml
from packaging.markers import Marker
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
REQUIRED_PACKAGES = {"jupyterlab", "nbclient", "nbformat", "pytest", "pytest-xdist", "packaging", "numpy", "pyyaml"}


def requirements() -> list[Requirement]:
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [Requirement(line) for line in (line.split("#")[0].strip() for line in lines) if line]


def environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def conda_dependency(name: str) -> str:
    matches = [dep for dep in environment()["dependencies"] if isinstance(dep, str) and re.match(rf"{name}\b", dep)]
    assert len(matches) == 1, f"environment.yml should list {name} once, found {matches}"
    return matches[0]


def setup_constant(name: str) -> str:
    match = re.search(rf"export const {name} = \[(\d+), (\d+)\];", (ROOT / "scripts" / "setup.mjs").read_text(encoding="utf-8"))
    assert match, f"scripts/setup.mjs defines no {name}"
    return f"{match.group(1)}.{match.group(2)}"


def test_every_requirement_is_pinned_exactly():
    loose = [str(req) for req in requirements() if len(req.specifier) != 1 or next(iter(req.specifier)).operator != "=="]
    assert not loose, f"requirements.txt entries without an exact `==` pin: {loose}"


def test_requirements_cover_the_tools_the_scripts_use():
    names = {req.name.lower() for req in requirements()}
    assert REQUIRED_PACKAGES <= names, f"requirements.txt lacks {sorted(REQUIRED_PACKAGES - names)}"


def test_jupyterlab_is_pinned_to_4_6():
    (jupyterlab,) = [req for req in requirements() if req.name.lower() == "jupyterlab"]
    assert str(jupyterlab.specifier).startswith("==4.6."), f"jupyterlab pin is {jupyterlab.specifier}"


def test_environment_yml_installs_requirements_txt_with_pip():
    pip_sections = [dep["pip"] for dep in environment()["dependencies"] if isinstance(dep, dict) and "pip" in dep]
    assert pip_sections == [["-r requirements.txt"]], f"environment.yml pip section is {pip_sections}"
    assert "pip" in environment()["dependencies"], "environment.yml must list pip itself"


def test_environment_yml_uses_conda_forge_only():
    assert environment()["channels"] == ["conda-forge"]


def test_environment_yml_has_the_name_setup_looks_for():
    assert environment()["name"] == "neural-notebooks"


def test_python_minimum_agrees_between_environment_yml_and_setup():
    assert conda_dependency("python") == f"python>={setup_constant('MIN_PYTHON')}"


def test_node_minimum_agrees_between_environment_yml_package_json_and_setup():
    engines = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["engines"]["node"]
    minimum = setup_constant("MIN_NODE")
    assert conda_dependency("nodejs") == f"nodejs>={minimum}"
    assert engines == f">={minimum}", f"package.json engines.node is {engines}"


def test_running_env_has_the_pinned_versions():
    mismatched = []
    for req in requirements():
        if req.marker is not None and not Marker(str(req.marker)).evaluate():
            continue
        try:
            installed = version(req.name)
        except PackageNotFoundError:
            installed = "missing"
        if installed not in req.specifier:
            mismatched.append(f"{req.name}: want {req.specifier}, have {installed}")
    assert not mismatched, f"{sys.prefix} does not match requirements.txt (rerun `npm run setup`): {mismatched}"


@pytest.mark.xdist_group("grouping-check")
def test_xdist_keeps_a_group_on_one_worker(request):
    """Tests that share a notebook run, the browser run or the clone rely on --dist loadgroup, which pytest-xdist can
    only do when it can tag a test's id with its group (it cannot under pytest 9)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        pytest.skip("not run by pytest-xdist (npm test runs pytest with -n auto --dist loadgroup)")
    assert request.node.nodeid.endswith("@grouping-check"), f"{request.node.nodeid} carries no xdist group"

"""Checks this Python env against requirements.txt for scripts/setup.mjs, which repairs what it reports.

Every pinned package, and everything it depends on, must be installed at a matching version with every file its
installer recorded (a deleted `bin/jupyter` counts). Prints {"problems": [...], "reinstall": ["name==version", ...]}.
"""

import json
import os
import sys
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement

problems: list[str] = []
reinstall: list[str] = []
seen: set[str] = set()


def visit(requirement: Requirement, needed_by: str) -> None:
    try:
        dist = distribution(requirement.name)
    except PackageNotFoundError:
        if requirement.name.lower() not in seen:
            seen.add(requirement.name.lower())
            problems.append(f"{requirement.name} is not installed ({needed_by})")
        return
    if not requirement.specifier.contains(dist.version, prereleases=True):
        problems.append(f"{dist.name} {dist.version} is installed, {needed_by} wants {requirement.specifier}")
    if dist.name.lower() in seen:
        return
    seen.add(dist.name.lower())
    missing = [os.path.relpath(file.locate(), sys.prefix) for file in dist.files or [] if "__pycache__" not in file.parts and not file.locate().exists()]
    if missing:
        problems.append(f"{dist.name} {dist.version} lacks {missing[0]}" + (f" and {len(missing) - 1} more files" if len(missing) > 1 else ""))
        reinstall.append(f"{dist.name}=={dist.version}")
    for text in dist.requires or []:
        dependency = Requirement(text)
        extras = requirement.extras or {""}
        if dependency.marker is None or any(dependency.marker.evaluate({"extra": extra}) for extra in extras):
            visit(dependency, f"needed by {dist.name}")


for line in (Path(__file__).resolve().parents[1] / "requirements.txt").read_text(encoding="utf-8").splitlines():
    text = line.split("#")[0].strip()
    if text and ((pinned := Requirement(text)).marker is None or pinned.marker.evaluate()):
        visit(pinned, "requirements.txt")
print(json.dumps({"problems": problems, "reinstall": reinstall}))

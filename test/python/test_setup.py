"""Setup repairs what it relies on, and `npm start` leaves nothing running however it is stopped.

Both work on a copy of this clone with its own .venv (node_modules is shared, read only), so the env the tests
run in is never touched. The copy's first setup creates that .venv: a minute or two with pip's cache warm.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.xdist_group("clone")


def run_setup(clone: Path) -> str:
    """`npm run setup` in the copy; returns what it printed."""
    # Outside an active conda env, so the copy uses its own .venv whatever env the tests run in.
    env = {key: value for key, value in os.environ.items() if not key.startswith("CONDA_")}
    result = subprocess.run(["node", "scripts/setup.mjs"], cwd=clone, env=env, capture_output=True, text=True, timeout=1200)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"setup failed:\n{output}"
    return output


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("clone") / "neural-notebooks"
    skipped = shutil.ignore_patterns(".git", "node_modules", ".venv", "dist", "out", ".browser-work-*", "__pycache__")
    shutil.copytree(ROOT, copy, ignore=skipped)
    (copy / "node_modules").symlink_to((ROOT / "node_modules").resolve(), target_is_directory=True)
    run_setup(copy)
    return copy


def assert_ready_without_repairs(clone: Path) -> None:
    output = run_setup(clone)
    assert output.strip() == "[setup] ready: .venv, tslab kernel registered", f"a second setup still found work:\n{output}"
    assert_tslab_is_the_clones(clone)


def assert_tslab_is_the_clones(clone: Path) -> None:
    """Jupyter in the clone's .venv finds a tslab kernel in that .venv that starts the clone's own tslab."""
    listed = subprocess.run([clone / ".venv/bin/jupyter", "kernelspec", "list", "--json"], capture_output=True, text=True, check=True)
    tslab = json.loads(listed.stdout)["kernelspecs"]["tslab"]
    assert Path(tslab["resource_dir"]) == clone / ".venv/share/jupyter/kernels/tslab", tslab["resource_dir"]
    assert tslab["spec"]["argv"][1] == str(clone / "node_modules/tslab/bin/tslab"), tslab["spec"]["argv"]


def test_setup_on_a_ready_clone_changes_nothing(clone: Path):
    assert_ready_without_repairs(clone)


def test_setup_restores_a_deleted_jupyter_executable(clone: Path):
    (clone / ".venv/bin/jupyter").unlink()
    output = run_setup(clone)
    assert "bin/jupyter" in output and "repairing" in output, f"setup did not report the missing executable:\n{output}"
    version = subprocess.run([clone / ".venv/bin/jupyter", "--version"], capture_output=True, text=True)
    assert version.returncode == 0, version.stderr
    assert_ready_without_repairs(clone)


def test_setup_registers_a_deleted_tslab_kernel_again(clone: Path):
    shutil.rmtree(clone / ".venv/share/jupyter/kernels/tslab")
    output = run_setup(clone)
    assert "registering the tslab kernel" in output, output
    assert_ready_without_repairs(clone)


def test_setup_reinstalls_an_uninstalled_nbclient(clone: Path):
    python = clone / ".venv/bin/python"
    subprocess.run([python, "-m", "pip", "uninstall", "--yes", "--quiet", "nbclient"], check=True, capture_output=True)
    output = run_setup(clone)
    assert "nbclient is not installed" in output, f"setup did not report the missing package:\n{output}"
    subprocess.run([python, "-c", "import nbclient"], check=True)
    assert_ready_without_repairs(clone)


def test_setup_rebuilds_a_dist_file_changed_since_the_build(clone: Path):
    built = clone / "dist/index.js"
    original = built.read_text(encoding="utf-8")
    built.write_text(original + "throw new Error('corrupted');\n", encoding="utf-8")
    output = run_setup(clone)
    assert "dist/ changed since the build" in output, output
    assert built.read_text(encoding="utf-8") == original
    assert_ready_without_repairs(clone)


def test_setup_rebuilds_a_deleted_dist_file(clone: Path):
    built = clone / "dist/core/neuron.js"
    built.unlink()
    output = run_setup(clone)
    assert "dist/ changed since the build" in output, output
    assert built.exists()
    assert_ready_without_repairs(clone)


def test_setup_rebuilds_after_a_source_change(clone: Path):
    source = clone / "src/index.ts"
    source.write_text(source.read_text(encoding="utf-8") + "export const addedForTheTest = 1;\n", encoding="utf-8")
    output = run_setup(clone)
    assert "the sources changed" in output, output
    assert "addedForTheTest" in (clone / "dist/index.js").read_text(encoding="utf-8")


# --- npm start leaves nothing running -------------------------------------------------------------------------

MARK = "NEURAL_NOTEBOOKS_TEST_RUN"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def marked_processes(mark: str) -> dict[int, str]:
    """Live processes (zombies aside) whose environment carries `mark`: pid → command line."""
    found = {}
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and f"{MARK}={mark}".encode() in (entry / "environ").read_bytes().split(b"\0"):
                if (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
                    found[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
        except OSError:
            continue
    return found


def npm_pid(shell: subprocess.Popen) -> int:
    (child,) = Path(f"/proc/{shell.pid}/task/{shell.pid}/children").read_text().split()
    return int(child)


STOPS = {
    # A terminal's Ctrl-C and hang-up go to its whole foreground process group.
    "ctrl-c": lambda shell: os.killpg(shell.pid, signal.SIGINT),
    "terminal-closed": lambda shell: os.killpg(shell.pid, signal.SIGHUP),
    "sigterm-to-npm": lambda shell: os.kill(npm_pid(shell), signal.SIGTERM),
    "sigkill-to-npm": lambda shell: os.kill(npm_pid(shell), signal.SIGKILL),
    "parent-of-npm-killed": lambda shell: os.kill(shell.pid, signal.SIGKILL),
}


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="finding the processes left behind reads /proc (Linux)")
@pytest.mark.parametrize("stop", list(STOPS))
def test_npm_start_stopped_leaves_nothing_running_and_frees_the_port(clone: Path, stop: str, tmp_path: Path):
    port, token, mark = free_port(), uuid.uuid4().hex, uuid.uuid4().hex
    lab = f"--no-browser --ServerApp.ip=127.0.0.1 --port {port} --ServerApp.port_retries=0 --IdentityProvider.token={token}"
    log = tmp_path / "npm-start.log"
    env = {**{key: value for key, value in os.environ.items() if not key.startswith("CONDA_")}, MARK: mark}
    with log.open("w") as output:
        # The shell that runs npm stands for a terminal: its own session and process group, npm in the foreground.
        shell = subprocess.Popen(["sh", "-c", f"npm start -- {lab}; exit $?"], cwd=clone, env=env, stdout=output, stderr=output, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/api"
        deadline = time.monotonic() + 240
        while not answers(f"{url}/status?token={token}"):
            assert time.monotonic() < deadline and shell.poll() is None, f"npm start did not serve JupyterLab:\n{log.read_text()}"
            time.sleep(0.5)
        request = urllib.request.Request(f"{url}/kernels?token={token}", data=b'{"name": "tslab"}', method="POST")
        urllib.request.urlopen(request, timeout=60).close()
        running = " | ".join(marked_processes(mark).values())
        for expected in ("scripts/start.mjs", "--watch", "jupyter-lab", "tslab kernel"):
            assert expected in running, f"{expected} is not running before the stop: {running}"

        STOPS[stop](shell)
        deadline = time.monotonic() + 30
        while (marked_processes(mark) or not port_is_free(port)) and time.monotonic() < deadline:
            time.sleep(0.5)
        left = marked_processes(mark)
        assert not left, f"still running after {stop}: {left}\n{log.read_text()}"
        assert port_is_free(port), f"port {port} is still taken after {stop}"
    finally:
        for pid in marked_processes(mark):
            os.kill(pid, signal.SIGKILL)
        shell.kill()
        shell.wait()


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False

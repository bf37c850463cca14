"""Load test for the class hub: N learners at once, each running whole notebooks through the real APIs.

    npm run hub:load -- --learners 20 [--notebooks 05-training 06-classifier-from-scratch] [--port 8400]

It starts `npm run hub` on a free loopback port with a throwaway state folder, creates the learners through the hub's
REST API, starts their servers, then has every learner run the notebooks cell by cell at the same time through the
Jupyter server's REST API and kernel websocket, as JupyterLab would. It reports the time until every server was up,
per-cell latency (p50, p95, max), each learner's memory (server + kernel, peak RSS), the hub API's latency while
under load, and whether every learner got the tutorials' numbers; then it stops everything it started and checks
that no process and no port is left behind. A benchmark, not a test: it is not part of `npm test`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import nbformat
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
# What each notebook must print for a learner whose run went right: the tutorials' own numbers.
EXPECTED = {
    "05-training": ["Epoch 0 loss: 0.352"],
    "06-classifier-from-scratch": ["0.99942671"],
}
SERVER_START_TIMEOUT = 300
CELL_TIMEOUT = 600


@dataclass
class Learner:
    name: str
    cell_seconds: list[float] = field(default_factory=list)
    peak_rss: int = 0
    missing: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_in_use(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def percentile(values: list[float], q: float) -> float | None:
    """The q-quantile of `values` (nearest rank), or None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def rounded(value: float | None, digits: int, scale: float = 1) -> float | None:
    return None if value is None else round(scale * value, digits)


def processes_under(folder: Path) -> list[int]:
    """PIDs whose working directory lies inside `folder` (a learner's server and kernels)."""
    root = str(folder.resolve()) + os.sep
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (os.readlink(entry / "cwd") + os.sep).startswith(root):
                    pids.append(int(entry.name))
            except OSError:
                pass
    return pids


def rss_bytes(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def stop_leftovers(state: Path) -> list[int]:
    """Learner processes the hub did not stop within its own shutdown: reported, then stopped (TERM, then KILL)."""
    leftover = processes_under(state)
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        for pid in processes_under(state):
            try:
                os.kill(pid, sig)
            except OSError:
                pass
        deadline = time.monotonic() + wait
        while processes_under(state) and time.monotonic() < deadline:
            time.sleep(0.2)
    return leftover


def start_hub(state: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "HUB_STATE": str(state), "HUB_PORT": str(port), "HUB_IDLE_TIMEOUT": "3600"}
    hub = subprocess.Popen(
        ["node", str(ROOT / "scripts" / "hub.mjs")],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    deadline = time.monotonic() + 180
    for line in hub.stdout:
        if "[hub] JupyterHub is running" in line:
            break
        if time.monotonic() > deadline:
            break
    else:
        raise SystemExit(f"the hub did not start (exit code {hub.wait()})")
    # Keep reading its log so that the pipe never fills up and blocks the hub.
    asyncio.get_event_loop().run_in_executor(None, lambda: [None for _ in hub.stdout])
    return hub


def stop_hub(hub: subprocess.Popen) -> None:
    hub.send_signal(signal.SIGTERM)
    try:
        hub.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(hub.pid, signal.SIGKILL)
        hub.wait()


class Hub:
    def __init__(self, base: str, token: str):
        self.base = base.rstrip("/")
        self.token = token
        self.client = httpx.AsyncClient(headers={"Authorization": f"token {token}"}, timeout=120)
        self.api_seconds: list[float] = []

    async def api(self, method: str, path: str, **kwargs) -> httpx.Response:
        start = time.perf_counter()
        response = await self.client.request(method, f"{self.base}/hub/api{path}", **kwargs)
        self.api_seconds.append(time.perf_counter() - start)
        return response

    async def start_server(self, name: str) -> None:
        (await self.api("POST", f"/users/{name}")).raise_for_status()
        response = await self.api("POST", f"/users/{name}/server")
        if response.status_code not in (201, 202):
            raise RuntimeError(f"starting {name}'s server: {response.status_code} {response.text}")
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            user = (await self.api("GET", f"/users/{name}")).json()
            if user.get("servers", {}).get("", {}).get("ready"):
                return
            await asyncio.sleep(0.5)
        raise RuntimeError(f"{name}'s server was not ready after {SERVER_START_TIMEOUT} s")


class Kernel:
    """A tslab kernel in a learner's server, opened as JupyterLab opens a notebook: a session, then its websocket."""

    def __init__(self, hub: Hub, learner: str, notebook: str):
        self.hub, self.learner, self.notebook = hub, learner, notebook
        self.server = f"{hub.base}/user/{learner}"

    async def __aenter__(self) -> "Kernel":
        session = await self.hub.client.post(
            f"{self.server}/api/sessions", json={"path": f"{self.notebook}.ipynb", "type": "notebook", "kernel": {"name": "tslab"}}
        )
        session.raise_for_status()
        self.session_id = session.json()["id"]
        ws_url = self.server.replace("http", "ws", 1) + f"/api/kernels/{session.json()['kernel']['id']}/channels"
        # Tornado gives up on a websocket after 20 s by default; twenty kernels starting at once on 2 cores take longer.
        request = HTTPRequest(ws_url, headers={"Authorization": f"token {self.hub.token}"}, connect_timeout=SERVER_START_TIMEOUT, request_timeout=SERVER_START_TIMEOUT)
        self.ws = await websocket_connect(request, max_message_size=256 << 20)
        return self

    async def __aexit__(self, *exc) -> None:
        self.ws.close()
        await self.hub.client.delete(f"{self.server}/api/sessions/{self.session_id}")

    async def execute(self, code: str) -> tuple[float, str, list[str]]:
        """Runs one cell; returns its seconds, the text of its outputs, and its errors (tslab writes them to stderr)."""
        msg_id = uuid.uuid4().hex
        self.ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": self.learner, "session": uuid.uuid4().hex, "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
        }))
        start = time.perf_counter()
        text: list[str] = []
        errors: list[str] = []
        replied = idle = False
        while not (replied and idle):
            raw = await asyncio.wait_for(self.ws.read_message(), CELL_TIMEOUT)
            if raw is None:
                raise RuntimeError("the kernel websocket closed")
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                text.append(content["text"])
                if content["name"] == "stderr":
                    errors.append(content["text"].strip()[:200])
            elif kind in ("execute_result", "display_data", "update_display_data"):
                text += [str(content["data"].get(mime, "")) for mime in ("text/plain", "text/html")]
            elif kind == "error":
                errors.append(f"{content['ename']}: {content['evalue'][:200]}")
            elif kind == "execute_reply":
                replied = True
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        return time.perf_counter() - start, "".join(text), errors


async def run_notebook(hub: Hub, learner: Learner, notebook: str) -> None:
    """Runs every code cell of `notebook` in a new kernel of the learner's server, as JupyterLab would."""
    nb = nbformat.read(NOTEBOOKS / f"{notebook}.ipynb", as_version=4)
    text: list[str] = []
    async with Kernel(hub, learner.name, notebook) as kernel:
        for cell in (c for c in nb.cells if c.cell_type == "code"):
            seconds, output, errors = await kernel.execute(cell.source)
            learner.cell_seconds.append(seconds)
            text.append(output)
            learner.errors += [f"{notebook}: {error}" for error in errors]
    joined = "".join(text)
    learner.missing += [f"{notebook}: {s}" for s in EXPECTED.get(notebook, []) if s not in joined]


async def watch_memory(learners: list[Learner], homes: Path, stop: asyncio.Event) -> None:
    while not stop.is_set():
        for learner in learners:
            learner.peak_rss = max(learner.peak_rss, rss_bytes(processes_under(homes / learner.name)))
        await asyncio.sleep(0.5)


async def poll_hub(hub: Hub, name: str, stop: asyncio.Event, seconds: list[float]) -> None:
    """A teacher's dashboard: the hub API asked about a learner five times a second while the class works."""
    while not stop.is_set():
        start = time.perf_counter()
        await hub.api("GET", f"/users/{name}")
        seconds.append(time.perf_counter() - start)
        await asyncio.sleep(0.2)


async def main(args: argparse.Namespace) -> int:
    state = Path(tempfile.mkdtemp(prefix="hub-load-"))
    port = args.port or free_port()
    learners = [Learner(f"learner{i + 1:02d}") for i in range(args.learners)]
    hub_process = start_hub(state, port)
    ok = False
    try:
        hub = Hub(f"http://127.0.0.1:{port}", (state / "api-token").read_text().strip())
        start = time.perf_counter()
        await asyncio.gather(*(hub.start_server(learner.name) for learner in learners))
        servers_up = time.perf_counter() - start

        stop = asyncio.Event()
        api_under_load: list[float] = []
        watchers = [asyncio.create_task(watch_memory(learners, state / "homes", stop)),
                    asyncio.create_task(poll_hub(hub, learners[0].name, stop, api_under_load))]
        start = time.perf_counter()

        async def learn(learner: Learner) -> None:
            for notebook in args.notebooks:
                try:
                    await run_notebook(hub, learner, notebook)
                except Exception as error:  # one learner's failure is reported, the others go on
                    learner.errors.append(f"{notebook}: {type(error).__name__}: {error}")

        await asyncio.gather(*(learn(learner) for learner in learners))
        class_seconds = time.perf_counter() - start
        stop.set()
        await asyncio.gather(*watchers)

        cells = [s for learner in learners for s in learner.cell_seconds]
        failed = [learner for learner in learners if learner.missing or learner.errors]
        mib = [learner.peak_rss / 2**20 for learner in learners]
        report = {
            "learners": len(learners),
            "notebooks": args.notebooks,
            "servers_up_s": round(servers_up, 1),
            "class_run_s": round(class_seconds, 1),
            "cells": len(cells),
            "cell_p50_s": rounded(percentile(cells, 0.5), 3),
            "cell_p95_s": rounded(percentile(cells, 0.95), 3),
            "cell_max_s": rounded(max(cells, default=None), 3),
            "memory_per_learner_mib": {"min": round(min(mib)), "median": round(statistics.median(mib)), "max": round(max(mib))},
            "hub_api_p95_ms_under_load": rounded(percentile(api_under_load, 0.95), 1, 1000),
            "hub_api_requests_under_load": len(api_under_load),
            "learners_with_right_outputs": len(learners) - len(failed),
        }
        print(json.dumps(report, indent=2))
        for learner in failed:
            print(f"{learner.name}: {len(learner.cell_seconds)} cells run, missing {learner.missing}, errors {learner.errors[:3]}", file=sys.stderr)
        ok = not failed
        await hub.client.aclose()
    finally:
        stop_hub(hub_process)
        leftover = stop_leftovers(state)
        ports = [p for p in (port, port + 1, port + 81) if port_in_use(p)]
        if leftover or ports:
            still = processes_under(state)
            print(f"left behind by the hub: processes {leftover} (still running after TERM and KILL: {still}), ports {ports}", file=sys.stderr)
            ok = False
        else:
            print("stopped: no learner process and no hub port left")
        shutil.rmtree(state, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=5)
    parser.add_argument("--notebooks", nargs="+", default=list(EXPECTED))
    parser.add_argument("--port", type=int, default=0)
    arguments = parser.parse_args()
    if not 1 <= arguments.learners <= 200:
        parser.error(f"--learners must be between 1 and 200, got {arguments.learners}")
    sys.exit(asyncio.run(main(arguments)))

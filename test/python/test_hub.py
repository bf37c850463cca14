"""The class hub end to end: two learners log in through the hub's API, each runs a cell in their own server, and
neither sees the other's files; stopping the hub leaves no process and no port behind."""

import asyncio
import importlib.util
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("load_test", ROOT / "hub" / "load_test.py")
load_test = importlib.util.module_from_spec(spec)
sys.modules["load_test"] = load_test  # dataclasses look their module up there
spec.loader.exec_module(load_test)

WRITE = 'import { writeFileSync } from "fs";\nwriteFileSync("mine.txt", "{name}");\nprocess.cwd()'
READ = 'import { existsSync } from "fs";\n[existsSync("mine.txt"), require("..").sigmoid.output(0)]'


async def two_learners(state: Path, port: int) -> dict:
    hub = load_test.Hub(f"http://127.0.0.1:{port}", (state / "api-token").read_text().strip())
    names = ["ada", "grace"]
    await asyncio.gather(*(hub.start_server(name) for name in names))
    seen = {}
    async with load_test.Kernel(hub, "ada", "01-neuron") as kernel:
        seen["ada writes"] = await kernel.execute(WRITE.replace("{name}", "ada"))
    async with load_test.Kernel(hub, "grace", "01-neuron") as kernel:
        seen["grace reads"] = await kernel.execute(READ)
    await hub.client.aclose()
    return seen


def test_two_learners_have_their_own_servers_and_files_and_stopping_leaves_nothing():
    state = Path(tempfile.mkdtemp(prefix="hub-test-"))
    port = load_test.free_port()
    hub_process = load_test.start_hub(state, port)
    try:
        seen = asyncio.run(two_learners(state, port))
    finally:
        load_test.stop_hub(hub_process)
    try:
        _, ada_cwd, ada_errors = seen["ada writes"]
        _, grace_out, grace_errors = seen["grace reads"]
        assert ada_errors == [] and grace_errors == []
        assert str(state / "homes" / "ada" / "notebooks") in ada_cwd
        assert (state / "homes" / "ada" / "notebooks" / "mine.txt").read_text() == "ada"
        assert not (state / "homes" / "grace" / "notebooks" / "mine.txt").exists()
        assert "[ false, 0.5 ]" in grace_out  # grace's kernel runs in her home and loads the course's library
        assert not (ROOT / "notebooks" / "mine.txt").exists()
        assert load_test.processes_under(state) == []
        assert [p for p in (port, port + 1, port + 81) if load_test.port_in_use(p)] == []
    finally:
        shutil.rmtree(state, ignore_errors=True)

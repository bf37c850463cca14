"""The live training view on the real tslab kernel: nbclient keeps its final frame, and Kernel → Interrupt stops
training between two epochs, for a live run and for a plain synchronous one, with the kernel alive afterwards."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import notebooks as runner

ROOT = runner.ROOT
LIBRARY = json.dumps(str(ROOT))
GENDER_SETUP = f'import {{ Network221, RandomState, genderDataset, spiralDataset, trainLive }} from {LIBRARY};\nconst data = genderDataset();'

# Per-sample updates change the parameters all through an epoch: an interrupt almost surely lands inside one.
SPIRAL_SETUP = "const spiral = spiralDataset(new RandomState(0), { count: 2000 });"

def matches_reference(net: str, dataset: str, epochs: str) -> str:
    """A cell comparing `net`'s parameters, as the cell finds them, with a network trained `epochs` without watching
    or interrupting: prints [finite?, equal?]."""
    return (
        f"const seen = {net}.params;\n"
        f"const reference = Network221.fromRandom(new RandomState(0));\n"
        f"reference.train({dataset}.inputs, {dataset}.labels, {{ epochs: {epochs} }});\n"
        f"JSON.stringify([Object.values(seen).every(Number.isFinite), JSON.stringify(seen) === JSON.stringify(reference.params)])"
    )


@pytest.fixture(scope="module", autouse=True)
def built_library():
    if not (ROOT / "dist" / "index.js").is_file():
        pytest.fail("dist/ is missing; run `npm run build` first", pytrace=False)


@pytest.fixture
def kernel_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A kernelspec naming this clone's tslab, as `npm run setup` registers it, where no other clone can replace it."""
    spec = tmp_path / "jupyter" / "kernels" / runner.KERNEL_SPEC["name"]
    spec.mkdir(parents=True)
    argv = [shutil.which("node") or "node", str(ROOT / "node_modules" / "tslab" / "bin" / "tslab"), "kernel", "--config-path", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "TypeScript", "language": "typescript"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    return tmp_path


class Session:
    """One kernel running cells one at a time, keeping every display message it sends, tagged with its cell."""

    def __init__(self, folder: Path) -> None:
        self.nb = nbformat.v4.new_notebook()
        self.nb.metadata["kernelspec"] = runner.KERNEL_SPEC
        self.messages: list[tuple[int, str, dict]] = []
        self.client = NotebookClient(
            self.nb, kernel_name=runner.KERNEL_SPEC["name"], timeout=300, allow_errors=True, resources={"metadata": {"path": str(folder)}}
        )
        process = self.client.process_message

        def keep(msg, cell, cell_index):
            self.messages.append((cell_index, msg["msg_type"], msg["content"]))
            return process(msg, cell, cell_index)

        self.client.process_message = keep

    async def run(self, source: str, interrupt_when=None) -> nbformat.NotebookNode:
        """Runs one cell; `interrupt_when(messages)` says when to send Kernel → Interrupt, sent again every 2 s until the cell ends."""
        cell = nbformat.v4.new_code_cell(source)
        self.nb.cells.append(cell)
        index = len(self.nb.cells) - 1
        task = asyncio.ensure_future(self.client.async_execute_cell(cell, index))
        if interrupt_when is not None:
            while not task.done() and not interrupt_when([m for m in self.messages if m[0] == index]):
                await asyncio.sleep(0.1)
            while not task.done():
                await self.client.km.interrupt_kernel()
                await asyncio.wait({task}, timeout=2)
            # After a failed cell tslab aborts whatever arrives in the next 200 ms, as Run All's queued cells should be.
            await asyncio.sleep(0.5)
        return await task

    def of_cell(self, cell: nbformat.NotebookNode, msg_type: str) -> list[dict]:
        index = self.nb.cells.index(cell)
        return [content for i, kind, content in self.messages if i == index and kind == msg_type]


def run_session(folder: Path, script) -> None:
    session = Session(folder)

    async def main():
        async with session.client.async_setup_kernel():
            await script(session)

    asyncio.run(main())


def text(cell: nbformat.NotebookNode, name: str = "stdout") -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream" and o.name == name)


def displays(cell: nbformat.NotebookNode) -> list[dict]:
    return [o.data for o in cell.outputs if o.output_type == "display_data"]


def test_a_headless_run_keeps_the_final_frame_after_updates_sent_while_the_cell_ran(kernel_dir: Path):
    async def script(session: Session):
        await session.run(GENDER_SETUP)
        live = await session.run(
            'const watched = Network221.fromRandom(new RandomState(0));\n'
            'await trainLive(watched, data, { epochs: 1000 }, { title: "Gender", duration: 3 });'
        )
        shown = session.of_cell(live, "display_data")
        updates = session.of_cell(live, "update_display_data")
        # At least one frame while training, then the final one. Not more: frames are spaced by three times their own
        # drawing time, so how many fit in 3 s depends on how busy the machine is (the browser test counts them).
        assert len(shown) == 1 and len(updates) >= 2, f"{len(shown)} display(s), {len(updates)} update(s)"
        display_id = shown[0]["transient"]["display_id"]
        assert all(u["transient"]["display_id"] == display_id for u in updates)
        assert shown[0]["data"]["text/plain"].startswith("Gender: epoch 0 of 1,000 · loss 0.36932 ·")
        [final] = displays(live)
        assert final["text/plain"].startswith("Gender: epoch 1,000 of 1,000 · loss 0.00240. "), final["text/plain"][:80]
        assert final == updates[-1]["data"]
        # Frames shown while training runs leave drawing to JupyterLab; the one kept carries the static images too.
        vega_and_text = {"application/vnd.vegalite.v5+json", "text/plain"}
        assert all(set(frame["data"]) == vega_and_text for frame in [*shown, *updates[:-1]])
        assert set(final) == vega_and_text | {"image/png", "image/svg+xml"}
        same = await session.run(matches_reference("watched", "data", "1000"))
        assert text(same).strip() == "[true,true]"

    run_session(kernel_dir, script)


def test_interrupt_stops_a_live_run_between_two_epochs_and_the_view_says_where(kernel_dir: Path):
    async def script(session: Session):
        await session.run(GENDER_SETUP)
        # tslab forgets the declarations of a cell that fails, so the network is made in a cell of its own.
        await session.run("const net = Network221.fromRandom(new RandomState(0));")
        live = await session.run(
            'await trainLive(net, data, { epochs: 1_000_000 }, { title: "Gender", duration: 60 });',
            interrupt_when=lambda messages: sum(kind == "update_display_data" for _, kind, _ in messages) >= 2,
        )
        error = re.search(r"TrainingInterruptedError: training stopped by an interrupt at epoch ([\d,]+);", text(live, "stderr"))
        assert error, text(live, "stderr")
        epochs = error.group(1)
        [final] = displays(live)
        assert final["text/plain"].startswith(f"Gender: stopped by an interrupt at epoch {epochs} of 1,000,000 · loss "), final["text/plain"][:90]
        after = await session.run(matches_reference("net", "data", epochs.replace(",", "")))
        assert text(after).strip() == "[true,true]", after.outputs

    run_session(kernel_dir, script)


def after(seconds: float):
    """An `interrupt_when` that waits `seconds` from its first call: synchronous code sends nothing until it ends."""
    start: list[float] = []

    def due(_messages) -> bool:
        start.append(time.monotonic())
        return start[-1] - start[0] >= seconds

    return due


def test_interrupt_stops_plain_training_and_the_next_cell_finds_a_completed_epoch(kernel_dir: Path):
    async def script(session: Session):
        await session.run(f"{GENDER_SETUP}\n{SPIRAL_SETUP}")
        await session.run(
            "const net = Network221.fromRandom(new RandomState(0));\n"
            "const run = net.startTraining(spiral.inputs, spiral.labels, { epochs: 10_000_000, lossEvery: 10_000_000 });"
        )
        stopped = await session.run("run.advance();", interrupt_when=after(3))
        assert "Script execution was interrupted by `SIGINT`" in text(stopped, "stderr"), text(stopped, "stderr")
        same = await session.run(f"{matches_reference('net', 'spiral', 'run.epoch')} + ` after ${{run.epoch}} epochs`")
        assert re.fullmatch(r"\[true,true\] after [1-9]\d* epochs", text(same).strip()), text(same)

        await session.run("const plain = Network221.fromRandom(new RandomState(0));")
        await session.run("plain.train(spiral.inputs, spiral.labels, { epochs: 10_000_000 });", interrupt_when=after(3))
        # Replays the same training an epoch at a time until the parameters match, which they do only at a whole epoch.
        search = await session.run(
            "const replay = Network221.fromRandom(new RandomState(0));\n"
            "const replayRun = replay.startTraining(spiral.inputs, spiral.labels, { epochs: 10_000_000, lossEvery: 10_000_000 });\n"
            "const target = JSON.stringify(plain.params);\n"
            "while (JSON.stringify(replay.params) !== target && replayRun.epoch < 200_000) replayRun.advance(1);\n"
            "`${JSON.stringify(replay.params) === target} at epoch ${replayRun.epoch}`"
        )
        assert re.fullmatch(r"true at epoch [1-9]\d*", text(search).strip()), text(search)

    run_session(kernel_dir, script)

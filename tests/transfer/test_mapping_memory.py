"""Remembered import mappings: eight imports finishing at once each keep theirs (the file is
changed under a lock every process shares), and a damaged file costs only the memory."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from contact_desk.api.schema import SCHEMAS
from contact_desk.transfer.mapping import Memory

SCHEMA = next(iter(SCHEMAS.values()))
WRITERS = 8

# Each writer waits for the same moment, then remembers its own mapping (its own headers).
WRITER = """
import sys, time
from pathlib import Path
from contact_desk.api.schema import SCHEMAS
from contact_desk.transfer.mapping import Memory
folder, n, at = Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
schema = next(iter(SCHEMAS.values()))
memory = Memory(folder)
while time.time() < at:
    time.sleep(0.001)
for round in range(5):
    columns = [f"Column {n} {round}", "Mail"]
    assert memory.remember(columns, schema, {columns[0]: None, "Mail": "email"})
"""


def test_eight_imports_at_once_keep_every_mapping(tmp_path: Path) -> None:
    import time

    at = time.time() + 2.0  # every process started and imported by then
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(n), str(at)])
             for n in range(WRITERS)]
    assert [p.wait(timeout=60) for p in procs] == [0] * WRITERS
    memory = Memory(tmp_path)
    recalled = [memory.recall([f"Column {n} {r}", "Mail"], SCHEMA) for n in range(WRITERS) for r in range(5)]
    assert sum(m is not None for m in recalled) == WRITERS * 5
    assert all(m is not None and m["Mail"] == "email" for m in recalled)
    assert not list(tmp_path.glob("*.part"))  # no temporary file left beside it


def test_a_damaged_file_is_started_afresh(tmp_path: Path) -> None:
    (tmp_path / "import-mappings.json").write_text("[1, 2", encoding="utf-8")
    memory = Memory(tmp_path)
    assert memory.recall(["Mail"], SCHEMA) is None
    assert memory.remember(["Mail"], SCHEMA, {"Mail": "email"})
    assert memory.recall(["Mail"], SCHEMA) == {"Mail": "email"}


def test_the_newest_are_kept_when_the_memory_is_full(tmp_path: Path) -> None:
    memory = Memory(tmp_path)
    for n in range(Memory.LIMIT + 3):
        memory.remember([f"C{n}"], SCHEMA, {f"C{n}": "email"})
    memory.remember(["C0"], SCHEMA, {"C0": "email"})  # used again: the newest now
    assert memory.recall(["C0"], SCHEMA) is not None
    assert memory.recall(["C1"], SCHEMA) is None and memory.recall(["C3"], SCHEMA) is None
    assert memory.recall(["C4"], SCHEMA) is not None
    assert memory.recall([f"C{Memory.LIMIT + 2}"], SCHEMA) is not None

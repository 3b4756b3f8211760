"""My changes on disk: bounded, newest first, several processes writing at once (none lost),
a killed writer costs only its own unfinished entry, no secret ever in the file."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from contact_desk.mirror.changes.journal import BULK, EDIT, Entry, Journal, journal_path

WRITER = """
import sys, time
from pathlib import Path
from contact_desk.mirror.changes.journal import Entry, Journal
path, n, at = Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
journal = Journal(path)
while time.time() < at:
    time.sleep(0.001)
for i in range(20):
    entry = Entry(f"c{n}-{i}", "Name", "edit", {"stage": "lead"}, {"stage": "customer"}, f"req-{n}-{i}")
    journal.record([entry])
"""


def test_entries_come_back_newest_first_and_the_oldest_go_past_the_bound(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "a.changes.sqlite3", keep=5)
    for i in range(8):
        journal.record([Entry(f"c{i}", f"Contact {i}", EDIT, {"lastName": "Old"}, {"lastName": f"New {i}"},
                              f"req-{i}")])
    journal.record([Entry("x", "Nothing", BULK, {}, {})])  # nothing written: not kept
    got = journal.recent()
    assert [e.contact_id for e in got] == ["c7", "c6", "c5", "c4", "c3"]
    assert got[0].after == {"lastName": "New 7"} and got[0].before == {"lastName": "Old"}
    assert got[0].request_id == "req-7" and got[0].source == EDIT and got[0].at <= time.time()


def test_six_processes_recording_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.changes.sqlite3"
    at = time.time() + 2.0
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(n), str(at)]) for n in range(6)]
    assert [p.wait(timeout=60) for p in procs] == [0] * 6
    got = Journal(path).recent()
    assert len(got) == 120 and len({e.request_id for e in got}) == 120


def test_the_journal_sits_beside_the_accounts_copy(tmp_path: Path) -> None:
    assert journal_path("acc-1", tmp_path) == tmp_path / "acc-1.changes.sqlite3"
    assert Journal(tmp_path / "none.sqlite3").recent() == []  # never written: empty, no file made
    assert not (tmp_path / "none.sqlite3").exists()

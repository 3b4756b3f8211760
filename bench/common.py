"""What the benchmarks share: a sandbox in its own process, like a real server."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PIDS: dict[str, int] = {}  # a running sandbox's process, by its URL


def cpu_seconds(pid: int | None = None) -> float | None:
    """CPU time (user + system) of process ``pid`` (Linux), or of this process with its threads."""
    if pid is None:
        import resource

        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def cpu_spent(base: str | None = None) -> Iterator[dict[str, float]]:
    """The CPU seconds spent inside the block: ``client`` (this process, every thread) and,
    when ``base`` is a sandbox started by ``sandbox_process``, ``sandbox``."""
    spent: dict[str, float] = {}
    pid = PIDS.get(base or "")
    server, client = cpu_seconds(pid) if pid else None, cpu_seconds()
    yield spent
    spent["client"] = (cpu_seconds() or 0) - (client or 0)
    if pid and server is not None:
        spent["sandbox"] = (cpu_seconds(pid) or 0) - server


@contextmanager
def sandbox_process(contacts: int, folder: Path, latency_ms: int = 0) -> Iterator[str]:
    """Starts ``contact-desk-sandbox`` on a free port (its database in ``folder``); yields its URL."""
    proc = subprocess.Popen([sys.executable, "-m", "contact_desk.sandbox", "--port", "0", "--contacts",
                             str(contacts), "--db", str(folder), "--latency-ms", str(latency_ms)],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        match = re.search(r"(http://\S+)", proc.stdout.readline())
        assert match, "the sandbox did not start"
        PIDS[match.group(1)] = proc.pid
        yield match.group(1)
    finally:
        PIDS.pop(match.group(1) if match else "", None)
        proc.terminate()
        proc.wait(30)


def rss_mb() -> float:
    """This process's resident size now (Linux); elsewhere the peak so far."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024

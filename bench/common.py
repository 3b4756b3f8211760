"""What the benchmarks share: a sandbox in its own process, like a real server."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


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
        yield match.group(1)
    finally:
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

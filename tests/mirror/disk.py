"""A real small filesystem (tmpfs) for full-disk tests; they fail under CI=true where it
cannot be mounted (CI runs as root), and skip with the reason elsewhere."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import require


@contextmanager
def small_disk(folder: Path, kb: int) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kb}k,mode=0700", "tmpfs", str(folder)],
                       capture_output=True, text=True)
    require(r.returncode == 0, f"cannot mount a tmpfs here ({r.stderr.strip() or r.returncode})")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def grow(folder: Path, kb: int) -> None:
    subprocess.run(["mount", "-o", f"remount,size={kb}k", str(folder)], check=True, capture_output=True)

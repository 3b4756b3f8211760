"""The command line's progress: one line on stderr, only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from typing import IO


class Progress:
    """A one-line progress report on stderr, only when stderr is a terminal."""

    def __init__(self, stream: IO[str] | None = None, every: float = 0.2) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.every = every
        self._last = 0.0
        self.count = 0
        self.total: int | None = None

    def step(self, n: int = 1) -> None:
        self.count += n
        now = time.monotonic()
        if self.enabled and now - self._last >= self.every:
            self._last = now
            self._draw()

    def _draw(self) -> None:
        if self.total:
            share = min(1.0, self.count / self.total)
            bar = "#" * int(share * 30)
            self.stream.write(f"\r[{bar:<30}] {self.count:,} / {self.total:,} contacts")
        else:
            self.stream.write(f"\r{self.count:,} contacts")
        self.stream.flush()

    def done(self) -> None:
        if self.enabled:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()

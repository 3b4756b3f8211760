"""What every field editor of the form offers: its widget, its value, and a change signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget


class Editor:
    widget: QWidget

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def on_change(self, fn: Callable[[], None]) -> None:
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        self.widget.setEnabled(not read_only)

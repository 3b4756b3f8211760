"""A keyring backend for the command line's tests where the keyring is not what they test: the
test's keys in a JSON file of its own folder (made-up keys only). The keyring's own tests, and
the CLI tests that check what reaches the keyring, keep the real Secret Service."""

from __future__ import annotations

import json
import os
from pathlib import Path

from jaraco.classes.properties import classproperty
from keyring.backend import KeyringBackend

ENV = "CONTACT_DESK_TEST_KEYRING_FILE"  # tests/cli_support.py names it too (it must not import this)


class TestFileKeyring(KeyringBackend):
    """Chosen only by PYTHON_KEYRING_BACKEND, and viable only with its file named: keyring registers
    every backend class it meets, and this one must never join the real keyring's chain."""

    @classproperty
    def priority(cls) -> float:
        if ENV not in os.environ:
            raise RuntimeError("a test keyring without its file")
        return 1

    @property
    def path(self) -> Path:
        return Path(os.environ[ENV])

    def _all(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return data if isinstance(data, dict) else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._all().get(f"{service}\x1f{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._all()
        data[f"{service}\x1f{username}"] = password
        self.path.write_text(json.dumps(data), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        data = self._all()
        data.pop(f"{service}\x1f{username}", None)
        self.path.write_text(json.dumps(data), encoding="utf-8")

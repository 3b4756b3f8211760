"""The ``contact-desk`` command as a subprocess, with a config folder of its own. ``cli`` keeps
the keys in a test keyring file (tests/file_keyring.py: nothing to skip without a Secret Service);
``real_cli`` uses the real keyring, for the tests of what reaches it. Both are registered in
conftest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from contact_desk.accounts import backend_name
from contact_desk.sandbox import Sandbox
from tests.conftest import require

SECRETS = ("demo-smartcq", "rpl_test_demo", "demo-smartcq-readonly")


ROOT = Path(__file__).resolve().parent.parent
ENV = "CONTACT_DESK_TEST_KEYRING_FILE"  # the test keyring's file (tests/file_keyring.py, never imported here)


class Cli:
    def __init__(self, config: Path, base_url: str, real_keyring: bool = True) -> None:
        self.env = {**os.environ, "CONTACT_DESK_CONFIG_DIR": str(config), "PYTHONUNBUFFERED": "1",
                    "CONTACT_DESK_DATA_DIR": str(config.parent / "data")}
        if not real_keyring:
            path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
            self.env.update({"PYTHON_KEYRING_BACKEND": "tests.file_keyring.TestFileKeyring",
                             ENV: str(config.parent / "test-keyring.json"), "PYTHONPATH": path})
        self.data = config.parent / "data"
        self.base_url = base_url
        self.config = config

    def __call__(self, *args: str, stdin: str = "", env: dict[str, str] | None = None
                 ) -> subprocess.CompletedProcess[str]:
        r = subprocess.run([sys.executable, "-m", "contact_desk", *args], input=stdin, capture_output=True,
                           text=True, env={**self.env, **(env or {})}, timeout=120)
        for secret in SECRETS:
            assert secret not in r.stderr, r.stderr
        return r

    def put_secret(self, entry: str, secret: str) -> None:
        """A secret in the test keyring file the commands read (tests/file_keyring.py's format)."""
        path = Path(self.env[ENV])
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        data[f"contact-desk\x1f{entry}"] = secret
        path.write_text(json.dumps(data), encoding="utf-8")

    def add(self, name: str, key: str, *extra: str) -> subprocess.CompletedProcess[str]:
        return self("accounts", "add", name, "--base-url", self.base_url, *extra, stdin=key + "\n")


@pytest.fixture
def cli(sandbox: Sandbox, tmp_path: Path) -> Cli:
    return Cli(tmp_path / "config", sandbox.base_url, real_keyring=False)


@pytest.fixture
def real_cli(sandbox: Sandbox, tmp_path: Path) -> Iterator[Cli]:
    require("SecretService" in backend_name(),
            "the CLI's keyring tests use the real SecretService keyring (.ci/run starts one)")
    c = Cli(tmp_path / "config", sandbox.base_url)
    yield c
    for line in c("accounts", "list").stdout.splitlines():
        if line and not line.startswith("No accounts"):
            c("accounts", "remove", line.split()[0])

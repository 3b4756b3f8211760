"""The models' tests run on the same qasync loop and offscreen Qt as the windows' tests."""

from tests.ui.conftest import _english, _session_loop, aloop  # noqa: F401 (fixtures)

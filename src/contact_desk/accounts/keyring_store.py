"""API keys in the OS keyring: service ``contact-desk``, one entry per account id.

Typed errors for the three ways it goes wrong (no keyring, locked, failing),
each telling the user what to do. There is no plaintext fallback: a backend
that writes secrets to a plain file is refused.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable
from typing import Any

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from contact_desk.api import ApiKey

SERVICE = "contact-desk"
WINDOWS_MAX_KEY = 1200  # Credential Manager stores about 1280 characters
KEYRING_TIMEOUT_S = 10.0  # a keyring (its D-Bus activation, say) that takes longer is said to hang


class KeyringProblem(Exception):
    """Base of keyring errors; the text is meant for the user and never holds a key."""


class KeyringUnavailable(KeyringProblem):
    def __init__(self, detail: str = "") -> None:
        if sys.platform.startswith("linux"):
            hint = ("Install and start a Secret Service provider such as GNOME Keyring or KWallet "
                    "(on a desktop session it normally runs already), then try again.")
        else:
            hint = "The system keychain could not be reached; sign out and in again, then try again."
        super().__init__(f"No system keyring is available to keep API keys safely. {hint}"
                         + (f" ({detail})" if detail else ""))


class KeyringLocked(KeyringProblem):
    def __init__(self) -> None:
        super().__init__("The system keyring is locked. Unlock it (your login password usually does) "
                         "and try again.")


class KeyringFailed(KeyringProblem):
    def __init__(self, what: str, detail: str) -> None:
        super().__init__(f"The system keyring could not {what}: {detail}")


class KeyringNoAnswer(KeyringProblem):
    def __init__(self, what: str, seconds: float) -> None:
        super().__init__(f"The system keyring did not answer within {seconds:g} s when asked to {what}. It "
                         "may be waiting for you to unlock it (look for a password prompt), or its service "
                         "is stuck: restart it (or sign out and in again) and try again.")


def _bounded(what: str, seconds: float, work: Callable[[], Any]) -> Any:
    """``work()`` on a thread of its own, waited for ``seconds`` at most: a keyring whose
    service never answers costs seconds, not minutes. A call that goes on after we stopped
    waiting may still complete (a key stored late): the message says it may have."""
    done = threading.Event()
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as exc:  # handed to the caller's thread
            outcome.append((False, exc))
        finally:
            done.set()

    threading.Thread(target=run, name="keyring", daemon=True).start()
    if not done.wait(seconds):
        raise KeyringNoAnswer(what, seconds)
    ok, value = outcome[0]
    if not ok:
        raise value
    return value


class KeyMissing(KeyringProblem):
    def __init__(self, account_name: str) -> None:
        self.account_name = account_name
        super().__init__(f"No API key is stored for {account_name!r}. Enter it again: in Accounts… "
                         f"type the key and save, or run: contact-desk accounts set-key {account_name!r}")


def _name(b: KeyringBackend) -> str:
    return f"{type(b).__module__}.{type(b).__qualname__}"


def backend_name(backend: KeyringBackend | None = None) -> str:
    """The backend that will hold the keys; a chainer is named by what it chains."""
    try:
        b = backend or keyring.get_keyring()
    except Exception as exc:
        return f"none (cannot be loaded: {type(exc).__name__})"
    inner = getattr(b, "backends", None) if _name(b).startswith("keyring.backends.chainer.") else None
    if inner:
        return ", ".join(_name(x) for x in inner)
    return _name(b)


def _refused(backend: KeyringBackend) -> str | None:
    name = _name(backend)
    if name.startswith(("keyring.backends.fail.", "keyring.backends.null.")):
        return "no backend found"
    if name.startswith("keyrings.alt.") or "plaintext" in name.lower():
        return f"{name} keeps secrets in a plain file, which Contact Desk refuses"
    if name.startswith("keyring.backends.chainer.") and not getattr(backend, "backends", None):
        return "no backend found"
    return None


class KeyStore:
    """Keys by account id. ``backend`` is for tests; the default is the OS keyring."""

    def __init__(self, backend: KeyringBackend | None = None, *, timeout: float = KEYRING_TIMEOUT_S) -> None:
        self._backend = backend
        self.timeout = timeout

    @property
    def backend(self) -> KeyringBackend:
        problem: KeyringProblem | None = None
        try:
            backend = self._backend or _bounded("be found", self.timeout, keyring.get_keyring)
        except KeyringNoAnswer:
            raise
        except Exception as exc:  # e.g. PYTHON_KEYRING_BACKEND naming a module that is not there
            problem = KeyringUnavailable(f"the keyring backend cannot be loaded: {type(exc).__name__}; "
                                         "check PYTHON_KEYRING_BACKEND")
        if problem is not None:
            raise problem  # outside the handler: no __context__ chained
        reason = _refused(backend)
        if reason:
            raise KeyringUnavailable(reason)
        return backend

    @property
    def backend_name(self) -> str:
        return backend_name(self._backend)

    def _guard(self, what: str, action: object) -> object:
        """Runs a backend call; its failures become typed errors that carry no trace of
        the backend's own exception (whose text may hold the secret)."""
        problem: KeyringProblem | None = None
        try:
            return _bounded(what, self.timeout, action) if callable(action) else None
        except (KeyringProblem, keyring.errors.PasswordDeleteError):
            raise
        except keyring.errors.KeyringLocked:
            problem = KeyringLocked()
        except (keyring.errors.NoKeyringError, keyring.errors.InitError) as exc:
            problem = KeyringUnavailable(type(exc).__name__)
        except Exception as exc:  # any backend's own failure (D-Bus, Keychain, ...)
            locked = "locked" in str(exc).lower()
            problem = KeyringLocked() if locked else KeyringFailed(what, type(exc).__name__)
        raise problem  # outside the handler: no __context__ chained

    def set(self, account_id: str, key: ApiKey) -> None:
        value = key.reveal()
        backend = self.backend
        if "keyring.backends.Windows." in backend_name(backend) and len(value) > WINDOWS_MAX_KEY:
            raise KeyringFailed("store the key", f"it is longer than Windows allows ({WINDOWS_MAX_KEY})")
        self._guard("store the key", lambda: backend.set_password(SERVICE, account_id, value))

    def get(self, account_id: str, account_name: str | None = None) -> ApiKey:
        backend = self.backend
        value = self._guard("read the key", lambda: backend.get_password(SERVICE, account_id))
        if not isinstance(value, str) or not value:
            raise KeyMissing(account_name or account_id)
        return ApiKey(value)

    def has(self, account_id: str) -> bool:
        """Whether a key is stored for the account (KeyringProblem when the keyring cannot say)."""
        try:
            self.get(account_id)
        except KeyMissing:
            return False
        return True

    def set_secret(self, entry: str, secret: str) -> None:
        """A secret that is not an account's key (the manual proxy's password), under ``entry``."""
        backend = self.backend
        self._guard("store the password", lambda: backend.set_password(SERVICE, entry, secret))

    def get_secret(self, entry: str) -> str | None:
        backend = self.backend
        value = self._guard("read the password", lambda: backend.get_password(SERVICE, entry))
        return value if isinstance(value, str) and value else None

    def delete(self, account_id: str) -> None:
        """Removes the entry; an entry that was not there is not an error."""
        backend = self.backend
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            self._guard("remove the key", lambda: backend.delete_password(SERVICE, account_id))


class MemoryKeyStore(KeyStore):
    """Keys kept in this process only (the demo): nothing is written anywhere."""

    def __init__(self) -> None:
        super().__init__()
        self._keys: dict[str, ApiKey] = {}
        self._secrets: dict[str, str] = {}

    @property
    def backend_name(self) -> str:
        return "memory (demo)"

    def set_secret(self, entry: str, secret: str) -> None:
        self._secrets[entry] = secret

    def get_secret(self, entry: str) -> str | None:
        return self._secrets.get(entry)

    def set(self, account_id: str, key: ApiKey) -> None:
        self._keys[account_id] = key

    def get(self, account_id: str, account_name: str | None = None) -> ApiKey:
        try:
            return self._keys[account_id]
        except KeyError:
            raise KeyMissing(account_name or account_id) from None

    def delete(self, account_id: str) -> None:
        self._keys.pop(account_id, None)
        self._secrets.pop(account_id, None)

"""Qt-free accounts: records on disk, API keys in the OS keyring."""

from contact_desk.accounts.keyring_store import (
    KeyMissing,
    KeyringFailed,
    KeyringLocked,
    KeyringProblem,
    KeyringUnavailable,
    KeyStore,
    MemoryKeyStore,
    backend_name,
)
from contact_desk.accounts.store import (
    Account,
    AccountError,
    AccountStore,
    MemoryAccountStore,
    config_dir,
)
from contact_desk.accounts.views import View, ViewError, ViewStore

__all__ = ["Account", "AccountError", "AccountStore", "KeyMissing", "KeyStore", "KeyringFailed",
           "KeyringLocked", "KeyringProblem", "KeyringUnavailable", "MemoryAccountStore", "MemoryKeyStore",
           "View", "ViewError", "ViewStore", "backend_name", "config_dir"]

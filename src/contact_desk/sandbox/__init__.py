"""The embedded sandbox: a real HTTP server for both dialects on SQLite (Qt-free)."""

from contact_desk.sandbox.demo_data import DEMO_ACCOUNTS, DEMO_KEYS, DemoKey
from contact_desk.sandbox.faults import Faults, RecordedRequest
from contact_desk.sandbox.server import DEFAULT_CONTACTS, Sandbox

__all__ = ["DEFAULT_CONTACTS", "DEMO_ACCOUNTS", "DEMO_KEYS", "DemoKey", "Faults", "RecordedRequest",
           "Sandbox"]

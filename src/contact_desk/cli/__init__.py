"""The ``contact-desk`` command line (no Qt here: the GUI is loaded only without a subcommand)."""

from contact_desk.cli.main import main

__all__ = ["main"]

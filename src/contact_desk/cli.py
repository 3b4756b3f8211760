"""The ``contact-desk`` command. No Qt is imported here: the GUI is loaded only
when no subcommand is given."""

from __future__ import annotations

import argparse
import sys

from contact_desk import __version__


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="contact-desk", description="Contact Desk: browse and edit contacts.")
    p.add_argument("--version", action="version", version=f"contact-desk {__version__}")
    p.add_argument("--demo", action="store_true",
                   help="start the embedded sandbox and open the app on it (no account needed)")
    p.add_argument("--contacts", type=int, default=None,
                   help="with --demo: contacts in each demo account (default 10000)")
    p.add_argument("--seed", type=int, default=1, help="with --demo: seed of the demo data")
    p.add_argument("--lang", choices=("en", "it"), help="interface language (default: the system's)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.contacts is not None and not args.demo:
        print("contact-desk: --contacts only makes sense with --demo", file=sys.stderr)
        return 2
    if args.contacts is not None and args.contacts < 0:
        print("contact-desk: --contacts must not be negative", file=sys.stderr)
        return 2
    from contact_desk.app import run_gui  # Qt is loaded only for the GUI

    return run_gui(args)

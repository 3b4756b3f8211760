"""The ``contact-desk`` command. No Qt is imported here: the GUI is loaded only
when no subcommand is given.

Exit codes: words.py (one table with the words; also in docs/user-guide.md).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from contact_desk import __version__
from contact_desk.api.schema import SCHEMAS
from contact_desk.cli.errors import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, EXIT_USAGE, explain


def _import_arguments(imp: argparse.ArgumentParser) -> None:
    imp.add_argument("file", type=Path)
    imp.add_argument("--account", required=True)
    imp.add_argument("--mapping", type=Path, help="a JSON object: column name -> field name (null: skip)")
    imp.add_argument("--on-existing", choices=("skip", "update"), default="skip",
                     help="a contact already there: leave it (default) or change its differing fields")
    imp.add_argument("--country", default="IT", help="for phone numbers without +: the country (default IT)")
    imp.add_argument("--dry-run", action="store_true", help="check every row, send nothing")
    imp.add_argument("--report", type=Path, help="write a CSV: row, outcome, id, reason, requestId")
    imp.add_argument("--on-conflict", choices=("keep", "overwrite"), default="keep",
                     help="with --on-existing update, a contact changed on the server since the file was "
                          "exported: report it and leave it (default), or overwrite it with the file's "
                          "values")
    imp.add_argument("--unknown-tags", choices=("drop", "fail"), default="drop",
                     help="a tag the account lacks: import the contact without it (default) or fail the row")


def _view_commands(sub: Any) -> None:
    """views list, export and import: saved views handed round as files."""
    views = sub.add_parser("views", help="saved views, and views handed round as files (.cdview)")
    views_sub = views.add_subparsers(dest="action", metavar="ACTION", required=True)
    listed = views_sub.add_parser("list", help="an account's saved views")
    listed.add_argument("--account", required=True)
    shared = views_sub.add_parser("export", help="write a saved view to a file for a colleague")
    shared.add_argument("--account", required=True)
    shared.add_argument("--view", required=True, metavar="NAME")
    shared.add_argument("--output", required=True, type=Path, metavar="FILE.cdview")
    taken = views_sub.add_parser("import", help="save a view from a file in an account (what its dialect "
                                                "lacks is left out, and said)")
    taken.add_argument("file", type=Path, metavar="FILE.cdview")
    taken.add_argument("--account", required=True)
    taken.add_argument("--name", help="save it under this name (default: the file's); a name the account has "
                                      "already gets (2), (3)…: no view is replaced")


def _change_commands(sub: Any) -> None:
    """create, outbox and history: the commands that change contacts or say what changed."""
    his = sub.add_parser("history", help="the changes made from this computer to an account's contacts "
                                         "(My changes), newest first")
    his.add_argument("--account", required=True)
    his.add_argument("--limit", type=int, default=50, help="at most this many changes (default 50)")
    his.add_argument("--csv", type=Path, metavar="FILE", help="write them all to a CSV file instead")

    cre = sub.add_parser("create", help="create a contact; prints it as JSON")
    cre.add_argument("--account", required=True)
    cre.add_argument("--field", action="append", metavar="KEY=VALUE",
                     help="a field by its API name (tags: comma-separated); or a JSON object on stdin")
    cre.add_argument("--queue", action="store_true",
                     help="when the server cannot be reached, put the contact in the outbox (sent later)")

    out = sub.add_parser("outbox", help="the changes waiting to be sent (made while the server could not "
                                        "be reached)")
    out_sub = out.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action, said in (("list", "list them, with what each needs"), ("send", "send them now, in order"),
                         ("discard", "discard one (--item N) or all (--all): they are not sent")):
        one = out_sub.add_parser(action, help=said)
        one.add_argument("--account", required=True)
        if action == "discard":
            one.add_argument("--item", type=int, help="the number contact-desk outbox list shows")
            one.add_argument("--all", action="store_true", help="every waiting change")


def parser() -> argparse.ArgumentParser:
    from contact_desk.cli.common import add_filter_options  # the filters' flags, from the schemas

    p = argparse.ArgumentParser(prog="contact-desk", description="Contact Desk: browse and edit contacts.")
    p.add_argument("--version", action="version", version=f"contact-desk {__version__}")
    p.add_argument("--demo", action="store_true",
                   help="start the embedded sandbox and open the app on it (no account needed)")
    p.add_argument("--contacts", type=int, default=None,
                   help="with --demo: contacts in each demo account (default 10000)")
    p.add_argument("--seed", type=int, default=1, help="with --demo: seed of the demo data")
    p.add_argument("--lang", choices=("en", "it"), help="interface language (default: the system's)")
    p.add_argument("--proxy", metavar="URL|system|direct",
                   help="how to reach the servers: a proxy's URL (http://user@host:port), the system's "
                        "proxies (default: the environment's HTTPS_PROXY..., else the system's settings) or "
                        "direct")
    p.add_argument("--self-test", action="store_true",
                   help="run the demo offscreen, check it works, print one JSON line and exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    acc = sub.add_parser("accounts", help="add, list, remove and test accounts")
    acc_sub = acc.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = acc_sub.add_parser("add", help="add an account; the API key is read from standard input")
    add.add_argument("name")
    add.add_argument("--dialect", choices=tuple(SCHEMAS),
                     help="the API dialect (guessed from rpl_live_/rpl_test_ keys)")
    add.add_argument("--base-url", help="the API's address (default: the dialect's)")
    add.add_argument("--no-verify", action="store_true", help="store the key without trying it")
    setkey = acc_sub.add_parser("set-key", help="store a new API key for an account (from standard input)")
    setkey.add_argument("name")
    setkey.add_argument("--no-verify", action="store_true", help="store the key without trying it")
    acc_sub.add_parser("list", help="list accounts (never shows keys)")
    acc_sub.add_parser("remove", help="remove an account and its key").add_argument("name")
    test = acc_sub.add_parser("test", help="try an account's key")
    test.add_argument("name")
    test.add_argument("--verbose", action="store_true",
                      help="also the route: direct or which proxy, the certificate's issuer and expiry, the "
                           "answer time")

    exp = sub.add_parser("export", help="write every matching contact to CSV, JSON Lines, Excel, vCard or a "
                                        "printable PDF")
    exp.add_argument("--account", required=True)
    exp.add_argument("--format", choices=("csv", "jsonl", "xlsx", "vcf", "vcf3", "pdf"), default="csv",
                     help="vcf: vCard 4.0; vcf3: vCard 3.0, for desktop Outlook; pdf: see --style")
    exp.add_argument("--style", choices=("phone-list", "cards", "labels"), default="phone-list",
                     help="with --format pdf: a phone list, contact cards, or address labels (3 x 8 on A4)")
    exp.add_argument("--labels", action="store_true",
                     help="xlsx for people: field and choice labels, phones grouped, real dates")
    exp.add_argument("--output", type=Path, help="file to write (default: standard output)")
    add_filter_options(exp)

    syn = sub.add_parser("sync", help="bring the account's offline copy up to date (all contacts)")
    syn.add_argument("--account", required=True)

    sea = sub.add_parser("search", help="search the account's offline copy (syncing first if there is none)")
    sea.add_argument("--account", required=True)
    sea.add_argument("text", nargs="*", help="words to find (names, emails, phones, companies, cities, tags)")
    sea.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    add_filter_options(sea, server_search=False)
    sea.add_argument("--where", action="append", default=[], metavar="FILTER",
                     help="any field: city=Milano, company~srl (contains), tag=vip, created>=2026-01-01, "
                          "created<=2026-06-30, birthday=this-month, country= (empty), "
                          "country!= (not empty); repeat to combine")
    sea.add_argument("--view", metavar="NAME",
                     help="a view saved in the window: its search, filters and sort (with the words and "
                          "filters given here added)")
    sea.add_argument("--limit", type=int, help="at most this many rows")
    sea.add_argument("--offline", action="store_true", help="never contact the server")

    _import_arguments(sub.add_parser("import", help="create contacts from a CSV, Excel (.xlsx) or vCard "
                                                    "(.vcf) file"))
    _view_commands(sub)

    _change_commands(sub)
    return p


def run_command(args: argparse.Namespace) -> int:
    from contact_desk.accounts import AccountError, AccountStore, KeyringProblem, KeyStore
    from contact_desk.cli import accounts as a
    from contact_desk.cli import contacts as c
    from contact_desk.cli import history as h
    from contact_desk.cli import mirror as m
    from contact_desk.cli import outbox as o
    from contact_desk.cli import transfer as t
    from contact_desk.cli import views as v

    handlers: dict[str, Callable[..., int]] = {
        "accounts.add": a.accounts_add, "accounts.list": a.accounts_list,
        "accounts.set-key": a.accounts_set_key,
        "accounts.remove": a.accounts_remove, "accounts.test": a.accounts_test,
        "export": c.export, "create": c.create, "sync": m.sync, "search": m.search,
        "import": t.import_file, "history": h.history,
        "outbox.list": o.outbox_list, "outbox.send": o.outbox_send, "outbox.discard": o.outbox_discard,
        "views.list": v.views_list, "views.export": v.views_export, "views.import": v.views_import,
    }
    name = args.command + (f".{args.action}" if args.command in ("accounts", "outbox", "views") else "")
    store, keys = AccountStore(), KeyStore()
    try:
        with contextlib.suppress(AccountError, KeyringProblem):  # the command itself will say
            store.repair(keys)  # finish an account change a crash cut short
        return handlers[name](args, store, keys)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as other command-line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:
        code, message = explain(exc, name)
        print(f"contact-desk: {message}", file=sys.stderr)
        return code


def _tolerant_streams() -> None:
    """What the terminal or a redirect cannot take (cp1252 on Windows, ASCII under LC_ALL=C) is
    written as a replacement character, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]


def _readable(value: object) -> object:
    """Arguments Python decoded with surrogate escapes (a C locale): their UTF-8 text. File names
    are Paths and keep their bytes, so that the file opens."""
    if isinstance(value, str) and any("\udc80" <= ch <= "\udcff" for ch in value):
        return value.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")
    if isinstance(value, list):
        return [_readable(v) for v in value]
    return value


def _private_temp() -> None:
    """Temporary files (an xlsx export's sheet) in our own data folder, where the next start
    removes what a killed process left; the system's temporary folder stays clean."""
    from contact_desk.files import TempFolder
    from contact_desk.mirror import copies_dir

    TempFolder.take(copies_dir().parent)


def _use_proxy(choice: str) -> str:
    """--proxy: for this command (CONTACT_DESK_PROXY, which cli/common.cli_route reads);
    '' when it is usable, else what is wrong."""
    if choice not in ("system", "direct"):
        import httpx

        try:
            url = httpx.URL(choice)
        except (httpx.InvalidURL, TypeError):
            url = httpx.URL("invalid:")
        if url.scheme not in ("http", "https") or not url.host or url.password:
            return ("--proxy takes system, direct or a proxy's URL (http://host:port); a password is never "
                    "given on the command line, where other users can read it: put the whole URL in "
                    "CONTACT_DESK_PROXY, or save it with the window's Network settings")
    os.environ["CONTACT_DESK_PROXY"] = choice
    return ""


OPENED = (".vcf", ".csv", ".xlsx")  # files the window opens in its Import dialog (contact-desk FILE)


def _file_to_open(argv: list[str], commands: set[str]) -> Path | None:
    """``contact-desk FILE`` (what "Open with" runs): the file, taken out of ``argv``; None when a
    command is given or no argument is such a file."""
    if any(a in commands for a in argv):
        return None
    for i, arg in enumerate(argv):
        if not arg.startswith("-") and arg.lower().endswith(OPENED) and (i == 0 or argv[i - 1] not in (
                "--lang", "--proxy", "--contacts", "--seed")):
            del argv[i]
            return Path(arg)
    return None


def main(argv: list[str] | None = None) -> int:
    _tolerant_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    p = parser()
    commands = {name for action in p._actions if isinstance(action, argparse._SubParsersAction)
                for name in action.choices}
    opened = _file_to_open(argv, commands)
    args = p.parse_args(argv)
    args.open_file = opened
    _private_temp()  # for the process's life (atexit removes it)
    for name, value in vars(args).items():
        setattr(args, name, _readable(value))
    if args.proxy is not None:
        problem = _use_proxy(args.proxy)
        if problem:
            print(f"contact-desk: {problem}", file=sys.stderr)
            return EXIT_USAGE
    if args.command is not None:
        return run_command(args)
    if args.contacts is not None and not (args.demo or args.self_test):
        print("contact-desk: --contacts only makes sense with --demo", file=sys.stderr)
        return EXIT_USAGE
    if args.contacts is not None and args.contacts < 0:
        print("contact-desk: --contacts must not be negative", file=sys.stderr)
        return EXIT_USAGE
    from contact_desk.app import run_gui  # Qt is loaded only for the GUI

    return run_gui(args)

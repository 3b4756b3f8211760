"""``contact-desk import``: a CSV, Excel or vCard file into an account. No Qt here."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import sys
from pathlib import Path

from contact_desk.accounts import Account, AccountStore, KeyStore, config_dir
from contact_desk.api import errors as api_errors
from contact_desk.api.schema import SCHEMAS
from contact_desk.cli.common import UsageError, connect
from contact_desk.cli.errors import EXIT_AUTH, EXIT_ERROR, EXIT_SOME_ROWS, reason, request_tail
from contact_desk.cli.history import record_changes
from contact_desk.cli.progress import Progress
from contact_desk.files import FileProblem
from contact_desk.mirror import CopyBusy, CopyClosed, CopyDamaged, LocalCopy, copy_path
from contact_desk.mirror.changes.journal import IMPORT
from contact_desk.transfer import mapping as mappings
from contact_desk.transfer.importing import (
    CONFLICT,
    FAILED,
    INVALID_ROW,
    KEY_REFUSED,
    REPEATED,
    ImportProgress,
    ImportRun,
    RowResult,
    look_up_there,
    summary,
)
from contact_desk.transfer.preview import SENDABLE, Prepared, counts, prepare
from contact_desk.transfer.readers import FileUnreadable, Table, read
from contact_desk.transfer.report import write_report


def _from_copy(account: Account) -> tuple[set[str] | None, set[str] | None]:
    """The account's tags (SmartCQ) and emails as its offline copy knows them (None: no copy)."""
    if not copy_path(account.id).exists():
        return None, None

    async def ask() -> tuple[set[str] | None, set[str]]:
        copy = await LocalCopy.open(account.id, account.dialect)
        try:
            tags = await copy.tags() if SCHEMAS[account.dialect].tags_known_by_copy else None
            return tags, await copy.emails()
        finally:
            await copy.close()

    with contextlib.suppress(CopyBusy, CopyClosed, CopyDamaged, OSError):
        return asyncio.run(ask())
    return None, None


def _look_up(account: Account, keys: KeyStore, rows: list[Prepared]) -> None:
    """No offline copy: which rows are there already, asked of the server where it can search."""
    if not SCHEMAS[account.dialect].search:
        print("No offline copy of this account: contacts already there are found as they are sent "
              f"(contact-desk sync --account {account.name!r} shows them beforehand).", file=sys.stderr)
        return

    async def ask() -> int:
        async with connect(account, keys) as dialect:
            return await look_up_there(dialect, rows)

    try:
        looked = asyncio.run(ask())
    except api_errors.ApiError as exc:  # the server is not there: the import itself will say so
        print(f"No offline copy, and the server could not be asked which rows are there ({exc.message}).",
              file=sys.stderr)
        return
    more = sum(1 for p in rows if p.status in SENDABLE) > looked
    print(f"No offline copy: {looked:,} rows looked up on the server"
          + (" (the first ones; the rest are found as they are sent)." if more else "."), file=sys.stderr)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _mapping(args: argparse.Namespace, table: Table, account: Account) -> mappings.Mapping:
    schema = SCHEMAS[account.dialect]
    try:
        if args.mapping is not None:
            return mappings.check(mappings.load(args.mapping), table.columns, schema)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    remembered = mappings.Memory(config_dir()).recall(table.columns, schema)
    return remembered or mappings.guess(table.columns, schema, table.rows)


def _say_preview(rows: list[Prepared], table: Table, mapping: mappings.Mapping) -> None:
    used = {c: f for c, f in mapping.items() if f}
    print(f"Read {len(table.rows):,} rows from a {table.source} file.", file=sys.stderr)
    print("Columns: " + ", ".join(f"{c} → {f}" for c, f in used.items())
          + (f" (not imported: {', '.join(c for c, f in mapping.items() if not f)})"
             if len(used) < len(mapping) else ""), file=sys.stderr)
    n = counts(rows)
    print(f"{n['ready']:,} ready, {n['normalised']:,} normalised, {n['check']:,} to check, "
          f"{n['there']:,} already there, {n['duplicate']:,} duplicates in the file, "
          f"{n['invalid']:,} invalid.", file=sys.stderr)


def _say_results(results: list[RowResult], refused: Exception | None) -> dict[str, int]:
    n = summary(results)
    print(f"Created {n['created']:,}, updated {n['updated']:,}, already there {n['existing']:,}, "
          f"repeated in the file {n[REPEATED]:,}, invalid {n['invalid']:,}, failed {n['failed']:,}"
          + (f", changed on the server since the file was made (not overwritten) {n[CONFLICT]:,}"
             if n[CONFLICT] else "") + ".", file=sys.stderr)
    if n[CONFLICT]:
        print("Those contacts were changed by someone after the file was made: check them, or import again "
              "with --on-conflict overwrite to replace their values with the file's.", file=sys.stderr)
    wrong = (INVALID_ROW, REPEATED, FAILED, CONFLICT)
    shown = [r for r in results if r.outcome in wrong and r.reasons != (KEY_REFUSED,)][:10]
    for r in shown:
        print(f"  row {r.row}: {r.outcome}: {r.reason}{request_tail(r.request_id)}", file=sys.stderr)
    if refused is not None:  # said once: every row after it would have been refused too
        not_sent = sum(r.reasons == (KEY_REFUSED,) for r in results)
        print(f"The import stopped: {reason(refused, 'import')[1]} {not_sent:,} rows were not sent; "
              "importing the file again skips the contacts already there.", file=sys.stderr)
    return n


def import_file(args: argparse.Namespace, store: AccountStore, keys: KeyStore) -> int:
    account = store.find(args.account)
    schema = SCHEMAS[account.dialect]
    if args.report is not None:
        from contact_desk.files import check_writable_target

        check_writable_target(args.report)
        if _same_file(args.report, Path(args.file)):
            raise UsageError(f"--report {args.report} is the file being imported: give another path")
    try:
        table = read(Path(args.file))
    except FileUnreadable as exc:
        raise UsageError(str(exc)) from None
    for note in table.file_notes:
        print(f"Note: {note}", file=sys.stderr)
    mapping = _mapping(args, table, account)
    if not any(mapping.values()):
        raise UsageError("No column of the file matches a field: give --mapping FILE (a JSON object, "
                         "column name -> field name)")
    tags, emails = _from_copy(account)
    rows = prepare(table, mapping, schema, country=args.country.upper(), known_tags=tags,
                   unknown_tags=args.unknown_tags, existing=emails)
    if emails is None:
        _look_up(account, keys, rows)
    _say_preview(rows, table, mapping)
    mappings.Memory(config_dir()).remember(table.columns, schema, mapping)
    if args.dry_run:
        results = [RowResult(p.row, p.status, "", tuple(p.notes)) for p in rows]
        if args.report is not None:
            write_report(args.report, results)
        print("Dry run: nothing was created or changed.", file=sys.stderr)
        return EXIT_SOME_ROWS if any(p.status == "invalid" for p in rows) else 0
    progress = Progress()
    progress.total = len(rows)

    def report(p: ImportProgress) -> None:
        progress.step(p.done - progress.count)

    async def run() -> tuple[list[RowResult], Exception | None]:
        async with connect(account, keys) as dialect:
            job = ImportRun(dialect, rows, on_existing=args.on_existing, report=report,
                            unknown_tags=args.unknown_tags, on_conflict=args.on_conflict)
            loop = asyncio.get_running_loop()
            with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
                # Ctrl+C: nothing more is sent, requests under way finish, the report says it all.
                loop.add_signal_handler(signal.SIGINT, job.cancel)
            try:
                return await job.run(), job.refused
            finally:
                record_changes(account.id, job.changes, IMPORT)  # My changes, whatever happened

    results, refused = asyncio.run(run())
    progress.done()
    n = _say_results(results, refused)  # said first: what was done on the server, whatever the disk does
    if args.report is not None:
        try:
            write_report(args.report, results)
        except FileProblem as exc:  # the rows above were sent all the same
            print(f"The report was not written: {exc}. Importing the file again skips the contacts "
                  "already there.", file=sys.stderr)
            return EXIT_ERROR
    if refused is not None:
        return EXIT_AUTH
    return EXIT_SOME_ROWS if n["invalid"] or n["failed"] or n[CONFLICT] else 0

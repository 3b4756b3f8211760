"""Exports open back in our own importer with every field intact (CSV, Excel, vCard)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from contact_desk.api import Query
from contact_desk.api.models import ReplicerContact
from contact_desk.api.schema import REPLICER
from contact_desk.sandbox import Sandbox
from contact_desk.transfer.mapping import guess
from contact_desk.transfer.preview import SENDABLE, prepare
from contact_desk.transfer.readers import read
from tests.api.helpers import run_with
from tests.cli_support import Cli

# What a vCard 4.0 carries of a Replicer contact (state travels in ADR too).
VCARD_FIELDS = ("firstName", "lastName", "company", "jobTitle", "email", "phoneNumber", "street", "city",
                "state", "postalCode", "country", "website", "birthday", "notes")


def originals(sandbox: Sandbox) -> dict[str, ReplicerContact]:
    async def go(api: Any) -> dict[str, ReplicerContact]:
        from tests.api.listing import iter_all

        return {c.email: c async for c in iter_all(api, Query(search="rossi")) if c.email}
    return run_with(sandbox, "replicer", go)


def expected(c: ReplicerContact, fields: tuple[str, ...]) -> dict[str, Any]:
    out = {}
    for f in REPLICER.creatable:
        if f.name in fields:
            value = getattr(c, f.attr)
            if value:
                out[f.name] = value[:10] if f.name == "birthday" else value
    return out


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "vcf"])
def test_an_export_reads_back_field_for_field(cli: Cli, sandbox: Sandbox, tmp_path: Path, fmt: str) -> None:
    assert cli.add("rep", "rpl_test_demo", "--dialect", "replicer").returncode == 0
    out = tmp_path / f"rossi.{fmt}"
    r = cli("export", "--account", "rep", "--search", "rossi", "--format", fmt, "--output", str(out))
    assert r.returncode == 0, r.stderr
    before = originals(sandbox)
    table = read(out)
    mapping = guess(table.columns, REPLICER, table.rows)
    rows = prepare(table, mapping, REPLICER, country="IT")
    assert all(p.status in SENDABLE for p in rows), [p.reason for p in rows if p.status not in SENDABLE]
    fields = VCARD_FIELDS if fmt == "vcf" else tuple(f.name for f in REPLICER.creatable)
    got = {p.values["email"]: {k: (v[:10] if k == "birthday" else v) for k, v in p.values.items()}
           for p in rows if "email" in p.values}
    assert set(got) == set(before)
    for email, contact in before.items():
        assert got[email] == expected(contact, fields), email
    again = cli("import", str(out), "--account", "rep")
    assert again.returncode == 0 and "Created 0" in again.stderr, again.stderr

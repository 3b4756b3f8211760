"""A saved view handed round as a file (issue 35, point 5): written and read back whole, checked
when read, and fitted to an account of another dialect with what it lacks named."""

from __future__ import annotations

from pathlib import Path

import pytest

from contact_desk.accounts import View, ViewError
from contact_desk.accounts.view_files import fit, read_view, write_view
from contact_desk.api.dialect import Condition, Query
from contact_desk.api.schema import SCHEMAS

LEADS = View.of("Leads to call this week", Query(stage="lead", search="ros",
                                                  where=(Condition("tags", "has", "vip"),
                                                         Condition("createdAt", "from", "2026-11-30"))),
                ("lastName", False), ["email", "lastName", "stage"])


def test_a_view_file_round_trips_and_fits_its_own_dialect_whole(tmp_path: Path) -> None:
    path = tmp_path / "leads.cdview"
    write_view(path, LEADS, "smartcq")
    view, dialect = read_view(path)
    assert (view, dialect) == (LEADS, "smartcq")
    fitted = fit(view, SCHEMAS["smartcq"])
    assert fitted.view == LEADS and fitted.left_out == []


def test_on_another_dialect_what_it_lacks_is_left_out_and_named(tmp_path: Path) -> None:
    fitted = fit(LEADS, SCHEMAS["replicer"])
    assert set(fitted.left_out) == {"stage", "tags"}
    assert fitted.view.stage is None and fitted.view.where == [("createdAt", "from", "2026-11-30")]
    assert fitted.view.columns == ["email", "lastName"] and fitted.view.sort == "lastName"
    assert fitted.view.search == "ros"


@pytest.mark.parametrize("content", [b"", b"{}", b"not json", b'{"kind": "other", "version": 1, '
                                     b'"dialect": "smartcq", "view": {"name": "x"}}', b"x" * 70_000])
def test_what_is_not_a_view_file_is_said(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "odd.cdview"
    path.write_bytes(content)
    with pytest.raises(ViewError):
        read_view(path)
    with pytest.raises(ViewError, match="cannot be read"):
        read_view(tmp_path / "missing.cdview")

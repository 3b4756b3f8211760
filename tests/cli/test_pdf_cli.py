"""``contact-desk export --format pdf --style …`` (issue 35, point 1): the printed lists from the
command line, through Qt loaded for them alone, offscreen."""

from __future__ import annotations

import io
from pathlib import Path

import httpx
from pypdf import PdfReader

from contact_desk.sandbox import Sandbox
from tests.cli_support import Cli


def test_export_a_phone_list_and_labels_as_pdf(cli: Cli, sandbox: Sandbox, tmp_path: Path) -> None:
    assert cli.add("rep", "rpl_test_demo").returncode == 0
    with httpx.Client(base_url=sandbox.base_url, headers={"Authorization": "Bearer rpl_test_demo"}) as c:
        c.post("/v1/contacts", json={"firstName": "Stampato", "lastName": "Dallariga",
                                     "phoneNumber": "+393471360743", "city": "Lucca"}).raise_for_status()
    out = tmp_path / "lista.pdf"
    r = cli("export", "--account", "rep", "--format", "pdf", "--output", str(out), "--search", "Dallariga")
    assert r.returncode == 0, r.stderr
    pages = PdfReader(io.BytesIO(out.read_bytes())).pages
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in pages)
    assert "Stampato Dallariga" in text and "+39 347 136 0743" in text and "Page 1 of 1" in text
    labels = tmp_path / "etichette.pdf"
    r = cli("export", "--account", "rep", "--format", "pdf", "--style", "labels", "--output", str(labels),
            "--search", "Dallariga")
    assert r.returncode == 0 and "Lucca" in PdfReader(io.BytesIO(labels.read_bytes())).pages[0].extract_text()
    r = cli("export", "--account", "rep", "--format", "pdf")
    assert r.returncode == 2 and "--output FILE.pdf" in r.stderr

"""``contact-desk import`` over real HTTP: peers' files in, nothing twice, a report out."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

from contact_desk.api import Query
from contact_desk.api.models import Contact
from contact_desk.sandbox import Faults, Sandbox
from tests.api.helpers import run_with
from tests.cli_support import Cli
from tests.transfer.samples import (
    GOOGLE,
    ITALIAN,
    OUTLOOK,
    THUNDERBIRD,
    phone_vcards,
    tag,
    write_csv,
    write_xlsx,
)


def found(sandbox: Sandbox, dialect: str, text: str) -> list[Contact]:
    """Contacts whose email contains ``text`` (Replicer: by its search; SmartCQ: a walk)."""
    async def look(api: object) -> list[Contact]:
        from tests.api.listing import iter_all

        if dialect == "replicer":
            return [c async for c in iter_all(api, Query(search=text))  # type: ignore[arg-type]
                    if text in (c.email or "")]
        return [c async for c in iter_all(api, Query(include_archived=True))  # type: ignore[arg-type]
                if text in (c.email or "")]
    return run_with(sandbox, dialect, look)


def report_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def add(cli: Cli, name: str, key: str, dialect: str) -> None:
    assert cli.add(name, key, "--dialect", dialect).returncode == 0


def test_a_google_csv_imports_once_and_again_creates_nothing(cli: Cli, sandbox: Sandbox,
                                                             tmp_path: Path) -> None:
    add(cli, "rep", "rpl_test_demo", "replicer")
    t = tag()
    rows = [{"First Name": f"Giulia{i}", "Last Name": "Neri", "E-mail 1 - Value": f"g{i}.{t}@example.it",
             "Phone 1 - Value": f"+39 333 555 {1000 + i}", "Organization Name": "Neri SpA",
             "Address 1 - City": "Torino", "Address 1 - Country": "Italy", "Labels": "* myContacts ::: vip"}
            for i in range(12)]
    path = write_csv(tmp_path / "google.csv", GOOGLE, rows)
    report = tmp_path / "report.csv"
    r = cli("import", str(path), "--account", "rep", "--report", str(report))
    assert r.returncode == 0, r.stderr
    assert "Created 12" in r.stderr and "E-mail 1 - Value → email" in r.stderr
    made = found(sandbox, "replicer", t)
    assert len(made) == 12
    giulia = next(c for c in made if c.email == f"g3.{t}@example.it")
    assert giulia.phone_number == "+393335551003" and giulia.country == "IT"  # type: ignore[union-attr]
    lines = report_rows(report)
    assert [line["outcome"] for line in lines] == ["created"] * 12
    assert lines[0]["row"] == "1" and lines[0]["id"] and set(lines[0]) == {"row", "outcome", "id", "reason",
                                                                            "requestId"}
    again = cli("import", str(path), "--account", "rep", "--report", str(report))
    assert again.returncode == 0 and "Created 0" in again.stderr and "already there 12" in again.stderr
    assert len(found(sandbox, "replicer", t)) == 12
    rows[3]["Organization Name"] = "Neri & Figli"
    write_csv(path, GOOGLE, rows)
    sandbox.clear_requests()
    upd = cli("import", str(path), "--account", "rep", "--on-existing", "update", "--report", str(report))
    assert upd.returncode == 0 and "updated 1" in upd.stderr
    patches = [q for q in sandbox.requests() if q.method == "PATCH"]
    assert len(patches) == 1 and json.loads(patches[0].body) == {"company": "Neri & Figli"}


def test_outlook_utf16_and_italian_cp1252_files_are_read_and_normalised(cli: Cli, sandbox: Sandbox,
                                                                       tmp_path: Path) -> None:
    add(cli, "rep", "rpl_test_demo", "replicer")
    t = tag()
    outlook = write_csv(tmp_path / "outlook.txt", OUTLOOK, [
        {"First Name": "Zoë", "Last Name": "Müller", "Company": "Café Ünïcode",
         "Mobile Phone": "333 123 4567", "E-mail Address": f"zoe.{t}@example.de", "Business City": "Köln",
         "Job Title": "Geschäftsführerin"},
    ], encoding="utf-16", delimiter="\t")
    r = cli("import", str(outlook), "--account", "rep", "--country", "IT")
    assert r.returncode == 0, r.stderr
    assert "UTF-16, tab-separated" in r.stderr
    zoe = found(sandbox, "replicer", t)[0]
    assert (zoe.first_name, zoe.last_name, zoe.company, zoe.city) == ("Zoë", "Müller", "Café Ünïcode", "Köln")
    assert zoe.phone_number == "+393331234567"  # type: ignore[union-attr]
    italian = write_csv(tmp_path / "rubrica.csv", ITALIAN, [
        {"Nome": "Niccolò", "Cognome": "Ferrè", "Email": f"nicco.{t}@example.it", "Città": "Forlì",
         "Data di nascita": "15/03/1990", "Telefono": "0039 02 1234567", "Note": "riga con\nun a capo"},
    ], encoding="cp1252", delimiter=";")
    r = cli("import", str(italian), "--account", "rep")
    assert r.returncode == 0, r.stderr
    assert "CP1252" in r.stderr or "WINDOWS-1252" in r.stderr.upper() or "1252" in r.stderr
    nicco = next(c for c in found(sandbox, "replicer", t) if c.email and c.email.startswith("nicco"))
    assert (nicco.first_name, nicco.last_name, nicco.city) == ("Niccolò", "Ferrè", "Forlì")
    assert nicco.birthday.startswith("1990-03-15")  # type: ignore[union-attr]
    assert nicco.notes == "riga con\nun a capo"  # type: ignore[union-attr]


def test_thunderbirds_split_birthday_becomes_one_date(cli: Cli, sandbox: Sandbox, tmp_path: Path) -> None:
    add(cli, "rep", "rpl_test_demo", "replicer")
    t = tag()
    path = write_csv(tmp_path / "thunderbird.csv", THUNDERBIRD, [
        {"First Name": "Anna", "Primary Email": f"anna.{t}@example.com", "Birth Year": "1985",
         "Birth Month": "7", "Birth Day": "4"},
        {"First Name": "Bruno", "Primary Email": f"bruno.{t}@example.com", "Birth Month": "12",
         "Birth Day": "25"},  # no year: not a date the API takes; the contact still comes in
    ])
    r = cli("import", str(path), "--account", "rep")
    assert r.returncode == 0, r.stderr
    assert "Birthday → birthday" in r.stderr
    people = {c.first_name: c for c in found(sandbox, "replicer", t)}
    assert people["Anna"].birthday.startswith("1985-07-04")  # type: ignore[union-attr]
    assert people["Bruno"].birthday is None  # type: ignore[union-attr]


def test_invalid_rows_and_duplicates_are_reported_and_the_rest_done(cli: Cli, sandbox: Sandbox,
                                                                    tmp_path: Path) -> None:
    add(cli, "shop", "demo-smartcq", "smartcq")
    t = tag()
    path = write_csv(tmp_path / "thunderbird.csv", THUNDERBIRD, [
        {"First Name": "Ok", "Primary Email": f"ok.{t}@example.com"},
        {"First Name": "Bad", "Primary Email": "not-an-email"},
        {"First Name": "Again", "Primary Email": f"OK.{t}@example.com"},
        {"First Name": "Nobody"},
    ], bom=True)
    report = tmp_path / "r.csv"
    r = cli("import", str(path), "--account", "shop", "--report", str(report))
    assert r.returncode == 9, r.stderr
    outcomes = {line["row"]: (line["outcome"], line["reason"]) for line in report_rows(report)}
    assert outcomes["1"][0] == "created"
    assert outcomes["2"] == ("invalid", "email: not a valid email address")
    # repeated is its own outcome, as the preview counts it (issue 34, point 9)
    assert outcomes["3"][0] == "repeated" and "the same email as row 1" in outcomes["3"][1]
    assert outcomes["4"][0] == "invalid" and "email: required" in outcomes["4"][1]
    assert "repeated in the file 1, invalid 2," in r.stderr
    assert len(found(sandbox, "smartcq", t)) == 1


def test_unknown_smartcq_tags_fail_when_asked_with_the_servers_reason(cli: Cli, sandbox: Sandbox,
                                                                      tmp_path: Path) -> None:
    add(cli, "shop", "demo-smartcq", "smartcq")
    t = tag()
    path = write_xlsx(tmp_path / "lista.xlsx", ["Email", "Nome", "Cognome", "Tag"], [
        [f"a.{t}@example.com", "Anna", "Alti", "vip, milano"],
        [f"b.{t}@example.com", "Bruno", "Bassi", "non-esiste-{t}"],
    ])
    report = tmp_path / "r.csv"
    r = cli("import", str(path), "--account", "shop", "--report", str(report), "--unknown-tags", "fail")
    assert r.returncode == 9, r.stderr
    assert "Excel (Contatti)" in r.stderr
    lines = report_rows(report)
    assert lines[0]["outcome"] == "created"
    assert lines[1]["outcome"] == "failed" and lines[1]["requestId"] and "non-esiste" in lines[1]["reason"]
    anna = found(sandbox, "smartcq", f"a.{t}")[0]
    assert sorted(anna.tags) == ["milano", "vip"]  # type: ignore[union-attr]


def test_a_429_storm_and_dropped_connections_create_nothing_twice(cli: Cli, faulty: Sandbox,
                                                                  tmp_path: Path) -> None:
    add(cli, "rep", "rpl_test_demo", "replicer")
    t = tag()
    rows = [{"Nome": f"N{i}", "Cognome": "Storm", "Email": f"s{i}.{t}@example.net"} for i in range(40)]
    path = write_csv(tmp_path / "storm.csv", ITALIAN, rows)
    faulty.faults = Faults(rate_429=0.3, drop=0.1, retry_after=0)
    r = cli("import", str(path), "--account", "rep")
    faulty.faults = Faults()
    made = found(faulty, "replicer", t)
    emails = sorted(c.email or "" for c in made)
    assert emails == sorted(set(emails))  # never twice
    if r.returncode == 0:
        assert len(made) == 40
    else:  # a row that could not be settled is said, with its reason, never guessed
        assert r.returncode == 9 and "failed:" in r.stderr and len(made) >= 39
    assert any(q.status == 429 for q in faulty.requests())


def test_vcards_from_phones_import(cli: Cli, sandbox: Sandbox, tmp_path: Path) -> None:
    add(cli, "rep", "rpl_test_demo", "replicer")
    t = tag()
    path = tmp_path / "contacts.vcf"
    path.write_text(phone_vcards(t), encoding="utf-8")
    r = cli("import", str(path), "--account", "rep")
    assert r.returncode == 0, r.stderr
    made = {c.email: c for c in found(sandbox, "replicer", t)}
    mario = made[f"mario.{t}@example.it"]
    assert mario.phone_number == "+393331112222" and mario.company == "Rossi S.r.l."  # type: ignore[union-attr]
    assert mario.notes == "Cliente dal 2019 — puntuale"  # type: ignore[union-attr]
    anna = made[f"anna.{t}@example.org"]  # the preferred of two emails
    assert (anna.city, anna.country, anna.postal_code) == ("Milano", "IT", "20100")  # type: ignore[union-attr]
    luca = made[f"luca.{t}@example.com"]
    assert luca.phone_number == "+393357654321"  # type: ignore[union-attr]
    long = "a very long note that is folded because it is longer than seventy-five characters in total"
    assert luca.notes == long  # type: ignore[union-attr]


def test_dry_run_sends_nothing(cli: Cli, sandbox: Sandbox, tmp_path: Path) -> None:
    add(cli, "rep", "rpl_test_demo", "replicer")
    path = write_csv(tmp_path / "x.csv", ITALIAN, [{"Nome": "Dry", "Email": f"dry.{tag()}@example.it"}])
    sandbox.clear_requests()
    r = cli("import", str(path), "--account", "rep", "--dry-run")
    assert r.returncode == 0 and "nothing was created or changed" in r.stderr
    assert not [q for q in sandbox.requests() if q.method in ("POST", "PATCH")]


def test_a_mapping_file_decides_and_bad_ones_are_refused(cli: Cli, sandbox: Sandbox, tmp_path: Path) -> None:
    add(cli, "rep", "rpl_test_demo", "replicer")
    t = tag()
    path = write_csv(tmp_path / "odd.csv", ["Chi", "Posta", "Ignora"],
                     [{"Chi": "Mappa", "Posta": f"map.{t}@example.it", "Ignora": "x"}])
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"Chi": "firstName", "Posta": "email", "Ignora": None}))
    r = cli("import", str(path), "--account", "rep", "--mapping", str(mapping))
    assert r.returncode == 0, r.stderr
    assert found(sandbox, "replicer", t)[0].first_name == "Mappa"
    mapping.write_text(json.dumps({"Chi": "stage"}))
    r = cli("import", str(path), "--account", "rep", "--mapping", str(mapping))
    assert r.returncode == 2 and "'stage' is not a field" in r.stderr
    r = cli("import", str(tmp_path / "missing.csv"), "--account", "rep")
    assert r.returncode == 2 and "Cannot read" in r.stderr


def test_a_key_revoked_mid_import_stops_it_and_says_so_once(tmp_path: Path) -> None:
    """The key revoked after 20 rows: no more rows are sent than were under way, the rest are
    reported as not sent because the key was refused, the set-key advice is said once, exit 3."""
    import threading
    import time

    with Sandbox(contacts=10, seed=11, faults=Faults(latency_ms=15)) as own:
        cli = Cli(tmp_path / "config", own.base_url, real_keyring=False)
        add(cli, "shop", "demo-smartcq", "smartcq")
        rows = [[f"Nome{i}", "Revocato", f"revoked{i}@example.com"] for i in range(120)]
        path = tmp_path / "rows.csv"
        lines = ["Nome,Cognome,Email", *(",".join(r) for r in rows)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        own.clear_requests()
        sent_before: list[int] = []

        def revoke_after_20() -> None:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                posts = sum(q.method == "POST" for q in own.requests())
                if posts >= 20:
                    own.revoke("demo-smartcq")
                    # counted once the key is refused: rows sent while revoke() ran were accepted
                    sent_before.append(sum(q.method == "POST" for q in own.requests()))
                    return
                time.sleep(0.005)

        watcher = threading.Thread(target=revoke_after_20)
        watcher.start()
        report = tmp_path / "report.csv"
        r = cli("import", str(path), "--account", "shop", "--report", str(report))
        watcher.join()
        posts = sum(q.method == "POST" for q in own.requests())
        assert r.returncode == 3, r.stderr
        assert posts - sent_before[0] <= 6  # refused: only those under way when it was (6 at a time)
        assert r.stderr.count("accounts set-key") == 1
        outcomes = [x["reason"] for x in report_rows(report)]
        not_sent = outcomes.count("not sent: the server refused the account's key")
        assert not_sent >= 120 - posts and "The import stopped" in r.stderr


def test_importing_an_apple_vcard_again_creates_nothing_whatever_its_letters(cli: Cli, sandbox: Sandbox,
                                                                           tmp_path: Path) -> None:
    """Issue 34, point 14: the second import of Apple's UTF-16 vCard created "Ǽgean ĽdaMonté" again:
    the search was sent folded ("ǽgean ľdamonté"), which a server folding only ASCII never finds."""
    add(cli, "rep", "rpl_test_demo", "replicer")
    t = tag()
    path = tmp_path / "apple.vcf"
    card = (f"BEGIN:VCARD\r\nVERSION:3.0\r\nN:ĽdaMonté{t};Ǽgean;;;\r\nFN:Ǽgean ĽdaMonté{t}\r\n"
            "ORG:Égée SA;\r\nEND:VCARD\r\n")
    path.write_bytes(unicodedata.normalize("NFD", card).encode("utf-16"))  # Apple writes letters decomposed
    first = cli("import", str(path), "--account", "rep")
    assert first.returncode == 0 and "Created 1" in first.stderr, first.stderr
    again = cli("import", str(path), "--account", "rep")
    assert again.returncode == 0, again.stderr
    assert "Created 0" in again.stderr and "already there 1" in again.stderr, again.stderr

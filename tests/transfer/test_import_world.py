"""``contact-desk import`` over real HTTP with files as real programs write them, tags the
account lacks, lost answers and hostile paths: what reaches the server, what the user reads."""

from __future__ import annotations

import time
from pathlib import Path

from contact_desk.api.models import Contact, epoch
from contact_desk.sandbox import Faults, Sandbox
from tests.cli_support import Cli
from tests.transfer import realworld as rw
from tests.transfer.samples import tag
from tests.transfer.test_import_cli import add, found, report_rows


def test_real_programs_vcards_all_arrive_with_their_letters(cli: Cli, sandbox: Sandbox,
                                                            tmp_path: Path) -> None:
    add(cli, "rep", "rpl_test_demo", "replicer")
    t = tag()
    for name, data in (("android.vcf", rw.android_21(t)), ("apple.vcf", rw.apple_utf16be(t)),
                       ("bat.vcf", rw.the_bat(t)), ("notes.vcf", rw.lotus_notes(t)),
                       ("outlook.vcf", rw.outlook_2003(t)), ("gmail.vcf", rw.gmail_30(t))):
        r = cli("import", str(rw.write(tmp_path / name, data)), "--account", "rep")
        assert r.returncode == 0, (name, r.stderr)
        assert "Created" in r.stderr and "invalid 0" in r.stderr and "failed 0" in r.stderr, r.stderr
    made = {c.email: c for c in found(sandbox, "replicer", t)}
    assert len(made) == 6 + 2 + 1 + 1 + 1 + 1
    lucia = made[f"lucia.{t}@example.it"]
    assert (lucia.last_name, lucia.company) == ("Nicolò", "Pasticceria Caffè del Corso")  # type: ignore[attr-defined]
    assert made[f"carla.{t}@example.it"].phone_number == "+390255500003"  # type: ignore[attr-defined]
    jose = made[f"jose.{t}@example.es"]
    assert (jose.first_name, jose.last_name) == ("José", "Nuñez")
    juergen = made[f"juergen.{t}@example.de"]
    assert (juergen.last_name, juergen.country, juergen.website) == (  # type: ignore[attr-defined]
        "Müller", "DE", "http://www.example.de")
    nora = made[f"nora.{t}@example.com"]
    assert nora.country == "US" and nora.birthday is None  # type: ignore[attr-defined]
    assert made[f"ilaria.{t}@example.it"].notes.startswith(  # type: ignore[attr-defined]
        "Cliente dal 2001.\nChiamare il martedì, non il lunedì.")


def test_a_mixed_encoding_csv_never_sends_mojibake(cli: Cli, sandbox: Sandbox, tmp_path: Path) -> None:
    add(cli, "rep", "rpl_test_demo", "replicer")
    t = tag()
    data = (rw.csv_bytes(["Nome", "Cognome", "Email"], [["Nicolò", "Uno", f"n1.{t}@example.it"]])
            + f"Nicolò,Due,n2.{t}@example.it\r\n".encode("cp1252")
            + f"Zoë,Tre,n3.{t}@example.it\r\n".encode())
    report = tmp_path / "r.csv"
    path = rw.write(tmp_path / "mixed.csv", data)
    r = cli("import", str(path), "--account", "rep", "--report", str(report))
    assert r.returncode == 0, r.stderr
    names = sorted(c.first_name or "" for c in found(sandbox, "replicer", t))
    assert names == ["Nicolò", "Nicolò", "Zoë"]
    assert "not in UTF-8" in report_rows(report)[1]["reason"]


def test_tags_the_account_lacks_cost_the_tag_not_the_contact(cli: Cli, sandbox: Sandbox,
                                                             tmp_path: Path) -> None:
    add(cli, "shop", "demo-smartcq", "smartcq")
    t = tag()
    header = ["Given Name", "Family Name", "E-mail 1 - Value", "Group Membership"]
    path = rw.write(tmp_path / "google.csv", rw.csv_bytes(header, [
        ["Anna", "Alti", f"a.{t}@example.com", "* myContacts ::: vip ::: Clienti-" + t],
        ["Bruno", "Bassi", f"b.{t}@example.com", "* starred ::: milano"]]))
    report = tmp_path / "r.csv"
    r = cli("import", str(path), "--account", "shop", "--report", str(report))
    assert r.returncode == 0, r.stderr
    lines = report_rows(report)
    assert [x["outcome"] for x in lines] == ["created", "created"]
    assert f"the tags the account lacks: Clienti-{t}" in lines[0]["reason"]
    assert sorted(found(sandbox, "smartcq", f"a.{t}")[0].tags) == ["vip"]  # type: ignore[union-attr]
    assert found(sandbox, "smartcq", f"b.{t}")[0].tags == ["milano"]  # type: ignore[union-attr]
    # The strict way, as before: the row fails with the server's reason and request id.
    strict = rw.write(tmp_path / "strict.csv", rw.csv_bytes(header, [["Carla", "C", f"c.{t}@example.com",
                                                                      "nope-" + t]]))
    r = cli("import", str(strict), "--account", "shop", "--unknown-tags", "fail", "--report", str(report))
    assert r.returncode == 9  # some rows not imported, the rest done
    assert report_rows(report)[0]["outcome"] == "failed" and report_rows(report)[0]["requestId"]
    assert found(sandbox, "smartcq", f"c.{t}") == []


def past_their_creation(contacts: list[Contact], margin: float = 2.0) -> None:
    """Waits until our clock is ``margin`` seconds past the newest of ``contacts``' creation (the
    sandbox's clock is ours): a later try, which reads the server's clock to the second, cannot
    take them for contacts it made itself. Polls; never longer than that."""
    newest = max(epoch(c.created_at) or 0.0 for c in contacts)
    deadline = time.monotonic() + 10
    while time.time() < newest + margin:
        assert time.monotonic() < deadline, "the creation time is in the future"
        time.sleep(0.02)


def test_lost_answers_never_turn_an_existing_contact_into_created(cli: Cli, faulty: Sandbox,
                                                                   tmp_path: Path) -> None:
    add(cli, "shop", "demo-smartcq", "smartcq")
    t = tag()
    rows = [[f"Nome{i}", "Vecchio", f"lost{i}.{t}@example.com"] for i in range(60)]
    path = rw.write(tmp_path / "a.csv", rw.csv_bytes(["Nome", "Cognome", "Email"], rows))
    assert cli("import", str(path), "--account", "shop").returncode == 0
    past_their_creation(found(faulty, "smartcq", t))  # a person starts the next import later
    faulty.faults = Faults(drop=0.3)
    report = tmp_path / "r.csv"
    r = cli("import", str(path), "--account", "shop", "--report", str(report))
    outcomes = [x["outcome"] for x in report_rows(report)]
    assert "created" not in outcomes, r.stderr
    assert any(q.method == "POST" for q in faulty.requests())
    renamed = rw.write(tmp_path / "b.csv", rw.csv_bytes(["Nome", "Cognome", "Email"],
                                                        [[n, "Nuovo", e] for n, _, e in rows]))
    r = cli("import", str(renamed), "--account", "shop", "--on-existing", "update", "--report", str(report))
    faulty.faults = Faults()
    outcomes = [x["outcome"] for x in report_rows(report)]
    assert "created" not in outcomes, r.stderr
    kept = found(faulty, "smartcq", t)
    assert len(kept) == 60
    # A row tried again after a lost answer may find its change made ("existing", same values);
    # a change whose every answer was lost is reported failed, though it may have been made.
    done, failed = outcomes.count("updated") + outcomes.count("existing"), outcomes.count("failed")
    assert done <= sum(1 for c in kept if c.last_name == "Nuovo") <= done + failed
    assert done + failed == 60 and done >= 50


def test_create_of_an_existing_email_after_a_lost_answer_is_exit_7(cli: Cli, faulty: Sandbox) -> None:
    add(cli, "shop", "demo-smartcq", "smartcq")
    t = tag()
    email = f"mine.{t}@example.com"
    assert cli("create", "--account", "shop", "--field", f"email={email}", "--field",
               "firstName=Prima").returncode == 0
    past_their_creation(found(faulty, "smartcq", email))
    faulty.clear_requests()
    faulty.inject("drop")  # the first try is carried out (a 409) and its answer lost
    r = cli("create", "--account", "shop", "--field", f"email={email}", "--field", "firstName=Prima")
    assert r.returncode == 7, r.stderr
    posts = [q for q in faulty.requests() if q.method == "POST"]
    assert len(posts) == 2  # the lost one and the try that heard the 409
    faulty.inject("drop")
    r = cli("create", "--account", "shop", "--field", f"email={email}", "--field", "firstName=Altro")
    assert r.returncode == 7, r.stderr


def test_a_report_that_is_the_imported_file_is_refused(cli: Cli, sandbox: Sandbox, tmp_path: Path) -> None:
    add(cli, "rep", "rpl_test_demo", "replicer")
    path = rw.write(tmp_path / "x.csv", rw.csv_bytes(["Nome", "Email"], [["A", f"a.{tag()}@example.it"]]))
    before = path.read_bytes()
    link = tmp_path / "link.csv"
    link.symlink_to(path)
    for target in (path, link):
        r = cli("import", str(path), "--account", "rep", "--report", str(target))
        assert r.returncode == 2 and "is the file being imported" in r.stderr
    assert path.read_bytes() == before


def test_nothing_a_file_says_reaches_the_terminal_raw(cli: Cli, sandbox: Sandbox, tmp_path: Path) -> None:
    add(cli, "rep", "rpl_test_demo", "replicer")
    evil = rw.write(tmp_path / "evil.csv", rw.csv_bytes(["Nome\x1b]0;pwned\x07", "Email"],
                                                        [["A", f"a.{tag()}@example.it"]]))
    r = cli("import", str(evil), "--account", "rep", "--dry-run")
    png = rw.write(tmp_path / "photo.vcf", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8)
    r2 = cli("import", str(png), "--account", "rep", "--dry-run")
    for out in (r.stderr, r2.stderr):
        assert not any(ch in out for ch in "\x1b\x07\x00\x89"), out
    assert r2.returncode == 2 and "not a CSV, Excel or vCard file" in r2.stderr


def test_an_email_column_past_the_500th_is_explained(cli: Cli, sandbox: Sandbox, tmp_path: Path) -> None:
    add(cli, "rep", "rpl_test_demo", "replicer")
    header = [f"c{i}" for i in range(600)]
    header[550] = "email"
    row = ["x"] * 550 + ["a@example.it"] + ["x"] * 49
    path = rw.write(tmp_path / "wide.csv", rw.csv_bytes(header, [row]))
    r = cli("import", str(path), "--account", "rep", "--dry-run")
    assert r.returncode == 2
    assert "The file has 600 columns: only the first 500 are read" in r.stderr
    assert "No column of the file matches a field" in r.stderr


def test_without_a_copy_the_preview_asks_the_server_which_rows_are_there(cli: Cli, sandbox: Sandbox,
                                                                          tmp_path: Path) -> None:
    add(cli, "rep", "rpl_test_demo", "replicer")
    t = tag()
    first = rw.write(tmp_path / "a.csv", rw.csv_bytes(["Nome", "Email"], [["Uno", f"uno.{t}@example.it"]]))
    assert cli("import", str(first), "--account", "rep").returncode == 0
    both = rw.write(tmp_path / "b.csv", rw.csv_bytes(["Nome", "Email"], [["Uno", f"uno.{t}@example.it"],
                                                                         ["Due", f"due.{t}@example.it"]]))
    r = cli("import", str(both), "--account", "rep", "--dry-run")
    assert r.returncode == 0, r.stderr
    assert "1 already there" in r.stderr and "2 rows looked up on the server" in r.stderr
    assert found(sandbox, "replicer", f"due.{t}") == []  # a dry run creates nothing

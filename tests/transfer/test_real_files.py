"""The importer on files laid out as real programs write them (our own generators,
tests/transfer/realworld.py): every contact read, the quirks put right, notes where
something was left out. Each of these read a whole file as refused, or values wrong, before."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from contact_desk.api.schema import REPLICER, SMARTCQ
from contact_desk.transfer.importing import INVALID_ROW, RowResult
from contact_desk.transfer.mapping import guess
from contact_desk.transfer.preview import CHECK, INVALID, NORMALISED, THERE, Prepared, prepare
from contact_desk.transfer.readers import FileUnreadable, Table, read
from contact_desk.transfer.report import write_failed_rows
from tests.transfer import realworld as rw


def rows_of(table: Table) -> list[dict[str, str]]:
    return [dict(zip(table.columns, r, strict=True)) for r in table.rows]


def prepared(table: Table, schema: object = REPLICER, **kw: object) -> list[Prepared]:
    return prepare(table, guess(table.columns, schema, table.rows), schema, **kw)  # type: ignore[arg-type]


def notes(p: Prepared) -> str:
    return "; ".join(str(n) for n in p.notes)


def test_android_21_every_card_but_none_lost_to_one_bad_photo(tmp_path: Path) -> None:
    table = read(rw.write(tmp_path / "android.vcf", rw.android_21("t1")))
    rows = rows_of(table)
    assert [r["lastName"] for r in rows] == ["Rossi", "Nicolò", "Bruni", "Conti", "Esposito", "Ferri"]
    lucia = rows[1]
    assert lucia["company"] == "Pasticceria Caffè del Corso"  # the soft line break joined, not cut
    assert lucia["notes"] == "Prima riga\nseconda riga lunga che va a capo due volte e finisce quì"
    assert rows[2]["phoneNumber"] == "02 5550 0003"  # after the photo that cannot be decoded
    assert rows[4]["company"] == "Esposito Srl" and rows[5]["birthday"] == "1980-05-06"
    assert rows[3]["jobTitle"] == "Agente"
    assert "contact 4: a line could not be read (THIS LINE HAS NO COLON" in str(table.notes[4][0])
    checked = prepared(table)
    assert [p.status for p in checked].count(INVALID) == 0
    assert checked[3].status == NORMALISED and "imported without it" in notes(checked[3])


def test_lotus_notes_profile_line_is_ignored(tmp_path: Path) -> None:
    rows = rows_of(read(rw.write(tmp_path / "notes.vcf", rw.lotus_notes("t2"))))
    assert rows == [{**rows[0], "firstName": "Gino", "lastName": "Galli", "company": "Galli & Co.",
                     "email": "gino.t2@example.com", "phoneNumber": "+39 06 5550 0007"}]


def test_outlook_2003_soft_broken_note_in_windows_1252(tmp_path: Path) -> None:
    row = rows_of(read(rw.write(tmp_path / "outlook.vcf", rw.outlook_2003("t3"))))[0]
    assert row["notes"].startswith("Cliente dal 2001.\nChiamare il martedì, non il lunedì.")
    assert (row["firstName"], row["lastName"]) == ("Ilaria", "Marchetti")
    assert (row["city"], row["country"]) == ("Milano", "Italia")


def test_the_bat_8bit_quoted_printable_without_charset(tmp_path: Path) -> None:
    row = rows_of(read(rw.write(tmp_path / "bat.vcf", rw.the_bat("t4"))))[0]
    assert (row["firstName"], row["lastName"], row["email"]) == ("José", "Nuñez", "jose.t4@example.es")


def test_apple_utf16_big_endian_without_bom(tmp_path: Path) -> None:
    table = read(rw.write(tmp_path / "apple.vcf", rw.apple_utf16be("t5")))
    person, company = rows_of(table)
    assert (person["firstName"], person["lastName"], person["company"]) == ("Jürgen", "Müller", "Müller GmbH")
    assert (person["street"], person["city"]) == ("Königstraße 1", "Stuttgart")
    assert person["country"] == "Deutschland"
    assert person["website"] == "http://www.example.de"
    assert (company["firstName"], company["lastName"], company["company"]) == ("", "", "Apple Store Roma")
    checked = prepared(table)
    assert checked[0].values["country"] == "DE" and checked[0].values["website"] == "http://www.example.de"


def test_vcard_30_escapes_birthday_without_year_and_country_names(tmp_path: Path) -> None:
    table = read(rw.write(tmp_path / "gmail.vcf", rw.gmail_30("t6")))
    row = rows_of(table)[0]
    assert row["notes"] == "uno, due; tre\nquattro" and row["street"] == "1 Main St, Suite 5"
    assert row["website"] == "http://www.example.com/nora"
    p = prepared(table)[0]
    assert p.status == NORMALISED and "birthday" not in p.values
    assert "birthday without a year: left empty" in notes(p) and p.values["country"] == "US"


@pytest.mark.parametrize(("name", "code"), [
    ("U.S.A.", "US"), ("USA", "US"), ("Canada", "CA"), ("Cayman Islands", "KY"), ("Turchia", "TR"),
    ("Deutschland", "DE"), ("Royaume-Uni", "GB"), ("Österreich", "AT"), ("the Netherlands", "NL"),
    ("Suomi", "FI"), ("Brasil", "BR")])
def test_countries_by_name_in_any_language(tmp_path: Path, name: str, code: str) -> None:
    path = rw.write(tmp_path / "c.csv", rw.csv_bytes(["Nome", "Paese"], [["Anna", name]]))
    assert prepared(read(path))[0].values["country"] == code


def test_a_made_up_country_is_still_refused(tmp_path: Path) -> None:
    path = rw.write(tmp_path / "c.csv", rw.csv_bytes(["Nome", "Paese"], [["Anna", "Atlantide"]]))
    p = prepared(read(path))[0]
    assert p.status == INVALID and "country code" in notes(p)


def test_outlook_exchange_addresses_empty_birthday_and_failed_rows_kept_as_written(tmp_path: Path) -> None:
    source = rw.write(tmp_path / "outlook.csv", rw.outlook_exchange("t7"))
    table = read(source)
    assert (table.delimiter, table.encoding) == (";", "cp1252")
    checked = prepared(table, SMARTCQ)
    sofia, tommaso, ugo, valeria = checked
    assert sofia.values["email"] == "sofia.t7@example.it" and "Exchange address" in notes(sofia)
    replicer = prepared(table, REPLICER)
    assert "0/0/00" in notes(replicer[0]) and "birthday" not in replicer[0].values
    assert replicer[1].values["birthday"] == "1990-03-15" and replicer[1].values["country"] == "TR"
    assert replicer[0].values["country"] == "GB" and replicer[2].values["country"] == "KY"
    assert tommaso.values["email"] == "tommaso.t7@example.it"
    assert ugo.status == INVALID and "email: required" in notes(ugo)  # no SMTP address anywhere
    assert valeria.status == INVALID
    results = [RowResult(p.row, INVALID_ROW if p.status == INVALID else "created", reasons=tuple(p.notes))
               for p in checked]
    failed = tmp_path / "failed.csv"
    assert write_failed_rows(failed, table, results) == 2
    raw = failed.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("cp1252")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][-1] == "reason" and [r[0] for r in rows[1:]] == ["Ugo", "Valeria"]


def test_google_multi_values_take_the_first_and_note_the_rest(tmp_path: Path) -> None:
    header = ["Given Name", "Family Name", "E-mail 1 - Value", "Phone 1 - Value", "Group Membership"]
    path = rw.write(tmp_path / "google.csv", rw.csv_bytes(header, [
        ["Pia", "Rota", "pia@example.it ::: pia.rota@example.com", "347 555 0202 ::: +39 02 5550203",
         "* myContacts ::: Clienti ::: * starred"]]))
    p = prepared(read(path), SMARTCQ, known_tags=set(), unknown_tags="drop")[0]
    assert p.values["email"] == "pia@example.it" and "pia.rota@example.com" in notes(p)
    replicer = prepared(read(path), REPLICER)[0]
    assert replicer.values["phoneNumber"] == "+393475550202" and "+39 02 5550203" in notes(replicer)
    assert "tags" not in p.values and "the tags the account lacks: Clienti" in notes(p)
    strict = prepared(read(path), SMARTCQ, known_tags=set(), unknown_tags="fail")[0]
    assert strict.status == CHECK and strict.values["tags"] == ["Clienti"]  # never the system groups


def test_a_utf8_file_with_some_windows_1252_lines_is_decoded_line_by_line(tmp_path: Path) -> None:
    data = (rw.csv_bytes(["Nome", "Cognome", "Email"], [["Nicolò", "Bianchi", "n1@example.it"]])
            + "Nicolò;x,Verdi,n2@example.it\r\n".replace(";x", "").encode("cp1252")
            + "Zoë,Gallo,n3@example.it\r\n".encode())
    table = read(rw.write(tmp_path / "mixed.csv", data))
    assert [r[0] for r in table.rows] == ["Nicolò", "Nicolò", "Zoë"]
    assert "UTF-8, some lines CP1252" in str(table.source)
    checked = prepared(table)
    assert checked[0].status != NORMALISED and checked[2].status != NORMALISED
    assert checked[1].status == NORMALISED and "not in UTF-8" in notes(checked[1])


def test_our_exports_anti_formula_apostrophe_comes_off(tmp_path: Path) -> None:
    path = rw.write(tmp_path / "ours.csv", rw.csv_bytes(["firstName", "lastName", "notes"], [
        ["'-Anna", "'=Somma", "'@home"], ["D'Amico", "'Neill", "it's"]]))
    assert list(read(path).rows) == [["-Anna", "=Somma", "@home"], ["D'Amico", "'Neill", "it's"]]


def test_rows_already_in_the_copy_are_previewed_as_there(tmp_path: Path) -> None:
    path = rw.write(tmp_path / "c.csv", rw.csv_bytes(["Email", "Nome"], [["A@Example.it", "A"],
                                                                         ["b@x.it", "B"]]))
    checked = prepared(read(path), existing={"a@example.it"})
    assert [p.status for p in checked] == [THERE, "ready"]


# -- hostile files -------------------------------------------------------------------------------
def test_a_stray_cell_at_excels_last_cell_does_not_make_a_million_rows(tmp_path: Path) -> None:
    xml = rw.sheet(rw.inline("A1", "Email") + rw.inline("B1", "Nome"), "A1:XFD1048576")
    xml = xml.replace(b"</sheetData>", b'<row r="2">' + rw.inline("A2", "a@example.it").encode()
                      + b"</row>" + b'<row r="1048576">' + rw.inline("XFD1048576", "x").encode()
                      + b"</row></sheetData>").replace(b"<sheetData>", b'<sheetData><row r="1">', 1)
    xml = xml.replace(rw.inline("B1", "Nome").encode(), rw.inline("B1", "Nome").encode() + b"</row>")
    table = read(rw.write(tmp_path / "stray.xlsx", rw.xlsx_bytes(xml)))
    assert table.columns == ["Email", "Nome"] and list(table.rows) == [["a@example.it", ""]]
    assert "16384 columns" in " ".join(str(n) for n in table.file_notes).replace(",", "")


@pytest.mark.parametrize(("what", "data", "said"), [
    ("an external entity", rw.xlsx_bytes(rw.sheet(
        '<row r="1">' + rw.inline("A1", "&xxe;") + "</row>", prolog='<!DOCTYPE x [<!ENTITY xxe SYSTEM '
        '"file:///etc/passwd">]>')), "declares XML entities"),
    ("billion laughs", rw.xlsx_bytes(rw.sheet("", prolog='<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
                                                 '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')),
     "declares XML entities"),
    ("a huge inline string", rw.xlsx_bytes(rw.sheet('<row r="1">' + rw.inline("A1", "x" * 2_000_000)
                                                     + "</row>")), "longer than"),
    ("a truncated sheet", rw.xlsx_bytes(rw.sheet('<row r="1">' + rw.inline("A1", "Email"))[:-40]),
     "not a readable Excel workbook"),
])
def test_hostile_workbooks_are_a_clear_message(tmp_path: Path, what: str, data: bytes, said: str) -> None:
    with pytest.raises(FileUnreadable, match=said):
        read(rw.write(tmp_path / "bad.xlsx", data))


def test_damaged_deflate_data_is_a_clear_message(tmp_path: Path) -> None:
    data = bytearray(rw.xlsx_bytes(rw.sheet('<row r="1">' + rw.inline("A1", "Email" * 500) + "</row>")))
    where = data.find(b"xl/worksheets/sheet1.xml") + 40
    data[where:where + 30] = b"\x00" * 30
    with pytest.raises(FileUnreadable, match="not a readable Excel workbook"):
        read(rw.write(tmp_path / "bad.xlsx", bytes(data)))


def test_control_characters_never_come_out_of_a_file(tmp_path: Path) -> None:
    path = rw.write(tmp_path / "evil.csv", rw.csv_bytes(["Nome\x1b]0;pwned\x07", "Email\u202e"],
                                                        [["An\x1b[31mna\x00", "a@example.it"]]))
    table = read(path)
    assert table.columns == ["Nome]0;pwned", "Email"] and list(table.rows) == [["An[31mna", "a@example.it"]]


def test_a_png_named_vcf_and_a_device_are_refused_in_words(tmp_path: Path) -> None:
    png = rw.write(tmp_path / "photo.vcf", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(FileUnreadable) as caught:
        read(png)
    assert "\x00" not in str(caught.value) and "\x89" not in str(caught.value)
    with pytest.raises(FileUnreadable, match="not a file that can be imported"):
        read(Path("/dev/zero"))


def test_columns_past_the_500th_are_said(tmp_path: Path) -> None:
    header = [f"c{i}" for i in range(600)]
    header[550] = "email"
    table = read(rw.write(tmp_path / "wide.csv", rw.csv_bytes(header, [["x"] * 600])))
    assert len(table.columns) == 500
    assert "600 columns: only the first 500 are read" in str(table.file_notes[0])


def test_a_big_photo_is_skipped_while_reading(tmp_path: Path) -> None:
    photo = "A" * 76
    card = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Big;Photo;;;\r\nEMAIL:big@example.it\r\nPHOTO;ENCODING=b:"
            + "\r\n ".join([photo] * 200_000) + "\r\nTEL:+39 02 1234567\r\nEND:VCARD\r\n")
    table = read(rw.write(tmp_path / "big.vcf", card.encode()))
    assert rows_of(table)[0]["phoneNumber"] == "+39 02 1234567" and not table.notes


def test_a_card_folded_over_many_lines_is_bounded(tmp_path: Path) -> None:
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Long;Note;;;\r\nNOTE:" + "\r\n x" * 300_000 + "\r\nEND:VCARD\r\n"
    table = read(rw.write(tmp_path / "long.vcf", card.encode()))
    assert 0 < len(rows_of(table)[0]["notes"]) <= 10_000


def test_a_file_cut_inside_a_card_keeps_every_card(tmp_path: Path) -> None:
    data = rw.lotus_notes("t8") + b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Cut;Carlo;;;\r\nTEL:+39 0"
    table = read(rw.write(tmp_path / "cut.vcf", data))
    assert [r["lastName"] for r in rows_of(table)] == ["Galli", "Cut"]
    assert "contact 2: the card has no END:VCARD line" in str(table.notes[2][0])


def test_a_utf16_csv_without_bom_is_read(tmp_path: Path) -> None:
    for codec in ("utf-16-le", "utf-16-be"):
        data = rw.csv_bytes(["Nome", "Cognome", "Email"], [["Zoë", "Müller", "z@example.it"]], encoding=codec)
        table = read(rw.write(tmp_path / f"{codec}.csv", data))
        assert list(table.rows) == [["Zoë", "Müller", "z@example.it"]] and "UTF-16" in str(table.source)


def test_too_many_shared_strings_are_refused_before_openpyxl_holds_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from contact_desk.transfer import excel

    monkeypatch.setattr(excel, "MAX_SHARED", 100_000)  # 1,000 strings of 1 MB, at a test's scale
    shared = ('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              + ("<si><t>" + "y" * 1000 + "</t></si>") * 200
              + "</sst>").encode()
    data = rw.xlsx_bytes(rw.sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), shared=shared)
    with pytest.raises(FileUnreadable, match="texts take more than"):
        read(rw.write(tmp_path / "shared.xlsx", data))


def test_a_utf8_file_with_a_bom_and_some_windows_1252_lines(tmp_path: Path) -> None:
    data = (b"\xef\xbb\xbf" + rw.csv_bytes(["Nome", "Email"], [["Nicolò", "n1@example.it"]])
            + "Nicolò,n2@example.it\r\n".encode("cp1252"))
    table = read(rw.write(tmp_path / "excel-utf8.csv", data))
    assert table.columns == ["Nome", "Email"] and [r[0] for r in table.rows] == ["Nicolò", "Nicolò"]
    assert 2 in table.notes and 1 not in table.notes


def test_a_quote_in_a_structured_value_is_a_letter_not_a_quote(tmp_path: Path) -> None:
    card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:O"Brien;Mario;;;\r\nORG:Bar "Da Mario;Vendite\r\nEND:VCARD\r\n'
    row = rows_of(read(rw.write(tmp_path / "q.vcf", card.encode())))[0]
    assert (row["lastName"], row["firstName"], row["company"]) == ('O"Brien', "Mario", 'Bar "Da Mario')

"""Contact files with the quirks real programs write, made by our own generators (the real
files' licences keep them out of the project; ../shared/realfiles/ has some to look at).
Each function names the program whose layout it copies and the quirks it carries."""

from __future__ import annotations

import base64
import csv
import io
import zipfile
from pathlib import Path

CRLF = "\r\n"


def _card(*lines: str) -> str:
    return CRLF.join(["BEGIN:VCARD", *lines, "END:VCARD"]) + CRLF


def android_21(t: str) -> bytes:
    """Android 2.1 export, six cards: QP with CHARSET and soft line breaks (also in ORG), one
    card whose base64 PHOTO does not decode (indented lines, ending on a blank line), one with
    a broken line, a PHOTO that does decode."""
    photo_ok = base64.b64encode(b"\xff\xd8\xff" + bytes(range(256)) * 40).decode()
    folded_ok = CRLF.join(" " + photo_ok[i:i + 76] for i in range(0, len(photo_ok), 76))
    cards = [
        _card("VERSION:2.1", "N:Rossi;Mario;;;", "FN:Mario Rossi", f"EMAIL;HOME:mario.{t}@example.it",
              "TEL;CELL:+39 333 111 0001"),
        _card("VERSION:2.1", "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Nicol=C3=B2;Lucia;;;",
              f"EMAIL;WORK;PREF:lucia.{t}@example.it",
              "ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Pasticceria Caff=C3=A8=", "=20del Corso",
              "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Prima riga=0D=0Aseconda riga lunga che va a =",
              "capo due volte e finisce qu=C3=AC"),
        _card("VERSION:2.1", "N:Bruni;Carla;;;", f"EMAIL:carla.{t}@example.it",
              "PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQ&&&not*base64", " QUFBQUFB!!!!", " ====", "",
              "TEL;WORK:02 5550 0003"),
        _card("VERSION:2.1", "N:Conti;Dario;;;", f"EMAIL:dario.{t}@example.it",
              "THIS LINE HAS NO COLON AT ALL", "TITLE:Agente"),
        _card("VERSION:2.1", "N:Esposito;Elena;;;", f"EMAIL:elena.{t}@example.it",
              f"PHOTO;ENCODING=BASE64;TYPE=JPEG:{folded_ok[1:]}", "", "ORG:Esposito Srl"),
        _card("VERSION:2.1", "N:Ferri;Fabio;;;", f"EMAIL:fabio.{t}@example.it", "BDAY:1980-05-06"),
    ]
    return "".join(cards).encode("utf-8")


def lotus_notes(t: str) -> bytes:
    """Lotus Notes: a 3.0 card with PROFILE, NAME and SOURCE lines."""
    return _card("VERSION:3.0", "PROFILE:VCard", "NAME:Notes contact", "SOURCE:Lotus Notes",
                 "N:Galli;Gino;;;", "FN:Gino Galli", f"EMAIL;TYPE=INTERNET:gino.{t}@example.com",
                 "ORG:Galli & Co.;Vendite", "TEL;TYPE=WORK:+39 06 5550 0007").encode("utf-8")


def outlook_2003(t: str) -> bytes:
    """Outlook 2003, Windows-1252: a QP note soft-broken over lines, LABEL in QP, Outlook's own X- lines."""
    return _card("VERSION:2.1", "N;LANGUAGE=it:Marchetti;Ilaria", "FN:Ilaria Marchetti",
                 "ORG:Marchetti S.p.A.", "TITLE:Responsabile acquisti",
                 "NOTE;ENCODING=QUOTED-PRINTABLE:Cliente dal 2001.=0D=0AChiamare il marted=EC, non il luned=",
                 "=EC.=0D=0A",
                 "TEL;WORK;VOICE:02 5550 0011",
                 "ADR;WORK;PREF:;;Corso Buenos Aires 1;Milano;MI;20124;Italia",
                 "LABEL;WORK;PREF;ENCODING=QUOTED-PRINTABLE:Corso Buenos Aires 1=0D=0AMilano, MI 20124"
                 "=0D=0AItalia",
                 f"EMAIL;PREF;INTERNET:ilaria.{t}@example.it", "X-MS-OL-DEFAULT-POSTAL-ADDRESS:2",
                 "REV:20080424T195243Z").encode("cp1252")


def the_bat(t: str) -> bytes:
    """The Bat!: 2.1 with 8-bit quoted-printable and no CHARSET (Windows-1252 bytes)."""
    return _card("VERSION:2.1", "N;ENCODING=QUOTED-PRINTABLE:Nu=F1ez;Jos=E9", "FN;ENCODING=QUOTED-PRINTABLE:"
                 "Jos=E9 Nu=F1ez", f"EMAIL;PREF;INTERNET:jose.{t}@example.es", "X-GENDER:Male",
                 "REV:20080716T203548Z").encode("ascii")


def apple_utf16be(t: str) -> bytes:
    """Apple's Address Book saved as UTF-16 big-endian without a BOM: grouped ADR, an escaped
    URL, a folded PHOTO, a company card and a person."""
    photo = base64.b64encode(bytes(range(256)) * 20).decode()
    text = _card("VERSION:3.0", "N:Müller;Jürgen;;;", "FN:Jürgen Müller", "ORG:Müller GmbH;",
                 f"item1.EMAIL;type=INTERNET;type=pref:juergen.{t}@example.de",
                 "item2.ADR;type=WORK;type=pref:;;Königstraße 1;Stuttgart;;70173;Deutschland",
                 "item2.X-ABADR:de", "item3.URL;type=pref:http\\://www.example.de",
                 "PHOTO;BASE64:", *("  " + photo[i:i + 72] for i in range(0, len(photo), 72)),
                 "X-ABUID:5B77D5A5-1A9D-4D9F-9B6C-4A2C3E0A8F11\\:ABPerson") + _card(
                 "VERSION:3.0", "N:;;;;", "FN:Apple Store Roma", "ORG:Apple Store Roma;",
                 f"EMAIL;type=INTERNET;type=WORK:store.{t}@example.it", "X-ABShowAs:COMPANY")
    return text.encode("utf-16-be")


def gmail_30(t: str) -> bytes:
    """Gmail / iPhone 3.0: escaped values, a birthday without a year, categories, a country by name."""
    return _card("VERSION:3.0", "FN:Nora Neri", "N:Neri;Nora;;;", f"EMAIL;TYPE=INTERNET:nora.{t}@example.com",
                 "URL:http\\://www.example.com/nora", "BDAY:--0203",
                 "NOTE:uno\\, due\\; tre\\nquattro",
                 "ADR;TYPE=WORK:;;1 Main St\\, Suite 5;Boston;MA;02110;U.S.A.",
                 "CATEGORIES:myContacts,Clienti").encode("utf-8")


def xlsx_bytes(sheet_xml: bytes, *, shared: bytes | None = None) -> bytes:
    """A minimal workbook around ``sheet_xml`` (a stray cell, an entity, a huge string: as given)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
            'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'))
        z.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        z.writestr("xl/workbook.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships"><sheets><sheet name="Foglio1" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        z.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'))
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
    return buf.getvalue()


def sheet(rows_xml: str, dimension: str = "A1:B2", prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{rows_xml}</sheetData>'
            '</worksheet>').encode()


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def csv_bytes(header: list[str], rows: list[list[str]], *, delimiter: str = ",",
              encoding: str = "utf-8") -> bytes:
    buf = io.StringIO(newline="")
    out = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    out.writerow(header)
    out.writerows(rows)
    return buf.getvalue().encode(encoding)


OUTLOOK_EX = ["First Name", "Last Name", "Company", "E-mail Address", "E-mail Type", "E-mail Display Name",
              "E-mail 2 Address", "E-mail 2 Type", "E-mail 3 Address", "E-mail 3 Type", "Birthday",
              "Business Country/Region", "Categories"]


def outlook_exchange(t: str) -> bytes:
    """Outlook on Exchange, Italian Windows: ';'-separated, Windows-1252, EX addresses first,
    the SMTP address in E-mail 2, Outlook's empty birthday 0/0/00, countries by name."""
    ex = "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=a1b2c3-"
    return csv_bytes(OUTLOOK_EX, [
        ["Sofia", "Lombardi", "Lombardi Srl", ex + "slombardi", "EX", "Sofia Lombardi",
         f"sofia.{t}@example.it", "SMTP", "", "", "0/0/00", "Royaume-Uni", ""],
        ["Tommaso", "Galli", "", f"tommaso.{t}@example.it", "SMTP", "", "", "", "", "", "15/03/1990",
         "Turchia", ""],
        ["Ugo", "Ricci", "Ricci & Figli Società", ex + "uricci", "EX", "Ugo Ricci", "", "", "", "", "",
         "Cayman Islands", ""],
        ["Valeria", "Moretti", "", "non-una-email", "SMTP", "", "", "", "", "", "", "Deutschland", ""],
    ], delimiter=";", encoding="cp1252")


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path

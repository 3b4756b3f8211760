"""Contact files as the peers write them: Google Contacts, Outlook, Thunderbird, an
Italian spreadsheet, Excel, and vCards as phones write them. Made by the tests."""

from __future__ import annotations

import csv
import io
import uuid
from pathlib import Path

GOOGLE = ["First Name", "Middle Name", "Last Name", "Nickname", "File As", "Labels", "E-mail 1 - Label",
          "E-mail 1 - Value", "Phone 1 - Label", "Phone 1 - Value", "Organization Name", "Organization Title",
          "Address 1 - Street", "Address 1 - City", "Address 1 - Region", "Address 1 - Postal Code",
          "Address 1 - Country", "Birthday", "Notes", "Website 1 - Value"]
OUTLOOK = ["Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department", "Job Title",
           "Business Street", "Business City", "Business State", "Business Postal Code",
           "Business Country/Region", "Business Phone", "Mobile Phone", "E-mail Address", "E-mail 2 Address",
           "Notes", "Categories", "Birthday", "Web Page"]
THUNDERBIRD = ["First Name", "Last Name", "Display Name", "Nickname", "Primary Email", "Secondary Email",
               "Screen Name", "Work Phone", "Home Phone", "Fax Number", "Pager Number", "Mobile Number",
               "Work Address", "Work City", "Work State", "Work ZipCode", "Work Country", "Job Title",
               "Organization", "Web Page 1", "Birth Year", "Birth Month", "Birth Day", "Notes"]
ITALIAN = ["Nome", "Cognome", "Azienda", "Telefono", "Email", "Città", "CAP", "Data di nascita", "Note"]


def tag() -> str:
    """A word no other test uses: emails stay unique in the shared sandbox."""
    return uuid.uuid4().hex[:10]


def write_csv(path: Path, header: list[str], rows: list[dict[str, str]], *, encoding: str = "utf-8",
              delimiter: str = ",", bom: bool = False) -> Path:
    buf = io.StringIO(newline="")
    out = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    out.writerow(header)
    for row in rows:
        out.writerow([row.get(h, "") for h in header])
    data = buf.getvalue().encode(encoding)
    if bom and encoding.startswith("utf-8"):
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return path


def write_xlsx(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Contatti"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.create_sheet("Other").append(["not", "this", "sheet"])
    book.save(path)
    return path


def phone_vcards(t: str) -> str:
    """Three cards as three phones write them: vCard 2.1 with quoted-printable, 3.0 with
    several typed emails, 4.0 with a folded line and a tel: URI."""
    return (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Rossi;Mario;;;\r\nFN:Mario Rossi\r\n"
        "TEL;CELL;PREF:+39 333 111 2222\r\nTEL;WORK:02 1234567\r\n"
        f"EMAIL;INTERNET:mario.{t}@example.it\r\n"
        "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Cliente dal 2019 =E2=80=94 puntuale\r\n"
        "ORG:Rossi S.r.l.\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Bianchi;Anna;;;\r\nFN:Anna Bianchi\r\n"
        f"EMAIL;TYPE=INTERNET,HOME:anna.home.{t}@example.org\r\n"
        f"EMAIL;TYPE=INTERNET,WORK,PREF:anna.{t}@example.org\r\n"
        "ADR;TYPE=WORK:;;Via Roma 1;Milano;MI;20100;Italia\r\nBDAY:1990-03-15\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Luca Verdi\r\nN:Verdi;Luca;;;\r\n"
        "TEL;VALUE=uri;TYPE=\"cell,pref\":tel:+39-335-765-4321\r\n"
        f"EMAIL:luca.{t}@example.com\r\n"
        "NOTE:a very long note that is folded because it is longer than seventy-fiv\r\n"
        " e characters in total\r\nEND:VCARD\r\n"
    )

"""One contact as a vCard 4.0 (RFC 6350) text: what "Copy as vCard" puts on the
clipboard, so it pastes into Outlook, Thunderbird or a phone's address book. Version 3.0
(RFC 2426) for desktop Outlook, which reads 3.0 only."""

from __future__ import annotations

from contact_desk.api.models import Contact


def _escape(value: str) -> str:
    """RFC 6350 §3.4: backslash, comma, semicolon and newlines escaped."""
    return (value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (§3.2)."""
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode()) > 75:
            out.append(current)
            current = " " + ch
        else:
            current += ch
    out.append(current)
    return "\r\n".join(out)


def to_vcard(contact: Contact, version: str = "4.0") -> str:
    """``version``: "4.0" or "3.0" (its phone is a plain value, its birthday dashed)."""
    v3 = version == "3.0"
    def get(name: str) -> str:
        value = getattr(contact, name, None)
        return value if isinstance(value, str) else ""

    first, last = get("first_name"), get("last_name")
    full = contact.full_name or get("company") or get("email") or get("phone_number")
    lines = ["BEGIN:VCARD", f"VERSION:{'3.0' if v3 else '4.0'}", f"FN:{_escape(full)}",
             f"N:{_escape(last)};{_escape(first)};;;"]
    if get("email"):
        lines.append(f"EMAIL;TYPE={'INTERNET,WORK' if v3 else 'work'}:{_escape(get('email'))}")
    if get("phone_number"):
        lines.append(f"TEL;TYPE=WORK,VOICE:{get('phone_number')}" if v3 else
                     f"TEL;VALUE=uri;TYPE=work:tel:{get('phone_number')}")
    if get("company"):
        lines.append(f"ORG:{_escape(get('company'))}")
    if get("job_title"):
        lines.append(f"TITLE:{_escape(get('job_title'))}")
    if any(get(n) for n in ("street", "city", "postal_code", "country")):
        parts = [get("street"), get("city"), get("state"), get("postal_code"), get("country")]
        lines.append("ADR;TYPE=work:;;" + ";".join(_escape(p) for p in parts))
    if get("website"):
        lines.append(f"URL:{_escape(get('website'))}")
    if get("birthday"):
        day = get("birthday")[:10]
        lines.append(f"BDAY:{day if v3 else day.replace('-', '')}")
    if get("notes"):
        lines.append(f"NOTE:{_escape(get('notes'))}")
    tags = getattr(contact, "tags", None)
    if tags:
        lines.append("CATEGORIES:" + ",".join(_escape(t) for t in tags))
    lines.append("END:VCARD")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"

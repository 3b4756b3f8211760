"""News of a new version, never an install: the release feed (a JSON document: ours,
``{"version": "1.3.0", "url": "https://…"}``, or a GitHub ``releases/latest`` answer with
``tag_name`` and ``html_url``) read at most once a day, its version compared with ours. Nothing of
the user's is sent: a plain GET with no cookie, no key and a bare User-Agent. It can be switched
off by the user, by an environment variable, and by the machine's policy (IT departments): a
registry value on Windows, a file in the system's configuration folder elsewhere. Failures are a
log line, never a message. Qt-free."""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from contact_desk.api import bounded_body
from contact_desk.api.network import is_loopback

log = logging.getLogger(__name__)

DEFAULT_FEED = "https://api.github.com/repos/contact-desk/contact-desk/releases/latest"
ENV_OFF = "CONTACT_DESK_NO_UPDATE_CHECK"  # any non-empty value but "0": no check
POLICY_KEY = r"Software\Policies\ContactDesk"  # HKLM (and HKCU): DisableUpdateCheck = 1
POLICY_FILE = Path("/etc/contact-desk/policy.json")  # {"update_check": false}
MAC_POLICY_FILE = Path("/Library/Application Support/Contact Desk/policy.json")
EVERY_S = 24 * 3600  # at most once a day
MAX_BYTES = 256 * 1024  # a release document is a few KB: a bigger answer is not one
TIMEOUT_S = 10.0
HEADERS = {"User-Agent": "Contact-Desk", "Accept": "application/json",  # nothing that tells users apart
           "Accept-Encoding": bounded_body.ACCEPT_ENCODING}


@dataclass(frozen=True)
class Release:
    version: str
    url: str  # the download page (https, or a loopback address in tests)


def _parts(version: str) -> tuple[tuple[int, ...], bool]:
    """("1.3.0", no pre-release suffix) as comparable parts: "v1.3" is (1, 3, 0)."""
    text = version.strip().lower().removeprefix("v")
    match = re.match(r"(\d+(?:\.\d+)*)(.*)", text)
    if match is None:
        return (), True
    numbers = [int(n) for n in match.group(1).split(".")]
    numbers += [0] * (3 - len(numbers))
    return tuple(numbers), bool(match.group(2).strip(".-+ "))


def is_newer(latest: str, current: str) -> bool:
    """Whether ``latest`` is a later version than ``current`` (a pre-release is before its
    release: 1.3.0-rc1 < 1.3.0); a version that cannot be read is never newer."""
    (new, new_pre), (now, now_pre) = _parts(latest), _parts(current)
    if not new:
        return False
    return new > now or (new == now and now_pre and not new_pre)


def _safe(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" or (parts.scheme == "http" and is_loopback(parts.hostname or ""))


def parse(data: bytes) -> Release | None:
    """The release a feed names, or None (said in the log) when it names none readable."""
    try:
        doc = json.loads(data)
    except ValueError:
        log.info("update check: the feed is not JSON")
        return None
    if not isinstance(doc, dict):
        return None
    version = doc.get("version") or doc.get("tag_name")
    url = doc.get("url") if "version" in doc else doc.get("html_url")
    if not isinstance(version, str) or not isinstance(url, str) or not _safe(url) or not _parts(version)[0]:
        log.info("update check: the feed names no version and download page")
        return None
    return Release(version.strip().removeprefix("v"), url)


def switched_off(setting: bool, environ: dict[str, str] | None = None) -> str:
    """'' when a check may run; else which switch turned it off ("setting", "environment",
    "policy")."""
    env = os.environ if environ is None else environ
    if not setting:
        return "setting"
    if env.get(ENV_OFF, "") not in ("", "0"):
        return "environment"
    if _policy_off():
        return "policy"
    return ""


def _policy_off() -> bool:
    if sys.platform == "win32":
        import winreg

        for hive in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
            try:
                with winreg.OpenKey(hive, POLICY_KEY) as key:
                    value, _kind = winreg.QueryValueEx(key, "DisableUpdateCheck")
                    if str(value).strip() not in ("", "0"):
                        return True
            except OSError:
                continue
        return False
    return policy_file_off(MAC_POLICY_FILE if sys.platform == "darwin" else POLICY_FILE)


def policy_file_off(path: Path) -> bool:
    """Whether the machine's policy file says no update check ({"update_check": false})."""
    try:
        doc = json.loads(path.read_bytes()[:65536])
    except (OSError, ValueError):
        return False
    return isinstance(doc, dict) and doc.get("update_check") is False


def due(last: float | None, now: float) -> bool:
    """At most once a day (a clock set back counts as a day gone)."""
    return last is None or now - last >= EVERY_S or now < last


async def latest(http: httpx.AsyncClient, feed: str) -> Release | None:
    """The feed's release, or None (the reason in the log: unreachable, refused, not a release)."""
    if not _safe(feed):
        log.info("update check: the feed must be an https address")
        return None
    try:
        async with http.stream("GET", feed, headers=HEADERS, timeout=TIMEOUT_S) as answer:
            if answer.status_code != 200:
                log.info("update check: the feed answered %s", answer.status_code)
                return None
            body = await bounded_body.read(answer, MAX_BYTES)
    except bounded_body.TooLarge:
        log.info("update check: the feed's answer is too big to be a release")
        return None
    except bounded_body.Unreadable as exc:
        log.info("update check: the feed's answer cannot be decompressed (%r)", exc.encoding[:40])
        return None
    except (httpx.HTTPError, OSError) as exc:
        log.info("update check: the feed cannot be read (%s)", type(exc).__name__)
        return None
    return parse(body)

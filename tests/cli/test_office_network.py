"""The command line behind an office network, all on 127.0.0.1: the company's server
(``crm.example.test``, never looked up: the proxy maps it) behind TLS signed by a test CA, reached
through a CONNECT proxy named by HTTPS_PROXY; the CA trusted only through the test's own trust
store (SSL_CERT_FILE in the subprocess's environment). Each failure is said by its cause."""

from __future__ import annotations

import datetime as dt
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import trustme

from contact_desk.accounts import MemoryKeyStore
from contact_desk.accounts.network_choice import PROXY_PASSWORD, Network, NetworkChoice
from contact_desk.api.network import DIRECT, MANUAL
from contact_desk.sandbox import Sandbox
from tests.api.netpeers import ConnectProxy, TlsFront, serving
from tests.cli_support import Cli

HOST = "crm.example.test"
PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy",
                   "NO_PROXY", "no_proxy")


@dataclass
class Office:
    cli: Cli
    proxy: ConnectProxy
    ca_file: Path
    env: dict[str, str]


def _front(ca: trustme.CA, upstream: int, *names: str, **dates: dt.datetime) -> TlsFront:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*names, **dates).configure_cert(context)  # type: ignore[arg-type]
    return TlsFront(context, upstream)


@pytest.fixture
def office(sandbox: Sandbox, tmp_path: Path) -> Iterator[Office]:
    ca = trustme.CA()
    ca_file = tmp_path / "company-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    port = int(sandbox.base_url.rsplit(":", 1)[1])
    good = _front(ca, port, HOST)
    now = dt.datetime.now(dt.UTC)
    expired = _front(ca, port, "old.example.test", not_before=now - dt.timedelta(days=60),
                     not_after=now - dt.timedelta(days=1))
    other = _front(ca, port, "someone-else.example.test")
    proxy = ConnectProxy({f"{HOST}:443": good.port, "old.example.test:443": expired.port,
                          "wrong.example.test:443": other.port})
    cli = Cli(tmp_path / "config", f"https://{HOST}", real_keyring=False)
    for name in PROXY_VARIABLES:  # the machine's own proxies never reach these commands
        cli.env.pop(name, None)
    env = {"HTTPS_PROXY": proxy.url, "SSL_CERT_FILE": str(ca_file)}
    with serving(good, expired, other, proxy):
        yield Office(cli, proxy, ca_file, env)


def _add(office: Office, name: str, host: str = HOST) -> None:
    r = office.cli("accounts", "add", name, "--dialect", "smartcq", "--base-url", f"https://{host}",
                   "--no-verify", stdin="demo-smartcq\n", env=office.env)
    assert r.returncode == 0, r.stderr


def test_the_environments_proxy_and_the_company_ca_are_used(office: Office) -> None:
    _add(office, "Office")
    r = office.cli("export", "--account", "Office", "--format", "jsonl", env=office.env)
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.splitlines()) > 100  # the contacts came, through the proxy
    assert office.proxy.seen.connects and set(office.proxy.seen.connects) == {f"{HOST}:443"}


def test_lower_case_and_all_proxy_are_read_too(office: Office) -> None:
    _add(office, "Office")
    office.cli.env.pop("HTTPS_PROXY", None)
    for name in ("https_proxy", "ALL_PROXY"):
        env = {"SSL_CERT_FILE": str(office.ca_file), name: office.proxy.url}
        before = len(office.proxy.seen.connects)
        r = office.cli("accounts", "test", "Office", env=env)
        assert r.returncode == 0, r.stderr
        assert len(office.proxy.seen.connects) > before, name


def test_a_certificate_nobody_here_trusts_is_said_as_such(office: Office) -> None:
    _add(office, "Office")
    env = {**office.env, "SSL_CERT_FILE": "/nonexistent/ca.pem"}  # the company's CA not installed
    r = office.cli("accounts", "test", "Office", env=env)
    assert r.returncode == 10, r.stderr
    assert "certificate" in r.stderr and "ask IT" in r.stderr and "check your connection" not in r.stderr


def test_an_untrusted_certificate_reached_directly_names_who_issued_it(sandbox: Sandbox,
                                                                      tmp_path: Path) -> None:
    """A company's inspecting proxy shows up by its CA's name ("issued by Zscaler Root CA"): here a
    test CA nobody trusts, its server reached directly at localhost."""
    ca = trustme.CA(organization_name="Inspecting Office CA")
    front = _front(ca, int(sandbox.base_url.rsplit(":", 1)[1]), "localhost")
    cli = Cli(tmp_path / "config", f"https://localhost:{front.port}", real_keyring=False)
    for name in PROXY_VARIABLES:
        cli.env.pop(name, None)
    with serving(front):
        r = cli("accounts", "add", "Direct", "--dialect", "smartcq", "--base-url",
                f"https://localhost:{front.port}", "--no-verify", stdin="demo-smartcq\n")
        assert r.returncode == 0, r.stderr
        for args in (("accounts", "test", "Direct"), ("export", "--account", "Direct", "--format", "jsonl")):
            r = cli(*args)
            assert r.returncode == 10, r.stderr
            assert "issued by Inspecting Office CA" in r.stderr and "ask IT" in r.stderr, r.stderr


def test_an_expired_certificate_and_one_for_another_name_are_told_apart(office: Office) -> None:
    _add(office, "Old", "old.example.test")
    _add(office, "Wrong", "wrong.example.test")
    old = office.cli("accounts", "test", "Old", env=office.env)
    assert old.returncode == 10 and "expired" in old.stderr and "date and time" in old.stderr, old.stderr
    wrong = office.cli("accounts", "test", "Wrong", env=office.env)
    assert wrong.returncode == 10 and "address" in wrong.stderr, wrong.stderr


def test_no_proxy_and_this_computer_go_direct(office: Office, sandbox: Sandbox) -> None:
    _add(office, "Office")
    env = {**office.env, "NO_PROXY": "example.test"}
    r = office.cli("accounts", "test", "Office", env=env)  # direct: the name is not known here
    assert r.returncode == 5 and "was not found" in r.stderr, r.stderr
    assert office.proxy.seen.connects == []
    local = office.cli("accounts", "add", "Here", "--dialect", "smartcq", "--base-url", sandbox.base_url,
                       stdin="demo-smartcq\n", env=office.env)
    assert local.returncode == 0, local.stderr
    assert office.proxy.seen.connects == []  # 127.0.0.1 never through the proxy


def test_a_proxy_that_cannot_be_reached_is_named(office: Office) -> None:
    _add(office, "Office")
    env = {**office.env, "HTTPS_PROXY": "http://127.0.0.1:9"}  # nothing listens there
    r = office.cli("accounts", "test", "Office", env=env)
    assert r.returncode == 5 and "proxy http://127.0.0.1:9 cannot be reached" in r.stderr, r.stderr


def test_a_proxy_asking_for_credentials_says_407_and_takes_them(office: Office, tmp_path: Path,
                                                               sandbox: Sandbox) -> None:
    locked = ConnectProxy(dict(office.proxy.hosts), user="mario", password="s3cret-pw")
    with serving(locked):
        _add(office, "Office")
        r = office.cli("accounts", "test", "Office", env={**office.env, "HTTPS_PROXY": locked.url})
        assert r.returncode == 11 and "407" not in r.stderr.split(":")[0], r.stderr
        assert "user name and password" in r.stderr and locked.seen.refused >= 1
        with_user = locked.url.replace("http://", "http://mario:s3cret-pw@")
        ok = office.cli("accounts", "test", "Office", env={**office.env, "HTTPS_PROXY": with_user})
        assert ok.returncode == 0, ok.stderr
        assert "s3cret-pw" not in ok.stderr + ok.stdout + r.stderr  # never said back


def test_the_proxy_option_overrides_the_environment(office: Office) -> None:
    _add(office, "Office")
    office.cli.env.pop("HTTPS_PROXY", None)
    given = office.cli("--proxy", office.proxy.url, "accounts", "test", "Office",
                       env={"SSL_CERT_FILE": str(office.ca_file)})
    assert given.returncode == 0, given.stderr
    assert office.proxy.seen.connects
    direct = office.cli("--proxy", "direct", "accounts", "test", "Office", env=office.env)
    assert direct.returncode == 5 and "was not found" in direct.stderr  # the proxy in HTTPS_PROXY not used
    secret = office.cli("--proxy", "http://mario:s3cret@127.0.0.1:1", "accounts", "list")
    assert secret.returncode == 2 and "never given on the command line" in secret.stderr
    assert "s3cret" not in secret.stderr


def test_test_connection_shows_the_route_and_the_certificate(office: Office) -> None:
    _add(office, "Office")
    r = office.cli("accounts", "test", "Office", "--verbose", env=office.env)
    assert r.returncode == 0, r.stderr
    assert f"route: through the proxy {office.proxy.url}" in r.stdout
    assert "certificate: issued by" in r.stdout and "Testing CA" in r.stdout and "valid until" in r.stdout
    assert "answer time:" in r.stdout and " ms" in r.stdout
    assert "demo-smartcq" not in r.stdout  # nothing secret


def test_the_network_choice_saved_in_the_window_is_the_command_lines_too(office: Office) -> None:
    """A manual proxy with a password (spaces and all) saved as File → Network settings… saves it
    is used by the commands; the password only in the (test) keyring; Direct is honoured too."""
    _add(office, "Office")
    office.cli.env.pop("HTTPS_PROXY", None)  # nothing in the environment: the saved choice decides
    env = {"SSL_CERT_FILE": str(office.ca_file)}
    keys = MemoryKeyStore()
    locked = ConnectProxy(dict(office.proxy.hosts), user="mario", password="pw with space")
    with serving(locked):
        NetworkChoice(office.cli.config).save(Network(MANUAL, locked.url, "mario"), "pw with space", keys)
        office.cli.put_secret(PROXY_PASSWORD, "pw with space")  # where the commands' keyring keeps it
        r = office.cli("accounts", "test", "Office", env=env)
        assert r.returncode == 0, r.stderr
        assert locked.seen.connects and locked.seen.refused == 0
        assert "pw with space" not in r.stdout + r.stderr
        assert "pw with space" not in (office.cli.config / "network.json").read_text(encoding="utf-8")
    NetworkChoice(office.cli.config).save(Network(DIRECT), None, keys)
    direct = office.cli("accounts", "test", "Office", env=env)
    assert direct.returncode == 5 and "was not found" in direct.stderr

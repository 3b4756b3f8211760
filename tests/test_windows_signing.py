"""Authenticode from Linux (issue 36, point 1): packaging/windows/sign.sh signs a Windows program
with osslsigncode when a certificate is given, verifies it, and says "unsigned" (changing
nothing) when none is; a wrong password fails loudly. The certificate is made here, thrown away."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.conftest import require

ROOT = Path(__file__).resolve().parents[1]
SIGN = ROOT / "packaging" / "windows" / "sign.sh"


def _program(tmp_path: Path) -> Path:
    gcc = shutil.which("x86_64-w64-mingw32-gcc")
    require(gcc is not None and shutil.which("osslsigncode") is not None,
            "mingw and osslsigncode are not installed (.ci/run installs them)")
    source = tmp_path / "hello.c"
    source.write_text("int main(void) { return 0; }\n")
    exe = tmp_path / "hello.exe"
    subprocess.run([str(gcc), "-o", str(exe), str(source)], check=True)
    return exe


def _certificate(tmp_path: Path) -> dict[str, str]:
    key, cert, pfx = tmp_path / "key.pem", tmp_path / "cert.pem", tmp_path / "codesign.pfx"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "2", "-subj", "/CN=Contact Desk test signing", "-addext",
                    "extendedKeyUsage=codeSigning"], check=True, capture_output=True)
    subprocess.run(["openssl", "pkcs12", "-export", "-inkey", str(key), "-in", str(cert), "-out", str(pfx),
                    "-passout", "pass:secret"], check=True, capture_output=True)
    return {"WINDOWS_CERT_PFX": str(pfx), "WINDOWS_CERT_PASSWORD": "secret", "WINDOWS_CERT_CHAIN": str(cert)}


def _sign(exe: Path, extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WINDOWS_")} | extra
    return subprocess.run(["bash", str(SIGN), str(exe)], capture_output=True, text=True, env=env, timeout=120)


def test_a_program_is_signed_and_verified_with_the_given_certificate(tmp_path: Path) -> None:
    exe = _program(tmp_path)
    plain = exe.read_bytes()
    unsigned = _sign(exe, {})
    assert unsigned.returncode == 0 and unsigned.stdout.strip() == "unsigned" and exe.read_bytes() == plain
    cert = _certificate(tmp_path)
    signed = _sign(exe, cert)
    assert signed.returncode == 0 and signed.stdout.strip() == "signed", signed.stderr
    assert exe.read_bytes() != plain
    check = subprocess.run(["osslsigncode", "verify", "-CAfile", cert["WINDOWS_CERT_CHAIN"], "-in", str(exe)],
                           capture_output=True, text=True)
    assert check.returncode == 0 and "Contact Desk test signing" in check.stdout, check.stdout
    wrong = _sign(exe, cert | {"WINDOWS_CERT_PASSWORD": "wrong"})
    assert wrong.returncode != 0 and "signing" in wrong.stderr and "secret" not in wrong.stderr

#!/usr/bin/env bash
# Authenticode-signs Windows executables from Linux with osslsigncode (Debian's), in place, when a
# certificate is given; verifies each signature; says "unsigned" and changes nothing otherwise.
#
#   packaging/windows/sign.sh FILE.exe...
#
#   WINDOWS_CERT_PFX          the code-signing certificate and key (.pfx / PKCS#12), a path
#   WINDOWS_CERT_PFX_BASE64   or the same, base64 (a CI secret)
#   WINDOWS_CERT_PASSWORD     its password
#   WINDOWS_TIMESTAMP_URL     an RFC 3161 timestamping service (optional: a timestamped signature
#                             stays valid after the certificate expires)
#   WINDOWS_CERT_CHAIN        a PEM the signatures are verified against (a test CA); without it
#                             osslsigncode checks them against the system's trust
# Prints one word on stdout: signed, signed+timestamped, or unsigned.
set -euo pipefail
say() { echo "sign: $*" >&2; }
[ "$#" -gt 0 ] || { say "usage: sign.sh FILE.exe..."; exit 2; }
command -v osslsigncode >/dev/null || { say "osslsigncode is not installed (apt-get install osslsigncode)"; exit 3; }

PFX=${WINDOWS_CERT_PFX:-}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
if [ -z "$PFX" ] && [ -n "${WINDOWS_CERT_PFX_BASE64:-}" ]; then
  PFX="$TMP/codesign.pfx"
  printf '%s' "$WINDOWS_CERT_PFX_BASE64" | base64 -d > "$PFX"
fi
if [ -z "$PFX" ]; then
  say "no certificate given: $* left unsigned"
  echo unsigned
  exit 0
fi
[ -f "$PFX" ] || { say "the certificate $PFX is not there"; exit 2; }

STAMP=()
[ -n "${WINDOWS_TIMESTAMP_URL:-}" ] && STAMP=(-ts "$WINDOWS_TIMESTAMP_URL")
for file in "$@"; do
  osslsigncode sign -pkcs12 "$PFX" -pass "${WINDOWS_CERT_PASSWORD:-}" -h sha256 -n "Contact Desk" \
    -i "https://github.com/contact-desk/contact-desk" "${STAMP[@]}" -in "$file" -out "$TMP/signed" >/dev/null \
    || { say "signing $file failed"; exit 1; }
  mv "$TMP/signed" "$file"
  CHECK=()
  [ -n "${WINDOWS_CERT_CHAIN:-}" ] && CHECK=(-CAfile "$WINDOWS_CERT_CHAIN")
  osslsigncode verify "${CHECK[@]}" -in "$file" >"$TMP/verify.log" 2>&1 \
    || { cat "$TMP/verify.log" >&2; say "the signature of $file does not verify"; exit 1; }
  say "signed $file"
done
if [ "${#STAMP[@]}" -gt 0 ]; then echo signed+timestamped; else echo signed; fi

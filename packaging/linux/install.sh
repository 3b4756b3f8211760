#!/bin/sh
# Puts Contact Desk in this user's desktop: its menu entry, icon, file associations (.vcf, .csv,
# .xlsx: "Open with") and software-centre metadata, under ~/.local/share; --uninstall takes them
# away again. Run from the unpacked bundle (the folder holding contact-desk); nothing is written
# outside this user's data folder, and no root is needed.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
ID=app.contactdesk.ContactDesk
SIZES="16 24 32 48 64 128 256 512"

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATA/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$DATA/applications/$ID.desktop" "$DATA/metainfo/$ID.metainfo.xml" \
        "$DATA/icons/hicolor/scalable/apps/$ID.svg"
  for size in $SIZES; do rm -f "$DATA/icons/hicolor/${size}x${size}/apps/$ID.png"; done
  refresh
  echo "Contact Desk is no longer in this user's menus (its files in $HERE are left as they are)."
  exit 0
fi

[ -x "$HERE/contact-desk" ] || { echo "install.sh: run it from the unpacked bundle (no contact-desk in $HERE)" >&2; exit 2; }
mkdir -p "$DATA/applications" "$DATA/metainfo" "$DATA/icons/hicolor/scalable/apps"
# the entry runs this bundle's contact-desk wherever it was unpacked (quoted: paths may hold spaces)
sed -e "s|^Exec=contact-desk|Exec=\"$HERE/contact-desk\"|" -e "s|^TryExec=contact-desk|TryExec=$HERE/contact-desk|" \
  "$HERE/share/applications/$ID.desktop" > "$DATA/applications/$ID.desktop"
cp "$HERE/share/metainfo/$ID.metainfo.xml" "$DATA/metainfo/"
cp "$HERE/share/icons/hicolor/scalable/apps/$ID.svg" "$DATA/icons/hicolor/scalable/apps/"
for size in $SIZES; do
  mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
  cp "$HERE/share/icons/hicolor/${size}x${size}/apps/$ID.png" "$DATA/icons/hicolor/${size}x${size}/apps/"
done
refresh
echo "Contact Desk is in this user's menus, and offered under \"Open with\" for .vcf, .csv and .xlsx files."

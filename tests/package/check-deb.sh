#!/usr/bin/env bash
# Checks the .deb that `make package` builds: the program, its menu entry, its icon, and .turnus
# files opening in it. Usage: tests/package/check-deb.sh PATH.deb
set -euo pipefail
deb=${1:?give the .deb to check}
fail=0
check() { # description, command...
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then echo "package: ok: $what"; else echo "package: FAILED: $what"; fail=1; fi
}
files=$(dpkg-deb -c "$deb")
# Member names come with or without a leading "./", depending on the tool that built the .deb.
member() { dpkg-deb --fsys-tarfile "$deb" | tar -xO --wildcards --no-anchored "$1"; }
desktop=$(member 'usr/share/applications/*.desktop')
mime=$(member 'usr/share/mime/packages/turnus.xml')
check "the program is installed as /usr/bin/turnus" grep -Eq ' (\./)?usr/bin/turnus$' <<<"$files"
check "an icon is installed in the hicolor theme" grep -Eq 'usr/share/icons/hicolor/[^/]+/apps/turnus\.png$' <<<"$files"
check "the menu entry is named Turnus" grep -qx 'Name=Turnus' <<<"$desktop"
check "the menu entry starts turnus with the chosen file" grep -qx 'Exec=turnus %f' <<<"$desktop"
check "the menu entry has an icon" grep -q '^Icon=.' <<<"$desktop"
check "the menu entry opens .turnus plan files" grep -qx 'MimeType=application/x-turnus;' <<<"$desktop"
check "the .turnus type is defined for the desktop" grep -q '<glob pattern="\*.turnus"/>' <<<"$mime"
check "the package depends on WebKitGTK" sh -c "dpkg-deb -f '$deb' Depends | grep -q libwebkit2gtk-4.1"
# SQLCipher (encrypted plan files) links the system OpenSSL's libcrypto.so.3.
check "the package depends on OpenSSL's libcrypto (libssl3)" sh -c "dpkg-deb -f '$deb' Depends | grep -q 'libssl3'"
if [ "$fail" = 0 ]; then echo "package: 9 passed, 0 failed"; else echo "package: some checks failed"; fi
exit "$fail"

#!/usr/bin/env bash
# Wrap dist/Startpunt.app (from packaging/macos/startpunt.spec) in a compressed disk image,
# dist/startpunt-<version>-macos.dmg, with a link to /Applications to drag the app onto.
# macOS only (hdiutil). Usage: packaging/macos/make_dmg.sh [path/to/Startpunt.app]
#
# Later steps, each run only when its variables are set (nothing is signed otherwise):
#   MACOS_SIGN_IDENTITY   "Developer ID Application: ..." in the keychain: signs the image
#                         (the app itself is signed by the spec with the same identity)
#   MACOS_NOTARY_PROFILE  a `xcrun notarytool store-credentials` profile: notarises the
#                         image and staples the ticket to it
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
app="${1:-$root/dist/Startpunt.app}"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/pyproject.toml" | head -n 1)"
out="$root/dist/startpunt-${version}-macos.dmg"

if [[ ! -d "$app" ]]; then
    echo "make_dmg: no app bundle at $app (build packaging/macos/startpunt.spec first)" >&2
    exit 2
fi
if [[ -z "$version" ]]; then
    echo "make_dmg: no version found in pyproject.toml" >&2
    exit 2
fi
if ! command -v hdiutil >/dev/null 2>&1; then
    echo "make_dmg: hdiutil not found: disk images are made on macOS" >&2
    exit 2
fi

staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$out"
hdiutil create -volname "Startpunt $version" -srcfolder "$staging" -fs HFS+ \
    -format UDZO -ov "$out"

# Later step 1: sign the image.
if [[ -n "${MACOS_SIGN_IDENTITY:-}" ]]; then
    codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$out"
else
    echo "make_dmg: MACOS_SIGN_IDENTITY not set: the image is not signed"
fi

# Later step 2: notarise and staple (needs a signed app and image).
if [[ -n "${MACOS_NOTARY_PROFILE:-}" ]]; then
    xcrun notarytool submit "$out" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
    xcrun stapler staple "$out"
else
    echo "make_dmg: MACOS_NOTARY_PROFILE not set: the image is not notarised"
fi
echo "$out"

#!/bin/sh
# Make dist/Yinzi-VERSION.dmg from dist/Yinzi.app (built on macOS by packaging/yinzi.spec).
# With dist/yinzi-trainer present, the trainer goes inside the app, beside its executable
# (Yinzi.app/Contents/MacOS/yinzi-trainer/), where the wizard finds it.
#   sh packaging/macos/make_dmg.sh 0.1.0
# Unsigned: Gatekeeper asks the user to confirm the first start (right-click > Open). To sign
# and notarize, run `codesign --deep --options runtime -s "Developer ID Application: ..."` on
# the .app and `xcrun notarytool submit` on the .dmg before publishing.
set -eu
VERSION=${1:?usage: make_dmg.sh VERSION}
APP=dist/Yinzi.app
[ -d "$APP" ] || { echo "make_dmg.sh: $APP not found (build packaging/yinzi.spec on macOS)" >&2; exit 2; }
if [ -x dist/yinzi-trainer/yinzi-train ]; then
    rm -rf "$APP/Contents/MacOS/yinzi-trainer"
    cp -R dist/yinzi-trainer "$APP/Contents/MacOS/yinzi-trainer"
fi
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"     # drag the app onto it to install
hdiutil create -volname "Yinzi $VERSION" -srcfolder "$STAGE" -ov -format UDZO "dist/Yinzi-$VERSION.dmg"
echo "make_dmg.sh: dist/Yinzi-$VERSION.dmg"

#!/bin/sh
# Install Yinzi (音字) for this user, from the unpacked release folder this script lies in:
#   the app        -> ~/.local/opt/yinzi/          (`yinzi` linked into ~/.local/bin)
#   the trainer    -> ~/.local/opt/yinzi/yinzi-trainer/  (`yinzi-train` linked into ~/.local/bin)
#   a menu entry   -> ~/.local/share/applications/yinzi.desktop, with the app icon
# No root needed, nothing written outside $HOME. Uninstall: ~/.local/opt/yinzi/uninstall.sh
# PREFIX=/some/dir ./install.sh installs under that folder instead of ~/.local.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
APP_DIR=$PREFIX/opt/yinzi
BIN_DIR=$PREFIX/bin
SHARE=${XDG_DATA_HOME:-$HOME/.local/share}
DESKTOP_FILE=$SHARE/applications/yinzi.desktop
ICON_FILE=$SHARE/icons/hicolor/256x256/apps/yinzi.png
MANIFEST=$APP_DIR/installed-files.txt

have_app=false; have_trainer=false
[ -x "$HERE/yinzi/yinzi" ] && have_app=true
[ -x "$HERE/yinzi-trainer/yinzi-train" ] && have_trainer=true
if ! $have_app && ! $have_trainer; then
    echo "install.sh: no yinzi/ or yinzi-trainer/ folder next to this script" >&2
    exit 2
fi

mkdir -p "$PREFIX/opt" "$BIN_DIR"
# Copy to a new folder first and swap it in, so a failed copy leaves the old install alone.
if $have_app; then
    rm -rf "$APP_DIR.new"
    cp -R "$HERE/yinzi" "$APP_DIR.new"
    if [ -d "$APP_DIR/yinzi-trainer" ] && ! $have_trainer; then
        mv "$APP_DIR/yinzi-trainer" "$APP_DIR.new/yinzi-trainer"   # keep an installed trainer
    fi
    [ -f "$MANIFEST" ] && cp "$MANIFEST" "$APP_DIR.new/installed-files.txt"
    rm -rf "$APP_DIR.old"
    [ -d "$APP_DIR" ] && mv "$APP_DIR" "$APP_DIR.old"
    mv "$APP_DIR.new" "$APP_DIR"
    rm -rf "$APP_DIR.old"
fi
mkdir -p "$APP_DIR"
if $have_trainer; then
    rm -rf "$APP_DIR/yinzi-trainer.new"
    cp -R "$HERE/yinzi-trainer" "$APP_DIR/yinzi-trainer.new"
    rm -rf "$APP_DIR/yinzi-trainer"
    mv "$APP_DIR/yinzi-trainer.new" "$APP_DIR/yinzi-trainer"
fi
cp "$HERE/uninstall.sh" "$APP_DIR/uninstall.sh"
chmod +x "$APP_DIR/uninstall.sh"

# What lies outside APP_DIR, for the uninstaller (one path a line, no duplicates).
record() {
    touch "$MANIFEST"
    grep -qxF "$1" "$MANIFEST" || printf '%s\n' "$1" >> "$MANIFEST"
}

if $have_app; then
    ln -sf "$APP_DIR/yinzi" "$BIN_DIR/yinzi"
    record "$BIN_DIR/yinzi"
    mkdir -p "$(dirname "$ICON_FILE")" "$(dirname "$DESKTOP_FILE")"
    cp "$HERE/yinzi.png" "$ICON_FILE"
    record "$ICON_FILE"
    tmp="$DESKTOP_FILE.tmp.$$"
    sed -e "s|@EXEC@|\"$APP_DIR/yinzi\"|" -e "s|@ICON@|$ICON_FILE|" "$HERE/yinzi.desktop.in" > "$tmp"
    mv "$tmp" "$DESKTOP_FILE"
    record "$DESKTOP_FILE"
fi
if $have_trainer; then
    ln -sf "$APP_DIR/yinzi-trainer/yinzi-train" "$BIN_DIR/yinzi-train"
    record "$BIN_DIR/yinzi-train"
fi

echo "Yinzi installed in $APP_DIR"
$have_app && echo "  app:     $BIN_DIR/yinzi (and the menu entry Yinzi 音字)"
$have_trainer && echo "  trainer: $BIN_DIR/yinzi-train"
case ":$PATH:" in
    *":$BIN_DIR:"*) ;;
    *) echo "  note: $BIN_DIR is not on your PATH; add it, or run $APP_DIR/yinzi" ;;
esac
echo "  uninstall: $APP_DIR/uninstall.sh   (add --purge to remove your dictionary and models too)"

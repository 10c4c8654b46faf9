#!/bin/sh
# Remove Yinzi installed by install.sh: the app folder, the links on PATH, the menu entry and
# the icon. Your data (user dictionary, trained models, settings, caches) stays unless
# --purge is given.
set -eu

APP_DIR=$(cd "$(dirname "$0")" && pwd)
MANIFEST=$APP_DIR/installed-files.txt
PURGE=false
[ "${1:-}" = "--purge" ] && PURGE=true

# Run from the unpacked release folder rather than the installed copy: act on the install.
if [ ! -f "$MANIFEST" ]; then
    installed=${PREFIX:-$HOME/.local}/opt/yinzi
    if [ -f "$installed/installed-files.txt" ] && [ -f "$installed/uninstall.sh" ]; then
        exec sh "$installed/uninstall.sh" "$@"
    fi
    echo "uninstall.sh: Yinzi is not installed in $installed (nothing removed)" >&2
    exit 2
fi

# Remove a folder's empty parents up to (not including) $HOME: install.sh may have made them.
prune() {
    d=$1
    while [ -n "$d" ] && [ "$d" != "$HOME" ] && [ "$d" != "/" ] && [ -d "$d" ]; do
        rmdir "$d" 2>/dev/null || break
        d=$(dirname "$d")
    done
}

if [ -f "$MANIFEST" ]; then
    while IFS= read -r path; do
        [ -n "$path" ] || continue
        if [ -L "$path" ] || [ -f "$path" ]; then
            rm -f "$path"
            prune "$(dirname "$path")"
        fi
    done < "$MANIFEST"
fi

if $PURGE; then
    for d in "${XDG_DATA_HOME:-$HOME/.local/share}/yinzi" "${XDG_CONFIG_HOME:-$HOME/.config}/yinzi" \
             "${XDG_CACHE_HOME:-$HOME/.cache}/yinzi"; do
        if [ -d "$d" ]; then
            rm -rf "$d"
            prune "$(dirname "$d")"
        fi
    done
fi

rm -rf "$APP_DIR"
prune "$(dirname "$APP_DIR")"
echo "Yinzi removed from $APP_DIR"
if ! $PURGE; then
    echo "  your data stays in ${XDG_DATA_HOME:-$HOME/.local/share}/yinzi and ${XDG_CONFIG_HOME:-$HOME/.config}/yinzi (uninstall.sh --purge removes it)"
fi

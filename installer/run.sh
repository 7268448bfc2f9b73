#!/bin/sh
# Runs Steadypay on the default store: the desktop program when there is a display, otherwise the
# command line's forecast. On the first run there is no store yet: it creates one from the
# example household (you choose its passphrase), so there is something to look at.
# Set STEADYPAY_DB to use another store.
set -eu
cd "$(dirname "$0")/.."
cli=build/release/app/cli/steadypay
gui=build/release/app/gui/steadypay-gui
store=${STEADYPAY_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/steadypay/steadypay.db}
if [ ! -e "$store" ]; then
    echo "No store at $store yet: creating one with the example household."
    "$cli" --db "$store" init --import installer/examples/paycheck-to-paycheck.json
fi
if [ -x "$gui" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    # Exit status 0: the window was closed (or the unlock cancelled). Anything else: it could
    # not start, usually because the display cannot be opened.
    if "$gui" --db "$store"; then
        exit 0
    fi
    echo "The desktop program could not start; here is the forecast instead." >&2
fi
exec "$cli" --db "$store" forecast

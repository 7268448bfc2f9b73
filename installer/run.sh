#!/bin/sh
# Runs Steadypay on the default store. On the first run there is no store yet: it creates one
# from the example household (you choose its passphrase), so there is something to look at.
# Set STEADYPAY_DB to use another store.
set -eu
cd "$(dirname "$0")/.."
bin=build/release/app/cli/steadypay
store=${STEADYPAY_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/steadypay/steadypay.db}
if [ ! -e "$store" ]; then
    echo "No store at $store yet: creating one with the example household."
    "$bin" --db "$store" init --import installer/examples/paycheck-to-paycheck.json
fi
exec "$bin" --db "$store" forecast

#!/bin/sh
# Installs everything Steadypay needs to build, test and run, from Debian 12 packages.
# Run as root (or with sudo) on a fresh Debian 12 machine. Safe to run again.
set -eu

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        exec sudo -E sh "$0" "$@"
    fi
    echo "install-deps.sh: run as root (or install sudo)" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive

packages="
    build-essential cmake pkg-config git ca-certificates
    libhowardhinnant-date-dev tzdata libicu-dev
    nlohmann-json3-dev libcli11-dev libfmt-dev
    libsqlcipher-dev sqlcipher libssl-dev
    libcurl4-openssl-dev
    libofx-dev libofx-doc libcsv-dev
    libwxgtk3.2-dev libgtk-3-dev
    catch2 libbenchmark-dev
    python3 python3-dateutil glpk-utils
    gettext locales
    xvfb xauth
"

# Skip apt entirely when everything is already there (fast re-runs, offline machines).
missing=""
for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -n "$missing" ]; then
    echo "install-deps.sh: installing:$missing"
    apt-get update -q
    # shellcheck disable=SC2086
    apt-get install -y -q --no-install-recommends $missing
else
    echo "install-deps.sh: all build and test dependencies are installed"
fi

# The languages the program speaks and the tests run it in: the C library's locales for them
# (a fresh Debian machine has only C.UTF-8), so gettext and the window find their catalogues.
for l in en_US he_IL ar_EG de_DE; do
    if ! locale -a 2>/dev/null | grep -qi "^$l\.utf-\?8$"; then
        echo "install-deps.sh: generating the $l.UTF-8 locale"
        localedef -i "$l" -f UTF-8 "$l.UTF-8"
    fi
done

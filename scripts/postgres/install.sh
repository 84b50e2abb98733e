#!/usr/bin/env bash
# Installs what the archive tests need from Debian: PostgreSQL 15 with its contrib modules
# (intarray, pg_trgm), the RUM index, and openssl (a TLS test makes a certificate). Idempotent; as root (CI) or with sudo.
set -euo pipefail
missing=()
for p in postgresql postgresql-contrib postgresql-15-rum openssl; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "[postgres install] apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# Debian starts a cluster of its own on port 5432 after install; the tests use throw-away
# clusters on free ports and need nothing else running.

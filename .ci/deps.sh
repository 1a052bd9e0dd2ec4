#!/usr/bin/env bash
# Installs what the tests need when it is missing: Debian's Chromium for
# the browser tests and the npm packages from the committed lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v node >/dev/null || need+=(nodejs npm)
# $CHROMIUM names another Chromium-based browser (GitHub's runners ship
# Google Chrome; Ubuntu's chromium package is only a snap wrapper).
if [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ]; then :; else
  command -v chromium >/dev/null || need+=(chromium)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} with apt-get"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" fonts-dejavu-core
fi
for dir in internal/e2e; do
  if [ -f "$dir/package-lock.json" ] && [ ! -d "$dir/node_modules" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
done

#!/usr/bin/env bash
# Microsoft's own manifest validation (npm run validate:online). It sends the manifest to a
# Microsoft web service, so it needs internet access; without it, use `npm run validate`
# (scripts/validate-manifest.ts), which runs offline and in CI.
#
#   bash scripts/validate-online.sh [manifest.xml]
set -euo pipefail
cd "$(dirname "$0")/.."
exec npx --no office-addin-manifest validate "${1:-manifest.xml}"

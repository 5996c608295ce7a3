#!/usr/bin/env bash
# Puts a Temporal CLI (dev server) at .tools/temporal, built from the Go module proxy.
# The build (about 200 modules, a few minutes on 2 cores) is cached outside the checkout, so a
# new clone on the same machine reuses it. Without Go, nothing is built and the Temporal SDK
# downloads the dev server itself on first use (that needs internet access).
set -euo pipefail
VERSION="v1.5.1"   # later tags carry a `replace` in go.mod, which `go install` refuses
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/.tools/temporal"
cache="${MOTCUA_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/motcua}/temporal-$VERSION"

if [ -n "${TEMPORAL_CLI_PATH:-}" ]; then echo "temporal: using TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH"; exit 0; fi
if [ -x "$target" ]; then exit 0; fi
mkdir -p "$root/.tools"
if [ ! -x "$cache/temporal" ]; then
  if ! command -v go >/dev/null 2>&1; then
    echo "temporal: Go is not installed; the Temporal SDK will download the dev server on first start."
    exit 0
  fi
  echo "temporal: building the Temporal CLI $VERSION with Go (first time only, a few minutes)..."
  mkdir -p "$cache"
  CGO_ENABLED=0 GOBIN="$cache" GOFLAGS="${GOFLAGS:-} -trimpath" go install -ldflags="-s -w" "github.com/temporalio/cli/cmd/temporal@$VERSION"
fi
# A hard link when the cache is on the same file system, else a copy.
ln -f "$cache/temporal" "$target" 2>/dev/null || cp "$cache/temporal" "$target"
"$target" --version

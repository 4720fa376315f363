#!/usr/bin/env bash
# Runs clang-tidy 14 (./.clang-tidy) over our sources in a configured build
# folder's compile_commands.json; exits 1 when it reports anything.
#   bash packaging/check-tidy.sh [BUILD_DIR] [FILE_REGEX]
# Not part of .ci/run: over the whole tree it takes longer than CI can spare
# (see docs/architecture.md, Build configurations).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build}"
filter="${2:-$here/(models|views|app|tests|bench)/.*\.cpp$}"
if [ ! -f "$build/compile_commands.json" ]; then
  echo "check-tidy: no $build/compile_commands.json; configure first: cmake --preset default" >&2
  exit 2
fi
runner="$(command -v run-clang-tidy-14 || command -v run-clang-tidy || true)"
if [ -z "$runner" ]; then
  echo "check-tidy: run-clang-tidy not found (apt-get install clang-tidy-14)" >&2
  exit 2
fi
# Generated moc/uic/rcc sources are not ours; the fuzz folder builds with clang flags of its own.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
"$runner" -p "$build" -quiet -j "${FORKSCOPE_JOBS:-2}" "$filter" 2>/dev/null | tee "$log" | grep -E 'warning:|error:' || true
if grep -qE '(warning|error): .*\[[a-z-]+(,[a-z.-]+)*\]$' "$log"; then
  echo "check-tidy: findings above" >&2
  exit 1
fi
echo "check-tidy: clean"

#!/usr/bin/env bash
# Lists the C++ files that clang-format 14 (with ./.clang-format) would change
# and exits 1 if there are any.
#   bash packaging/check-format.sh         check (CI)
#   bash packaging/check-format.sh --fix   format those files in place
set -euo pipefail
cd "$(dirname "$0")/.."

clang_format="${CLANG_FORMAT:-$(command -v clang-format-14 || command -v clang-format || true)}"
if [ -z "$clang_format" ]; then
  echo "check-format: clang-format 14 not found (apt-get install clang-format-14)" >&2
  exit 2
fi

mapfile -t files < <(git ls-files '*.cpp' '*.h')
if [ "${1:-}" = "--fix" ]; then
  printf '%s\0' "${files[@]}" | xargs -0 -n 50 "$clang_format" -i
  exit 0
fi

differ=()
for f in "${files[@]}"; do
  if ! "$clang_format" "$f" | cmp -s - "$f"; then
    differ+=("$f")
  fi
done
if [ ${#differ[@]} -gt 0 ]; then
  printf '%s\n' "${differ[@]}"
  echo "check-format: ${#differ[@]} file(s) differ from .clang-format; run: bash packaging/check-format.sh --fix" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"

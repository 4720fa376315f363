#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine:
#   bash packaging/dev.sh run    install what is missing, build, start the app
#   bash packaging/dev.sh test   install what is missing, build, run every test
#   bash packaging/dev.sh build  install what is missing and build
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FORKSCOPE_BUILD_DIR:-$here/build}"
jobs="${FORKSCOPE_JOBS:-2}"

bash "$here/packaging/install-deps.sh"

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j "$jobs"

case "${1:-run}" in
  build) ;;
  test)
    cd "$build"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$jobs" --timeout 900
    ;;
  run)
    shift || true
    cli="$build/app/forkscope-cli"
    # A newcomer sees runs at once: the demo project on an empty store.
    if [ "$("$cli" projects --json "$@" | tr -d ' \n')" = '{"projects":[]}' ]; then
      echo "Empty store: creating the demo project (forkscope-cli demo)..."
      "$cli" demo "$@"
    fi
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "No display found: starting the app under Xvfb (set DISPLAY to use your screen)."
      exec xvfb-run -a -s "-screen 0 1600x1000x24" "$build/app/forkscope" "$@"
    fi
    exec "$build/app/forkscope" "$@"
    ;;
  *)
    echo "usage: bash packaging/dev.sh [run|test|build] [--store PATH]" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine:
#   bash packaging/dev.sh run    install what is missing, build, start the app
#   bash packaging/dev.sh test   install what is missing, build, run every test
#   bash packaging/dev.sh build  install what is missing and build
#   bash packaging/dev.sh sanitize  build every test with ASan + UBSan in
#                                build-asan/ (the `sanitize` preset) and run them
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FORKSCOPE_BUILD_DIR:-$here/build}"
jobs="${FORKSCOPE_JOBS:-2}"

bash "$here/packaging/install-deps.sh"

if [ "${1:-run}" = sanitize ]; then
  build="${FORKSCOPE_BUILD_DIR:-$here/build-asan}"
  # Findings are fatal and print a stack; third-party leaks only are
  # suppressed (tests/support/lsan.supp). Set before building: test
  # discovery runs the instrumented test executables.
  export ASAN_OPTIONS="abort_on_error=1:halt_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  export LSAN_OPTIONS="suppressions=$here/tests/support/lsan.supp:print_suppressions=0"
  cmake --preset sanitize -S "$here" -B "$build" ${FORKSCOPE_CMAKE_ARGS:-}
else
  cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${FORKSCOPE_CMAKE_ARGS:-}
fi
cmake --build "$build" -j "$jobs"

case "${1:-run}" in
  build) ;;
  test|sanitize)
    cd "$build"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j "$jobs" --timeout 900
    ;;
  run)
    shift || true
    cli="$build/app/forkscope-cli"
    # A newcomer sees runs at once: the demo project on an empty store.
    # A store that does not exist yet (the first start) counts as empty.
    projects="$("$cli" projects --json "$@" 2>/dev/null | tr -d ' \n' || true)"
    if [ -z "$projects" ] || [ "$projects" = '{"projects":[]}' ]; then
      echo "Empty store: creating the demo project (forkscope-cli demo)..."
      "$cli" demo "$@" || echo "Could not create the demo project (see above); starting the app, which says what is wrong."
    fi
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "No display found: starting the app under Xvfb (set DISPLAY to use your screen)."
      exec xvfb-run -a -s "-screen 0 1600x1000x24" "$build/app/forkscope" "$@"
    fi
    exec "$build/app/forkscope" "$@"
    ;;
  *)
    echo "usage: bash packaging/dev.sh [run|test|build|sanitize] [--store PATH]" >&2
    exit 2
    ;;
esac

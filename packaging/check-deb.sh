#!/usr/bin/env bash
# CI: build the Debian package from an existing build folder, validate its
# desktop entry and AppStream metadata, install it, run both executables
# from /usr/bin, and remove it again.
#   bash packaging/check-deb.sh            (after bash packaging/dev.sh test)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FORKSCOPE_BUILD_DIR:-$here/build}"
app_id=io.github.forkscope.Forkscope

bash "$here/packaging/install-deps.sh"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

echo "== validate the desktop entry and the AppStream metadata"
desktop-file-validate "$here/packaging/$app_id.desktop"
appstreamcli validate --no-net "$here/packaging/$app_id.metainfo.xml"

echo "== cpack -G DEB"
cmake --build "$build" -j "${FORKSCOPE_JOBS:-2}" --target forkscope forkscope-cli _forkscope
(cd "$build" && rm -f forkscope_*.deb && cpack -G DEB)
deb="$(ls "$build"/forkscope_*.deb | head -n 1)"
echo "package: $deb"
dpkg-deb --info "$deb"
dpkg-deb --contents "$deb"
contents="$(dpkg-deb --contents "$deb")"
for f in ./usr/bin/forkscope ./usr/bin/forkscope-cli \
         "./usr/share/applications/$app_id.desktop" \
         "./usr/share/metainfo/$app_id.metainfo.xml" \
         "./usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
         "./usr/share/icons/hicolor/48x48/apps/$app_id.png" \
         "./usr/share/icons/hicolor/256x256/apps/$app_id.png" \
         ./usr/lib/python3/dist-packages/forkscope/__init__.py; do
  grep -qF " $f" <<<"$contents" || { echo "missing from the package: $f" >&2; exit 1; }
done
depends="$(dpkg-deb --field "$deb" Depends)"
echo "Depends: $depends"
grep -q "libqt6core6" <<<"$depends" || { echo "Depends lacks the shlibdeps-computed Qt libraries" >&2; exit 1; }
grep -q "python3 (>= " <<<"$depends" || { echo "Depends lacks python3 for the forkscope module" >&2; exit 1; }
grep -qE " \./usr/lib/python3/dist-packages/forkscope/_forkscope\.cpython-[0-9]+-.*\.so$" <<<"$contents" \
  || { echo "missing from the package: the compiled module forkscope/_forkscope*.so" >&2; exit 1; }

echo "== install"
cleanup() { $sudo dpkg -r forkscope >/dev/null 2>&1 || true; }
trap cleanup EXIT
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$deb"

echo "== run from /usr/bin"
/usr/bin/forkscope-cli --version
/usr/bin/forkscope --version
work="$(mktemp -d)"
/usr/bin/forkscope-cli --store "$work/s.sqlite" demo >/dev/null
QT_QPA_PLATFORM=offscreen /usr/bin/forkscope --store "$work/s.sqlite" --screenshot "$work/x.png"
size="$(stat -c %s "$work/x.png")"
echo "screenshot: $work/x.png ($size bytes)"
[ "$size" -gt 20000 ] || { echo "the screenshot is too small to show the window" >&2; exit 1; }
QT_QPA_PLATFORM=offscreen /usr/bin/forkscope --store "$(mktemp -d)/empty.sqlite" --lang ja --screenshot "$work/ja.png"
[ -s "$work/ja.png" ]

echo "== the Python package, from the system python3"
py_run="$(cd "$work" && env -u PYTHONPATH FORKSCOPE_STORE="$work/py.sqlite" /usr/bin/python3 -c '
import forkscope
assert forkscope.__file__.startswith("/usr/lib/python3/dist-packages/forkscope/"), forkscope.__file__
with forkscope.init(project="deb-check") as run:
    for step in range(3):
        run.log({"loss": 1 / (step + 1)})
print(run.path)
')"
echo "logged $py_run"
/usr/bin/forkscope-cli --store "$work/py.sqlite" history "$py_run" | grep -q '"_step":2'

echo "== remove"
$sudo dpkg -r forkscope
trap - EXIT
[ ! -e /usr/bin/forkscope ] && [ ! -e /usr/bin/forkscope-cli ] && [ ! -e /usr/lib/python3/dist-packages/forkscope ]
rm -rf "$work"
echo "check-deb: OK"

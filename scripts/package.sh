#!/usr/bin/env bash
# Builds the installable package for this machine: a .deb through the Tauri bundler, with the desktop
# app (标准目录编制器), its icon and desktop entry (打开方式 for .xlsx/.xls), and the `mulu` command-line
# tool in /usr/bin. Runs offline once scripts/setup.sh has installed the tools (it runs setup only when
# the Tauri CLI is missing). Then checks the package: dpkg-deb -I/-c, unpacks it into a scratch root
# and runs `mulu --help` from there. Prints the path of the .deb. See docs/packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
step() { printf '\n==> %s\n' "$*"; }

TAURI=tools/tauri-cli/node_modules/.bin/tauri
[ -x "$TAURI" ] || bash scripts/setup.sh

TARGET_DIR=$(cargo metadata --format-version 1 --no-deps --offline \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
TRIPLE=$(rustc -vV | sed -n 's/^host: //p')

step "mulu（命令行工具，release）"
cargo build --release --locked -p mulu-cli
mkdir -p src-tauri/binaries
# The bundler installs an external binary named binaries/mulu-<target triple> as /usr/bin/mulu.
cp "$TARGET_DIR/release/mulu" "src-tauri/binaries/mulu-$TRIPLE"

step "桌面程序与 .deb（tauri build --bundles deb）"
# beforeBuildCommand builds ui/dist; src-tauri/tauri.package.json adds the external binary.
"$TAURI" build --ci --bundles deb --config src-tauri/tauri.package.json -- --locked

BUNDLED=$(ls -t "$TARGET_DIR"/release/bundle/deb/*.deb | grep -v '/biaozhunmulu_[^/]*$' | head -n 1)

step "软件包名 / package name"
# The bundler names the package after productName (标准目录编制器), but Debian package names are lowercase
# ASCII (dpkg refuses to install it otherwise): repack the same files with Package: biaozhunmulu.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# dpkg-deb cannot even read that control file, so unpack the ar archive by hand.
mkdir -p "$WORK/ar" "$WORK/pkg/DEBIAN"
(cd "$WORK/ar" && ar x "$BUNDLED")
tar -xf "$WORK"/ar/control.tar.* -C "$WORK/pkg/DEBIAN"
tar -xf "$WORK"/ar/data.tar.* -C "$WORK/pkg"
CONTROL="$WORK/pkg/DEBIAN/control"
sed -i 's/^Package: .*/Package: biaozhunmulu/' "$CONTROL"
DEB="$(dirname "$BUNDLED")/biaozhunmulu_$(sed -n 's/^Version: //p' "$CONTROL")_$(sed -n 's/^Architecture: //p' "$CONTROL").deb"
dpkg-deb --root-owner-group --build "$WORK/pkg" "$DEB"
rm -f "$BUNDLED"

step "检查 / check $DEB"
dpkg-deb -I "$DEB"
LIST=$(dpkg-deb -c "$DEB")
echo "$LIST"
for f in ' \./usr/bin/biaozhunmulu$' ' \./usr/bin/mulu$' ' \./usr/share/applications/.*\.desktop$' ' \./usr/share/icons/.*\.png$'; do
  grep -q "$f" <<<"$LIST" || { echo "包里缺少 / missing in the package: $f" >&2; exit 1; }
done
dpkg-deb -f "$DEB" Package | grep -qx biaozhunmulu
ROOT="$WORK/root"
dpkg -x "$DEB" "$ROOT"
grep -E '^(Exec|MimeType)=' "$ROOT/usr/share/applications/"*.desktop
"$ROOT/usr/bin/mulu" --help >/dev/null
"$ROOT/usr/bin/mulu" --db "$ROOT/t.db" guidelines | tail -n 1

echo
echo "安装包 / package: $DEB ($(du -h "$DEB" | cut -f1))"
echo "安装 / install:   sudo apt install $DEB"

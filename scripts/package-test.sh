#!/usr/bin/env bash
# 安装包测试：把 scripts/package.sh 生成的 .deb 用 `dpkg -i` 装到这台机器上，核对装好的文件，运行装好的
# `mulu --version`（须等于 Cargo 的版本），在 Xvfb 下经 tauri-driver 启动装好的桌面程序、经 WebDriver 读窗口标题
# （tests/package/installed-app.mjs），最后 `dpkg -r` 卸掉（出错时也卸）。数据库与 HOME 都在临时目录，
# 不碰这台机器上的数据。
#
#   bash scripts/package-test.sh              # 先运行 scripts/package.sh（release 构建，约 10–20 分钟）
#   bash scripts/package-test.sh PATH.deb     # 测一个现成的安装包（须与源码同一版本）
#
# 需要 root（dpkg -i 写 /usr），机器上不能已经装着 biaozhunmulu（不替别人卸）。不在 scripts/test.sh 里：
# release 构建会超出测试命令 30 分钟的预算。见 docs/packaging.md。
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*"; }
PASS=0
FAIL=0
check() { # check 名称 命令…：命令成功为通过
  local name=$1
  shift
  if "$@"; then PASS=$((PASS + 1)); echo "ok   $name"; else FAIL=$((FAIL + 1)); echo "FAIL $name"; fi
}

[ "$(id -u)" = 0 ] || { echo "需要 root：dpkg -i 把程序装到 /usr" >&2; exit 2; }
if dpkg-query -W -f='${Status}' biaozhunmulu 2>/dev/null | grep -q 'installed'; then
  echo "这台机器上已经装着 biaozhunmulu（$(dpkg-query -W -f='${Version}' biaozhunmulu)）：本测试不替你卸载，请先 dpkg -r biaozhunmulu" >&2
  exit 2
fi

TARGET_DIR=$(cargo metadata --format-version 1 --no-deps --offline \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
VERSION=$(cargo metadata --format-version 1 --no-deps --offline \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).packages.find(p=>p.name==="biaozhunmulu").version))')
CLI_VERSION=$(cargo metadata --format-version 1 --no-deps --offline \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).packages.find(p=>p.name==="mulu-cli").version))')

if [ $# -ge 1 ]; then
  DEB=$(realpath "$1")
else
  step "scripts/package.sh"
  bash scripts/package.sh
  DEB=$(ls -t "$TARGET_DIR"/release/bundle/deb/biaozhunmulu_*.deb | head -n 1)
fi
[ -f "$DEB" ] || { echo "没有安装包：$DEB" >&2; exit 2; }
OUT="$TARGET_DIR/package-test"
rm -rf "$OUT"
mkdir -p "$OUT"
WORK=$(mktemp -d)

step "安装包 / package $DEB"
dpkg-deb -I "$DEB" | sed -n '/^ Package:/,$p'
check "软件包名 biaozhunmulu" [ "$(dpkg-deb -f "$DEB" Package)" = biaozhunmulu ]
check "版本 = Cargo 的版本 $VERSION" [ "$(dpkg-deb -f "$DEB" Version)" = "$VERSION" ]
DEPENDS=$(dpkg-deb -f "$DEB" Depends)
echo "Depends: $DEPENDS"

step "dpkg -i（依赖由 dpkg 对照本机已装的软件包检查）"
cleanup() {
  local rc=$?
  if dpkg-query -W -f='${Status}' biaozhunmulu 2>/dev/null | grep -q 'installed\|unpacked\|half'; then
    echo
    echo "==> dpkg -r biaozhunmulu"
    dpkg -r biaozhunmulu >/dev/null || rc=1
  fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
dpkg -i "$DEB"
check "dpkg 记为已安装" [ "$(dpkg-query -W -f='${Status}' biaozhunmulu)" = "install ok installed" ]
INSTALLED_KB=$(dpkg-query -W -f='${Installed-Size}' biaozhunmulu)
dpkg -L biaozhunmulu > "$OUT/files.txt"
# 实际占用：包里每个普通文件的大小之和（du 会把共用的目录也算进去）。
ON_DISK=$(grep -v '/$' "$OUT/files.txt" | while read -r f; do [ -f "$f" ] && [ ! -L "$f" ] && stat -c %s "$f"; done | awk '{s+=$1} END {print s}')

step "装好的文件"
check "/usr/bin/biaozhunmulu 可执行" [ -x /usr/bin/biaozhunmulu ]
check "/usr/bin/mulu 可执行，PATH 上的 mulu 就是它" [ "$(command -v mulu)" = /usr/bin/mulu ]
DESKTOP=$(grep '^/usr/share/applications/.*\.desktop$' "$OUT/files.txt" | head -n 1)
check "菜单项 $DESKTOP" [ -f "$DESKTOP" ]
cat "$DESKTOP"
desktop_has() { grep -qx -- "$1" "$DESKTOP"; }
check "菜单项 Name=标准目录编制器" desktop_has 'Name=标准目录编制器'
check "菜单项 Exec=biaozhunmulu %F" desktop_has 'Exec=biaozhunmulu %F'
mime_has() { grep '^MimeType=' "$DESKTOP" | tr '=;' '\n\n' | grep -qx -- "$1"; }
check "打开方式 .xlsx" mime_has application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
check "打开方式 .xls" mime_has application/vnd.ms-excel
check "打开方式 .docx" mime_has application/vnd.openxmlformats-officedocument.wordprocessingml.document
ICON=$(sed -n 's/^Icon=//p' "$DESKTOP")
check "图标 Icon=$ICON 在 hicolor 里（4 种尺寸）" [ "$(grep -c "^/usr/share/icons/hicolor/.*/apps/$ICON\.png$" "$OUT/files.txt")" -ge 4 ]
check "图标是 PNG" bash -c "file -b /usr/share/icons/hicolor/128x128/apps/$ICON.png | grep -q '^PNG image'"
SAMPLES=/usr/lib/标准目录编制器/samples
for f in README.md township.xlsx street.xlsx county-department.xlsx mistakes-township.xlsx mistakes-street.xlsx; do
  check "示例 $SAMPLES/$f 与仓库里的相同" cmp -s "$SAMPLES/$f" "samples/$f"
done

step "装好的 mulu"
GOT=$(mulu --version)
echo "$GOT"
check "mulu --version = mulu $CLI_VERSION（Cargo 的版本）" [ "$GOT" = "mulu $CLI_VERSION" ]
check "mulu --help 列出子命令" bash -c 'mulu --help | grep -q import'
# 装好的 mulu 读随包的示例：导入乡镇示例，审核有错的示例（应查出问题，退出码非 0）。
check "mulu import 随包的乡镇示例" mulu --db "$WORK/cli.db" import "$SAMPLES/township.xlsx"
set +e
mulu --db "$WORK/cli.db" check "$SAMPLES/mistakes-township.xlsx" > "$OUT/check.txt" 2>&1
CHECK_RC=$?
set -e
tail -n 3 "$OUT/check.txt"
check "mulu check 有错的示例：查出错误（退出码 1，实为 $CHECK_RC）" [ "$CHECK_RC" -eq 1 ]

step "装好的桌面程序：Xvfb + tauri-driver + WebDriver"
[ -x tools/bin/tauri-driver ] || bash scripts/setup.sh
if PACKAGE_TEST_OUT="$OUT" EXPECT_VERSION="$VERSION" EXPECT_SAMPLES_DIR="$SAMPLES" APP_BINARY=/usr/bin/biaozhunmulu \
  TAURI_DRIVER="$PWD/tools/bin/tauri-driver" HOME="$WORK/home" MULU_DB="$WORK/app.db" \
  xvfb-run -a -s "-screen 0 1280x800x24" node tests/package/installed-app.mjs; then
  PASS=$((PASS + 1)); echo "ok   装好的程序经 WebDriver 的检查"
else
  FAIL=$((FAIL + 1)); echo "FAIL 装好的程序经 WebDriver 的检查"
fi

step "dpkg -r"
dpkg -r biaozhunmulu
check "卸载后 /usr/bin/mulu 与 /usr/bin/biaozhunmulu 都不在了" bash -c '[ ! -e /usr/bin/mulu ] && [ ! -e /usr/bin/biaozhunmulu ]'

DEB_BYTES=$(stat -c %s "$DEB")
{
  echo "- 安装包：$(basename "$DEB")，$DEB_BYTES 字节（$(awk "BEGIN {printf \"%.1f\", $DEB_BYTES/1048576}") MiB）"
  echo "- 装好后：Installed-Size $INSTALLED_KB KiB；文件合计 $ON_DISK 字节（$(awk "BEGIN {printf \"%.1f\", $ON_DISK/1048576}") MiB）"
  echo "- Depends: $DEPENDS"
  echo "- $PASS passed, $FAIL failed"
} | tee "$OUT/summary.md"
echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]

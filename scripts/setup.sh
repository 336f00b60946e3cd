#!/usr/bin/env bash
# Installs what building, running and testing need, skipping what is already there:
#   - Debian/Ubuntu packages: WebKitGTK 4.1 + build tools (Tauri), Xvfb/xauth (headless window),
#     webkit2gtk-driver (WebKitWebDriver for end-to-end tests), fonts-noto-cjk (Chinese text),
#     imagemagick (screenshots), pkg-config, file;
#   - the UI's npm packages (ui/package-lock.json, with `npm ci`);
#   - tauri-driver (WebDriver bridge) into ./tools/bin with `cargo install --locked`;
#   - the Tauri CLI (npm @tauri-apps/cli, a prebuilt binary, pinned) into ./tools/tauri-cli — used only by
#     scripts/package.sh to bundle the .deb, which then needs no network.
# Needs: a Rust toolchain (rustup), Node.js >= 20 with npm, and root or sudo for apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(libwebkit2gtk-4.1-dev build-essential libxdo-dev libssl-dev libayatana-appindicator3-dev
  librsvg2-dev xvfb xauth webkit2gtk-driver fonts-noto-cjk imagemagick file pkg-config python3 python3-venv)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> 安装系统软件包 / installing apt packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v cargo >/dev/null || { echo "需要 Rust 工具链（https://rustup.rs）/ a Rust toolchain is required" >&2; exit 1; }
command -v npm >/dev/null || { echo "需要 Node.js 20+ 与 npm / Node.js 20+ with npm is required" >&2; exit 1; }

if [ -f ui/package-lock.json ]; then
  if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    echo "==> 安装界面依赖 / npm ci (ui)"
    npm ci --prefix ui --no-audit --no-fund --loglevel=error
  fi
fi

if [ ! -x tools/bin/tauri-driver ]; then
  echo "==> 安装 tauri-driver / cargo install tauri-driver"
  cargo install tauri-driver --locked --root tools --quiet
fi

# Packaging only (scripts/package.sh): the Tauri CLI, same minor version as the tauri crate in Cargo.lock.
TAURI_CLI_VERSION=2.12.5
if [ "$(tools/tauri-cli/node_modules/.bin/tauri --version 2>/dev/null)" != "tauri-cli $TAURI_CLI_VERSION" ]; then
  echo "==> 安装 Tauri 命令行（打包用）/ npm @tauri-apps/cli@$TAURI_CLI_VERSION into tools/tauri-cli"
  mkdir -p tools/tauri-cli
  npm install --prefix tools/tauri-cli --no-save --no-audit --no-fund --loglevel=error "@tauri-apps/cli@$TAURI_CLI_VERSION"
fi

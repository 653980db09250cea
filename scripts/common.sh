# Shared set-up for scripts/demo, scripts/test and scripts/bench: installs the
# Debian 12 packages vigie needs (only when one is missing), then configures
# and builds with CMake + Ninja (+ ccache). Sourced, not run.

VIGIE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Build dependencies (Debian 12). Boost 1.81, not the default 1.74.
VIGIE_PACKAGES=(
  g++ cmake ninja-build ccache pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libre2-dev libsqlite3-dev doctest-dev libpugixml-dev libutf8proc-dev
  libtomlplusplus-dev libsystemd-dev libssl-dev zlib1g-dev
  tzdata  # brands.toml timezone names (zoneinfo)
)

vigie_install_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# vigie_build BUILD_DIR BUILD_TYPE [extra cmake args...] — configure once, then build.
vigie_build() {
  local dir=$1 type=$2
  shift 2
  vigie_install_packages "${VIGIE_PACKAGES[@]}"
  export CCACHE_DIR=${CCACHE_DIR:-$VIGIE_ROOT/.cache/ccache}
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S "$VIGIE_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
  fi
  cmake --build "$dir" --parallel "${VIGIE_JOBS:-$(nproc)}"
}

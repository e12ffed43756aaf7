# Shared helpers of scripts/run-app and scripts/test (sourced, not run).
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${VENV:-$REPO/.venv}
PYTHON=${PYTHON:-python3}

# Debian libraries Qt's xcb and offscreen plugins load (see shared docs), plus venv support.
QT_DEBS=(libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0 libxkbcommon-x11-0
         libdbus-1-3 libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
         libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0
         libxcb-sync1 libxcb-xfixes0 libxcb-xkb1 libxcb-glx0 libgssapi-krb5-2 fonts-dejavu-core
         fonts-noto-cjk fonts-symbola)

log() { printf '==> %s\n' "$*"; }

apt_install() {  # apt_install PKG...: install what is missing (needs root); no-op when all present
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "missing Debian packages: ${missing[*]} (run this script as root, or apt-get install them)" >&2
    return 1
  fi
  log "apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_venv() {  # ensure_venv EXTRAS: a venv at $VENV with the project installed (editable)
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11" >&2; return 1
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV" 2>/dev/null || { apt_install python3-venv && "$PYTHON" -m venv "$VENV"; }
  fi
  log "pip install -e .$1"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$REPO$1" 2>&1 \
    | grep -v '^WARNING: Location' || true
  "$VENV/bin/python" -c 'import explorer' || { echo "installing the project failed" >&2; return 1; }
}

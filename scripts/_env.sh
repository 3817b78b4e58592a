# Shared set-up for the scripts in this folder: sourced, never run.
# Every step is idempotent and cheap when nothing changed, so each command
# can call the ones it needs and a fresh clone needs nothing but Python 3.11+.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
export NO_MKDOCS_2_WARNING=1
export PYTHONPATH="$ROOT/scripts${PYTHONPATH:+:$PYTHONPATH}"
cd "$ROOT"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

apt_install() {
  # Installs Debian packages when we may; otherwise says exactly what to run.
  if ! is_root; then
    die "missing $*; install it with: sudo apt-get install -y $*"
  fi
  say "apt-get install $*"
  if [ ! -f /tmp/.helpcenter-apt-updated ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && touch /tmp/.helpcenter-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

requirements_hash() {
  cat "$ROOT/requirements.txt" "$1" | sha256sum | cut -d' ' -f1
}

ensure_python_env() {
  # $1 = "site" (build and serve) or "dev" (plus tests, checks, benchmark).
  local kind="${1:-site}" reqs stamp want
  reqs="$ROOT/requirements.txt"
  [ "$kind" = dev ] && reqs="$ROOT/requirements-dev.txt"
  local py="${PYTHON:-python3}"
  command -v "$py" >/dev/null || die "Python 3.11+ is required (python3 not found)"
  "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || die "Python 3.11+ is required, found $("$py" --version 2>&1)"
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating .venv"
    "$py" -m venv "$VENV" || die "could not create .venv (on Debian: apt-get install -y python3-venv)"
  fi
  stamp="$VENV/.installed-$kind"
  want="$(requirements_hash "$reqs")"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing pinned Python packages ($(basename "$reqs"))"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$reqs"
    echo "$want" > "$stamp"
    # The dev set includes the site set: no second install for scripts/serve or build.
    [ "$kind" = dev ] && requirements_hash "$ROOT/requirements.txt" > "$VENV/.installed-site"
  fi
  export PATH="$VENV/bin:$PATH"
}

ensure_node_modules() {
  # textlint, markdownlint and the vendored browser libraries come from npm.
  command -v npm >/dev/null || apt_install nodejs npm
  local want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$ROOT/node_modules/.installed" 2>/dev/null)" != "$want" ]; then
    say "npm ci"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$want" > "$ROOT/node_modules/.installed"
  fi
  export PATH="$ROOT/node_modules/.bin:$PATH"
}

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

ensure_chromium() {
  # Browser tests drive Debian's Chromium; Playwright's own download does not work here.
  if [ ! -x "$CHROMIUM" ]; then
    apt_install chromium
  fi
  [ -x "$CHROMIUM" ] || die "Chromium not found at $CHROMIUM; install it with: sudo apt-get install -y chromium"
  # Japanese glyphs for screenshots; optional for correctness, so best effort.
  if ! fc-list 2>/dev/null | grep -i "noto sans cjk" >/dev/null; then
    if is_root; then apt_install fonts-noto-cjk || true; fi
  fi
}

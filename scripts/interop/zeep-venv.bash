# Sourced by the interop scripts (and bench/probe.sh): a Python venv with onvif-zeep-async
# from PyPI, made once and reused. `zeep_venv_ready` is true when it can import `onvif`;
# `zeep_venv_make SKIP` makes it or calls SKIP (a function taking one sentence) with the reason.
VENV=${VTRACK_INTEROP_VENV:-/tmp/vtrack-interop/onvif-zeep-async}

zeep_venv_ready() { [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import onvif" 2>/dev/null; }

zeep_venv_make() {
  local skip=$1
  command -v python3 >/dev/null || "$skip" "python3 is not installed"
  zeep_venv_ready && return 0
  rm -rf "$VENV"
  mkdir -p "$(dirname "$VENV")"
  python3 -m venv "$VENV" >/dev/null 2>&1 || "$skip" "python3 -m venv failed (install python3-venv)"
  "$VENV/bin/pip" install -q --disable-pip-version-check onvif-zeep-async >/dev/null 2>&1 \
    || { rm -rf "$VENV"; "$skip" "pip could not install onvif-zeep-async from PyPI"; }
}

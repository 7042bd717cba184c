# Starts and stops the peer servers the tests run against. Source it, then call start_peers;
# stop_peers runs on exit. Exports COGFORM_TEST_MOTO and COGFORM_TEST_COGNITO_LOCAL (base URLs).
# Usage by hand:  source .ci/peers.sh && start_peers && ./mvnw verify
# Each peer runs on a free loopback port from its own temporary directory and is stopped by PID.
COGNITO_LOCAL_VERSION=5.3.0
_peers_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_peers_cache="$_peers_root/.ci/cache"
_peers_pids=()
_peers_dirs=()

_peers_fail() { # message
  echo "peers: $1" >&2
  return 1
}

_free_port() {
  python3 - <<'PY'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

_wait_http() { # url, name, log, seconds, pid
  local url=$1 name=$2 log=$3 deadline=$((SECONDS + $4)) pid=$5
  until curl -s -o /dev/null "$url"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "peers: $name exited before answering at $url; its log:" >&2
      tail -n 40 "$log" >&2 || true
      return 1
    fi
    if (( SECONDS > deadline )); then
      echo "peers: $name did not answer at $url within $4 s; its log:" >&2
      tail -n 40 "$log" >&2 || true
      return 1
    fi
    sleep 0.1
  done
}

install_cognito_local() {
  local home="$_peers_cache/cognito-local-$COGNITO_LOCAL_VERSION"
  command -v node >/dev/null || _peers_fail "node is not on PATH; install Node.js (apt-get install nodejs npm)" || return 1
  if [[ ! -f "$home/node_modules/cognito-local/lib/bin/start.js" ]]; then
    command -v npm >/dev/null || _peers_fail "npm is not on PATH; install it (apt-get install npm)" || return 1
    echo "peers: installing cognito-local $COGNITO_LOCAL_VERSION from npm into $home" >&2
    mkdir -p "$home"
    (cd "$home" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent "cognito-local@$COGNITO_LOCAL_VERSION" >&2) || {
      rm -rf "$home"
      _peers_fail "npm install cognito-local@$COGNITO_LOCAL_VERSION failed (see npm's output above)"; return 1; }
  fi
  COGNITO_LOCAL_HOME="$home"
}

start_moto() {
  command -v moto_server >/dev/null \
    || _peers_fail "moto_server is not on PATH (it comes with the machine image; PyPI is not reachable)" || return 1
  local dir port pid; dir=$(mktemp -d); port=$(_free_port) || return 1
  moto_server -H 127.0.0.1 -p "$port" >"$dir/moto.log" 2>&1 &
  pid=$!; _peers_pids+=("$pid"); _peers_dirs+=("$dir")
  _wait_http "http://127.0.0.1:$port/moto-api/" moto_server "$dir/moto.log" 60 "$pid" || return 1
  export COGFORM_TEST_MOTO="http://127.0.0.1:$port"
  echo "peers: moto_server at $COGFORM_TEST_MOTO (pid $pid)" >&2
}

start_cognito_local() {
  install_cognito_local || return 1
  local dir port pid; dir=$(mktemp -d); port=$(_free_port) || return 1
  # cognito-local keeps its data in ./.cognito, so it runs from its own scratch directory.
  (cd "$dir" && HOST=127.0.0.1 PORT="$port" exec node "$COGNITO_LOCAL_HOME/node_modules/cognito-local/lib/bin/start.js" >"$dir/cognito-local.log" 2>&1) &
  pid=$!; _peers_pids+=("$pid"); _peers_dirs+=("$dir")
  _wait_http "http://127.0.0.1:$port/health" cognito-local "$dir/cognito-local.log" 60 "$pid" || return 1
  export COGFORM_TEST_COGNITO_LOCAL="http://127.0.0.1:$port"
  echo "peers: cognito-local $COGNITO_LOCAL_VERSION at $COGFORM_TEST_COGNITO_LOCAL (pid $pid)" >&2
}

stop_peers() {
  local pid
  for pid in "${_peers_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${_peers_pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if (( ${#_peers_dirs[@]} )); then
    rm -rf "${_peers_dirs[@]}"
  fi
  _peers_pids=(); _peers_dirs=()
}

start_peers() {
  trap stop_peers EXIT
  command -v curl >/dev/null || _peers_fail "curl is not on PATH (needed to wait for the peers)" || return 1
  command -v python3 >/dev/null || _peers_fail "python3 is not on PATH (needed to find free ports)" || return 1
  start_moto || _peers_fail "moto_server could not start" || return 1
  start_cognito_local || _peers_fail "cognito-local could not start" || return 1
}

# Helpers shared by the scripts in bench/: the JDK and the jar, free ports, timing, JSON,
# starting a server with -Xmx256m on a data directory of the run, and the first API calls.
# Sourced, not run; the sourcing script sets `set -euo pipefail` and its own cleanup trap.
#
#   WORK          the run's temporary directory (the sourcing script makes it)
#   FIRM_NAME, ADMIN_EMAIL   the bootstrap firm and administrator (set before sourcing, or the
#                 defaults below); PASSWORD is made here
#   SERVER        the server's process id once started, BASE its address

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The JDK the README names, unless JAVA_HOME says otherwise (the build needs 21 or newer too).
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=target/dossier.jar
FIRM_NAME=${FIRM_NAME:-Bench Firm}
ADMIN_EMAIL=${ADMIN_EMAIL:-bench@bench.test}
PASSWORD="bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')-long-enough"
SERVER=""
PORT=""
BASE=""
# How java is told to run Dossier; prepare_aot_launch changes it.
LAUNCH=(-jar "$JAR")

# Builds the jar when it is missing (bench/run always builds: build_jar).
ensure_jar() { [ -f "$JAR" ] || build_jar; }
build_jar() { ./mvnw -q -B -ntp -DskipTests package; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }
ratio() { python3 -c "print(f'{$1 / max($2, 0.001):.2f}')"; }

# json "['items'][0]['id']" < answer
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
b64() { printf '%s' "$1" | base64 -w0; }
sha256() { sha256sum "$1" | cut -d' ' -f1; }

# work_dir NAME: makes the run's directory (WORK) and, on exit, kills the server started
# from it and removes the directory (kept with KEEP_WORK=1).
work_dir() {
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/dossier-$1.XXXXXX")
  trap 'stop_server KILL; [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT
}

# start_server [extra server arguments…]: starts the jar with -Xmx256m on $WORK/data (kept
# across restarts), appends its output to $WORK/server.log and waits until /actuator/health
# answers. Sets SERVER, PORT (chosen once) and BASE; SERVER_STARTED is the time of the start.
start_server() {
  [ -n "$PORT" ] || PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  SERVER_STARTED=$(now)
  DOSSIER_DATA_DIR="$WORK/data" DOSSIER_BOOTSTRAP_FIRM_NAME="$FIRM_NAME" \
    DOSSIER_BOOTSTRAP_ADMIN_EMAIL="$ADMIN_EMAIL" DOSSIER_BOOTSTRAP_ADMIN_PASSWORD="$PASSWORD" \
    "$JAVA" -Xmx256m -XX:+ExitOnOutOfMemoryError "${LAUNCH[@]}" --server.port="$PORT" "$@" \
    >> "$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 1200); do
    curl -fsS "$BASE/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
    sleep 0.1
  done
  echo "FAIL: the server did not start"; exit 1
}

# prepare_aot_launch DIR: the launch the README recommends for production: the jar extracted
# into DIR/app and an ahead-of-time cache of its classes, trained by bin/class-cache on a short
# scripted visit (JDK 24 and later; a class-data archive on older JDKs). Sets LAUNCH to use them.
prepare_aot_launch() {
  local dir=$1 cache
  mkdir -p "$dir"
  cache=$(JAVA_HOME="$(dirname "$(dirname "$JAVA")")" JAVA_OPTS=-Xmx256m bin/class-cache "$JAR" "$dir") \
    || { echo "FAIL: training the class cache failed"; exit 1; }
  if [ "${cache##*.}" = aot ]; then
    LAUNCH=(-XX:AOTCache="$cache" -jar "$dir/app/dossier.jar")
  else
    LAUNCH=(-XX:SharedArchiveFile="$cache" -jar "$dir/app/dossier.jar")
  fi
}

# stop_server [signal]: ends the server started above (TERM unless told) and waits for it.
stop_server() {
  [ -n "$SERVER" ] || return 0
  kill "-${1:-TERM}" "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  SERVER=""
}

# sign_in: a token for the bootstrap administrator; sets TOKEN and AUTH (the header).
sign_in() {
  TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
    -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/tokens" | json "['token']")
  AUTH="Authorization: Bearer $TOKEN"
}

# api METHOD path [json body]: the answer's body; fails on any status but 2xx.
api() {
  if [ $# -ge 3 ]; then
    curl -fsS -X "$1" -H "$AUTH" -H 'Content-Type: application/json' -d "$3" "$BASE$2"
  else
    curl -fsS -X "$1" -H "$AUTH" "$BASE$2"
  fi
}

# settings '{"maxFileSize":…}': changes the firm's settings.
settings() { api PATCH /api/v1/settings "$1" >/dev/null; }

# new_client "Display name": the new client's id.
new_client() { api POST /api/v1/clients "{\"displayName\":\"$1\"}" | json "['id']"; }

# fail_on_oom: fails the run when the server's log shows an OutOfMemoryError.
fail_on_oom() {
  if grep -q OutOfMemoryError "$WORK/server.log"; then echo "FAIL: OutOfMemoryError"; exit 1; fi
}

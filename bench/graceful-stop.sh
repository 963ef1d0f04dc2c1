#!/usr/bin/env bash
# An administrator stops the server (SIGTERM, as systemd and docker stop do): once right after
# it started on a new data directory, while its first work is still being written, and once
# while a customer's upload is on its way. The server stops taking new requests, lets the upload
# finish and answer 201, and only then closes the database; started again on the same data
# directory, it has the document with the file's SHA-256. Neither stop logs an error or warning.
#
#   bench/graceful-stop.sh [size-in-MiB]   (needs target/dossier.jar: ./mvnw -DskipTests package)
set -euo pipefail
FIRM_NAME="Stop Firm" ADMIN_EMAIL=stop@bench.test
. "$(dirname "$0")/lib.sh"

SIZE_MIB=${1:-64}
SIZE=$((SIZE_MIB * 1024 * 1024))
RATE=$((SIZE / 5)) # the upload takes about five seconds
ensure_jar
work_dir stop
fail() { echo "FAIL: $*"; grep -E " (WARN|ERROR) " "$WORK/server.log" | tail -20 || true; exit 1; }
# stop_quietly: stops the server (SIGTERM) and fails when the stop logged a warning or error.
stop_quietly() {
  local lines started
  lines=$(wc -l < "$WORK/server.log") started=$(now)
  stop_server TERM
  STOP_S=$(elapsed "$started" "$(now)")
  if tail -n +"$((lines + 1))" "$WORK/server.log" | grep -E " (WARN|ERROR) |Exception"; then
    fail "the stop logged the lines above"
  fi
}

head -c "$SIZE" /dev/urandom > "$WORK/big.bin"
SHA=$(sha256 "$WORK/big.bin")

start_server
stop_quietly
echo "Stopped right after the first start, after ${STOP_S} s"

start_server
sign_in
CLIENT=$(new_client "Stop Client")

echo "Uploading ${SIZE_MIB} MiB at $((RATE / 1024 / 1024)) MiB/s and stopping the server on the way"
curl -sS -H "$AUTH" -H 'Expect:' --limit-rate "$RATE" -F "file=@$WORK/big.bin;filename=big.bin" \
  -w '%{http_code}' -o "$WORK/answer" "$BASE/api/v1/clients/$CLIENT/documents" > "$WORK/status" 2>&1 &
UPLOADER=$!
sleep 2
stop_quietly
wait "$UPLOADER" || true
STATUS=$(cat "$WORK/status")
[ "$STATUS" = 201 ] || fail "the upload answered '$STATUS' while the server stopped: $(head -c 500 "$WORK/answer")"
kill -0 "$UPLOADER" 2>/dev/null && fail "the upload is still running"
DOC=$(json "['items'][0]['id']" < "$WORK/answer")
echo "The upload answered 201; the server stopped after ${STOP_S} s"

start_server
STORED=$(api GET "/api/v1/documents/$DOC" | json "['sha256']")
[ "$STORED" = "$SHA" ] || fail "after the restart the document has $STORED, the file is $SHA"
curl -fsS -H "$AUTH" -o "$WORK/back.bin" "$BASE/api/v1/documents/$DOC/content"
[ "$(sha256 "$WORK/back.bin")" = "$SHA" ] || fail "the file read back after the restart differs"
echo "PASS"

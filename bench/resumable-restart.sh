#!/usr/bin/env bash
# A large file (default 1 GiB) sent through the resumable (tus) upload API of a server
# started with -Xmx256m: the first half arrives, the server is killed (SIGKILL) while the
# second half is on its way, a new server starts on the same data directory, the client
# asks for the stored offset (HEAD) and sends the rest. The document must have the file's
# SHA-256.
#
#   bench/resumable-restart.sh [size-in-MiB]   (needs target/dossier.jar: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MIB=${1:-1024}
SIZE=$((SIZE_MIB * 1024 * 1024))
HALF=$((SIZE / 2))
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=target/dossier.jar
[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dossier-resume.XXXXXX")
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
PASSWORD="bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')-long-enough"
SERVER=""

cleanup() {
  [ -n "$SERVER" ] && kill -9 "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

start_server() {
  DOSSIER_DATA_DIR="$WORK/data" DOSSIER_BOOTSTRAP_FIRM_NAME="Resume Firm" \
    DOSSIER_BOOTSTRAP_ADMIN_EMAIL=resume@bench.test DOSSIER_BOOTSTRAP_ADMIN_PASSWORD="$PASSWORD" \
    "$JAVA" -Xmx256m -XX:+ExitOnOutOfMemoryError -jar "$JAR" --server.port="$PORT" >> "$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 120); do
    curl -fsS "$BASE/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
    sleep 1
  done
  echo "FAIL: the server did not start"; exit 1
}

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
b64() { printf '%s' "$1" | base64 -w0; }

echo "Writing a ${SIZE_MIB} MiB file of random bytes"
head -c "$SIZE" /dev/urandom > "$WORK/big.bin"
SHA=$(sha256sum "$WORK/big.bin" | cut -d' ' -f1)

echo "Starting Dossier with -Xmx256m on port $PORT"
start_server
TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"email\":\"resume@bench.test\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/tokens" | json "['token']")
AUTH="Authorization: Bearer $TOKEN"
curl -fsS -X PATCH -H "$AUTH" -H 'Content-Type: application/json' \
  -d "{\"maxFileSize\":$((SIZE + 1024 * 1024))}" "$BASE/api/v1/settings" >/dev/null
CLIENT=$(curl -fsS -H "$AUTH" -H 'Content-Type: application/json' -d '{"displayName":"Resume Client"}' \
  "$BASE/api/v1/clients" | json "['id']")

LOCATION=$(curl -fsS -D - -o /dev/null -X POST -H "$AUTH" -H 'Tus-Resumable: 1.0.0' -H "Upload-Length: $SIZE" \
  -H "Upload-Metadata: filename $(b64 big.bin),clientId $(b64 "$CLIENT")" "$BASE/api/v1/uploads" \
  | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}')
UPLOAD="$BASE$(python3 -c "import sys, urllib.parse; print(urllib.parse.urlparse(sys.argv[1]).path)" "$LOCATION")"
echo "Upload created; sending the first half"
head -c "$HALF" "$WORK/big.bin" | curl -fsS -X PATCH -H "$AUTH" -H 'Tus-Resumable: 1.0.0' \
  -H 'Content-Type: application/offset+octet-stream' -H 'Upload-Offset: 0' -T - "$UPLOAD" -o /dev/null

echo "Sending the second half and killing the server on the way"
tail -c +"$((HALF + 1))" "$WORK/big.bin" | curl -sS -X PATCH -H "$AUTH" -H 'Tus-Resumable: 1.0.0' \
  -H 'Content-Type: application/offset+octet-stream' -H "Upload-Offset: $HALF" --limit-rate 50M -T - "$UPLOAD" \
  -o /dev/null 2>/dev/null &
CLIENT_PID=$!
sleep 3
kill -9 "$SERVER"; wait "$SERVER" 2>/dev/null || true
wait "$CLIENT_PID" 2>/dev/null || true
echo "Server killed; starting it again on the same data directory"
start_server

OFFSET=$(curl -fsS -I -H "$AUTH" -H 'Tus-Resumable: 1.0.0' "$UPLOAD" | tr -d '\r' \
  | awk 'tolower($1) == "upload-offset:" {print $2}')
echo "Stored offset after the restart: $OFFSET of $SIZE"
[ "$OFFSET" -ge "$HALF" ] || { echo "FAIL: the first half was lost (offset $OFFSET)"; exit 1; }
DOC=$(tail -c +"$((OFFSET + 1))" "$WORK/big.bin" | curl -sS -D - -o "$WORK/answer" -X PATCH -H "$AUTH" \
  -H 'Tus-Resumable: 1.0.0' -H 'Content-Type: application/offset+octet-stream' -H "Upload-Offset: $OFFSET" \
  -T - "$UPLOAD" | tr -d '\r' | awk 'tolower($1) == "dossier-document-id:" {print $2}' || true)
[ -n "$DOC" ] || { echo "FAIL: the last piece made no document"; cat "$WORK/answer"; echo; grep -E "ERROR|Exception" "$WORK/server.log" | tail -20; exit 1; }
STORED_SHA=$(curl -fsS -H "$AUTH" "$BASE/api/v1/documents/$DOC" | json "['sha256']")
[ "$STORED_SHA" = "$SHA" ] || { echo "FAIL: document has $STORED_SHA, file is $SHA"; exit 1; }
if grep -q OutOfMemoryError "$WORK/server.log"; then echo "FAIL: OutOfMemoryError"; exit 1; fi
echo "size ${SIZE_MIB} MiB, resumed at ${OFFSET} after a SIGKILL, SHA-256 verified, heap -Xmx256m"
echo "PASS"

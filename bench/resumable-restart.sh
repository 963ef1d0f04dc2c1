#!/usr/bin/env bash
# A large file (default 1 GiB) sent through the resumable (tus) upload API of a server
# started with -Xmx256m: the first half arrives, the server is killed (SIGKILL) while the
# second half is on its way, a new server starts on the same data directory, the client
# asks for the stored offset (HEAD) and sends the rest. The document must have the file's
# SHA-256.
#
#   bench/resumable-restart.sh [size-in-MiB]   (needs target/dossier.jar: ./mvnw -DskipTests package)
set -euo pipefail
FIRM_NAME="Resume Firm" ADMIN_EMAIL=resume@bench.test
. "$(dirname "$0")/lib.sh"

SIZE_MIB=${1:-1024}
SIZE=$((SIZE_MIB * 1024 * 1024))
HALF=$((SIZE / 2))
ensure_jar
work_dir resume

echo "Writing a ${SIZE_MIB} MiB file of random bytes"
head -c "$SIZE" /dev/urandom > "$WORK/big.bin"
SHA=$(sha256 "$WORK/big.bin")

PORT=$(free_port)
echo "Starting Dossier with -Xmx256m on port $PORT"
start_server
sign_in
settings "{\"maxFileSize\":$((SIZE + 1024 * 1024))}"
CLIENT=$(new_client "Resume Client")

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
stop_server KILL
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
fail_on_oom
echo "size ${SIZE_MIB} MiB, resumed at ${OFFSET} after a SIGKILL, SHA-256 verified, heap -Xmx256m"
echo "PASS"

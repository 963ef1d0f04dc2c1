#!/usr/bin/env bash
# Uploads and downloads one large file (default 1 GiB) through the API of a server started
# with -Xmx256m, checks the SHA-256 both ways, and prints the times as ratios to a plain
# disk copy of the same file on the same machine. With DOSSIER_BENCH_STORAGE=s3 the documents
# go to an S3 server (S3Proxy, in a JVM of its own, keeping objects on this disk) instead.
#
#   bench/large-file.sh [size-in-MiB]        (needs target/dossier.jar: ./mvnw -DskipTests package)
#   DOSSIER_BENCH_STORAGE=s3 bench/large-file.sh [size-in-MiB]
set -euo pipefail
FIRM_NAME="Bench Firm" ADMIN_EMAIL=bench@bench.test
. "$(dirname "$0")/lib.sh"

SIZE_MIB=${1:-1024}
ensure_jar
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dossier-bench.XXXXXX")
S3=""
STORAGE=${DOSSIER_BENCH_STORAGE:-disk}

cleanup() {
  stop_server
  [ -n "$S3" ] && kill "$S3" 2>/dev/null && wait "$S3" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "Writing a ${SIZE_MIB} MiB file of random bytes"
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > "$WORK/big.bin"
SHA=$(sha256 "$WORK/big.bin")

STORAGE_ARGS=()
if [ "$STORAGE" = s3 ]; then
  S3_PORT=$(free_port)
  echo "Starting an S3 server (S3Proxy, filesystem) on port $S3_PORT"
  ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
  mkdir -p "$WORK/s3/bench"
  cat > "$WORK/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench
s3proxy.credential=bench-secret-key
jclouds.provider=filesystem
jclouds.filesystem.basedir=$WORK/s3
CONF
  "$JAVA" -Xmx512m -cp "$(cat "$WORK/cp.txt")" org.gaul.s3proxy.Main --properties "$WORK/s3proxy.conf" \
    > "$WORK/s3proxy.log" 2>&1 &
  S3=$!
  for _ in $(seq 1 60); do
    curl -s -o /dev/null "http://127.0.0.1:$S3_PORT/" && break
    kill -0 "$S3" 2>/dev/null || { cat "$WORK/s3proxy.log"; exit 1; }
    sleep 1
  done
  STORAGE_ARGS=(--dossier.storage.type=s3 --dossier.storage.s3.bucket=bench
    --dossier.storage.s3.endpoint="http://127.0.0.1:$S3_PORT" --dossier.storage.s3.path-style-access=true
    --dossier.storage.s3.access-key=bench --dossier.storage.s3.secret-key=bench-secret-key)
fi

PORT=$(free_port)
echo "Starting Dossier with -Xmx256m on port $PORT, documents on: $STORAGE"
start_server ${STORAGE_ARGS[@]+"${STORAGE_ARGS[@]}"}

sign_in
settings "{\"maxFileSize\":$(((SIZE_MIB + 1) * 1024 * 1024))}"
CLIENT=$(new_client "Bench Client")

echo "Reference: copying the file on the same disk"
sync
START=$(now); cp "$WORK/big.bin" "$WORK/copy.bin"; sync; END=$(now)
COPY=$(elapsed "$START" "$END")
rm -f "$WORK/copy.bin"

echo "Uploading through the API"
START=$(now)
UPLOAD=$(curl -fsS -H "$AUTH" -F "file=@$WORK/big.bin;filename=big.bin" "$BASE/api/v1/clients/$CLIENT/documents")
END=$(now)
UP=$(elapsed "$START" "$END")
DOC=$(echo "$UPLOAD" | json "['items'][0]['id']")
STORED_SHA=$(echo "$UPLOAD" | json "['items'][0]['sha256']")
[ "$STORED_SHA" = "$SHA" ] || { echo "FAIL: server computed $STORED_SHA, file is $SHA"; exit 1; }

echo "Downloading through the API"
START=$(now)
curl -fsS -H "$AUTH" -o "$WORK/down.bin" "$BASE/api/v1/documents/$DOC/content"
END=$(now)
DOWN=$(elapsed "$START" "$END")
[ "$(sha256 "$WORK/down.bin")" = "$SHA" ] || { echo "FAIL: downloaded bytes differ"; exit 1; }
kill -0 "$SERVER" 2>/dev/null || { echo "FAIL: the server died"; exit 1; }
fail_on_oom

echo
echo "size                ${SIZE_MIB} MiB on $STORAGE, SHA-256 verified on upload and download, heap -Xmx256m"
echo "disk copy           ${COPY} s"
echo "upload              ${UP} s   (ratio to disk copy: $(ratio "$UP" "$COPY"))"
echo "download            ${DOWN} s   (ratio to disk copy: $(ratio "$DOWN" "$COPY"))"
echo "PASS"

#!/usr/bin/env bash
# Uploads and downloads one large file (default 1 GiB) through the API of a server started
# with -Xmx256m, checks the SHA-256 both ways, and prints the times as ratios to a plain
# disk copy of the same file on the same machine. With DOSSIER_BENCH_STORAGE=s3 the documents
# go to an S3 server (S3Proxy, in a JVM of its own, keeping objects on this disk) instead.
#
#   bench/large-file.sh [size-in-MiB]        (needs target/dossier.jar: ./mvnw -DskipTests package)
#   DOSSIER_BENCH_STORAGE=s3 bench/large-file.sh [size-in-MiB]
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MIB=${1:-1024}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=target/dossier.jar
[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dossier-bench.XXXXXX")
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
PASSWORD="bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')-long-enough"
SERVER=""
S3=""
STORAGE=${DOSSIER_BENCH_STORAGE:-disk}

cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  [ -n "$S3" ] && kill "$S3" 2>/dev/null && wait "$S3" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }
ratio() { python3 -c "print(f'{$1 / max($2, 0.001):.2f}')"; }

echo "Writing a ${SIZE_MIB} MiB file of random bytes"
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > "$WORK/big.bin"
SHA=$(sha256sum "$WORK/big.bin" | cut -d' ' -f1)

STORAGE_ARGS=()
if [ "$STORAGE" = s3 ]; then
  S3_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
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

echo "Starting Dossier with -Xmx256m on port $PORT, documents on: $STORAGE"
DOSSIER_DATA_DIR="$WORK/data" DOSSIER_BOOTSTRAP_FIRM_NAME="Bench Firm" DOSSIER_BOOTSTRAP_ADMIN_EMAIL=bench@bench.test \
  DOSSIER_BOOTSTRAP_ADMIN_PASSWORD="$PASSWORD" \
  "$JAVA" -Xmx256m -XX:+ExitOnOutOfMemoryError -jar "$JAR" --server.port="$PORT" ${STORAGE_ARGS[@]+"${STORAGE_ARGS[@]}"} \
  > "$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
  curl -fsS "$BASE/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 1
done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
TOKEN=$(curl -fsS -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench@bench.test\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/tokens" | json "['token']")
AUTH="Authorization: Bearer $TOKEN"
curl -fsS -X PATCH -H "$AUTH" -H 'Content-Type: application/json' \
  -d "{\"maxFileSize\":$(((SIZE_MIB + 1) * 1024 * 1024))}" "$BASE/api/v1/settings" >/dev/null
CLIENT=$(curl -fsS -H "$AUTH" -H 'Content-Type: application/json' -d '{"displayName":"Bench Client"}' \
  "$BASE/api/v1/clients" | json "['id']")

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
[ "$(sha256sum "$WORK/down.bin" | cut -d' ' -f1)" = "$SHA" ] || { echo "FAIL: downloaded bytes differ"; exit 1; }
kill -0 "$SERVER" 2>/dev/null || { echo "FAIL: the server died"; exit 1; }
if grep -q OutOfMemoryError "$WORK/server.log"; then echo "FAIL: OutOfMemoryError"; exit 1; fi

echo
echo "size                ${SIZE_MIB} MiB on $STORAGE, SHA-256 verified on upload and download, heap -Xmx256m"
echo "disk copy           ${COPY} s"
echo "upload              ${UP} s   (ratio to disk copy: $(ratio "$UP" "$COPY"))"
echo "download            ${DOWN} s   (ratio to disk copy: $(ratio "$DOWN" "$COPY"))"
echo "PASS"

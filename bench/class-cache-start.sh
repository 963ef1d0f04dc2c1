#!/usr/bin/env bash
# The production launch of the README ("Production start-up"): bin/class-cache trains the class
# cache on its scripted visit, and a start that must use the cache (-XX:AOTMode=on refuses to start
# without it) answers healthy. Prints how long each took.
#
#   bench/class-cache-start.sh   (needs target/dossier.jar: ./mvnw -DskipTests package)
set -euo pipefail
FIRM_NAME="Cache Firm" ADMIN_EMAIL=cache@bench.test
. "$(dirname "$0")/lib.sh"

ensure_jar
work_dir class-cache
started=$(now)
prepare_aot_launch "$WORK/launch"
echo "class cache trained in $(elapsed "$started" "$(now)") s"
if [ "${LAUNCH[0]%%=*}" = -XX:AOTCache ]; then
  LAUNCH=(-XX:AOTMode=on "${LAUNCH[@]}")
fi
start_server
echo "healthy after $(elapsed "$SERVER_STARTED" "$(now)") s with the class cache"
sign_in
[ -n "$TOKEN" ] || { echo "FAIL: no API token from the started server"; exit 1; }
stop_server
echo "PASS"

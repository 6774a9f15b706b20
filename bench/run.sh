#!/usr/bin/env bash
# Benchmarks one openprofile server on this machine: batch ingestion of generated Luma-like data,
# then profile lookups, event lookups and a trivial endpoint under the same wrk load.
#   usage: bench/run.sh [embedded|postgresql] [profiles] [duration] [connections]
#   example: bench/run.sh postgresql 100000 30s 16
# Needs a JDK 17+, curl, jq and wrk (Debian package wrk). For postgresql it starts a private
# server with .ci/postgres. Prints the figures; docs/benchmarks.md records them.
set -euo pipefail
cd "$(dirname "$0")/.."

store="${1:-embedded}"
profiles="${2:-100000}"
duration="${3:-30s}"
connections="${4:-16}"
work="${BENCH_WORK:-/tmp/openprofile-bench}"
port="${BENCH_PORT:-18080}"
base="http://127.0.0.1:$port"
headers=(-H "Authorization: Bearer dev-token" -H "x-api-key: dev-api-key"
         -H "x-gw-ims-org-id: BENCH@AdobeOrg" -H "x-sandbox-name: bench")
json=(-H "Content-Type: application/json")

for tool in curl jq wrk; do
  command -v "$tool" >/dev/null || { echo "missing $tool (Debian package $tool)" >&2; exit 1; }
done
[ -f server/target/quarkus-app/quarkus-run.jar ] || ./mvnw -q install -DskipTests

rm -rf "$work" && mkdir -p "$work"
java bench/LumaLikeData.java "$profiles" "$work/data"

if [ "$store" = postgresql ]; then
  eval "$(.ci/postgres start)"
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  runuser -u postgres -- "$pg_bin/psql" -h 127.0.0.1 -p "${OPENPROFILE_PG_PORT:-55432}" -U postgres -q \
    -c "DROP DATABASE IF EXISTS openprofile" -c "CREATE DATABASE openprofile OWNER openprofile" >&2
fi

java -Dquarkus.http.port="$port" -Dopenprofile.data-dir="$work/db" -jar server/target/quarkus-app/quarkus-run.jar \
  > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf "$base/q/health/ready" >/dev/null; do sleep 0.2; done
startup=$(grep -o 'started in [0-9.]*s' "$work/server.log" | head -n 1)

post() { curl -sf "${headers[@]}" "${json[@]}" -X POST "$base$1" -d "$2"; }
dataset_for() {
  local schema
  schema=$(post /data/foundation/schemaregistry/tenant/schemas \
    "{\"title\": \"$1\", \"type\": \"object\", \"allOf\": [{\"\$ref\": \"$2\"}]}" | jq -r '."$id"')
  post /data/foundation/catalog/dataSets "{\"name\": \"$1\", \"schemaRef\": {\"id\": \"$schema\"},
    \"tags\": {\"unifiedProfile\": [\"enabled:true\"]}}" | jq -r '.[0] | split("/") | last'
}
ingest() {
  local dataset=$1 file=$2 batch status
  batch=$(post /data/foundation/import/batches "{\"datasetId\": \"$dataset\", \"inputFormat\": {\"format\": \"json\"}}" | jq -r .id)
  curl -sf "${headers[@]}" -H "Content-Type: application/octet-stream" -X PUT --data-binary "@$file" \
    "$base/data/foundation/import/batches/$batch/datasets/$dataset/files/$(basename "$file")"
  curl -sf "${headers[@]}" -X POST "$base/data/foundation/import/batches/$batch?action=COMPLETE"
  while status=$(curl -sf "${headers[@]}" "$base/data/foundation/catalog/batches/$batch" | jq -r '.[].status');
        [ "$status" = processing ]; do sleep 0.5; done
  curl -sf "${headers[@]}" "$base/data/foundation/catalog/batches/$batch" \
    | jq -r --arg f "$(basename "$file")" '.[] | "\($f): \(.status), \(.metrics.recordsWritten) records in \((.metrics.endTime - .metrics.startTime) / 1000) s, \((.metrics.recordsWritten * 1000 / (.metrics.endTime - .metrics.startTime)) | floor) records/s"'
}

post /data/core/idnamespace/identities '{"name": "Loyalty id", "code": "LOYALTYID", "idType": "CROSS_DEVICE"}' >/dev/null
crm=$(dataset_for "CRM" "https://ns.adobe.com/xdm/context/profile")
loyalty=$(dataset_for "Loyalty" "https://ns.adobe.com/xdm/context/profile")
purchases=$(dataset_for "Purchases" "https://ns.adobe.com/xdm/context/experienceevent")

echo "== openprofile benchmark: store=$store profiles=$profiles duration=$duration connections=$connections"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; server $startup"
echo "-- ingestion (one batch per file, processed by one job)"
ingest "$crm" "$work/data/crm.jsonl"
ingest "$loyalty" "$work/data/loyalty.jsonl"
ingest "$purchases" "$work/data/purchases.jsonl"

run_wrk() {
  MODE=$1 PROFILES=$profiles wrk -t2 -c"$connections" -d10s -s bench/lookup.lua "$base" >/dev/null  # warm-up
  MODE=$1 PROFILES=$profiles wrk -t2 -c"$connections" -d"$duration" --latency -s bench/lookup.lua "$base" \
    > "$work/wrk-$1.txt"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk-$1.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk-$1.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk-$1.txt")
  errors=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$work/wrk-$1.txt" || echo "Non-2xx or 3xx responses: 0")
  echo "$1: $rps requests/s, p50 $p50, p99 $p99, $errors"
  eval "rps_$1=$rps"
}
echo "-- lookups (wrk, 2 threads, $connections connections, $duration after a 10 s warm-up)"
run_wrk ceiling
run_wrk profile
run_wrk events
awk -v c="$rps_ceiling" -v p="$rps_profile" -v e="$rps_events" \
  'BEGIN {printf "ratio to ceiling: profile %.0f%%, events %.0f%%\n", 100 * p / c, 100 * e / c}'
echo "-- server memory: RSS $(( $(ps -o rss= -p $server) / 1024 )) MiB after the load"

if [ "$store" = postgresql ]; then .ci/postgres stop; fi

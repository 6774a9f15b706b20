#!/usr/bin/env bash
# Measures batch ingestion of one Parquet file of experience events on this machine: the rate of
# each run and the server's peak heap use while it ingests. A file whose name does not end in
# .parquet is ingested as JSON, to compare the same records in both formats.
#   usage: bench/parquet.sh FILE [runs]
#   example: bench/parquet.sh /path/to/luma_post.snappy.parquet 3
# Each run ingests the file as one batch into a new sandbox, so every run does the same work. The
# rate comes from the batch's own metrics (first record read to last record committed). The heap
# figure is the largest sum of the used young and old generations that `jstat -gc` reports. It is
# read every 100 ms from when the server is ready to the end of the last run, so a peak between
# two samples can be missed. Set BENCH_JAVA_OPTS to pass heap options such as -Xmx256m to the server.
# Needs a JDK 17+ (java, jstat), curl and jq.
set -euo pipefail
cd "$(dirname "$0")/.."

file="${1:?usage: bench/parquet.sh FILE [runs]}"
runs="${2:-3}"
format=json
case "$file" in *.parquet) format=parquet ;; esac
work="${BENCH_WORK:-/tmp/openprofile-bench-parquet}"
port="${BENCH_PORT:-18081}"
base="http://127.0.0.1:$port"
json=(-H "Content-Type: application/json")

for tool in curl jq jstat; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 1; }
done
[ -f server/target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -pl server -am package -DskipTests

rm -rf "$work" && mkdir -p "$work"
# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:-} -Dquarkus.http.port="$port" -Dopenprofile.data-dir="$work/db" \
  -jar server/target/quarkus-app/quarkus-run.jar > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf "$base/q/health/ready" >/dev/null; do sleep 0.2; done
jstat -gc "$server" 100 > "$work/jstat.txt" &
sampler=$!
trap 'kill $sampler $server 2>/dev/null || true' EXIT

echo "== openprofile batch ingestion: $(basename "$file") ($format), $(stat -c %s "$file") bytes, $runs runs"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; JVM options: ${BENCH_JAVA_OPTS:-none}"
for run in $(seq 1 "$runs"); do
  headers=(-H "Authorization: Bearer dev-token" -H "x-api-key: dev-api-key"
           -H "x-gw-ims-org-id: BENCH@AdobeOrg" -H "x-sandbox-name: parquet$run")
  post() { curl -sSf "${headers[@]}" "${json[@]}" -X POST "$base$1" -d "$2"; }
  schema=$(post /data/foundation/schemaregistry/tenant/schemas \
    '{"title": "Events", "type": "object", "allOf": [{"$ref": "https://ns.adobe.com/xdm/context/experienceevent"}]}' \
    | jq -r '."$id"')
  dataset=$(post /data/foundation/catalog/dataSets "{\"name\": \"Events\", \"schemaRef\": {\"id\": \"$schema\"},
    \"tags\": {\"unifiedProfile\": [\"enabled:true\"]}}" | jq -r '.[0] | split("/") | last')
  batch=$(post /data/foundation/import/batches \
    "{\"datasetId\": \"$dataset\", \"inputFormat\": {\"format\": \"$format\"}}" | jq -r .id)
  curl -sSf "${headers[@]}" -H "Content-Type: application/octet-stream" -X PUT --data-binary "@$file" \
    "$base/data/foundation/import/batches/$batch/datasets/$dataset/files/$(basename "$file")"
  curl -sSf "${headers[@]}" -X POST "$base/data/foundation/import/batches/$batch?action=COMPLETE"
  while status=$(curl -sSf "${headers[@]}" "$base/data/foundation/catalog/batches/$batch" | jq -r '.[].status');
        [ "$status" = processing ]; do sleep 0.2; done
  curl -sSf "${headers[@]}" "$base/data/foundation/catalog/batches/$batch" | jq -r --arg run "$run" \
    '.[] | "run \($run): \(.status), \(.metrics.recordsWritten) records in \((.metrics.endTime - .metrics.startTime) / 1000) s, \((.metrics.recordsWritten * 1000 / (.metrics.endTime - .metrics.startTime)) | floor) records/s"'
done

sleep 0.3
# Heap in use is the sum of the used survivor, eden and old spaces (KiB), located by their headers.
awk 'NR == 1 { for (i = 1; i <= NF; i++) column[$i] = i; next }
     $1 ~ /^[0-9.]+$/ {
       used = $column["S0U"] + $column["S1U"] + $column["EU"] + $column["OU"]
       if (used > peak) peak = used
     }
     END { printf "peak heap used: %.0f MiB\n", peak / 1024 }' "$work/jstat.txt"
echo "max heap: $(jcmd "$server" VM.flags 2>/dev/null | grep -o 'MaxHeapSize=[0-9]*' | head -n 1 | cut -d= -f2 \
  | awk '{printf "%.0f MiB", $1 / 1048576}')"
echo "server RSS after the runs: $(( $(ps -o rss= -p $server) / 1024 )) MiB"

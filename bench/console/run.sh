#!/usr/bin/env bash
# bench/console/run.sh [N] — how fast the console pages through N discrepancies (see README.md).
#
# Creates a PostgreSQL control database holding N discrepancies (set-based), starts ./parity serve on
# it, and times /api/discrepancies pages (the same repository query the page uses): the first page, a
# page at the far end (keyset: a cursor, not an offset), the same with filters and in lastSeen order,
# and the filtered CSV export. Prints one final line on stdout:
#   console discrepancies=N first_ms=A deep_ms=B filtered_deep_ms=C last_seen_deep_ms=D export_filtered_s=E
# Each *_ms is the median of 7 requests. Environment: BENCH_JAR (default app/target/parity.jar),
# PG_HOST/PORT/USER/PASSWORD, BENCH_DB (parity_bench_console), BENCH_PORT (18080).
set -euo pipefail

N="${1:-100000}"
[[ "$N" =~ ^[0-9]+$ ]] && (( N >= 1000 )) || { echo "usage: $0 [N]  (N >= 1000)" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
DB="${BENCH_DB:-parity_bench_console}"
PG_HOST="${PG_HOST:-127.0.0.1}" PG_PORT="${PG_PORT:-5432}" PG_USER="${PG_USER:-postgres}" PG_PASSWORD="${PG_PASSWORD:-}"
PORT="${BENCH_PORT:-18080}"
JAVA_HOME="${JAVA_HOME:-$("$root/bin/find-jdk")}"
JAR="${BENCH_JAR:-$root/app/target/parity.jar}"
export JAVA_HOME
[[ -f "$JAR" ]] || (cd "$root" && ./mvnw -B -q -o package -DskipTests)

log() { printf '[bench/console %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
pg() { PGPASSWORD="$PG_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"; }
parity() { "$JAVA_HOME/bin/java" -Xmx512m -jar "$JAR" "$@"; }

run_dir="$root/bench/out/console/n${N}-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"
pg -d postgres -c "DROP DATABASE IF EXISTS \"$DB\"" -c "CREATE DATABASE \"$DB\""
hash="$(echo bench-secret | parity password-hash --stdin --strength 10)"
cat > "$run_dir/parity.yml" <<YML
parity:
  source:  { url: "jdbc:h2:mem:bench-source" }
  target:  { url: "jdbc:h2:mem:bench-target" }
  control: { url: "jdbc:postgresql://$PG_HOST:$PG_PORT/$DB", username: "$PG_USER", password: "$PG_PASSWORD" }
  tables: [ { name: t0 }, { name: t1 }, { name: t2 }, { name: t3 }, { name: t4 } ]
  users: [ { name: bench, password: "$hash", roles: [viewer] } ]
YML
parity status --config "$run_dir/parity.yml" > /dev/null 2>&1 || true   # Flyway creates the control tables
# N discrepancies over 5 tables, 4 types, 5 statuses, one run per 1000, lastSeen spread over 100 days.
pg -d "$DB" -c "INSERT INTO parity_run (job_name, job_instance_id, trigger_source, status, started_at)
	SELECT 'diffJob', -r, 'bench', 'COMPLETED', TIMESTAMPTZ '2026-08-01' + r * INTERVAL '1 hour' FROM generate_series(1, $N / 1000 + 1) r" \
	-c "INSERT INTO parity_discrepancy (ident, table_name, key_json, discrepancy_type, column_name, source_value,
	      target_value, status, critical, first_seen, last_seen, first_run_id, last_run_id)
	SELECT md5(n::text) || md5((n * 7)::text), 't' || (n % 5), '{\"id\":\"' || n || '\"}',
	  (ARRAY['FIELD_MISMATCH','MISSING_IN_TARGET','EXTRA_IN_TARGET','DUPLICATE_IN_TARGET'])[1 + n % 4],
	  CASE WHEN n % 4 = 0 THEN 'email' END, 'a' || n || '@example.org', 'b' || n || '@example.org',
	  (ARRAY['OPEN','OPEN','RESOLVED','ACCEPTED','SELF_HEALED'])[1 + (n / 7) % 5], n % 3 = 0,
	  TIMESTAMPTZ '2026-08-01' + (n % 100) * INTERVAL '1 day', TIMESTAMPTZ '2026-08-01' + (n % 100) * INTERVAL '1 day' + (n % 997) * INTERVAL '1 second',
	  (SELECT min(id) FROM parity_run), (SELECT min(id) FROM parity_run)
	FROM generate_series(1, $N) n" -c "VACUUM ANALYZE parity_discrepancy"
log "seeded $N discrepancies in $DB"

parity serve --config "$run_dir/parity.yml" --port "$PORT" > "$run_dir/serve.log" 2>&1 &
serve_pid=$!
trap 'kill $serve_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break; sleep 1; done
api="http://127.0.0.1:$PORT/api/discrepancies"
median_ms() { # url
	for _ in 1 2 3 4 5 6 7; do curl -s -o /dev/null -u bench:bench-secret -w '%{time_total}\n' "$1"; done \
		| sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", t[4] * 1000 }'
}
curl -s -o /dev/null -u bench:bench-secret "$api?size=100"   # warm-up
low_id="$(pg -d "$DB" -Atc "SELECT min(id) + 150 FROM parity_discrepancy")"
last_seen_cursor="$(pg -d "$DB" -Atc "SELECT id || '@' || to_char(last_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM parity_discrepancy ORDER BY last_seen, id OFFSET 150 LIMIT 1" | sed 's/@/%40/')"
first=$(median_ms "$api?size=100")
deep=$(median_ms "$api?size=100&after=$low_id")
filtered=$(median_ms "$api?size=100&table=t3&status=OPEN&type=FIELD_MISMATCH&after=$low_id")
last_seen=$(median_ms "$api?size=100&sort=LAST_SEEN&after=$last_seen_cursor")
t0=$(date +%s.%N)
rows=$(curl -s -u bench:bench-secret "$api/export?status=OPEN" | wc -l)
export_s=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
log "export of open discrepancies: $((rows - 1)) rows"
echo "console discrepancies=$N first_ms=$first deep_ms=$deep filtered_deep_ms=$filtered last_seen_deep_ms=$last_seen export_filtered_s=$export_s"

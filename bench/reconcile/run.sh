#!/usr/bin/env bash
# bench/reconcile/run.sh [N] — the reconcile benchmark (see bench/reconcile/README.md).
#
# Creates N rows in MariaDB (source) and PostgreSQL (target), plants N/5 discrepancies of four types
# in the target (set-based), runs ./parity check diff (not timed), then times ./parity reconcile and a
# floor (plain JDBC batches writing the same net changes to a copy of the planted target), checks the
# result independently, and prints one final line on stdout:
#   reconcile fixes=N seconds=S floor_seconds=F ratio=R wall_seconds=W jvm_cpu_seconds=C jit_seconds=J machine_busy_pct=B
# S is the reconcile job's own time (as printed by ./parity reconcile), W the whole command's including
# the JVM's start-up; the floor, too, is timed inside its JVM. R = S / F. C is the reconcile JVM's CPU
# time (user + system, start-up included), J the part of it its JIT compilers spent (-XX:+CITime), B how
# busy the machine's cores were during the command (/proc/stat).
# Environment: BENCH_JAR (default app/target/parity.jar, built with ./parity if missing), BENCH_USE_WRAPPER=1
# (run ./parity itself, with its start-up cache, instead of a snapshot of the jar), BENCH_XMX (default 1g),
# BENCH_CONTROL_URL (control database; default a fresh H2 file), MARIADB_HOST/PORT/USER/PASSWORD,
# PG_HOST/PORT/USER/PASSWORD, BENCH_DB (parity_bench).
set -euo pipefail

N="${1:-500000}"
[[ "$N" =~ ^[0-9]+$ ]] && (( N >= 20 )) || { echo "usage: $0 [N]  (N >= 20; N/5 discrepancies are planted)" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
DB="${BENCH_DB:-parity_bench}"
MARIADB_HOST="${MARIADB_HOST:-127.0.0.1}" MARIADB_PORT="${MARIADB_PORT:-3306}"
MARIADB_USER="${MARIADB_USER:-root}" MARIADB_PASSWORD="${MARIADB_PASSWORD:-}"
PG_HOST="${PG_HOST:-127.0.0.1}" PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}" PG_PASSWORD="${PG_PASSWORD:-}"
JAVA_HOME="${JAVA_HOME:-$("$root/bin/find-jdk")}"
export JAVA_HOME

log() { printf '[bench/reconcile %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
maria() { MYSQL_PWD="$MARIADB_PASSWORD" mariadb --default-character-set=utf8mb4 -h "$MARIADB_HOST" -P "$MARIADB_PORT" -u "$MARIADB_USER" "$@"; }
pg() { PGPASSWORD="$PG_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"; }

run_dir="$root/bench/out/reconcile/n${N}-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"
log "N=$N; output in $run_dir"

# Row n (1..N) on both sides; every value a function of n, written once per dialect.
maria -e "CREATE DATABASE IF NOT EXISTS \`$DB\` CHARACTER SET utf8mb4"
pg -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
	|| pg -d postgres -c "CREATE DATABASE \"$DB\" ENCODING 'UTF8' TEMPLATE template0"
t0="$(now)"
maria "$DB" -e "DROP TABLE IF EXISTS bench_fix;
	CREATE TABLE bench_fix (id BIGINT NOT NULL PRIMARY KEY, c_int INT NOT NULL, c_code VARCHAR(40) NOT NULL,
	  c_decimal DECIMAL(12,2) NOT NULL, c_ts DATETIME(6) NOT NULL) ENGINE=InnoDB;
	INSERT INTO bench_fix SELECT seq, (seq * 7919) % 1000003, CONCAT('code-', seq), (seq % 100000) / 100,
	  TIMESTAMP '2020-01-01 00:00:00' + INTERVAL seq SECOND FROM seq_1_to_${N};
	ANALYZE TABLE bench_fix;" >/dev/null
# The target has no primary key (so that it can hold duplicates), only an index on id.
pg -d "$DB" -c "DROP TABLE IF EXISTS bench_fix" -c "DROP TABLE IF EXISTS bench_floor" \
	-c "CREATE TABLE bench_fix (id BIGINT NOT NULL, c_int INTEGER NOT NULL, c_code VARCHAR(40) NOT NULL,
	      c_decimal NUMERIC(12,2) NOT NULL, c_ts TIMESTAMP(6) NOT NULL)" \
	-c "INSERT INTO bench_fix SELECT n, (n * 7919) % 1000003, 'code-' || n, (n % 100000) / 100.0,
	      TIMESTAMP '2020-01-01 00:00:00' + n * INTERVAL '1 second' FROM generate_series(1::bigint, ${N}::bigint) n" \
	-c "DELETE FROM bench_fix WHERE id % 20 = 0" \
	-c "UPDATE bench_fix SET c_code = c_code || 'x' WHERE id % 20 = 5" \
	-c "INSERT INTO bench_fix SELECT * FROM bench_fix WHERE id % 20 = 10" \
	-c "INSERT INTO bench_fix SELECT ${N} + id, c_int, c_code, c_decimal, c_ts FROM bench_fix WHERE id % 20 = 15" \
	-c "CREATE INDEX bench_fix_id ON bench_fix (id)" \
	-c "CREATE TABLE bench_floor AS SELECT * FROM bench_fix" -c "CREATE INDEX bench_floor_id ON bench_floor (id)" \
	-c "VACUUM ANALYZE bench_fix" -c "VACUUM ANALYZE bench_floor"
planted=$(( N / 20 * 4 ))
log "loaded and planted $planted discrepancies (missing, field, duplicate, extra: $(( N / 20 )) each) in $(elapsed "$t0" "$(now)") s"

jar="${BENCH_JAR:-$root/app/target/parity.jar}"
[[ -f "$jar" ]] || "$root/parity" --version >/dev/null
cp "$jar" "$run_dir/parity.jar"
if [[ -n "${BENCH_USE_WRAPPER:-}" ]]; then
	# ./parity itself: its start-up cache (on JDK 25 an AOT cache with method profiles from cds-training)
	parity() { PARITY_JAVA_OPTS="-Xmx${BENCH_XMX:-1g} ${JVM_EXTRA:-}" "$root/parity" "$@"; }
else
	parity() { "$JAVA_HOME/bin/java" "-Xmx${BENCH_XMX:-1g}" ${JVM_EXTRA:-} -Djava.awt.headless=true -jar "$run_dir/parity.jar" "$@"; }
fi

config="$run_dir/parity.yml"
cat >"$config" <<YAML
parity:
  name: bench-reconcile
  source:  { url: "jdbc:mariadb://$MARIADB_HOST:$MARIADB_PORT/$DB", username: $MARIADB_USER, password: "\${BENCH_SOURCE_PASSWORD:}" }
  target:  { url: "jdbc:postgresql://$PG_HOST:$PG_PORT/$DB", username: $PG_USER, password: "\${BENCH_TARGET_PASSWORD:}" }
  control: { url: "${BENCH_CONTROL_URL:-jdbc:h2:file:$run_dir/control}" }
  reconcile: { max-fixes: 1000000, max-table-percent: 100, batch-size: 1000 }
  tables:
    - name: bench
      source: bench_fix
      target: bench_fix
      key: [id]
YAML
export BENCH_SOURCE_PASSWORD="$MARIADB_PASSWORD" BENCH_TARGET_PASSWORD="$PG_PASSWORD"

log "./parity check diff (not timed) ..."
set +e
parity check diff --config "$config" >"$run_dir/diff.out" 2>"$run_dir/diff.err"
code=$?
set -e
(( code != 2 )) || { tail -20 "$run_dir/diff.err" >&2; log "error: the diff failed"; exit 2; }
cat "$run_dir/diff.out" >&2

log "./parity reconcile (timed; load average $(cut -d' ' -f1-3 /proc/loadavg)) ..."
# Where the machine's CPU goes meanwhile: the JVM's own CPU time (bash's `time`: user + system), the
# JIT compilers' share of it (-XX:+CITime, printed at exit), and how busy all cores were (/proc/stat).
cpu_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
read -r busy0 total0 <<<"$(cpu_busy)"
t0="$(now)"
set +e
TIMEFORMAT='%U %S'
{ time JVM_EXTRA=-XX:+CITime parity reconcile --config "$config" >"$run_dir/reconcile.out" 2>"$run_dir/reconcile.err"; } 2>"$run_dir/reconcile.cpu"
code=$?
set -e
t1="$(now)"
read -r busy1 total1 <<<"$(cpu_busy)"
seconds="$(elapsed "$t0" "$t1")"
sed -n '1,/^  reconcileStep:/p' "$run_dir/reconcile.out" >&2 # (the JIT's statistics follow in the file)
(( code != 2 )) || { tail -20 "$run_dir/reconcile.err" >&2; log "error: reconcile failed"; exit 2; }
fixes="$(awk '$1 == "bench" { print $2 + $3 + $4 + $5 }' "$run_dir/reconcile.out")"
# The job's own time (start-up of the JVM and Spring excluded, as the floor's JVM start-up is excluded).
job_seconds="$(sed -n 's/^reconcileJob took \([0-9.]*\) s$/\1/p' "$run_dir/reconcile.out")"
jvm_cpu="$(awk '{ printf "%.2f", $1 + $2 }' "$run_dir/reconcile.cpu")"
jit="$(sed -n 's/^ *Total compilation time *: *\([0-9.]*\) s$/\1/p' "$run_dir/reconcile.out" | head -1)"
busy_pct="$(awk -v b="$(( busy1 - busy0 ))" -v t="$(( total1 - total0 ))" 'BEGIN { printf "%.0f", (t > 0 ? 100 * b / t : 0) }')"

# Independent check: the target equals the source (same rows, same values), by plain SQL on each side.
src="$(maria -N "$DB" -e "SELECT COUNT(*), SUM(id), SUM(c_int), SUM(LENGTH(c_code)), CAST(SUM(c_decimal * 100) AS SIGNED),
	SUM(TIMESTAMPDIFF(SECOND, '2020-01-01 00:00:00', c_ts)) FROM bench_fix" | tr '\t' ' ')"
tgt="$(pg -d "$DB" -Atc "SELECT COUNT(*), SUM(id), SUM(c_int), SUM(LENGTH(c_code)), SUM(c_decimal * 100)::bigint,
	SUM(EXTRACT(EPOCH FROM c_ts - TIMESTAMP '2020-01-01 00:00:00'))::bigint FROM bench_fix" | tr '|' ' ')"
codes="$(pg -d "$DB" -Atc "SELECT COUNT(*) FROM bench_fix WHERE c_code <> 'code-' || id")"
dups="$(pg -d "$DB" -Atc "SELECT COUNT(*) FROM (SELECT id FROM bench_fix GROUP BY id HAVING COUNT(*) > 1) d")"
log "independent check (count, sums of id, c_int, length(c_code), cents, seconds): source [$src] target [$tgt];"
log "  target rows whose c_code differs from the source's rule: $codes; duplicated ids: $dups"
[[ "$src" == "$tgt" && "$codes" == 0 && "$dups" == 0 ]] || log "warning: the target does not equal the source"
log "floor: plain JDBC batches writing the same changes to bench_floor ..."
pg_jar="$(ls "$HOME"/.m2/repository/org/postgresql/postgresql/42.7.*/postgresql-42.7.*.jar | grep -v sources | sort -V | tail -1)"
floor_line="$(FLOOR_PASSWORD="$PG_PASSWORD" "$JAVA_HOME/bin/java" -cp "$pg_jar" "$here/Floor.java" \
	"jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" "$PG_USER" bench_floor "$N" 1000)"
log "$floor_line"
floor_seconds="$(sed -n 's/.* seconds=\([0-9.]*\).*/\1/p' <<<"$floor_line")"
ratio="$(awk -v s="$job_seconds" -v f="$floor_seconds" 'BEGIN { printf "%.2f", (f > 0 ? s / f : 0) }')"
line="reconcile fixes=$fixes seconds=$job_seconds floor_seconds=$floor_seconds ratio=$ratio wall_seconds=$seconds"
line+=" jvm_cpu_seconds=$jvm_cpu jit_seconds=${jit:-?} machine_busy_pct=$busy_pct"
echo "$line" >"$run_dir/result.txt"
echo "$line"

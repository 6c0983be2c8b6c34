#!/usr/bin/env bash
# bench/diff/run.sh [N] [D] — the field-level diff benchmark (see bench/diff/README.md).
#
# Creates N rows x 10 typed columns (plus the key) in MariaDB (source) and PostgreSQL (target),
# identical except for D planted differences, then measures
#   (a) the floor: streaming both tables over JDBC at once (bench/diff/Floor.java), and
#   (b) ./parity check diff on them,
# and prints one final line on stdout:
#   diff rows=N differences=D seconds=S floor_seconds=F ratio=R peak_heap_mb=H found=K
# Everything else (progress, load time, breakdown) goes to stderr.
#
# Environment (all optional):
#   BENCH_SKIP_LOAD=1     reuse the tables of the previous run (same N and D) instead of reloading
#   BENCH_THREADS=2       parity.diff.threads
#   BENCH_XMX=512m        heap of the parity JVM
#   BENCH_USE_WRAPPER=1   run ./parity itself rather than a snapshot of the jar it execs
#   BENCH_BUILD=private   build the working tree privately under bench/out/diff/build and run that jar
#                         (for when builds in the tree itself are racing; nothing in the tree is touched)
#   BENCH_JAR=FILE        run this Parity jar
#   BENCH_JAVA_OPTS=...   more JVM options for the measured run (e.g. a JFR recording)
#   MARIADB_HOST/PORT/USER/PASSWORD, PG_HOST/PORT/USER/PASSWORD, BENCH_DB (default parity_bench)
set -euo pipefail


BENCH_NAME=diff
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/bench.sh
source "$here/../lib/bench.sh" "$@"

run_dir="$root/bench/out/diff/n${N}-d${D}-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"
log "N=$N D=$D; output in $run_dir"

load_unless_skipped
source_rows="$(maria -N "$DB" -e "SELECT COUNT(*) FROM bench_rows")"
target_rows="$(pg -d "$DB" -Atc "SELECT COUNT(*) FROM bench_rows")"
log "rows: source $source_rows, target $target_rows"

# ---------------------------------------------------------------------------------------------
# (a) the floor
# ---------------------------------------------------------------------------------------------
m2="$HOME/.m2/repository"
pg_jar="$(ls "$m2"/org/postgresql/postgresql/42.7.*/postgresql-42.7.*.jar 2>/dev/null | grep -v sources | sort -V | tail -1)"
maria_jar="$(ls "$m2"/org/mariadb/jdbc/mariadb-java-client/3.5.*/mariadb-java-client-3.5.*.jar 2>/dev/null | grep -v sources | sort -V | tail -1)"
[[ -n "$pg_jar" && -n "$maria_jar" ]] || { log "error: JDBC drivers not found under $m2 (run ./parity once)"; exit 2; }
source_url="jdbc:mariadb://$MARIADB_HOST:$MARIADB_PORT/$DB"
target_url="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB"

log "floor: streaming both tables over JDBC (load average: $(cut -d' ' -f1-3 /proc/loadavg)) ..."
floor_line="$(FLOOR_SOURCE_PASSWORD="$MARIADB_PASSWORD" FLOOR_TARGET_PASSWORD="$PG_PASSWORD" \
	"$JAVA_HOME/bin/java" -Xmx512m -cp "$pg_jar:$maria_jar" "$here/Floor.java" \
	"$source_url" "$MARIADB_USER" "$target_url" "$PG_USER" bench_rows 5000)"
log "$floor_line"
floor_seconds="$(sed -n 's/.* seconds=\([0-9.]*\).*/\1/p' <<<"$floor_line")"

# ---------------------------------------------------------------------------------------------
# (b) ./parity check diff
# ---------------------------------------------------------------------------------------------
config="$run_dir/parity.yml"
cat >"$config" <<YAML
parity:
  name: bench-diff
  source:  { url: "$source_url", username: $MARIADB_USER, password: "\${BENCH_SOURCE_PASSWORD:}" }
  target:  { url: "$target_url", username: $PG_USER, password: "\${BENCH_TARGET_PASSWORD:}" }
  control: { url: "jdbc:h2:file:$run_dir/control" }
  diff: { threads: $THREADS }
  tables:
    - name: bench
      source: bench_rows
      target: bench_rows
      key: [id]
YAML
export BENCH_SOURCE_PASSWORD="$MARIADB_PASSWORD" BENCH_TARGET_PASSWORD="$PG_PASSWORD"

prepare_parity
log "parity: ./parity check diff --config $config (load average: $(cut -d' ' -f1-3 /proc/loadavg)) ..."
export PARITY_JAVA_OPTS="-Xmx$XMX -Dparity.heap-report=true ${BENCH_JAVA_OPTS:-}"
t0="$(now)"
set +e
parity check diff --config "$config" >"$run_dir/diff.out" 2>"$run_dir/diff.err"
code=$?
set -e
t1="$(now)"
seconds="$(elapsed "$t0" "$t1")"
cat "$run_dir/diff.out" >&2
if grep -q "Building Parity" "$run_dir/diff.err"; then
	log "warning: ./parity rebuilt itself during the measured run (sources changed meanwhile); the time includes the build"
fi
if (( code == 2 )); then
	tail -40 "$run_dir/diff.err" >&2
	log "error: ./parity check diff failed (exit 2); see $run_dir/diff.err"
	exit 2
fi
log "parity: exit code $code in $seconds s"
peak_heap="$(sed -n 's/^peak_heap_mb=\([0-9]*\).*/\1/p' "$run_dir/diff.err" | tail -1)"
peak_heap="${peak_heap:-?}"

unset PARITY_JAVA_OPTS
parity discrepancies --config "$config" --format json >"$run_dir/discrepancies.json" 2>"$run_dir/discrepancies.err" \
	|| { cat "$run_dir/discrepancies.err" >&2; log "error: ./parity discrepancies failed"; exit 2; }
found="$(count_found "$run_dir/discrepancies.json")"
(( found == D )) || log "warning: found $found discrepancies, expected $D; see $run_dir/discrepancies.json"

ratio="$(awk -v s="$seconds" -v f="$floor_seconds" 'BEGIN { printf "%.2f", (f > 0 ? s / f : 0) }')"
floor_fmt="$(awk -v f="$floor_seconds" 'BEGIN { printf "%.2f", f }')"
line="diff rows=$N differences=$D seconds=$seconds floor_seconds=$floor_fmt ratio=$ratio peak_heap_mb=$peak_heap found=$found"
echo "load_seconds=$load_seconds" >"$run_dir/result.txt"
echo "$line" >>"$run_dir/result.txt"
echo "$line"

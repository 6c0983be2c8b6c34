#!/usr/bin/env bash
# bench/many-tables/run.sh [T] [R] — the per-table overhead benchmark (see bench/many-tables/README.md).
#
# Creates T small tables (default 500) of R rows each (default 20) in MariaDB (source) and PostgreSQL
# (target), identical except for one changed field in every 100th table, then measures
#   (a) the floor: one catalog query, a count and a full read of every table over plain JDBC
#       (bench/many-tables/Floor.java), and
#   (b) ./parity check diff (first run), schema, counts, diff (again) and checksum on all T tables and,
#       for the start-up and fixed costs, the same five commands on one table,
# and prints one final line on stdout:
#   many-tables tables=T rows=R startup_s=… schema_ms_per_table=… counts_ms_per_table=… diff_first_ms_per_table=…
#     diff_ms_per_table=… checksum_ms_per_table=… floor_count_ms_per_table=… floor_read_ms_per_table=… found=K
# A command's ms per table is (its wall time on T tables − its wall time on one table) / (T − 1): the
# start-up and every fixed cost cancel out. Everything else (progress, per-command and per-step times)
# goes to stderr and to the run's result.txt.
#
# Environment (all optional): BENCH_SKIP_LOAD=1 (reuse the tables of the previous run of the same T and
# R), BENCH_XMX, BENCH_USE_WRAPPER, BENCH_BUILD=private, BENCH_JAR, BENCH_JAVA_OPTS (e.g. a JFR recording
# of the T-table runs), MARIADB_*/PG_* as in bench/lib/bench.sh, BENCH_DB (default parity_many).
set -euo pipefail

BENCH_NAME=many-tables
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
T="${1:-500}"
R="${2:-20}"
[[ "$T" =~ ^[0-9]+$ && "$R" =~ ^[0-9]+$ ]] && (( T >= 2 && R >= 1 )) \
	|| { echo "usage: $0 [T] [R]  (T >= 2 tables of R >= 1 rows)" >&2; exit 2; }
export BENCH_DB="${BENCH_DB:-parity_many}"
# shellcheck source=../lib/bench.sh
source "$here/../lib/bench.sh" 1 0

run_dir="$root/bench/out/many-tables/t${T}-r${R}-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"
log "T=$T tables of R=$R rows; output in $run_dir"

table() { printf 'many_%04d' "$1"; }

# Every 100th table has one changed field in the target (row 1's code), so found = T / 100.
load_many() {
	maria -e "CREATE DATABASE IF NOT EXISTS \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
	if ! pg -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
		pg -d postgres -c "CREATE DATABASE \"$DB\" ENCODING 'UTF8' TEMPLATE template0"
	fi
	log "loading $T tables x $R rows into MariaDB and PostgreSQL (in parallel) ..."
	local t0 i name maria_sql="" pg_sql=""
	t0="$(now)"
	# Drop every table of an earlier run (another T) first.
	maria -N "$DB" -e "SELECT table_name FROM information_schema.tables WHERE table_schema = '$DB' AND table_name LIKE 'many\\_%'" \
		| while read -r name; do echo "DROP TABLE \`$name\`;"; done >"$run_dir/drop-maria.sql"
	pg -d "$DB" -Atc "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'many\\_%'" \
		| while read -r name; do echo "DROP TABLE \"$name\";"; done >"$run_dir/drop-pg.sql"
	for (( i = 1; i <= T; i++ )); do
		printf -v name 'many_%04d' "$i"
		maria_sql+="CREATE TABLE $name (id BIGINT NOT NULL PRIMARY KEY, code VARCHAR(40) NOT NULL, amount DECIMAL(12,2) NOT NULL, created DATETIME(6) NOT NULL, flag BOOLEAN NOT NULL) ENGINE=InnoDB;
INSERT INTO $name SELECT seq, CONCAT('code-', seq), seq * 1.25, TIMESTAMP '2020-01-01 00:00:00' + INTERVAL seq SECOND, seq % 2 = 0 FROM seq_1_to_${R};
"
		pg_sql+="CREATE TABLE $name (id BIGINT NOT NULL PRIMARY KEY, code VARCHAR(40) NOT NULL, amount NUMERIC(12,2) NOT NULL, created TIMESTAMP(6) NOT NULL, flag BOOLEAN NOT NULL);
INSERT INTO $name SELECT n, 'code-' || n, n * 1.25, TIMESTAMP '2020-01-01 00:00:00' + n * INTERVAL '1 second', n % 2 = 0 FROM generate_series(1, ${R}) AS g(n);
"
		if (( i % 100 == 0 )); then
			pg_sql+="UPDATE $name SET code = 'changed' WHERE id = 1;
"
		fi
	done
	( { cat "$run_dir/drop-maria.sql"; echo "SET SESSION foreign_key_checks = 0;"; printf '%s' "$maria_sql"; echo "ANALYZE TABLE $(table 1);"; } | maria "$DB" >/dev/null ) &
	local maria_pid=$!
	( { cat "$run_dir/drop-pg.sql"; printf '%s' "$pg_sql"; echo "ANALYZE;"; } | pg -d "$DB" >/dev/null ) &
	local pg_pid=$! failed=0
	wait "$maria_pid" || failed=1
	wait "$pg_pid" || failed=1
	(( failed == 0 )) || { log "error: the load failed"; exit 2; }
	load_seconds="$(elapsed "$t0" "$(now)")"
	log "load: $T tables x 2 databases in $load_seconds s"
}
if [[ "${BENCH_SKIP_LOAD:-0}" == 1 ]]; then
	log "BENCH_SKIP_LOAD=1: reusing the existing many_* tables"
	load_seconds=skipped
else
	load_many
fi
log "tables: source $(maria -N "$DB" -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$DB' AND table_name LIKE 'many\\_%'"), target $(pg -d "$DB" -Atc "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'many\\_%'")"

# ---------------------------------------------------------------------------------------------
# (a) the floor
# ---------------------------------------------------------------------------------------------
m2="$HOME/.m2/repository"
pg_jar="$(ls "$m2"/org/postgresql/postgresql/42.7.*/postgresql-42.7.*.jar 2>/dev/null | grep -v sources | sort -V | tail -1)"
maria_jar="$(ls "$m2"/org/mariadb/jdbc/mariadb-java-client/3.5.*/mariadb-java-client-3.5.*.jar 2>/dev/null | grep -v sources | sort -V | tail -1)"
[[ -n "$pg_jar" && -n "$maria_jar" ]] || { log "error: JDBC drivers not found under $m2 (run ./parity once)"; exit 2; }
source_url="jdbc:mariadb://$MARIADB_HOST:$MARIADB_PORT/$DB"
target_url="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB"
log "floor: a catalog query, then a count and a read of every table over JDBC (load average: $(cut -d' ' -f1-3 /proc/loadavg)) ..."
floor_line="$(FLOOR_SOURCE_PASSWORD="$MARIADB_PASSWORD" FLOOR_TARGET_PASSWORD="$PG_PASSWORD" \
	"$JAVA_HOME/bin/java" -cp "$pg_jar:$maria_jar" "$here/Floor.java" \
	"$source_url" "$MARIADB_USER" "$DB" "$target_url" "$PG_USER" public "$T")"
log "  $floor_line"
floor_count="$(sed -n 's/.*count_ms_per_table=\([0-9.]*\).*/\1/p' <<<"$floor_line")"
floor_read="$(sed -n 's/.*read_ms_per_table=\([0-9.]*\).*/\1/p' <<<"$floor_line")"
floor_catalog="$(sed -n 's/.*catalog_ms=\([0-9.]*\).*/\1/p' <<<"$floor_line")"

# ---------------------------------------------------------------------------------------------
# (b) Parity: the same five commands on all T tables and on one, each series on a fresh control database
# ---------------------------------------------------------------------------------------------
write_config() { # write_config FILE CONTROL_DIR
	{
		cat <<YAML
parity:
  name: bench-many-tables
  source:  { url: "$source_url", username: $MARIADB_USER, password: "\${BENCH_SOURCE_PASSWORD:}" }
  target:  { url: "$target_url", username: $PG_USER, password: "\${BENCH_TARGET_PASSWORD:}" }
  control: { url: "jdbc:h2:file:$2/control" }
  tables:
YAML
		local i
		for (( i = 1; i <= T; i++ )); do
			printf '    - { name: many_%04d, source: many_%04d, target: many_%04d, key: [id] }\n' "$i" "$i" "$i"
		done
	} >"$1"
}
mkdir -p "$run_dir/all" "$run_dir/one"
write_config "$run_dir/all/parity.yml" "$run_dir/all"
write_config "$run_dir/one/parity.yml" "$run_dir/one"
export BENCH_SOURCE_PASSWORD="$MARIADB_PASSWORD" BENCH_TARGET_PASSWORD="$PG_PASSWORD"
prepare_parity

# BENCH_COMMANDS: the commands to measure, in order (default all five); a diff before any other is "diff_first"
read -r -a commands <<<"${BENCH_COMMANDS:-diff schema counts diff checksum}"
labels=()
for k in "${!commands[@]}"; do
	if [[ "${commands[$k]}" == diff && $k == 0 ]]; then labels+=(diff_first); else labels+=("${commands[$k]}"); fi
done
declare -A wall job
# Spring Batch logs each step's time at INFO (Parity's default leaves it at WARN)
step_log="-Dlogging.level.org.springframework.batch.core.step.AbstractStep=INFO"
# measure SERIES LABEL JOB [ARGS...]: runs ./parity check JOB, records its wall time and "JOB took" time.
measure() {
	local series="$1" label="$2" command="$3" t0 t1 code
	shift 3
	local out="$run_dir/$series/$label"
	t0="$(now)"
	set +e
	if [[ "$series" == all ]]; then
		PARITY_JAVA_OPTS="-Xmx$XMX $step_log ${BENCH_JAVA_OPTS:-}" parity check "$command" --config "$run_dir/$series/parity.yml" "$@" >"$out.out" 2>"$out.err"
	else
		PARITY_JAVA_OPTS="-Xmx$XMX $step_log" parity check "$command" --config "$run_dir/$series/parity.yml" "$@" >"$out.out" 2>"$out.err"
	fi
	code=$?
	set -e
	t1="$(now)"
	if (( code == 2 )); then
		tail -20 "$out.err" >&2
		log "error: ./parity check $command failed (exit 2); see $out.err"
		exit 2
	fi
	wall[$series.$label]="$(elapsed "$t0" "$t1")"
	job[$series.$label]="$(sed -n 's/^[a-zA-Z]*Job took \([0-9.]*\) s$/\1/p' "$out.out" | tail -1)"
	if grep -q OutOfMemoryError "$out.err"; then log "  warning: $series $label ran out of heap (-Xmx$XMX); see $out.err"; fi
	log "  $series $label: check $command exit $code, wall ${wall[$series.$label]} s, ${command}Job took ${job[$series.$label]:-?} s"
	# Spring Batch's own step times, when it logs them
	grep -o 'Step: \[[A-Za-z]*\] executed in [0-9a-z]*' "$out.err" | sed 's/^/      /' >&2 || true
}
log "parity on one table (start-up and fixed costs; load average: $(cut -d' ' -f1-3 /proc/loadavg)) ..."
for k in "${!commands[@]}"; do measure one "${labels[$k]}" "${commands[$k]}" --table "$(table 1)"; done
log "parity on $T tables (load average: $(cut -d' ' -f1-3 /proc/loadavg)) ..."
for k in "${!commands[@]}"; do measure all "${labels[$k]}" "${commands[$k]}"; done

parity discrepancies --config "$run_dir/all/parity.yml" --format json >"$run_dir/discrepancies.json" 2>"$run_dir/discrepancies.err" \
	|| { cat "$run_dir/discrepancies.err" >&2; log "error: ./parity discrepancies failed"; exit 2; }
found="$(python3 -c 'import json,sys; print(sum(1 for d in json.load(open(sys.argv[1])) if d["type"] == "FIELD_MISMATCH"))' "$run_dir/discrepancies.json")"
(( found == T / 100 )) || log "warning: found $found field mismatches, expected $(( T / 100 )); see $run_dir/discrepancies.json"

# per table: from the jobs' own times (start-up excluded, so the machine's noise in a JVM's start does
# not swamp the difference), and from the wall times (which include the pre-run validation)
per_table() { if [[ -n "${job[all.$1]:-}" && -n "${job[one.$1]:-}" ]]; then awk -v a="${job[all.$1]}" -v b="${job[one.$1]}" -v t="$T" 'BEGIN { printf "%.1f", (a - b) * 1000 / (t - 1) }'; else echo "-"; fi; }
wall_per_table() { if [[ -n "${wall[all.$1]:-}" ]]; then awk -v a="${wall[all.$1]}" -v b="${wall[one.$1]}" -v t="$T" 'BEGIN { printf "%.1f", (a - b) * 1000 / (t - 1) }'; else echo "-"; fi; }
# start-up: JVM, Spring, the control database's migrations and the pre-run validation of one table
first="${labels[0]}"; [[ -n "${wall[one.schema]:-}" ]] && first=schema
startup="$(awk -v w="${wall[one.$first]}" -v j="${job[one.$first]:-0}" 'BEGIN { printf "%.2f", w - j }')"
{
	echo "load_seconds=$load_seconds floor_catalog_ms=$floor_catalog"
	for label in "${labels[@]}"; do
		echo "$label: wall ${wall[one.$label]} s on 1 table, ${wall[all.$label]} s on $T ($(wall_per_table "$label") ms per table); job ${job[one.$label]:-?} s on 1, ${job[all.$label]:-?} s on $T ($(per_table "$label") ms per table)"
	done
} >"$run_dir/result.txt"
cat "$run_dir/result.txt" >&2
line="many-tables tables=$T rows=$R startup_s=$startup schema_ms_per_table=$(per_table schema) counts_ms_per_table=$(per_table counts) diff_first_ms_per_table=$(per_table diff_first) diff_ms_per_table=$(per_table diff) checksum_ms_per_table=$(per_table checksum) floor_count_ms_per_table=$floor_count floor_read_ms_per_table=$floor_read found=$found"
echo "$line" >>"$run_dir/result.txt"
echo "$line"

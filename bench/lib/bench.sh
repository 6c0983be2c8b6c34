#!/usr/bin/env bash
# bench/lib/bench.sh — what the benchmarks share (sourced, not run): settings from the environment,
# logging, the database clients, the 10-column bench_rows table loaded identically into MariaDB and
# PostgreSQL with D planted differences, and the Parity jar to measure.
#
# The sourcing script sets BENCH_NAME (e.g. diff) and passes its arguments: N (rows, default 1000000)
# and D (planted differences, default 10). See bench/diff/README.md for the data.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N="${1:-1000000}"
D="${2:-10}"
[[ "$N" =~ ^[0-9]+$ && "$D" =~ ^[0-9]+$ ]] || { echo "usage: $0 [N] [D]  (non-negative integers)" >&2; exit 2; }
(( N >= 1 )) || { echo "error: N must be at least 1" >&2; exit 2; }
(( D <= N )) || { echo "error: D ($D) cannot exceed N ($N)" >&2; exit 2; }

DB="${BENCH_DB:-parity_bench}"
MARIADB_HOST="${MARIADB_HOST:-127.0.0.1}" MARIADB_PORT="${MARIADB_PORT:-3306}"
MARIADB_USER="${MARIADB_USER:-root}" MARIADB_PASSWORD="${MARIADB_PASSWORD:-}"
PG_HOST="${PG_HOST:-127.0.0.1}" PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}" PG_PASSWORD="${PG_PASSWORD:-}"
THREADS="${BENCH_THREADS:-2}"
XMX="${BENCH_XMX:-512m}"

JAVA_HOME="$("$root/bin/find-jdk")"
export JAVA_HOME

log() { printf '[bench/%s %s] %s\n' "$BENCH_NAME" "$(date +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

maria() { MYSQL_PWD="$MARIADB_PASSWORD" mariadb --default-character-set=utf8mb4 -h "$MARIADB_HOST" -P "$MARIADB_PORT" -u "$MARIADB_USER" "$@"; }
pg() { PGPASSWORD="$PG_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"; }

# ---------------------------------------------------------------------------------------------
# The data. Row n (1..N) has key id = 2n (odd ids stay free for rows planted in the target only),
# and every column is a deterministic function of n, written once per dialect so both engines
# produce the same values:
#   c_int     INT             (7919n mod 1000003) - 500000
#   c_bigint  BIGINT          1000003n - 2500000000000            (negative and positive)
#   c_decimal DECIMAL(12,2)   ((37n mod 10^7) - 5*10^6) / 100     (exact cents, both signs)
#   c_code    VARCHAR(40)     'code-' n
#   c_text    VARCHAR(100)    'café ' + first 20 hex of md5(n) + ' ' + (n mod 1000); NULL when 17 | n
#   c_date    DATE            2000-01-01 + (n mod 9000) days
#   c_ts      DATETIME(6)/TIMESTAMP(6)  2020-01-01 00:00:00 + n s + (137n mod 10^6) µs
#   c_flag    BOOLEAN (MariaDB TINYINT(1))  3 | n
#   c_double  DOUBLE          ((7n mod 1000003) - 500000) / 64    (exactly representable)
#   c_char    CHAR(10)        'C' (n mod 100000)                  (padded by CHAR)
# ---------------------------------------------------------------------------------------------
maria_ddl="CREATE TABLE bench_rows (
  id        BIGINT        NOT NULL PRIMARY KEY,
  c_int     INT           NOT NULL,
  c_bigint  BIGINT        NOT NULL,
  c_decimal DECIMAL(12,2) NOT NULL,
  c_code    VARCHAR(40)   NOT NULL,
  c_text    VARCHAR(100)  NULL,
  c_date    DATE          NOT NULL,
  c_ts      DATETIME(6)   NOT NULL,
  c_flag    BOOLEAN       NOT NULL,
  c_double  DOUBLE        NOT NULL,
  c_char    CHAR(10)      NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci"

maria_select="SELECT 2*n,
  (n*7919) % 1000003 - 500000,
  n*1000003 - 2500000000000,
  ((n*37) % 10000000 - 5000000) / 100,
  CONCAT('code-', n),
  IF(n % 17 = 0, NULL, CONCAT('café ', LEFT(MD5(n), 20), ' ', n % 1000)),
  DATE '2000-01-01' + INTERVAL (n % 9000) DAY,
  TIMESTAMP '2020-01-01 00:00:00' + INTERVAL n SECOND + INTERVAL ((n*137) % 1000000) MICROSECOND,
  n % 3 = 0,
  CAST((n*7) % 1000003 - 500000 AS DOUBLE) / 64,
  CONCAT('C', n % 100000)
FROM (SELECT CAST(seq AS SIGNED) AS n FROM seq_1_to_${N}) s"

pg_ddl="CREATE TABLE bench_rows (
  id        BIGINT           NOT NULL,
  c_int     INTEGER          NOT NULL,
  c_bigint  BIGINT           NOT NULL,
  c_decimal NUMERIC(12,2)    NOT NULL,
  c_code    VARCHAR(40)      NOT NULL,
  c_text    VARCHAR(100)     NULL,
  c_date    DATE             NOT NULL,
  c_ts      TIMESTAMP(6)     NOT NULL,
  c_flag    BOOLEAN          NOT NULL,
  c_double  DOUBLE PRECISION NOT NULL,
  c_char    CHAR(10)         NOT NULL
)"

# pg_values ID_EXPR: the select list for row n (n is a bigint column of the FROM clause).
pg_values() {
	cat <<SQL
  $1,
  ((n*7919) % 1000003 - 500000)::int,
  n*1000003 - 2500000000000,
  ((n*37) % 10000000 - 5000000)::numeric / 100,
  'code-' || n,
  CASE WHEN n % 17 = 0 THEN NULL ELSE 'café ' || left(md5(n::text), 20) || ' ' || (n % 1000) END,
  DATE '2000-01-01' + (n % 9000)::int,
  TIMESTAMP '2020-01-01 00:00:00' + n * INTERVAL '1 second' + ((n*137) % 1000000) * INTERVAL '1 microsecond',
  n % 3 = 0,
  ((n*7) % 1000003 - 500000)::float8 / 64,
  'C' || (n % 100000)
SQL
}

# ---------------------------------------------------------------------------------------------
# The planted differences, all in the target: D slots spread evenly over the key space, slot j at
# n = floor((2j+1)N / 2D) + 1. Up to two slots become a row deleted from the target
# (MISSING_IN_TARGET), up to two an extra target row at the odd id 2n+1 (EXTRA_IN_TARGET); the rest
# change exactly one column of the row (FIELD_MISMATCH), cycling through the 10 columns.
# Each slot is exactly one expected discrepancy, so the expected count is D.
# ---------------------------------------------------------------------------------------------
changes=(
	"c_ts = c_ts + INTERVAL '1 microsecond'"
	"c_double = c_double + 0.5"
	"c_flag = NOT c_flag"
	"c_char = 'Zchanged'"
	"c_decimal = c_decimal + 0.01"
	"c_text = COALESCE(c_text, '') || '!'"
	"c_int = c_int + 1"
	"c_bigint = c_bigint - 1"
	"c_code = c_code || 'x'"
	"c_date = c_date + 1"
)
plant_sql() {
	local limit=$(( D / 5 )); (( limit > 2 )) && limit=2
	local missing=0 extra=0 fields=0 j n
	for (( j = 0; j < D; j++ )); do
		n=$(( (2 * j + 1) * N / (2 * D) + 1 ))
		if (( j % 5 == 2 && missing < limit )); then
			echo "DELETE FROM bench_rows WHERE id = $(( 2 * n ));"
			missing=$(( missing + 1 ))
		elif (( j % 5 == 4 && extra < limit )); then
			echo "INSERT INTO bench_rows SELECT $(pg_values "2*n+1") FROM (SELECT ${n}::bigint AS n) s;"
			extra=$(( extra + 1 ))
		else
			echo "UPDATE bench_rows SET ${changes[$(( fields % ${#changes[@]} ))]} WHERE id = $(( 2 * n ));"
			fields=$(( fields + 1 ))
		fi
	done
	log "planted $D differences: $fields changed fields, $missing rows missing in target, $extra extra rows in target" 
}

load() {
	local t0 t1 t2 t3
	maria -e "CREATE DATABASE IF NOT EXISTS \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
	if ! pg -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
		pg -d postgres -c "CREATE DATABASE \"$DB\" ENCODING 'UTF8' TEMPLATE template0"
	fi

	log "loading MariaDB and PostgreSQL ($N rows each, in parallel) ..."
	t0="$(now)"
	(
		maria "$DB" -e "DROP TABLE IF EXISTS bench_rows; $maria_ddl;
			SET SESSION unique_checks = 0, foreign_key_checks = 0;
			START TRANSACTION; INSERT INTO bench_rows $maria_select; COMMIT;
			ANALYZE TABLE bench_rows;" >/dev/null
		log "  MariaDB loaded in $(elapsed "$t0" "$(now)") s"
	) &
	local maria_pid=$!
	(
		pg -d "$DB" -c "DROP TABLE IF EXISTS bench_rows" \
			-c "$pg_ddl" \
			-c "INSERT INTO bench_rows SELECT $(pg_values "2*n") FROM generate_series(1::bigint, ${N}::bigint) AS g(n)" \
			-c "ALTER TABLE bench_rows ADD PRIMARY KEY (id)"
		pg -d "$DB" -c "VACUUM (FREEZE, ANALYZE) bench_rows"
		log "  PostgreSQL loaded in $(elapsed "$t0" "$(now)") s"
	) &
	local pg_pid=$!
	local failed=0
	wait "$maria_pid" || failed=1
	wait "$pg_pid" || failed=1
	(( failed == 0 )) || { log "error: the load failed"; exit 2; }

	if (( D > 0 )); then
		local plant; plant="$(plant_sql)"
		pg -d "$DB" -c "BEGIN" -c "$plant" -c "COMMIT"
		pg -d "$DB" -c "VACUUM ANALYZE bench_rows"
	fi
	t1="$(now)"
	load_seconds="$(elapsed "$t0" "$t1")"
	log "load: $N rows x 2 databases in $load_seconds s"
}


# Loads the data unless BENCH_SKIP_LOAD=1 (reuse the previous run's tables of the same N and D).
load_unless_skipped() {
	if [[ "${BENCH_SKIP_LOAD:-0}" == 1 ]]; then
		log "BENCH_SKIP_LOAD=1: reusing the existing bench_rows tables"
		load_seconds="skipped"
	else
		load
	fi
}

# Picks the Parity jar to measure (run_dir must be set): BENCH_JAR, a private build (BENCH_BUILD=private),
# or the working tree's own (built now if its sources changed); then parity() runs it.
prepare_parity() {
	# Build the jar now if the sources changed, so that a build is never part of the measurement. Then,
	# unless BENCH_USE_WRAPPER=1, run a snapshot of that jar with exactly the command line ./parity
	# execs: another developer editing sources meanwhile can neither trigger a rebuild inside the
	# measured run nor swap the jar between the diff and the discrepancy listing.
	if [[ -n "${BENCH_JAR:-}" ]]; then
		jar="$BENCH_JAR"
	elif [[ "${BENCH_BUILD:-}" == private ]]; then
		# A private build of the working tree under bench/out/$BENCH_NAME/build, isolated from builds running
		# in the tree itself; rebuilt only when a copied source changed (rsync keeps modification times).
		build="$root/bench/out/$BENCH_NAME/build"
		mkdir -p "$build"
		rsync -a --delete --exclude=target/ --exclude=.git/ --exclude=parity-data/ --exclude=bench/ \
			--exclude='*.log' --exclude=.idea/ "$root/" "$build/src/"
		# $build/parity.jar is the last successful build: a working tree that does not compile right now
		# (someone mid-edit) falls back to it with a warning.
		jar="$build/parity.jar"
		stamp="$build/src/app/target/parity.jar"
		if [[ ! -f "$stamp" || -n "$(find "$build/src" -path '*/target' -prune -o -type f -newer "$stamp" -print -quit)" ]]; then
			log "building a private jar of the working tree in $build/src ..."
			if (cd "$build/src" && ./mvnw -q -B -Dmaven.test.skip=true package >"$build/build.log" 2>&1); then
				cp "$stamp" "$jar"
			elif [[ -f "$jar" ]]; then
				log "warning: the working tree does not build now (see $build/build.log); using the last private build ($(date -r "$jar" '+%F %T'))"
			else
				tail -40 "$build/build.log" >&2; log "error: the private build failed"; exit 2
			fi
		fi
	else
		"$root/parity" --version >/dev/null 2>"$run_dir/prebuild.log" || { cat "$run_dir/prebuild.log" >&2; log "error: ./parity does not start"; exit 2; }
		jar="$root/app/target/parity.jar"
	fi
	log "parity jar: $jar (built $(date -r "$jar" '+%F %T'))"
	if [[ "${BENCH_USE_WRAPPER:-0}" == 1 ]]; then
		parity_cmd=("$root/parity")
	else
		cp "$jar" "$run_dir/parity.jar"
		trap 'rm -f "$run_dir/parity.jar"' EXIT
		parity_cmd=("$JAVA_HOME/bin/java" -Djava.awt.headless=true -jar "$run_dir/parity.jar")
		"${parity_cmd[@]}" --version >/dev/null 2>&1 || { log "error: the jar snapshot does not start (a build was running?); try again"; exit 2; }
	fi
}
parity() {
	# shellcheck disable=SC2086 # PARITY_JAVA_OPTS is a list of options, as in ./parity
	if [[ "${BENCH_USE_WRAPPER:-0}" == 1 ]]; then "${parity_cmd[@]}" "$@"
	else "${parity_cmd[0]}" ${PARITY_JAVA_OPTS:-} "${parity_cmd[@]:1}" "$@"; fi
}


# count_found FILE: the open FIELD_MISMATCH, MISSING_IN_TARGET and EXTRA_IN_TARGET discrepancies of table
# bench in ./parity discrepancies --format json output (by type and column on stderr); prints the count.
count_found() {
	BENCH_NAME="$BENCH_NAME" python3 - "$1" <<'PY'
import os
name = os.environ["BENCH_NAME"]
import collections, json, sys
rows = json.load(open(sys.argv[1]))
kinds = {"FIELD_MISMATCH", "MISSING_IN_TARGET", "EXTRA_IN_TARGET"}
bench = [d for d in rows if d.get("table") == "bench" and d.get("type") in kinds]
by = collections.Counter((d["type"], d.get("column")) for d in bench)
for (kind, column), count in sorted(by.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
    print(f"[bench/{name}]   {kind:<18} {column or '-':<10} {count}", file=sys.stderr)
others = [d for d in rows if d not in bench]
if others:
    print(f"[bench/{name}]   (other open discrepancies not counted: {len(others)})", file=sys.stderr)
print(len(bench))
PY
}

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
#   MARIADB_HOST/PORT/USER/PASSWORD, PG_HOST/PORT/USER/PASSWORD, BENCH_DB (default parity_bench)
set -euo pipefail

N="${1:-1000000}"
D="${2:-10}"
[[ "$N" =~ ^[0-9]+$ && "$D" =~ ^[0-9]+$ ]] || { echo "usage: $0 [N] [D]  (non-negative integers)" >&2; exit 2; }
(( N >= 1 )) || { echo "error: N must be at least 1" >&2; exit 2; }
(( D <= N )) || { echo "error: D ($D) cannot exceed N ($N)" >&2; exit 2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
DB="${BENCH_DB:-parity_bench}"
MARIADB_HOST="${MARIADB_HOST:-127.0.0.1}" MARIADB_PORT="${MARIADB_PORT:-3306}"
MARIADB_USER="${MARIADB_USER:-root}" MARIADB_PASSWORD="${MARIADB_PASSWORD:-}"
PG_HOST="${PG_HOST:-127.0.0.1}" PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}" PG_PASSWORD="${PG_PASSWORD:-}"
THREADS="${BENCH_THREADS:-2}"
XMX="${BENCH_XMX:-512m}"

JAVA_HOME="$("$root/bin/find-jdk")"
export JAVA_HOME

log() { printf '[bench/diff %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

maria() { MYSQL_PWD="$MARIADB_PASSWORD" mariadb --default-character-set=utf8mb4 -h "$MARIADB_HOST" -P "$MARIADB_PORT" -u "$MARIADB_USER" "$@"; }
pg() { PGPASSWORD="$PG_PASSWORD" psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"; }

run_dir="$root/bench/out/diff/n${N}-d${D}-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"
log "N=$N D=$D; output in $run_dir"

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

if [[ "${BENCH_SKIP_LOAD:-0}" == 1 ]]; then
	log "BENCH_SKIP_LOAD=1: reusing the existing bench_rows tables"
	load_seconds="skipped"
else
	load
fi
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

# Build the jar now if the sources changed, so that a build is never part of the measurement. Then,
# unless BENCH_USE_WRAPPER=1, run a snapshot of that jar with exactly the command line ./parity
# execs: another developer editing sources meanwhile can neither trigger a rebuild inside the
# measured run nor swap the jar between the diff and the discrepancy listing.
if [[ -n "${BENCH_JAR:-}" ]]; then
	jar="$BENCH_JAR"
elif [[ "${BENCH_BUILD:-}" == private ]]; then
	# A private build of the working tree under bench/out/diff/build, isolated from builds running
	# in the tree itself; rebuilt only when a copied source changed (rsync keeps modification times).
	build="$root/bench/out/diff/build"
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
parity() {
	# shellcheck disable=SC2086 # PARITY_JAVA_OPTS is a list of options, as in ./parity
	if [[ "${BENCH_USE_WRAPPER:-0}" == 1 ]]; then "${parity_cmd[@]}" "$@"
	else "${parity_cmd[0]}" ${PARITY_JAVA_OPTS:-} "${parity_cmd[@]:1}" "$@"; fi
}

log "parity: ./parity check diff --config $config (load average: $(cut -d' ' -f1-3 /proc/loadavg)) ..."
export PARITY_JAVA_OPTS="-Xmx$XMX -Dparity.heap-report=true"
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
found="$(python3 - "$run_dir/discrepancies.json" <<'PY'
import collections, json, sys
rows = json.load(open(sys.argv[1]))
kinds = {"FIELD_MISMATCH", "MISSING_IN_TARGET", "EXTRA_IN_TARGET"}
bench = [d for d in rows if d.get("table") == "bench" and d.get("type") in kinds]
by = collections.Counter((d["type"], d.get("column")) for d in bench)
for (kind, column), count in sorted(by.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
    print(f"[bench/diff]   {kind:<18} {column or '-':<10} {count}", file=sys.stderr)
others = [d for d in rows if d not in bench]
if others:
    print(f"[bench/diff]   (other open discrepancies not counted: {len(others)})", file=sys.stderr)
print(len(bench))
PY
)"
(( found == D )) || log "warning: found $found discrepancies, expected $D; see $run_dir/discrepancies.json"

ratio="$(awk -v s="$seconds" -v f="$floor_seconds" 'BEGIN { printf "%.2f", (f > 0 ? s / f : 0) }')"
floor_fmt="$(awk -v f="$floor_seconds" 'BEGIN { printf "%.2f", f }')"
line="diff rows=$N differences=$D seconds=$seconds floor_seconds=$floor_fmt ratio=$ratio peak_heap_mb=$peak_heap found=$found"
echo "load_seconds=$load_seconds" >"$run_dir/result.txt"
echo "$line" >>"$run_dir/result.txt"
echo "$line"

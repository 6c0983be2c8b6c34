#!/usr/bin/env bash
# bench/checksum/run.sh [N] [D] — the partitioned checksum benchmark (see bench/checksum/README.md).
#
# Uses bench/diff's data (N rows x 10 typed columns in MariaDB, the source, and PostgreSQL, the target,
# identical but for D planted differences; bench/lib/bench.sh loads it), then measures
#   (a) the floor: each database's own single full-table hash aggregate, with exactly the canonical SQL
#       checksumJob pushes into it (printed by Parity's hidden checksum-sql command), run alone, one
#       database after the other; the floor is the slower of the two, and
#   (b) ./parity check checksum on them,
# and prints one final line on stdout:
#   checksum rows=N differences=D seconds=S floor_seconds=F ratio=R rows_fetched=X found=K
# Everything else (progress, rows and bytes fetched, both aggregates) goes to stderr.
#
# Environment (all optional), besides bench/diff's (BENCH_SKIP_LOAD, BENCH_XMX, BENCH_USE_WRAPPER,
# BENCH_BUILD, BENCH_JAR, MARIADB_*, PG_*, BENCH_DB):
#   BENCH_THREADS=2        parity.checksum.threads
#   BENCH_BISECT_ROWS=1000 parity.checksum.bisect-rows (the bisection threshold)
set -euo pipefail


BENCH_NAME=checksum
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib/bench.sh
source "$here/../lib/bench.sh" "$@"
BISECT_ROWS="${BENCH_BISECT_ROWS:-1000}"

run_dir="$root/bench/out/checksum/n${N}-d${D}-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$run_dir"
log "N=$N D=$D bisect-rows=$BISECT_ROWS; output in $run_dir"

load_unless_skipped
log "rows: source $(maria -N "$DB" -e "SELECT COUNT(*) FROM bench_rows"), target $(pg -d "$DB" -Atc "SELECT COUNT(*) FROM bench_rows")"

source_url="jdbc:mariadb://$MARIADB_HOST:$MARIADB_PORT/$DB"
target_url="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB"
config="$run_dir/parity.yml"
cat >"$config" <<YAML
parity:
  name: bench-checksum
  source:  { url: "$source_url", username: $MARIADB_USER, password: "\${BENCH_SOURCE_PASSWORD:}" }
  target:  { url: "$target_url", username: $PG_USER, password: "\${BENCH_TARGET_PASSWORD:}" }
  control: { url: "jdbc:h2:file:$run_dir/control" }
  checksum: { threads: $THREADS, bisect-rows: $BISECT_ROWS }
  tables:
    - name: bench
      source: bench_rows
      target: bench_rows
      key: [id]
YAML
export BENCH_SOURCE_PASSWORD="$MARIADB_PASSWORD" BENCH_TARGET_PASSWORD="$PG_PASSWORD"
prepare_parity

# ---------------------------------------------------------------------------------------------
# (a) the floor: the same canonical hash aggregate, one full-table query per database, run alone
# ---------------------------------------------------------------------------------------------
parity checksum-sql --config "$config" --table bench >"$run_dir/checksum.sql" 2>"$run_dir/checksum-sql.err" \
	|| { cat "$run_dir/checksum-sql.err" >&2; log "error: ./parity checksum-sql failed"; exit 2; }
source_sql="$(sed -n 's/^source: //p' "$run_dir/checksum.sql")"
target_sql="$(sed -n 's/^target: //p' "$run_dir/checksum.sql")"
log "floor: MariaDB's full-table aggregate alone (load average: $(cut -d' ' -f1-3 /proc/loadavg)) ..."
t0="$(now)"; source_sums="$(maria -N "$DB" -e "$source_sql" | tr '\t' ' ')"; t1="$(now)"
maria_seconds="$(elapsed "$t0" "$t1")"
log "  MariaDB:    $maria_seconds s  (count sum = $source_sums)"
log "floor: PostgreSQL's full-table aggregate alone ..."
t0="$(now)"; target_sums="$(pg -d "$DB" -Atc "$target_sql" | tr '|' ' ')"; t1="$(now)"
pg_seconds="$(elapsed "$t0" "$t1")"
log "  PostgreSQL: $pg_seconds s  (count sum = $target_sums)"
floor_seconds="$(awk -v a="$maria_seconds" -v b="$pg_seconds" 'BEGIN { printf "%.2f", (a > b ? a : b) }')"
if (( D == 0 )) && [[ "$source_sums" != "$target_sums" ]]; then
	log "warning: with no differences the two databases' aggregates differ: the canonical SQL of one engine is wrong"
fi

# ---------------------------------------------------------------------------------------------
# (b) ./parity check checksum
# ---------------------------------------------------------------------------------------------
log "parity: ./parity check checksum --config $config (load average: $(cut -d' ' -f1-3 /proc/loadavg)) ..."
export PARITY_JAVA_OPTS="-Xmx$XMX"
t0="$(now)"
set +e
parity check checksum --config "$config" >"$run_dir/checksum.out" 2>"$run_dir/checksum.err"
code=$?
set -e
t1="$(now)"
seconds="$(elapsed "$t0" "$t1")"
unset PARITY_JAVA_OPTS
cat "$run_dir/checksum.out" >&2
if (( code == 2 )); then
	tail -40 "$run_dir/checksum.err" >&2
	log "error: ./parity check checksum failed (exit 2); see $run_dir/checksum.err"
	exit 2
fi
log "parity: exit code $code in $seconds s"
# the summary row of table bench: table, hashed in, rows (s/t), chunks, differing, rows fetched, bytes fetched, ...
read -r hashed_in chunks differing rows_fetched bytes_fetched < <(awk '$1 == "bench" { gsub(",", "", $7); print $2, $4, $5, $6, $7 }' "$run_dir/checksum.out")
[[ "$hashed_in" == databases ]] || log "warning: the table was not hashed in the databases (see $run_dir/checksum.out)"
log "chunks: $chunks, differing: $differing; rows fetched from both databases: $rows_fetched ($bytes_fetched bytes of canonical text); bound: 10 x bisect-rows = $(( 10 * BISECT_ROWS ))"
(( rows_fetched <= 10 * BISECT_ROWS )) || log "warning: more rows fetched than 10 x bisect-rows"

parity discrepancies --config "$config" --format json >"$run_dir/discrepancies.json" 2>"$run_dir/discrepancies.err" \
	|| { cat "$run_dir/discrepancies.err" >&2; log "error: ./parity discrepancies failed"; exit 2; }
found="$(count_found "$run_dir/discrepancies.json")"
(( found == D )) || log "warning: found $found discrepancies, expected $D; see $run_dir/discrepancies.json"

ratio="$(awk -v s="$seconds" -v f="$floor_seconds" 'BEGIN { printf "%.2f", (f > 0 ? s / f : 0) }')"
line="checksum rows=$N differences=$D seconds=$seconds floor_seconds=$floor_seconds ratio=$ratio rows_fetched=$rows_fetched found=$found"
{ echo "load_seconds=$load_seconds maria_floor=$maria_seconds pg_floor=$pg_seconds bytes_fetched=$bytes_fetched"; echo "$line"; } >"$run_dir/result.txt"
echo "$line"

#!/usr/bin/env bash
# The figures of docs/PERFORMANCE.md, on one machine: a release build, a fresh database,
# one `quorum serve`, and `quorum-load` on the same machine (so the two share its cores).
#
#     Tests/scale/measure.sh                       # SQLite (a new file)
#     Tests/scale/measure.sh 'postgres://user@127.0.0.1:5432/db?sslmode=disable'
#
# For PostgreSQL it makes a schema of its own (psql) and leaves it for inspection.
# QUORUM_MEASURE_SECONDS (default 10) sets each run's length; QUORUM_SERVE_ARGS adds options.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${QUORUM_MEASURE_SECONDS:-10}
swift build -c release --product quorum 2>&1 | tail -n 1
swift build -c release --product quorum-load 2>&1 | tail -n 1
bin=.build/release
dir=$(mktemp -d /tmp/quorum-measure.XXXXXX)
if [ $# -ge 1 ]; then
    schema="measure_$(date +%s)"
    psql "$1" -q -c "CREATE SCHEMA $schema"
    db="$1$([[ "$1" == *\?* ]] && echo '&' || echo '?')schema=$schema"
else
    db="sqlite:///$dir/quorum.sqlite"
fi
echo "== database $db, folder $dir"
# Three populations (one ballot per person each): flat out, the fixed rate, the ballot page.
$bin/quorum-load seed --database "$db" --estate 901 --units 66000 -o "$dir/flat.tsv"
$bin/quorum-load seed --database "$db" --estate 902 --units $((1200 * seconds)) -o "$dir/steady.tsv"
$bin/quorum-load seed --database "$db" --estate 903 --units 2000 -o "$dir/page.tsv"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
$bin/quorum serve --database "$db" --port "$port" ${QUORUM_SERVE_ARGS:-} 2>"$dir/server.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do sleep 0.2; done
load() { $bin/quorum-load run --url "http://127.0.0.1:$port" --duration "$seconds" "$@"; }
echo "== hello (GET /health), 64 connections, flat out"; load --target hello --connections 64
echo "== hello, 1 connection"; load --target hello --connections 1
echo "== ballot page, 1 connection"; load --target ballot --owners "$dir/page.tsv" --connections 1
echo "== ballot page, 64 connections, flat out"; load --target ballot --owners "$dir/page.tsv" --connections 64
echo "== hello at 1,000/s, 64 connections"; load --target hello --connections 64 --rate 1000
echo "== cast at 1,000/s, 64 connections"; load --target cast --owners "$dir/steady.tsv" --connections 64 --rate 1000
echo "== cast flat out, 256 connections"; load --target cast --owners "$dir/flat.tsv" --connections 256
curl -s "http://127.0.0.1:$port/metrics" | grep -E '^quorum_(ballots_accepted|cast_batches|audit_log_entries)' || true

#!/usr/bin/env bash
# Issue 5 item 3: OpenAPI-driven negative testing against a fresh server.
#   bench/fuzz.sh [requests=12000] [seed=1]
# Builds the modules (as ./herald run does), starts an embedded PostgreSQL and one Liberty in the
# dev profile (sandbox transport; rate limits raised and a billing secret set, see FuzzBench),
# reads /openapi and sends the malformed requests of dev.herald.bench.FuzzCases. Every answer must
# be < 500, leak no stack trace, exception, Java package or SQL state, and every 4xx must be
# application/problem+json with `status` equal to the HTTP status. Prints a summary (appended to
# bench/RESULTS.md); every request in bench/target/bench/fuzz-report/requests.tsv, every violation
# with its request and answer in violations.jsonl. Exits 1 on any violation.
set -euo pipefail
BENCH_SCRIPT=bench/fuzz.sh exec "$(dirname "$0")/run.sh" dev.herald.bench.FuzzBench "$@"

#!/usr/bin/env bash
# Builds the modules (as ./herald run does) and runs one benchmark main class of ear's test
# sources: bench/run.sh <class> [args...]. Use the per-benchmark scripts next to this one.
set -euo pipefail
cd "$(dirname "$0")/.."
main=$1; shift
# The exact command, with the engine knobs set in the environment, goes into bench/RESULTS.md;
# BENCH_LABEL="..." labels the run there (e.g. "harness check", "BEFORE", "AFTER").
knobs=$(env | grep -E '^(HERALD_ENGINE_|ENGINE_THREADS|DB_[A-Z_]*POOL|BENCH_)' | grep -v '^BENCH_LABEL=' | sort | tr '\n' ' ' || true)
exec mvn -B -q -Pbench -DskipTests -DskipITs -pl ear -am verify \
  -Dbench.main="$main" -Dbench.args="$*" -Dbench.command="${knobs}${BENCH_SCRIPT:-bench/run.sh $main} $*"

#!/usr/bin/env bash
# Builds the modules (as ./herald run does) and runs one benchmark main class of the bench module
# (package dev.herald.bench): bench/run.sh <class> [args...]. Use the per-benchmark scripts next to this one.
set -euo pipefail
cd "$(dirname "$0")/.."
main=$1; shift
# The exact command, with the engine knobs set in the environment, goes into bench/RESULTS.md.
# BENCH_LABEL="..." labels the run there (e.g. "harness check", "BEFORE", "AFTER");
# values quoted as the shell needs them, so the line can be pasted back).
knobs=""
while IFS='=' read -r key value; do
  [[ $value =~ ^[A-Za-z0-9_./:,=+-]*$ ]] || value="'${value//\'/\'\\\'\'}'"
  knobs+="$key=$value "
done < <(env | grep -E '^(HERALD_ENGINE_|ENGINE_THREADS|DB_[A-Z_]*POOL|BENCH_)' | grep -v -E '^BENCH_(SCRIPT|LABEL)=' | sort || true)
exec mvn -B -q -Pbench -DskipTests -DskipITs -pl bench -am verify \
  -Dbench.main="$main" -Dbench.args="$*" -Dbench.command="${knobs}${BENCH_SCRIPT:-bench/run.sh $main} $*"

#!/usr/bin/env bash
# Issue 7.4 API overhead: bench/api.sh [rounds=3] [seconds=30] [connections=64] [warmup-s=15]
# wrk against GET /api/v1/bot/state (a tenant with a configured bot, valid token) and the bare
# GET /api/v1/ping on the same server, alternating after a warm-up of each; prints req/s,
# p50/p99 of each, the ratio and the targets (>= 0.7x the ping, p99 <= 20 ms). The global
# per-client rate limit is raised for the run (wrk is one client); the output says so.
# BENCH_JFR=1 records the bot/state runs with JFR and prints the hottest frames.
# BENCH_PGSS=1 loads pg_stat_statements and prints the statements that took most PostgreSQL time per run.
# BENCH_LABEL="label" labels the run in bench/RESULTS.md.
if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is not installed: apt-get install -y wrk" >&2
  exit 2
fi
BENCH_SCRIPT=bench/api.sh exec "$(dirname "$0")/run.sh" dev.herald.bench.ApiBench "$@"

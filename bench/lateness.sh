#!/usr/bin/env bash
# Issue 7.2 lateness: Herald vs a 2-second-tick model of the replaced design vs db-scheduler 16
# (lock-and-fetch, 20 threads, 1 s and 100 ms polling), one after the other on one PostgreSQL:
#   bench/lateness.sh [N=10000] [warmup-s=30] [measure-s=60] [idle-s=20]
# N running bots / tasks, a cycle every 10 s; p50/p99/max of actual start - planned time,
# executions/s, CPU, and idle polling statements/s of each (pg_stat_statements, per database role).
BENCH_SCRIPT=bench/lateness.sh exec "$(dirname "$0")/run.sh" dev.herald.bench.peer.LatenessBench "$@"

#!/usr/bin/env bash
# Issue 7.3 failover: bench/failover.sh [bots=1000] [rounds=1]
# Two Liberty servers on one embedded PostgreSQL; the node leasing every bot (2 groups each, a long
# delay between posts, so every cycle stays leased) is killed with kill -9 (only this worktree's
# Liberty: matched by install path and server name); prints how long until the survivor ran each
# orphaned bot again (first, p50/p99/max per bot), the lease settings and a duplicates check.
# Each round after the first restarts the killed server, then kills the other one.
# Engine knobs from the environment, e.g. HERALD_ENGINE_LEASE_SECONDS=6 bench/failover.sh 1000 3
# BENCH_LABEL="label" labels the run in bench/RESULTS.md.
BENCH_SCRIPT=bench/failover.sh exec "$(dirname "$0")/run.sh" dev.herald.bench.FailoverBench "$@"

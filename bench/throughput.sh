#!/usr/bin/env bash
# Issue 7.1: claim + dispatch throughput, Herald vs db-scheduler 16 (lock-and-fetch), alternating.
#   bench/throughput.sh [N=100000] [rounds=3]
BENCH_SCRIPT=bench/throughput.sh exec "$(dirname "$0")/run.sh" dev.herald.bench.peer.ThroughputBench "$@"

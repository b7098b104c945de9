#!/usr/bin/env bash
# Issue 16.4: open event streams per node: heap per open stream, state-change commit-to-receipt
# latency p50/p99/max with N streams open.
#   bench/sse.sh [streams=1000] [seconds=30]
BENCH_SCRIPT=bench/sse.sh exec "$(dirname "$0")/run.sh" dev.herald.bench.SseBench "$@"

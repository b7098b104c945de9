#!/usr/bin/env bash
# Issue 7.5 footprint: cold start to ready, then heap after full GC and live / work threads of the
# Liberty JVM with 0, N/10 and N running bots (one group each, a cycle every 10 s), then the installed
# server restarted three times (issue 17.3: median to ready <= 15 s):
#   bench/footprint.sh [N=10000] [steady-s=30]      (bench/footprint.sh 0 0: the starts only)
BENCH_SCRIPT=bench/footprint.sh exec "$(dirname "$0")/run.sh" dev.herald.bench.FootprintBench "$@"

#!/usr/bin/env bash
# Issue 6 engine benchmark: bench/engine.sh N [warmup-s=20] [measure-s=60]
# N running bots, one group each, a cycle every 10 s, sandbox with zero latency.
# Engine knobs from the environment, e.g. HERALD_ENGINE_LOOKAHEAD_MS=1000 bench/engine.sh 10000
# BENCH_JFR=1 records the measured window with JFR (file under bench/target/bench/).
BENCH_SCRIPT=bench/engine.sh exec "$(dirname "$0")/run.sh" dev.herald.bench.EngineBench "$@"

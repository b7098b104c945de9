#!/usr/bin/env bash
# Issue 13.6 "day in the life": bench/day.sh [tenants=200] [groups=20] [minutes=30] [scale=48]
# N tenants x G groups on the sandbox's Telegram model (slow modes, channels, join requests, bans),
# a simulated day: the model's limits and the plan's delays divided by `scale` (48: a day in 30 min).
# Smoke run: bench/day.sh 20 5 3
BENCH_SCRIPT=bench/day.sh exec "$(dirname "$0")/run.sh" dev.herald.bench.DayBench "$@"

#!/usr/bin/env bash
# Runs the zarr benchmarks of ndkit and zarr-python 2 back to back on one
# core, with their stores in the same tmpfs directory (so that the shared
# machine's disk does not decide), and prints the CPU model.
#   bash zarr/scripts/bench.sh [MB] [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-256}"
count="${2:-5}"
dir="${ZARR_BENCH_DIR:-/dev/shm}"
grep -m1 'model name' /proc/cpuinfo
ZARR_BENCH_DIR="$dir" ZARR_BENCH_MB="$mb" go test -run '^$' -bench Zarr -cpu 1 -count "$count" -benchtime 1x -timeout 60m .
ZARR_BENCH_DIR="$dir" OPENBLAS_NUM_THREADS=1 /usr/bin/python3 scripts/bench_zarr_python.py "$mb" "$count"

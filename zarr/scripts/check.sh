#!/usr/bin/env bash
# Cross-implementation check of the zarr package: ndkit writes Zarr v2 and
# v3 stores (cmd/zarrcheck), two ndkit processes write the two halves of
# one array at once, then zarr-python 2 and Dask (a LocalCluster) read the
# v2 stores and zarrita reads the v3 ones, each comparing with the values
# ndkit meant to write.
#
# Needs Debian's python3-zarr, python3-numcodecs, python3-dask and
# python3-distributed (apt-get install -y ...), node, and npm's zarrita
# 0.7.5, which this script installs in $ZARRITA_PREFIX (default
# ~/.cache/ndkit-zarrita) when it is missing. Run from anywhere:
#   bash zarr/scripts/check.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
py=/usr/bin/python3
if ! "$py" -c 'import zarr, numcodecs, dask, distributed' 2>/dev/null; then
	echo "check.sh: needs: apt-get install -y python3-zarr python3-numcodecs python3-dask python3-distributed" >&2
	exit 1
fi
prefix="${ZARRITA_PREFIX:-$HOME/.cache/ndkit-zarrita}"
if [ ! -d "$prefix/node_modules/zarrita" ]; then
	mkdir -p "$prefix"
	npm install --silent --prefix "$prefix" zarrita@0.7.5
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
go build -o "$out/zarrcheck" ./cmd/zarrcheck
"$out/zarrcheck" -out "$out"
"$out/zarrcheck" -out "$out" -init
"$out/zarrcheck" -out "$out" -half 0 & p0=$!
"$out/zarrcheck" -out "$out" -half 1 & p1=$!
wait "$p0"
wait "$p1"
status=0
"$py" "$here/check_python.py" "$out" || status=1
ZARRITA_MODULES="$prefix/node_modules" node "$here/check_zarrita.mjs" "$out" || status=1
exit "$status"

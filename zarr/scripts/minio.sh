#!/usr/bin/env bash
# Runs the S3 store's tests (zarr/s3store) against a real MinIO server:
# builds MinIO when it is missing (outside the repository, in
# $MINIO_BIN_DIR, default ~/.cache/ndkit-minio; 10 to 60 minutes on
# two cores), starts it on
# the loopback interface with a temporary data directory and random
# credentials, runs `go test` with NDKIT_S3_ENDPOINT and the credentials
# set, and stops the server.
#   bash zarr/scripts/minio.sh [go test flags...]
# With MINIO_OPTIONAL=1 (as .ci/run sets it), a MinIO that cannot be built
# (no network, no module proxy) is reported and the script exits 0.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bindir="${MINIO_BIN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ndkit-minio}"
# The MinIO release the S3 tests last passed against.
minio_version=v0.0.0-20260212201848-7aac2a2c5b7c
minio="$bindir/minio"
if [ ! -x "$minio" ]; then
	echo "minio.sh: building MinIO into $bindir (10 to 60 minutes)" >&2
	mkdir -p "$bindir"
	if ! (cd /tmp && GOBIN="$bindir" go install "github.com/minio/minio@$minio_version") >"$bindir/build.log" 2>&1; then
		tail -5 "$bindir/build.log" >&2
		if [ "${MINIO_OPTIONAL:-}" = 1 ]; then
			echo "minio.sh: skipped the S3 tests against MinIO: go install github.com/minio/minio@$minio_version failed (log: $bindir/build.log)"
			exit 0
		fi
		echo "minio.sh: go install github.com/minio/minio@$minio_version failed (log: $bindir/build.log)" >&2
		exit 1
	fi
fi
data="$(mktemp -d)"
port="${MINIO_PORT:-$((20000 + RANDOM % 20000))}"
user="ndkit$RANDOM"
pass="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
MINIO_ROOT_USER="$user" MINIO_ROOT_PASSWORD="$pass" MINIO_BROWSER=off \
	"$minio" server --quiet --address "127.0.0.1:$port" "$data" >"$data.log" 2>&1 &
pid=$!
cleanup() {
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	rm -rf "$data" "$data.log"
}
trap cleanup EXIT
for _ in $(seq 1 120); do
	if curl -fsS "http://127.0.0.1:$port/minio/health/live" >/dev/null 2>&1; then
		break
	fi
	if ! kill -0 "$pid" 2>/dev/null; then
		cat "$data.log" >&2
		echo "minio.sh: MinIO did not start" >&2
		exit 1
	fi
	sleep 0.5
done
cd "$here/../s3store"
NDKIT_S3_ENDPOINT="127.0.0.1:$port" NDKIT_S3_ACCESS_KEY="$user" NDKIT_S3_SECRET_KEY="$pass" \
	NDKIT_S3_BUCKET=ndkit-test go test -count=1 "${@:--v}" .

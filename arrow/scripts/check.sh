#!/usr/bin/env bash
# Cross-check of package arrow against Apache Arrow's JavaScript
# implementation (semantics.md AR13). It needs node (20 or later) and npm,
# which go test does not: the files it writes are committed.
#
#   arrow/scripts/check.sh [SCRATCH]
#
# 1. installs apache-arrow into SCRATCH (default $TMPDIR/ndkit-arrow-js),
#    outside the repository;
# 2. has apache-arrow write an IPC file and an IPC stream of every numeric
#    type, a nullable column, a FixedSizeList and a bool column
#    (testdata/js/js_file.arrow, js_stream.arrows), and record what it reads
#    back from them (testdata/js/js_values.json);
# 3. has ndkit write its file and stream (testdata/ndkit/ndkit_file.arrow,
#    ndkit_stream.arrows) and apache-arrow read them
#    (testdata/ndkit/js_read.json);
# 4. runs the tests that compare both ways (TestJSFixtures,
#    TestNdkitFixtures), and shows which fixtures changed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mod=$(dirname "$here")
scratch=${1:-${TMPDIR:-/tmp}/ndkit-arrow-js}
version=21.2.0

mkdir -p "$scratch"
if ! grep -qs "\"version\": \"$version\"" "$scratch/node_modules/apache-arrow/package.json"; then
	(cd "$scratch" && npm install --no-audit --no-fund "apache-arrow@$version")
fi
cp "$here/check.mjs" "$scratch/check.mjs" # resolves apache-arrow from SCRATCH
echo "== apache-arrow $version writes testdata/js"
node "$scratch/check.mjs" write "$mod/testdata/js"
echo "== ndkit writes testdata/ndkit"
(cd "$mod" && NDKIT_ARROW_UPDATE=1 go test -count=1 -run '^TestNdkitFixtures$' .)
echo "== apache-arrow reads them"
node "$scratch/check.mjs" read "$mod/testdata/ndkit/ndkit_file.arrow" "$mod/testdata/ndkit/ndkit_stream.arrows" \
	>"$mod/testdata/ndkit/js_read.json"
echo "== compare"
(cd "$mod" && go test -count=1 -run '^(TestJSFixtures|TestNdkitFixtures)$' -v . | grep -E '^(---|ok|FAIL|PASS)')
git -C "$mod" status --short -- testdata

#!/bin/sh
# Checks ndkit's safetensors package against the official implementation,
# the Rust crate safetensors (github.com/huggingface/safetensors), release
# v0.6.2: the newest release whose dependencies (serde, serde_json) Debian
# packages, built offline against them (apt-get install librust-serde-dev
# librust-serde-json-dev). Not run by go test; run it by hand from the
# repository root after changing the package:
#
#	SAFETENSORS_REPO=/path/to/safetensors/clone sh safetensors/scripts/check.sh
#
# It writes testdata/rust/*.safetensors (files the crate wrote) and
# testdata/rust_verdicts.jsonl (what the crate says of every case file of
# cases_test.go, of the files ndkit writes, and of its own files), which
# the tests compare with ndkit.
#
# Two changes are made to the crate's v0.6.2 sources, neither touching the
# code: its README.md, a symbolic link out of the crate, is replaced by the
# file it points to, and the optional hashbrown dependency of its no_std
# "alloc" feature (a version Debian lacks) is removed; the std build this
# check uses does not use it.
set -eu
repo=${SAFETENSORS_REPO:?set SAFETENSORS_REPO to a git clone of github.com/huggingface/safetensors}
here=$(cd "$(dirname "$0")" && pwd)
pkg=$(dirname "$here")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp -r "$here/rustref/." "$work/"
git -C "$repo" archive v0.6.2 safetensors README.md | tar -x -C "$work"
mv "$work/safetensors" "$work/crate"
rm "$work/crate/README.md"
mv "$work/README.md" "$work/crate/README.md"
sed -i '/^hashbrown = /d; s/^alloc = .*/alloc = []/' "$work/crate/Cargo.toml"
(cd "$work" && cargo build --release --offline --quiet)
bin=$work/target/release/rustref

mkdir -p "$pkg/testdata/rust" "$work/cases"
"$bin" write "$pkg/testdata/rust"
NDKIT_SAFETENSORS_CASES="$work/cases" go test -count=1 -run '^TestWriteCases$' "$pkg" >/dev/null
"$bin" read "$work"/cases/*.safetensors "$pkg"/testdata/rust/*.safetensors > "$pkg/testdata/rust_verdicts.jsonl"
echo "wrote $pkg/testdata/rust_verdicts.jsonl ($(wc -l < "$pkg/testdata/rust_verdicts.jsonl") files)"

"""Times zarr-python 2 on the cases of zarr/bench_test.go (BenchmarkZarr).

Usage: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench_zarr_python.py [MB] [RUNS]

A float32 array of MB MiB (default 256: 8192x8192) with 256x256 chunks is
written whole and read whole in a DirectoryStore under $ZARR_BENCH_DIR
(default: the system's temporary directory), with zstd level 1 and with
Blosc lz4 clevel 5 and byte shuffle, on one thread (Blosc's own threads
off). It prints the median time of RUNS runs (default 5) per case, in the
case names of the Go benchmark, and the throughput in MB/s.
"""
import os
import shutil
import statistics
import sys
import tempfile
import time

import numcodecs
import numpy as np
import zarr
from numcodecs import Blosc, Zstd

numcodecs.blosc.use_threads = False
numcodecs.blosc.set_nthreads(1)


def side(mb):
    n = 256
    while n * n * 4 * 4 <= mb << 20:
        n *= 2
    return n


def main():
    mb = int(sys.argv[1]) if len(sys.argv) > 1 else 256
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    n = side(mb)
    i = np.arange(n, dtype=np.int64)
    x = (((i[:, None] * i[None, :]) % 1000) / 8).astype(np.float32)
    base = tempfile.mkdtemp(dir=os.environ.get("ZARR_BENCH_DIR"))
    try:
        for name, comp in (("zstd1", Zstd(level=1)), ("bloscLZ4shuffle", Blosc(cname="lz4", clevel=5, shuffle=Blosc.SHUFFLE))):
            path = os.path.join(base, name)
            z = zarr.open_array(zarr.DirectoryStore(path), mode="w", shape=(n, n), chunks=(256, 256), dtype="<f4", compressor=comp)
            out = np.empty((n, n), np.float32)
            for op in ("write", "read"):
                ts = []
                for _ in range(runs):
                    t = time.perf_counter()
                    if op == "write":
                        z[...] = x
                    else:
                        z.get_basic_selection(Ellipsis, out=out)
                    ts.append(time.perf_counter() - t)
                med = statistics.median(ts)
                print(f"zarr/{op}/{name}/n={n}/zarr-python  median {med * 1e3:9.1f} ms  {x.nbytes / med / 1e6:7.1f} MB/s  (runs: {', '.join(f'{t * 1e3:.0f}' for t in ts)})")
            assert np.array_equal(out, x)
        # A 64x64 region straddling four chunks of sparse 1 GiB and 8 GiB
        # arrays in which only the chunks around it were written
        # (BenchmarkZarrRegionSparse).
        for name, comp in (("zstd1", Zstd(level=1)), ("bloscLZ4shuffle", Blosc(cname="lz4", clevel=5, shuffle=Blosc.SHUFFLE))):
            for shape in ((16384, 16384), (32768, 65536)):
                path = os.path.join(base, f"sparse-{name}-{shape[1]}")
                z = zarr.open_array(zarr.DirectoryStore(path), mode="w", shape=shape, chunks=(256, 256), dtype="<f4", compressor=comp)
                r0, c0 = shape[0] // 2 - 32, shape[1] // 2 - 32
                z[r0 - 256:r0 + 320, c0 - 256:c0 + 320] = x[:576, :576] if n >= 576 else 1.0
                ts = []
                for _ in range(max(runs, 20)):
                    t = time.perf_counter()
                    z[r0:r0 + 64, c0:c0 + 64]
                    ts.append(time.perf_counter() - t)
                med = statistics.median(ts)
                gib = shape[0] * shape[1] * 4 >> 30
                print(f"zarr/region64/{name}/{gib}GiB/zarr-python  median {med * 1e6:9.1f} us")
    finally:
        shutil.rmtree(base)


if __name__ == "__main__":
    main()

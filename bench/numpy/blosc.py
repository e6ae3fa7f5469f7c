"""Times numcodecs' Blosc encoder on the chunk of zarr/shuffle_bench_test.go
(BenchmarkBloscEncodeLZ4): one 256x256 float32 chunk x[i, j] =
((i*j) % 1000) / 8, lz4 clevel 5 with byte shuffle, on one thread.

Usage: /usr/bin/python3 bench/numpy/blosc.py [RUNS]

Prints the median of RUNS (default 5) timings of 200 encodes each, in
ns/op and MB/s, wall clock and process CPU time (on a shared machine the
CPU time is the steadier figure), and the compressed size.
"""
import statistics
import sys
import time

import numcodecs
import numpy as np
from numcodecs import Blosc

numcodecs.blosc.use_threads = False
numcodecs.blosc.set_nthreads(1)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    i = np.arange(256, dtype=np.int64)
    x = (((i[:, None] * i[None, :]) % 1000) / 8).astype(np.float32)
    for shuf, name in ((Blosc.SHUFFLE, "shuffle"), (Blosc.NOSHUFFLE, "noshuffle")):
        codec = Blosc(cname="lz4", clevel=5, shuffle=shuf)
        reps = 200
        ts, cs = [], []
        for _ in range(runs):
            t, c = time.perf_counter(), time.process_time()
            for _ in range(reps):
                out = codec.encode(x)
            ts.append((time.perf_counter() - t) / reps)
            cs.append((time.process_time() - c) / reps)
        med, cpu = statistics.median(ts), statistics.median(cs)
        print(f"BloscEncodeLZ4/{name}/numcodecs  wall {med * 1e9:10.0f} ns/op {x.nbytes / med / 1e6:8.1f} MB/s"
              f"  cpu {cpu * 1e9:10.0f} ns/op {x.nbytes / cpu / 1e6:8.1f} MB/s  {len(out)} bytes")


main()

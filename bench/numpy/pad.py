"""NumPy's timings for bench/pad_test.go (BenchmarkPad).

Run with OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/pad.py; prints
the median of several runs per case, under the Go benchmark's case names.
"""
import os
import timeit

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

h, w, c, p = 1080, 1920, 3, 16
img = (np.arange(h * w * c) % 251).astype(np.uint8).reshape(h, w, c)
widths = ((p, p), (p, p), (0, 0))

for name, mode in (("Constant", "constant"), ("Reflect", "reflect")):
    t = timeit.Timer(lambda: np.pad(img, widths, mode=mode))
    n, _ = t.autorange()
    runs = sorted(t.repeat(repeat=15, number=n))
    med = runs[len(runs) // 2] / n
    print(f"BenchmarkPad/{name}/numpy  {med * 1e6:10.1f} µs/op  (numpy {np.__version__})")

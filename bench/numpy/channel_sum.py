"""Per-channel sums of a 1080p RGB uint8 image, NumPy's side of
BenchmarkImageChannelSum (bench/channel_sum_test.go).
Run with: /usr/bin/python3 bench/numpy/channel_sum.py"""
import timeit

import numpy as np

img = (np.arange(1080 * 1920 * 3, dtype=np.int64) * 7).astype(np.uint8).reshape(1080, 1920, 3)
print("numpy", np.__version__, img.sum(axis=(0, 1)))
for _ in range(5):
    n = 20
    t = timeit.timeit(lambda: img.sum(axis=(0, 1)), number=n) / n
    print(f"img.sum(axis=(0, 1)) {t * 1e3:.2f} ms {img.nbytes / t / 1e6:.0f} MB/s")

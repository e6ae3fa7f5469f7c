#!/usr/bin/python3
"""PyTorch's time for bench/simd2_test.go's BF16ToF32/16M and F32ToBF16/16M
cases: x.to(torch.float32) of 16M bfloat16 values and back, one thread
(torch.set_num_threads(1)), median of 7 runs, in ms. PyTorch comes from
Debian's python3-torch. NumPy has no bfloat16; its float16 figures are in
simd2.py.

    /usr/bin/python3 bench/numpy/bf16.py
"""
import time

import torch

torch.set_num_threads(1)
N = 1 << 24


def median_ms(f, runs=7):
    f()
    ts = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    ts.sort()
    return ts[len(ts) // 2] * 1e3


def case(name, f):
    print("%s %.2f ms" % (name, median_ms(f)), flush=True)


g = torch.Generator().manual_seed(1)
a = torch.rand(N, generator=g) * 2 - 1
h = a.to(torch.bfloat16)
d = torch.empty(N, dtype=torch.float32)
hd = torch.empty(N, dtype=torch.bfloat16)
case("BF16ToF32/16M/to", lambda: h.to(torch.float32))
case("BF16ToF32/16M/copy_", lambda: d.copy_(h))
case("F32ToBF16/16M/to", lambda: a.to(torch.bfloat16))
case("F32ToBF16/16M/copy_", lambda: hd.copy_(a))

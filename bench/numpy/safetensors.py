#!/usr/bin/python3
"""PyTorch and NumPy timings of bench/safetensors_test.go's cases, one
thread:

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/safetensors.py

  - BF16ToF32/torch/16M: x.to(torch.float32) of 16M bfloat16 weights (a new
    tensor per call), and BF16ToF32/torch-copy_/16M: out.copy_(x) into a
    preallocated float32 tensor, with torch.set_num_threads(1);
  - F32ToBF16/torch/16M and F32ToBF16/torch-copy_/16M, the other way;
  - SafetensorsMap/numpy/2GiB-500: what Python does without the
    safetensors package (which the package index, unreachable here, would
    provide): mmap the sparse 2 GiB file of 500 float32 tensors, json.loads
    the header, np.frombuffer each tensor (views, no copy).

Prints the median of several runs per case, in ms, and MB/s of bytes read
plus written for the conversions (the Go benchmarks' SetBytes).
"""
import json
import mmap
import os
import statistics
import struct
import tempfile
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402
import torch  # noqa: E402

torch.set_num_threads(1)
N = 16 << 20


def median_seconds(fn, runs=11, inner=3):
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter() - t) / inner)
    return statistics.median(times)


def sparse_model(path):
    hdr = {"__metadata__": {"format": "pt"}}
    elems = 1073742 // 1024 + 1
    n = 4 * 1024 * elems
    for i in range(500):
        hdr[f"model.layers.{i}.weight"] = {"dtype": "F32", "shape": [1024, elems], "data_offsets": [i * n, (i + 1) * n]}
    h = json.dumps(hdr, separators=(",", ":")).encode()
    h += b" " * (-len(h) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)) + h)
        f.truncate(8 + len(h) + 500 * n)


def map_all(path):
    with open(path, "rb") as f:
        mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    n = struct.unpack("<Q", mm[:8])[0]
    hdr = json.loads(mm[8:8 + n])
    views = []
    for name, info in hdr.items():
        if name == "__metadata__":
            continue
        b, e = info["data_offsets"]
        views.append(np.frombuffer(mm, dtype=np.float32, count=(e - b) // 4, offset=8 + n + b).reshape(info["shape"]))
    return views


if __name__ == "__main__":
    print("numpy", np.__version__, "torch", torch.__version__, "threads", torch.get_num_threads())
    rng = np.random.default_rng(1)
    w = torch.from_numpy((rng.standard_normal(N) * 0.5).astype(np.float32))
    bf = w.to(torch.bfloat16)
    out32 = torch.empty(N, dtype=torch.float32)
    outbf = torch.empty(N, dtype=torch.bfloat16)
    cases = {
        "BF16ToF32/torch/16M": (lambda: bf.to(torch.float32), 6),
        "BF16ToF32/torch-copy_/16M": (lambda: out32.copy_(bf), 6),
        "F32ToBF16/torch/16M": (lambda: w.to(torch.bfloat16), 6),
        "F32ToBF16/torch-copy_/16M": (lambda: outbf.copy_(w), 6),
    }
    for name, (fn, nbytes) in cases.items():
        s = median_seconds(fn)
        print(f"{name}\t{s * 1e3:8.2f} ms\t{N * nbytes / s / 1e6:8.0f} MB/s")
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "model.safetensors")
        sparse_model(path)
        assert len(map_all(path)) == 500
        s = median_seconds(lambda: map_all(path), runs=21, inner=5)
        print(f"SafetensorsMap/numpy/2GiB-500\t{s * 1e3:8.3f} ms")

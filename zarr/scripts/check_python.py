"""Reads the stores zarrcheck wrote with zarr-python 2 and Dask.

Usage: /usr/bin/python3 check_python.py DIR

Every v2 array of DIR/manifest.json must read, with zarr-python, exactly
(bit for bit, NaNs included) as DIR/expected/<store>/<path>.npy; the
consolidated metadata must open; and Dask on a dask.distributed
LocalCluster must sum the arrays written in halves by two processes, and
the integer arrays, exactly.
"""
import json
import os
import sys

import numpy as np
import zarr


def same(a, b):
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


def main(d):
    manifest = json.load(open(os.path.join(d, "manifest.json")))
    ok = fail = 0
    root = zarr.open_consolidated(os.path.join(d, "v2.zarr"), mode="r")
    for e in manifest:
        if e["format"] != 2:
            continue
        z = root[e["path"]]
        want = np.load(os.path.join(d, "expected", e["store"], e["path"] + ".npy"))
        got = z[...]
        if z.dtype.byteorder not in "=|":
            got = got.astype(got.dtype.newbyteorder("="))
        if same(np.asarray(got), want):
            ok += 1
        else:
            fail += 1
            print("zarr-python MISMATCH", e["path"], z.dtype, z.order, z.compressor)
    print(f"zarr-python: {ok} arrays read exactly, {fail} differ")

    import dask.array as da
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, Client(cluster):
        halves = da.from_zarr(os.path.join(d, "halves.zarr"))
        want = sum((k * 64 + i) * 1000 + j for k in range(2) for i in range(64) for j in range(96))
        got = int(halves.sum().compute())
        full = halves.compute()
        i, j = np.indices((128, 96))
        if got == want and np.array_equal(full, i * 1000 + j):
            ok += 1
            print(f"dask: the array written in halves by two processes sums to {got}, exact")
        else:
            fail += 1
            print(f"dask MISMATCH: halves sum {got}, expected {want}")
        for e in manifest:
            if e["format"] == 2 and e["dtype"][1] in "iuf" and e["path"] != "scalar":
                x = da.from_zarr(os.path.join(d, "v2.zarr"), component=e["path"])
                want = np.load(os.path.join(d, "expected", e["store"], e["path"] + ".npy"))
                got = x.compute()
                s, ws = x.sum().compute(), np.sum(want, dtype=np.float64 if want.dtype.kind == "f" else None)
                if same(got, want.astype(got.dtype)) and (np.isnan(ws) and np.isnan(s) or np.isclose(s, ws, rtol=1e-6)):
                    ok += 1
                else:
                    fail += 1
                    print("dask MISMATCH", e["path"], s, ws)
    print(f"{ok} passed, {fail} failed")
    return 1 if fail else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

"""Writes the Zarr v2 fixtures of the zarr package with zarr-python 2.

Run from the zarr/ directory with /usr/bin/python3 (Debian python3-zarr
2.13, python3-numcodecs 0.11): it rewrites testdata/v2.zarr (a directory
store: one group of arrays, consolidated metadata), testdata/v2.zip (a zip
store) and testdata/v2_expected/<name>.npy, the NumPy array each fixture
must read as. The Go tests read these files and need no Python.
"""
import os
import shutil

import numcodecs
import numpy as np
import zarr
from numcodecs import BZ2, GZip, LZ4, Blosc, Zlib, Zstd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "v2.zarr")
EXP = os.path.join(HERE, "v2_expected")


def data(shape, dtype):
    n = int(np.prod(shape))
    x = (np.arange(n) % 23 - 7).reshape(shape)
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return (x % 3 == 0)
    if dt.kind == "c":
        return (x + 1j * (x % 5)).astype(dt)
    if dt.kind == "f":
        return (x / 4).astype(dt)
    if dt.kind == "u":
        return (x + 7).astype(dt)
    return x.astype(dt)


# name: (dtype, shape, chunks, order, compressor, fill, partial, separator)
CASES = {
    "f4_zlib": ("<f4", (5, 7), (2, 3), "C", Zlib(level=1), 0.0, False, "."),
    "f8be_gzip_F": (">f8", (5, 7), (2, 3), "F", GZip(level=5), 0.0, False, "."),
    "i8be_zstd": (">i8", (6, 4, 3), (4, 3, 2), "C", Zstd(level=3), 0, False, "."),
    "u2_lz4_nested": ("<u2", (9, 5), (4, 4), "C", LZ4(), 0, False, "/"),
    "i4_none": ("<i4", (5, 6), (5, 2), "F", None, 0, False, "."),
    "f4_blosc_lz4_shuffle": ("<f4", (40, 30), (16, 16), "C",
                             Blosc(cname="lz4", clevel=5, shuffle=Blosc.SHUFFLE, blocksize=256), 0.0, False, "."),
    "f8_blosc_zstd_bitshuffle": ("<f8", (20, 30), (16, 16), "C",
                                 Blosc(cname="zstd", clevel=3, shuffle=Blosc.BITSHUFFLE, blocksize=512), 0.0, False, "."),
    "i2_blosc_blosclz": ("<i2", (50, 40), (32, 32), "C",
                         Blosc(cname="blosclz", clevel=9, shuffle=Blosc.NOSHUFFLE), 0, False, "."),
    "i4_blosc_blosclz_shuffle": ("<i4", (50, 40), (32, 32), "C",
                                 Blosc(cname="blosclz", clevel=5, shuffle=Blosc.SHUFFLE, blocksize=1024), 0, False, "."),
    "u1_blosc_zlib_bitshuffle": ("|u1", (30, 30), (17, 17), "C",
                                 Blosc(cname="zlib", clevel=5, shuffle=Blosc.BITSHUFFLE), 0, False, "."),
    "c16_blosc_lz4hc": ("<c16", (6, 5), (4, 4), "C",
                        Blosc(cname="lz4hc", clevel=5, shuffle=Blosc.SHUFFLE), 1 + 2j, True, "."),
    "c8be_fill": (">c8", (6, 5), (4, 4), "F", Zlib(level=1), complex(float("nan"), -1), True, "."),
    "b1_zstd": ("|b1", (7, 9), (3, 4), "C", Zstd(level=1), True, True, "."),
    "f2_gzip": ("<f2", (5, 7), (2, 3), "C", GZip(level=1), -2.5, True, "."),
    "f4_fill_nan": ("<f4", (9, 8), (4, 4), "C", Zstd(level=1), float("nan"), True, "."),
    "f8_fill_neginf": ("<f8", (9, 8), (4, 4), "F", Zlib(level=1), float("-inf"), True, "."),
    "f4_fill_inf": (">f4", (9, 8), (4, 4), "C", None, float("inf"), True, "."),
    "i8_bz2": ("<i8", (8, 3), (3, 3), "C", BZ2(level=9), -5, True, "."),
    "scalar": ("<f8", (), (), "C", Zstd(level=1), 0.0, False, "."),
    "f4_3d_F": ("<f4", (5, 4, 6), (2, 3, 4), "F", Blosc(cname="lz4", clevel=1, shuffle=Blosc.SHUFFLE), 0.0, False, "."),
}


def main():
    for p in (ROOT, EXP):
        shutil.rmtree(p, ignore_errors=True)
    os.makedirs(EXP)
    store = zarr.DirectoryStore(ROOT)
    root = zarr.group(store=store)
    root.attrs["title"] = "ndkit zarr v2 fixtures"
    sub = root.create_group("sub")
    sub.attrs.update({"nested": [1, 2.5, "x"], "flag": True})
    for name, (dt, shape, chunks, order, comp, fill, partial, sep) in CASES.items():
        parent = sub if name.startswith("i") else root
        z = parent.create(name, shape=shape, chunks=chunks, dtype=dt, order=order,
                          compressor=comp, fill_value=fill, dimension_separator=sep)
        z.attrs["case"] = name
        x = data(shape, dt)
        if partial:
            # Only the first row of chunks is written; the rest read as fill.
            sl = tuple(slice(0, c) for c in chunks[:1])
            z[sl] = x[sl]
            x = np.full(shape, fill, dtype=dt)
            x[sl] = data(shape, dt)[sl]
        else:
            z[...] = x
        np.save(os.path.join(EXP, name + ".npy"), z[...].astype(np.dtype(dt).newbyteorder("=")))
    # A fill value of null: a chunk that is absent reads as zeros in ndkit.
    z = root.create("i4_fill_null", shape=(4, 4), chunks=(2, 2), dtype="<i4", fill_value=None, compressor=None)
    z[:2, :2] = np.arange(4).reshape(2, 2)
    x = np.zeros((4, 4), "<i4")
    x[:2, :2] = np.arange(4).reshape(2, 2)
    np.save(os.path.join(EXP, "i4_fill_null.npy"), x)
    zarr.consolidate_metadata(store)

    zpath = os.path.join(HERE, "v2.zip")
    if os.path.exists(zpath):
        os.remove(zpath)
    zs = zarr.ZipStore(zpath, mode="w")
    g = zarr.group(store=zs)
    z = g.create("a", shape=(10, 6), chunks=(4, 4), dtype="<f4", compressor=Zstd(level=1))
    z[...] = data((10, 6), "<f4")
    zs.close()
    np.save(os.path.join(EXP, "zip_a.npy"), data((10, 6), "<f4"))


if __name__ == "__main__":
    main()

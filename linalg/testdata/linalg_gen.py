#!/usr/bin/python3
"""Writes linalg.json: NumPy 1.24's answers for the fixture tests of
package linalg (fixture_test.go). Run with /usr/bin/python3 from this
directory; the output is committed, so go test needs no Python.

Inputs are small random matrices rounded to two decimals (stored in the
fixture). Decompositions whose signs LAPACK may choose differently are
stored by sign-free quantities (singular values, eigenvalues, |R|);
the tests check the factors by their defining properties instead."""
import json

import numpy as np

rng = np.random.default_rng(17)


def arr(shape, spd=False, sym=False):
    a = np.round(rng.standard_normal(shape), 2)
    if spd:
        a = a @ np.swapaxes(a, -1, -2) + shape[-1] * np.eye(shape[-1])
        a = np.round(a, 2)
    if sym:
        a = np.round((a + np.swapaxes(a, -1, -2)) / 2, 3)
    return a


def num(v):
    # JSON has no Inf or NaN: they are written as strings.
    return v if np.isfinite(v) else repr(float(v))


def enc(x):
    x = np.asarray(x)
    if np.iscomplexobj(x):
        return {"shape": list(x.shape), "data": x.real.ravel().tolist(), "imag": x.imag.ravel().tolist()}
    return {"shape": list(x.shape), "data": [num(v) for v in np.asarray(x, dtype=float).ravel().tolist()]}


def ordarg(o):
    if o is None:
        return "none"
    if isinstance(o, str):
        return o
    return repr(float(o))


cases = []


def add(op, inputs, want, **params):
    cases.append({"op": op, "inputs": [enc(x) for x in inputs], "want": [enc(w) for w in want], "params": params})


# Determinants.
for shape in [(3, 3), (2, 3, 3), (0, 0), (2, 0, 0), (4, 4)]:
    a = arr(shape)
    add("det", [a], [np.linalg.det(a)])
    s, l = np.linalg.slogdet(a)
    add("slogdet", [a], [s, l])
sing = np.array([[1., 2, 3], [4, 5, 6], [7, 8, 9]])
add("det", [sing], [np.linalg.det(sing)])
# Inverses and solves.
for shape in [(4, 4), (2, 3, 3), (1, 1)]:
    a = arr(shape)
    add("inv", [a], [np.linalg.inv(a)])
for ashape, bshape in [((3, 3), (3,)), ((3, 3), (3, 2)), ((2, 3, 3), (2, 3, 1)), ((2, 3, 3), (3,)), ((3, 3), (4, 3, 2))]:
    a, b = arr(ashape), arr(bshape)
    if len(bshape) == 1:
        want = np.linalg.solve(a, b) if a.ndim == 2 else np.stack([np.linalg.solve(x, b) for x in a])
    else:
        want = np.linalg.solve(a, b)
    add("solve", [a, b], [want])
# Cholesky, symmetric eigenvalues, singular values.
for shape in [(4, 4), (2, 3, 3)]:
    a = arr(shape, spd=True)
    add("cholesky", [a], [np.linalg.cholesky(a)])
    s = arr(shape, sym=True)
    add("eigvalsh", [s], [np.linalg.eigvalsh(s)])
for shape in [(3, 5), (2, 4, 3), (4, 4)]:
    a = arr(shape)
    add("svdvals", [a], [np.linalg.svd(a, compute_uv=False)])
    if a.ndim == 2:
        add("qr_abs_r", [a], [np.abs(np.linalg.qr(a, mode="r"))])
        add("pinv", [a], [np.linalg.pinv(a)])
# Eigenvalues of a general matrix, with a complex pair, sorted.
g = np.array([[0., -1, 0], [1, 0, 0], [0, 0, 2]]) + np.round(rng.standard_normal((3, 3)) / 10, 2)
w = np.linalg.eigvals(g)
add("eigvals_sorted", [g], [np.sort_complex(w.astype(complex))])
# Rank.
r = arr((4, 2)) @ arr((2, 4))
add("matrix_rank", [r], [np.array(np.linalg.matrix_rank(r))])
add("matrix_rank", [np.stack([r, np.eye(4)])], [np.linalg.matrix_rank(np.stack([r, np.eye(4)]))])
# Least squares.
for bshape in [(5,), (5, 2)]:
    a, b = arr((5, 3)), arr(bshape)
    x, res, rank, s = np.linalg.lstsq(a, b, rcond=None)
    add("lstsq", [a, b], [x, res, np.array(rank), s])
# Norms.
v = arr((5,))
for o in [None, 0, 1, 2, np.inf, -np.inf, 3, 0.5, -1]:
    add("norm_vec", [v], [np.array(np.linalg.norm(v, o))], ord=ordarg(o))
m = arr((3, 4))
for o in [None, "fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf]:
    add("norm_mat", [m], [np.array(np.linalg.norm(m, o))], ord=ordarg(o))
t = arr((2, 3, 4))
add("norm_axis", [t], [np.linalg.norm(t, axis=1)], ord="none", axis=[1])
add("norm_axis", [t], [np.linalg.norm(t, ord=np.inf, axis=-1)], ord="inf", axis=[-1])
add("norm_axis", [t], [np.linalg.norm(t, ord="nuc", axis=(0, 2))], ord="nuc", axis=[0, 2])
add("norm_axis", [t], [np.linalg.norm(t, ord=1, axis=(2, 0))], ord="1.0", axis=[2, 0])
add("norm_all", [t], [np.array(np.linalg.norm(t))], ord="none")
c = arr((3, 3))
for o in [None, 1, -1, 2, -2, np.inf, -np.inf, "fro", "nuc"]:
    add("cond", [c], [np.array(np.linalg.cond(c, o))], ord=ordarg(o))
exact = np.array([[1., 2, 3], [2, 4, 6], [1, 0, 1]])  # a zero pivot in any LU
add("cond", [exact], [np.array(np.linalg.cond(exact, 1))], ord="1.0")
# Products.
a, b = arr((2, 3)), arr((2, 3))
add("vdot", [a, b], [np.array(np.vdot(a, b))])
a, b = arr((2, 3)), arr((4, 3))
add("inner", [a, b], [np.inner(a, b)])
a, b = arr((3,)), arr((3,))
add("inner", [a, b], [np.array(np.inner(a, b))])
a, b = arr((3,)), arr((2, 2))
add("outer", [a, b], [np.outer(a, b)])
a, b = arr((2, 4, 3)), arr((4, 3))
add("vecdot", [a, b], [np.einsum("...i,...i->...", a, b)])  # np.vecdot is NumPy 2
a, b = arr((2, 3, 4)), arr((4,))
add("matvec", [a, b], [np.einsum("...ij,...j->...i", a, b)])  # np.matvec is NumPy 2.2
a, b = arr((3,)), arr((2, 3, 4))
add("vecmat", [a, b], [np.einsum("...j,...jk->...k", a, b)])  # np.vecmat is NumPy 2.2
a, b = arr((3, 4, 5)), arr((4, 5, 2))
add("tensordot", [a, b], [np.tensordot(a, b, 2)], n=2)
a, b = arr((3, 4, 5)), arr((4, 3, 2))
add("tensordot_pairs", [a, b], [np.tensordot(a, b, ([1, 0], [0, 1]))], a=[1, 0], b=[0, 1])
a, b = arr((2, 3)), arr((3,))
add("tensordot", [a, b], [np.tensordot(a, b, 0)], n=0)
a, b = arr((2, 3)), arr((3, 2))
add("kron", [a, b], [np.kron(a, b)])
a, b = arr((2,)), arr((2, 3, 2))
add("kron", [a, b], [np.kron(a, b)])
a = arr((3, 4, 5))
add("trace", [a], [np.trace(a, 1, 1, 2)], offset=1, axis1=1, axis2=2)
add("trace", [a], [np.trace(a, -1, 0, 2)], offset=-1, axis1=0, axis2=2)
a = arr((3, 3))
for n in [0, 1, 3, -2]:
    add("matrix_power", [a], [np.linalg.matrix_power(a, n)], n=n)
ms = [arr((3, 4)), arr((4, 5)), arr((5, 2)), arr((2, 6))]
add("multi_dot", ms, [np.linalg.multi_dot(ms)])
ms = [arr((4,)), arr((4, 5)), arr((5, 3)), arr((3,))]
add("multi_dot", ms, [np.array(np.linalg.multi_dot(ms))])
# Einsum, with optimize=True.
for sub, shapes in [
    ("ij->ji", [(2, 3)]), ("ii->i", [(3, 3)]), ("ii", [(3, 3)]), ("ij->", [(2, 3)]),
    ("ij,jk", [(2, 3), (3, 4)]), ("ij,jk->ik", [(2, 3), (3, 4)]), ("bij,bjk->bik", [(2, 2, 3), (2, 3, 4)]),
    ("i,i", [(4,), (4,)]), ("i,j->ij", [(2,), (3,)]), ("...ij,...jk->...ik", [(2, 2, 3), (3, 2)]),
    ("ij,ij->i", [(3, 4), (3, 4)]), ("iij->ji", [(2, 2, 3)]), ("ijk,jil->kl", [(2, 3, 4), (3, 2, 5)]),
    ("ab,bc,cd->ad", [(2, 3), (3, 4), (4, 2)]), ("a...,a->...", [(3, 2, 2), (3,)]), ("ba", [(2, 3)]),
    ("i->", [(5,)]), ("ijj->i", [(2, 3, 3)]), ("ij,kl->ijkl", [(2, 2), (2, 3)]), ("ijk->kij", [(2, 3, 4)]),
    ("ii->", [(4, 4)]), ("i,i,i->i", [(3,), (3,), (3,)]), ("ab,ab,ab->", [(2, 3), (2, 3), (2, 3)]),
    ("...,...", [(2, 3), (3,)]), ("ij,j", [(3, 4), (4,)]), ("bi,bj->bij", [(2, 3), (2, 2)]),
    ("jii->ij", [(2, 3, 3)]), ("ab,cd,bd->ac", [(2, 3), (4, 5), (3, 5)]),
]:
    ops = [arr(s) for s in shapes]
    add("einsum", ops, [np.asarray(np.einsum(sub, *ops, optimize=True))], subscripts=sub)

with open("linalg.json", "w") as f:
    json.dump({"numpy": np.__version__, "cases": cases}, f, separators=(",", ":"))
    f.write("\n")

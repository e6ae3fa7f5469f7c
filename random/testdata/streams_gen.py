"""Write streams.json: NumPy 1.24's streams for the tests of package random.

Run with /usr/bin/python3 (it has NumPy 1.24):

    /usr/bin/python3 random/testdata/streams_gen.py

Each case seeds one Generator (default_rng of an int, or of a list of
ints, or a spawned child) and runs its calls in order on it, so that state
carried between calls (the buffered upper half of next_uint32, the
binomial set-up) is checked too. Floats are stored as the hex of their bit
patterns, concatenated (16 digits a float64, 8 a float32); integers as
numbers. The tests compare bits.
"""
import json
import os

import numpy as np

assert np.__version__.startswith("1.24"), np.__version__


def enc(a):
    a = np.asarray(a)
    if a.dtype == np.float64:
        return a.ravel().view(np.uint64).astype(">u8").tobytes().hex()
    if a.dtype == np.float32:
        return a.ravel().view(np.uint32).astype(">u4").tobytes().hex()
    return [int(v) for v in a.ravel()]


def run(rng, call):
    m = call["m"]
    shape = tuple(call.get("shape", ()))
    a = call.get("args", {})
    if m == "random":
        return rng.random(shape, dtype=a.get("dtype", "f8"))
    if m == "standard_normal":
        return rng.standard_normal(shape, dtype=a.get("dtype", "f8"))
    if m == "normal":
        return rng.normal(a["loc"], a["scale"], shape)
    if m == "uniform":
        return rng.uniform(a["low"], a["high"], shape)
    if m == "standard_exponential":
        return rng.standard_exponential(shape, dtype=a.get("dtype", "f8"))
    if m == "exponential":
        return rng.exponential(a["scale"], shape)
    if m == "integers":
        return rng.integers(a["low"], a["high"], shape, dtype=a["dtype"],
                            endpoint=a["endpoint"])
    if m == "permutation":
        return rng.permutation(a["n"])
    if m == "permutation_x":
        x = np.arange(int(np.prod(a["xshape"]))).reshape(a["xshape"])
        return rng.permutation(x, axis=a["axis"])
    if m == "shuffle":
        x = np.arange(int(np.prod(a["xshape"]))).reshape(a["xshape"])
        rng.shuffle(x, axis=a["axis"])
        return x
    if m == "choice":
        return rng.choice(a["n"], shape, replace=a["replace"], p=a.get("p"))
    if m == "standard_gamma":
        return rng.standard_gamma(a["shape"], shape, dtype=a.get("dtype", "f8"))
    if m == "gamma":
        return rng.gamma(a["shape"], a["scale"], shape)
    if m == "beta":
        return rng.beta(a["a"], a["b"], shape)
    if m == "binomial":
        return rng.binomial(a["n"], a["p"], shape)
    if m == "poisson":
        return rng.poisson(a["lam"], shape)
    if m == "multivariate_normal":
        return rng.multivariate_normal(a["mean"], a["cov"], shape)
    raise ValueError(m)


def case(seed, calls, spawn=None):
    if spawn is None:
        rng = np.random.default_rng(seed)
    else:
        rng = np.random.default_rng(np.random.SeedSequence(seed).spawn(spawn + 1)[spawn])
    for c in calls:
        c["out"] = enc(run(rng, c))
    return {"seed": seed, "spawn": spawn, "calls": calls}


def C(m, _size=(), **args):
    return {"m": m, "shape": list(_size), "args": args}


SEEDS = [0, 1, 42, 12345, 2**32 - 1, 2**32, 2**63 + 7, 2**64 - 1]
cases = []

# Core floats, several seeds and shapes, carried state between calls.
for s in SEEDS:
    cases.append(case(s, [
        C("random", (7,)),
        C("random", (5,), dtype="f4"),
        C("standard_normal", (3, 4)),
        C("random", (3,), dtype="f4"),
        C("standard_normal", (9,), dtype="f4"),
        C("standard_exponential", (8,)),
        C("standard_exponential", (7,), dtype="f4"),
        C("normal", (5,), loc=1.5, scale=2.25),
        C("uniform", (5,), low=-3.0, high=7.5),
        C("exponential", (4,), scale=0.5),
    ]))
cases.append(case([1, 2, 3], [C("random", (4,)), C("integers", (6,), low=0, high=10, dtype="i8", endpoint=False)]))
cases.append(case([2**40 + 3, 0, 77], [C("random", (4,))]))
cases.append(case(5, [C("random", (4,))], spawn=0))
cases.append(case(5, [C("random", (4,))], spawn=2))
cases.append(case([5, 6, 7, 8, 9, 10], [C("random", (4,))], spawn=1))

# Long normal and exponential streams: the ziggurat's rare paths (tail,
# wedge) show up a few times in a few thousand draws.
cases.append(case(2024, [C("standard_normal", (3000,))]))
cases.append(case(2025, [C("standard_normal", (3000,), dtype="f4")]))
cases.append(case(2026, [C("standard_exponential", (3000,))]))
cases.append(case(2027, [C("standard_exponential", (3000,), dtype="f4")]))

# Integers: every type, bounds at the edges, masks and buffers.
INT = {"i1": (-128, 127), "i2": (-32768, 32767), "i4": (-2**31, 2**31 - 1),
       "i8": (-2**63, 2**63 - 1), "u1": (0, 255), "u2": (0, 65535),
       "u4": (0, 2**32 - 1), "u8": (0, 2**64 - 1)}
for dt, (lo, hi) in INT.items():
    calls = [
        C("integers", (9,), low=lo, high=hi, dtype=dt, endpoint=True),
        C("integers", (7,), low=lo, high=hi, dtype=dt, endpoint=False),
        C("integers", (5,), low=0, high=3, dtype=dt, endpoint=False),
        C("integers", (), low=0, high=100, dtype=dt, endpoint=False),
        C("integers", (6,), low=lo, high=lo, dtype=dt, endpoint=True),
        C("integers", (3,), low=0, high=6, dtype=dt, endpoint=True),
        C("integers", (11,), low=max(lo, -5), high=min(hi, 120), dtype=dt, endpoint=False),
    ]
    cases.append(case(99, calls))
cases.append(case(7, [
    C("integers", (10,), low=0, high=2**40, dtype="i8", endpoint=False),
    C("integers", (10,), low=-2**62, high=2**62, dtype="i8", endpoint=False),
    C("integers", (10,), low=0, high=2**32, dtype="u8", endpoint=False),
    C("integers", (10,), low=0, high=2**32 - 1, dtype="i8", endpoint=False),
    C("integers", (10,), low=0, high=2**64 - 1, dtype="u8", endpoint=False),
    C("integers", (3, 5), low=-10, high=10, dtype="i8", endpoint=False),
]))

# Permutations, shuffles, choices.
cases.append(case(3, [
    C("permutation", n=10),
    C("permutation", n=1),
    C("permutation", n=0),
    C("permutation", n=300),
    C("permutation_x", xshape=[4, 3], axis=0),
    C("permutation_x", xshape=[4, 3], axis=1),
    C("permutation_x", xshape=[3, 0], axis=0),
    C("shuffle", xshape=[6], axis=0),
    C("shuffle", xshape=[5, 2, 3], axis=1),
    C("shuffle", xshape=[5, 2, 3], axis=-1),
    C("shuffle", xshape=[0, 5], axis=1),
    C("permutation", n=2000),
]))
cases.append(case(11, [
    C("choice", (8,), n=10, replace=True),
    C("choice", (8,), n=10, replace=False),
    C("choice", (), n=5, replace=True),
    C("choice", (2, 3), n=6, replace=False),
    C("choice", (12,), n=4, replace=True, p=[0.1, 0.2, 0.3, 0.4]),
    C("choice", (3,), n=4, replace=False, p=[0.1, 0.0, 0.5, 0.4]),
    C("choice", (6,), n=8, replace=False, p=[0.05, 0.05, 0.3, 0.1, 0.1, 0.2, 0.1, 0.1]),
    C("choice", (5,), n=3 * 2**33, replace=True),
    C("choice", (300,), n=12000, replace=False),
    C("choice", (10,), n=20000, replace=False),
    C("choice", (0,), n=0, replace=True),
]))

# Distributions on glibc's exp, log, log1p, pow.
for s in [0, 42, 777]:
    cases.append(case(s, [
        C("standard_gamma", (20,), shape=0.3),
        C("standard_gamma", (20,), shape=1.0),
        C("standard_gamma", (20,), shape=2.5),
        C("standard_gamma", (10,), shape=0.0),
        C("standard_gamma", (20,), shape=0.7, dtype="f4"),
        C("standard_gamma", (20,), shape=3.5, dtype="f4"),
        C("standard_gamma", (20,), shape=1.0, dtype="f4"),
        C("gamma", (20,), shape=0.05, scale=3.0),
        C("gamma", (20,), shape=40.0, scale=0.5),
        C("beta", (20,), a=0.5, b=0.5),
        C("beta", (20,), a=0.1, b=0.9),
        C("beta", (20,), a=2.0, b=2.0),
        C("beta", (20,), a=0.5, b=3.0),
        C("beta", (20,), a=1e-3, b=1e-3),
        C("binomial", (20,), n=10, p=0.3),
        C("binomial", (20,), n=10, p=0.7),
        C("binomial", (20,), n=1000, p=0.4),
        C("binomial", (20,), n=1000, p=0.6),
        C("binomial", (10,), n=10, p=0.0),
        C("binomial", (10,), n=10, p=1.0),
        C("binomial", (10,), n=0, p=0.5),
        C("binomial", (20,), n=2**40, p=1e-6),
        C("poisson", (20,), lam=0.0),
        C("poisson", (20,), lam=3.5),
        C("poisson", (20,), lam=10.0),
        C("poisson", (20,), lam=250.0),
        C("poisson", (20,), lam=1e15),
        C("poisson", (20,), lam=9.2e18),
    ]))
cases.append(case(31, [C("standard_gamma", (2000,), shape=0.4)]))
cases.append(case(32, [C("beta", (1000,), a=0.3, b=0.6)]))
cases.append(case(33, [C("binomial", (1000,), n=60, p=0.45)]))
cases.append(case(34, [C("poisson", (1000,), lam=47.0)]))
cases.append(case(35, [C("standard_gamma", (1000,), shape=0.4, dtype="f4")]))
cases.append(case(36, [C("gamma", (1000,), shape=7.0, scale=1.0)]))
cases.append(case(37, [
    C("multivariate_normal", (5,), mean=[1.0, -2.0], cov=[[2.0, 0.3], [0.3, 1.0]]),
    C("multivariate_normal", (4,), mean=[0.0, 0.0, 0.0], cov=[[1.0, 0.0, 0.0], [0.0, 4.0, 0.0], [0.0, 0.0, 9.0]]),
    C("multivariate_normal", (2, 3), mean=[0.5, 0.25, 0.0], cov=[[3.0, 1.0, 0.5], [1.0, 2.0, 0.25], [0.5, 0.25, 1.0]]),
]))
# Covariances A·Aᵀ of small integers, full rank (plus I) and rank-deficient.
_rs = np.random.RandomState(5)
_mvn = []
for d in [2, 3, 4, 5, 6, 8]:
    for rank in sorted({d, max(1, d - 2)}):
        a = _rs.randint(-3, 4, (d, rank)).astype(float)  # exact: PSD as given
        cov = (a @ a.T + (np.eye(d) if rank == d else 0)).tolist()
        _mvn.append(C("multivariate_normal", (7,), mean=_rs.standard_normal(d).round(3).tolist(), cov=cov,
                      singular=rank < d))
cases.append(case(38, _mvn))

# The raw bit generator: seeded state, outputs, advance, jumped.
raw = []
for s in SEEDS:
    bg = np.random.PCG64(s)
    st = bg.state["state"]
    outs = bg.random_raw(6)
    bg.advance(12345678901234567890123)
    adv = bg.random_raw(2)
    j = np.random.PCG64(s).jumped(3)
    jout = j.random_raw(2)
    raw.append({
        "seed": s,
        "state": "%032x" % st["state"], "inc": "%032x" % st["inc"],
        "out": [int(v) for v in outs], "advanced": [int(v) for v in adv],
        "jumped3": [int(v) for v in jout],
    })
seeds = []
for ent in [[0], [1, 2, 3], [2**40 + 3], list(range(10))]:
    ss = np.random.SeedSequence(ent)
    seeds.append({"entropy": ent, "state32": [int(v) for v in ss.generate_state(6)],
                  "child1_state32": [int(v) for v in ss.spawn(2)[1].generate_state(4)]})

out = {"numpy": np.__version__, "cases": cases, "raw": raw, "seedseq": seeds}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "streams.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
print(path, os.path.getsize(path), "bytes")

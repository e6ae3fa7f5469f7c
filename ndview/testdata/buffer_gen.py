"""Writes buffer.json: what CPython's memoryview gives for casts and
tolist (semantics.md C1, BP8, BP9). Run with /usr/bin/python3 from this
directory; the Go tests read the fixture (dynview_test.go)."""
import json
import sys

# (name, number of bytes, step, [(format, shape or None), ...])
CASES = [
    ("B to i", 24, 1, [("i", None)]),
    ("B to i 3x2", 24, 1, [("i", [3, 2])]),
    ("B to d 3", 24, 1, [("d", [3])]),
    ("B to q 0-d", 8, 1, [("q", [])]),
    ("B to B 0-d", 1, 1, [("B", [])]),
    ("B to h 2x3x2", 24, 1, [("h", [2, 3, 2])]),
    ("i 2x3 to B", 24, 1, [("i", [2, 3]), ("B", None)]),
    ("i 2x3 to b 24", 24, 1, [("i", [2, 3]), ("b", [24])]),
    ("i 2x3 to B 4x6", 24, 1, [("i", [2, 3]), ("B", [4, 6])]),
    ("h to i", 24, 1, [("h", None), ("i", None)]),
    ("length not a multiple", 20, 1, [("d", None)]),
    ("product mismatch", 24, 1, [("i", [5])]),
    ("zero in shape", 24, 1, [("i", [0, 6])]),
    ("negative in shape", 24, 1, [("i", [-2, -3])]),
    ("non-native format", 24, 1, [("<i", None)]),
    ("two letters", 24, 1, [("ii", None)]),
    ("not contiguous", 24, 2, [("B", None)]),
    ("empty 1-D to i", 0, 1, [("i", None)]),
    ("empty with shape", 0, 1, [("i", [1])]),
    ("bools", 4, 1, [("?", None)]),
    ("c", 3, 1, [("c", None)]),
    ("at-prefixed", 8, 1, [("@f", None)]),
    ("b signed", 4, 1, [("b", None)]),
    ("Q", 16, 1, [("Q", [2])]),
    ("H 2x2", 8, 1, [("H", [2, 2])]),
]


def item(x):
    if isinstance(x, bytes):
        return {"bytes": x.hex()}
    if isinstance(x, bool):
        return {"bool": x}
    return x


def walk(x):
    if isinstance(x, list):
        return [walk(y) for y in x]
    return item(x)


def main():
    out = []
    for name, n, step, casts in CASES:
        data = bytes((7 * i + 250) % 256 for i in range(n))
        m = memoryview(data)[::step]
        case = {"name": name, "n": n, "step": step, "casts": []}
        for fmt, shape in casts:
            c = {"format": fmt, "shape": shape}
            try:
                m = m.cast(fmt) if shape is None else m.cast(fmt, shape)
                c["result"] = {
                    "format": m.format,
                    "itemsize": m.itemsize,
                    "shape": list(m.shape),
                    "strides": list(m.strides),
                    "tolist": walk(m.tolist()),
                }
            except (TypeError, ValueError) as e:
                c["error"] = str(e)
            case["casts"].append(c)
            if "error" in c:
                break
        out.append(case)
    json.dump({"python": sys.version.split()[0], "cases": out}, open("buffer.json", "w"), indent=1)
    open("buffer.json", "a").write("\n")


main()

"""Writes bfloat16.json: PyTorch's answers for the bfloat16 conversions.

Run with /usr/bin/python3 (Debian's python3-torch): go test needs only the
JSON. It records
  - the SHA-256 of the float32 bits of all 65,536 bfloat16 codes, as
    little-endian uint32 (torch: .view(torch.bfloat16).to(torch.float32));
  - float32 rounding cases (ties, neighbours of ties, near overflow,
    subnormals, zeros, infinities, NaNs, random bits), as
    [float32 bits, bfloat16 bits of the scalar conversion, of the
    vectorised one] (torch converts a one-element tensor through its scalar
    path and a long one through its vector kernel; they differ for NaN);
  - float64 cases, as [float64 bits as a hex string, bfloat16 bits], to
    show whether float64 rounds once or through float32.
"""
import hashlib
import json
import random
import struct

import numpy as np
import torch

torch.set_num_threads(1)
rng = random.Random(26)

codes = torch.arange(65536, dtype=torch.int32).to(torch.int16).view(torch.bfloat16)
f32 = codes.to(torch.float32).view(torch.int32).numpy().astype("<u4")
table_sha = hashlib.sha256(f32.tobytes()).hexdigest()

cases = set()
for code in range(0, 0x10000, 97):
    e = code & 0x7F80
    if e == 0x7F80:
        continue
    base = code << 16
    for low in (0x8000, 0x7FFF, 0x8001, 0x0001, 0xFFFF, 0x0000, 0x4000, 0xC000):
        cases.add(base | low)
for b in (0x7F7F7FFF, 0x7F7F8000, 0x7F7FFFFF, 0x7F7F0000, 0xFF7F8000, 0x7F800000, 0xFF800000,
          0x00000001, 0x00008000, 0x00008001, 0x00018000, 0x007FFFFF, 0x007F8000, 0x00800000,
          0x80000000, 0x00000000, 0x80008000, 0x80008001):
    cases.add(b)
for b in (0x7F800001, 0x7FC00000, 0xFFC00000, 0x7FA00000, 0x7F812345, 0xFFFFFFFF, 0x7FBFFFFF, 0xFF800001):
    cases.add(b)
for _ in range(3000):
    cases.add(rng.getrandbits(32))
cases = sorted(cases)

inp = torch.tensor(np.array(cases, dtype=np.uint32).view(np.int32)).view(torch.float32)
vec = inp.to(torch.bfloat16).view(torch.int16).numpy().astype(np.uint16)
rows = []
for i, b in enumerate(cases):
    one = inp[i:i + 1].clone().to(torch.bfloat16).view(torch.int16).item() & 0xFFFF
    rows.append([b, one, int(vec[i])])

f64 = []
for code in range(0x3F80, 0x4000, 7):
    base = struct.unpack("<d", struct.pack("<d", float(torch.tensor([code], dtype=torch.int16).view(torch.bfloat16).to(torch.float64))))[0]
    bits = struct.unpack("<Q", struct.pack("<d", base))[0]
    # The tie between code and code+1 in float64 is bit 44; just above it
    # by less than a float32 ulp rounds to the tie in float32.
    for delta in (1 << 44, (1 << 44) + 1, (1 << 44) - 1, (1 << 44) + (1 << 20), (1 << 44) + (1 << 28), (1 << 44) - (1 << 28)):
        f64.append(bits + delta)
for _ in range(500):
    f64.append(rng.getrandbits(64))
x = torch.tensor(np.array(f64, dtype=np.uint64).view(np.int64)).view(torch.float64)
y = x.to(torch.bfloat16).view(torch.int16).numpy().astype(np.uint16)
f64rows = [["%016x" % b, int(y[i])] for i, b in enumerate(f64)]

json.dump({"torch": torch.__version__, "table_sha256": table_sha, "f32": rows, "f64": f64rows},
          open("bfloat16.json", "w"), separators=(",", ":"))
print("bfloat16.json:", len(rows), "float32 cases,", len(f64rows), "float64 cases")

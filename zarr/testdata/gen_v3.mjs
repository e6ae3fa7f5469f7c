// Writes the Zarr v3 fixtures of the zarr package with zarrita (npm
// "zarrita" 0.7.5) and node:
//
//   ZARRITA_MODULES=/path/to/node_modules node testdata/gen_v3.mjs
//
// run from the zarr/ directory. It rewrites testdata/v3.zarr and, for
// every array, testdata/v3_expected/<name>.json (shape and data type) and
// <name>.bin (the values zarrita reads back, little-endian, C order). The
// Go tests read these files and need no node.
//
// zarrita writes unsharded arrays (bytes in either endian, transpose,
// gzip, zstd, blosc) but neither sharded ones nor crc32c; the two sharded
// arrays are therefore assembled here byte by byte (inner chunks, crc32c,
// the index at the start or the end). The expected values are the values
// written; the script says for each array whether zarrita reads them back
// (zarrita 0.7.5 misreads transposed chunks and index_location "start").
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const mods = process.env.ZARRITA_MODULES;
const zarr = await import(path.join(mods, "zarrita/dist/src/index.js"));
const { default: FileSystemStore } = await import(path.join(mods, "@zarrita/storage/dist/src/fs.js"));

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, "v3.zarr");
const exp = path.join(here, "v3_expected");
fs.rmSync(root, { recursive: true, force: true });
fs.rmSync(exp, { recursive: true, force: true });
fs.mkdirSync(exp, { recursive: true });
const store = new FileSystemStore(root);
const top = await zarr.create(zarr.root(store), { attributes: { title: "ndkit zarr v3 fixtures" } });

const ctor = {
  float32: Float32Array, float64: Float64Array, int16: Int16Array, int32: Int32Array,
  uint8: Uint8Array, int64: BigInt64Array,
};

function values(dtype, n) {
  const C = ctor[dtype];
  const out = new C(n);
  for (let i = 0; i < n; i++) {
    const x = (i % 23) - 7;
    out[i] = dtype === "int64" ? BigInt(x) : dtype.startsWith("float") ? x / 4 : dtype === "uint8" ? x + 7 : x;
  }
  return out;
}

// expect writes the values an array must read as (want, the data written
// with the fill value where nothing was) and checks them against what
// zarrita reads; a difference is reported, and want is kept.
async function expect(name, arr, want) {
  let got = null;
  try {
    got = (await zarr.get(arr, null)).data;
  } catch (err) {
    console.log(`${name}: zarrita cannot read it: ${err.message}`);
  }
  if (got !== null) {
    if (got.constructor.name === "BoolArray") got = new Uint8Array(got.buffer);
    const a = Buffer.from(got.buffer, got.byteOffset, got.byteLength);
    const b = Buffer.from(want.buffer, want.byteOffset, want.byteLength);
    console.log(`${name}: zarrita reads ${a.equals(b) ? "the values written" : "OTHER values than those written"}`);
  }
  fs.writeFileSync(path.join(exp, name + ".bin"), Buffer.from(want.buffer, want.byteOffset, want.byteLength));
  fs.writeFileSync(path.join(exp, name + ".json"), JSON.stringify({ shape: arr.shape, data_type: arr.dtype }));
}

const cases = [
  ["f4_gzip", "float32", [7, 9], [3, 4], [{ name: "bytes", configuration: { endian: "little" } }, { name: "gzip", configuration: { level: 5 } }], 0, false],
  ["i2_big_zstd", "int16", [7, 9], [4, 4], [{ name: "bytes", configuration: { endian: "big" } }, { name: "zstd", configuration: { level: 3, checksum: false } }], 0, false],
  ["f8_transpose_blosc", "float64", [5, 6, 7], [2, 3, 4], [{ name: "transpose", configuration: { order: [2, 0, 1] } }, { name: "bytes", configuration: { endian: "little" } },
    { name: "blosc", configuration: { cname: "lz4", clevel: 5, shuffle: "shuffle", typesize: 8, blocksize: 0 } }], 0, false],
  ["u1_plain", "uint8", [10], [4], [{ name: "bytes" }], 3, true],
  ["i4_fill_v2keys", "int32", [6, 6], [4, 4], [{ name: "bytes", configuration: { endian: "little" } }], -9, true],
  ["f4_nan_fill", "float32", [6, 5], [4, 4], [{ name: "bytes", configuration: { endian: "little" } }], "NaN", true],
];

// zarrita decodes gzip but does not encode it: writes use node's zlib,
// reads (the expected values) zarrita's own gzip codec.
const zarritaGzip = zarr.registry.get("gzip");
class GzipWriter {
  kind = "bytes_to_bytes";
  static fromConfig(c) { return new GzipWriter(c); }
  constructor(c) { this.level = c?.level ?? 6; }
  encode(b) { return new Uint8Array(zlib.gzipSync(b, { level: this.level })); }
  decode(b) { return new Uint8Array(zlib.gunzipSync(b)); }
}

for (const [name, dtype, shape, chunks, codecs, fill, partial] of cases) {
  zarr.registry.set("gzip", () => GzipWriter);
  const loc = top.resolve(name);
  const opts = { shape, chunkShape: chunks, dtype, codecs, fillValue: fill, attributes: { case: name } };
  const arr = await zarr.create(loc, opts);
  if (name === "i4_fill_v2keys") {
    const meta = JSON.parse(fs.readFileSync(path.join(root, name, "zarr.json")));
    meta.chunk_key_encoding = { name: "v2", configuration: { separator: "." } };
    fs.writeFileSync(path.join(root, name, "zarr.json"), JSON.stringify(meta, null, 2));
  }
  const a = await zarr.open(loc, { kind: "array" });
  const n = shape.reduce((x, y) => x * y, 1);
  const v = values(dtype, n);
  const want = v.slice();
  if (partial) {
    const f = fill === "NaN" ? NaN : fill;
    want.fill(f, chunks[0] * (n / shape[0]));
    const rows = chunks[0];
    const sub = v.slice(0, rows * (n / shape[0]));
    await zarr.set(a, [zarr.slice(0, rows), ...shape.slice(1).map(() => null)], { data: sub, shape: [rows, ...shape.slice(1)], stride: strides([rows, ...shape.slice(1)]) });
  } else {
    await zarr.set(a, null, { data: v, shape, stride: strides(shape) });
  }
  zarr.registry.set("gzip", zarritaGzip);
  await expect(name, await zarr.open(loc, { kind: "array" }), want);
}

function strides(shape) {
  const s = new Array(shape.length);
  let x = 1;
  for (let d = shape.length - 1; d >= 0; d--) { s[d] = x; x *= shape[d]; }
  return s;
}

// CRC-32C (Castagnoli), as the crc32c codec appends it.
const table = new Uint32Array(256);
for (let i = 0; i < 256; i++) {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  table[i] = c >>> 0;
}
function crc32c(b) {
  let c = 0xffffffff;
  for (const x of b) c = table[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function withCrc(b) {
  const out = Buffer.alloc(b.length + 4);
  Buffer.from(b).copy(out);
  out.writeUInt32LE(crc32c(b), b.length);
  return out;
}

// Sharded arrays, assembled by hand: float32 (10, 9), shards (4, 6),
// inner chunks (2, 3). Inner chunk (1, 1) of every shard is left out.
async function sharded(name, atStart, gzip) {
  const shape = [10, 9], shard = [4, 6], inner = [2, 3];
  const innerCodecs = [{ name: "bytes", configuration: { endian: "little" } }];
  if (gzip) innerCodecs.push({ name: "gzip", configuration: { level: 1 } });
  const meta = {
    zarr_format: 3, node_type: "array", shape, data_type: "float32",
    chunk_grid: { name: "regular", configuration: { chunk_shape: shard } },
    chunk_key_encoding: { name: "default", configuration: { separator: "/" } },
    fill_value: -1,
    codecs: [{ name: "sharding_indexed", configuration: {
      chunk_shape: inner, codecs: innerCodecs,
      index_codecs: [{ name: "bytes", configuration: { endian: "little" } }, { name: "crc32c" }],
      index_location: atStart ? "start" : "end" } }],
    attributes: { case: name },
  };
  fs.mkdirSync(path.join(root, name), { recursive: true });
  fs.writeFileSync(path.join(root, name, "zarr.json"), JSON.stringify(meta, null, 2));
  const v = values("float32", 90);
  const want = v.slice();
  const per = [shard[0] / inner[0], shard[1] / inner[1]];
  const nInner = per[0] * per[1];
  const indexLen = 16 * nInner + 4;
  for (let si = 0; si < Math.ceil(shape[0] / shard[0]); si++) {
    for (let sj = 0; sj < Math.ceil(shape[1] / shard[1]); sj++) {
      const parts = [];
      const index = new BigUint64Array(2 * nInner).fill(0xffffffffffffffffn);
      let off = atStart ? indexLen : 0;
      for (let a = 0; a < per[0]; a++) {
        for (let b = 0; b < per[1]; b++) {
          const c = new Float32Array(inner[0] * inner[1]).fill(-1);
          for (let x = 0; x < inner[0]; x++) for (let y = 0; y < inner[1]; y++) {
            const i = si * shard[0] + a * inner[0] + x, j = sj * shard[1] + b * inner[1] + y;
            if (i < shape[0] && j < shape[1]) c[x * inner[1] + y] = v[i * shape[1] + j];
          }
          if (a === 1 && b === 1) {
            for (let x = 0; x < inner[0]; x++) for (let y = 0; y < inner[1]; y++) {
              const i = si * shard[0] + a * inner[0] + x, j = sj * shard[1] + b * inner[1] + y;
              if (i < shape[0] && j < shape[1]) want[i * shape[1] + j] = -1;
            }
            continue;
          }
          let bytes = Buffer.from(c.buffer);
          if (gzip) bytes = zlib.gzipSync(bytes, { level: 1 });
          const k = a * per[1] + b;
          index[2 * k] = BigInt(off);
          index[2 * k + 1] = BigInt(bytes.length);
          parts.push(bytes);
          off += bytes.length;
        }
      }
      const ib = withCrc(new Uint8Array(index.buffer));
      const body = Buffer.concat(parts);
      const out = atStart ? Buffer.concat([ib, body]) : Buffer.concat([body, ib]);
      fs.mkdirSync(path.join(root, name, "c", String(si)), { recursive: true });
      fs.writeFileSync(path.join(root, name, "c", String(si), String(sj)), out);
    }
  }
  await expect(name, await zarr.open(top.resolve(name), { kind: "array" }), want);
}
await sharded("f4_sharded_end_gzip", false, true);
// zarrita 0.7.5 reads a shard's index from its end whatever index_location
// says, so it cannot read this one.
await sharded("f4_sharded_start", true, false);
console.log("wrote", root);

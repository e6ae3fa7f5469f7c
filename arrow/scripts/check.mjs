// Cross-check of package arrow against Apache Arrow's JavaScript
// implementation (npm apache-arrow), run by check.sh.
//
//   node check.mjs write DIR        writes js_file.arrow and js_stream.arrows
//                                   into DIR, and js_values.json: what
//                                   apache-arrow reads back from them
//   node check.mjs read FILE...     prints, as JSON, what apache-arrow
//                                   reads from each file
import { readFileSync, writeFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import {
  Table, tableToIPC, tableFromIPC, vectorFromArray, Field, FixedSizeList,
  Int8, Int16, Int32, Int64, Uint8, Uint16, Uint32, Uint64, Float16, Float32, Float64, Bool,
} from 'apache-arrow';

// value turns an item read by apache-arrow into JSON: bigints as numbers
// (the fixtures stay within 2^53), lists as arrays.
function value(x) {
  if (x === null || x === undefined) return null;
  if (typeof x === 'bigint') return Number(x);
  if (typeof x === 'object' && typeof x[Symbol.iterator] === 'function') return [...x].map(value);
  return x;
}

// describe returns, per column, its Arrow type and its rows.
function describe(table) {
  const out = {};
  for (const f of table.schema.fields) {
    const col = table.getChild(f.name);
    const rows = [];
    for (let i = 0; i < col.length; i++) rows.push(col.isValid(i) ? value(col.get(i)) : null);
    out[f.name] = { type: String(f.type), rows };
  }
  return out;
}

function sample() {
  const n = 7;
  const ints = Array.from({ length: n }, (_, i) => (i * 37) % 101 - 50);
  const uints = ints.map((x) => x + 50);
  return new Table({
    i8: vectorFromArray(ints, new Int8()),
    i16: vectorFromArray(ints.map((x) => x * 300), new Int16()),
    i32: vectorFromArray(ints.map((x) => x * 70000), new Int32()),
    i64: vectorFromArray(ints.map((x) => BigInt(x) * 10000000000n), new Int64()),
    u8: vectorFromArray(uints, new Uint8()),
    u16: vectorFromArray(uints.map((x) => x * 600), new Uint16()),
    u32: vectorFromArray(uints.map((x) => x * 40000000), new Uint32()),
    u64: vectorFromArray(uints.map((x) => BigInt(x) * 100000000000n), new Uint64()),
    f16: vectorFromArray(ints.map((x) => x / 4), new Float16()),
    f32: vectorFromArray(ints.map((x) => x / 8), new Float32()),
    f64: vectorFromArray(ints.map((x) => x / 3), new Float64()),
    nullable: vectorFromArray(ints.map((x, i) => (i % 3 === 1 ? null : x)), new Int32()),
    list: vectorFromArray(
      ints.map((x) => [x, x + 0.5, -x]),
      new FixedSizeList(3, new Field('item', new Float32(), false)),
    ),
    flags: vectorFromArray(ints.map((x) => x > 0), new Bool()),
  });
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'write') {
  const dir = args[0];
  const t = sample();
  writeFileSync(join(dir, 'js_file.arrow'), tableToIPC(t, 'file'));
  writeFileSync(join(dir, 'js_stream.arrows'), tableToIPC(t, 'stream'));
  const back = {};
  for (const name of ['js_file.arrow', 'js_stream.arrows']) {
    back[name] = describe(tableFromIPC(readFileSync(join(dir, name))));
  }
  writeFileSync(join(dir, 'js_values.json'), JSON.stringify(back, null, 1) + '\n');
} else if (mode === 'read') {
  const out = {};
  for (const p of args) out[basename(p)] = describe(tableFromIPC(readFileSync(p)));
  process.stdout.write(JSON.stringify(out, null, 1) + '\n');
} else {
  console.error('usage: node check.mjs write DIR | read FILE...');
  process.exit(2);
}

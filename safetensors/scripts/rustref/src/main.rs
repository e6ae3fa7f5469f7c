//! The reference side of ndkit's safetensors check: the official crate
//! writes fixtures, and reads files (fixtures, ndkit's output, malformed
//! cases), printing what it sees as JSON, one line per file.
//!
//!   rustref write DIR        write the reference fixtures into DIR
//!   rustref read FILE...     print each file's tensors, or its error

use safetensors::tensor::TensorView;
use safetensors::{serialize, Dtype, SafeTensors};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("write") => write_fixtures(&args[2]),
        Some("read") => {
            for f in &args[2..] {
                println!("{}", read(f));
            }
        }
        _ => {
            eprintln!("usage: rustref write DIR | rustref read FILE...");
            std::process::exit(2);
        }
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn read(path: &str) -> Value {
    let name = std::path::Path::new(path).file_name().unwrap().to_string_lossy().to_string();
    let buf = std::fs::read(path).expect("read file");
    match SafeTensors::deserialize(&buf) {
        Err(e) => json!({"file": name, "ok": false, "error": format!("{e:?}")}),
        Ok(st) => {
            let (_, meta) = SafeTensors::read_metadata(&buf).unwrap();
            let mut tensors = Map::new();
            let mut names = st.names();
            names.sort();
            for n in names {
                let t = st.tensor(n).unwrap();
                let info = meta.info(n).unwrap();
                tensors.insert(
                    n.to_string(),
                    json!({"dtype": format!("{}", t.dtype()), "shape": t.shape(),
                           "offsets": [info.data_offsets.0, info.data_offsets.1], "data": hex(t.data())}),
                );
            }
            let md: BTreeMap<String, String> = meta
                .metadata()
                .clone()
                .map(|m| m.into_iter().collect())
                .unwrap_or_default();
            json!({"file": name, "ok": true, "metadata": md, "tensors": tensors})
        }
    }
}

/// bytes returns n bytes of a fixed pattern, seeded by seed.
fn bytes(n: usize, seed: u8) -> Vec<u8> {
    (0..n).map(|i| (i as u8).wrapping_mul(37).wrapping_add(seed)).collect()
}

fn write_fixtures(dir: &str) {
    let dtypes: [(Dtype, &str, usize); 15] = [
        (Dtype::BOOL, "bool", 1),
        (Dtype::U8, "u8", 1),
        (Dtype::I8, "i8", 1),
        (Dtype::U16, "u16", 2),
        (Dtype::I16, "i16", 2),
        (Dtype::U32, "u32", 4),
        (Dtype::I32, "i32", 4),
        (Dtype::U64, "u64", 8),
        (Dtype::I64, "i64", 8),
        (Dtype::F16, "f16", 2),
        (Dtype::BF16, "bf16", 2),
        (Dtype::F32, "f32", 4),
        (Dtype::F64, "f64", 8),
        (Dtype::F8_E4M3, "f8_e4m3", 1),
        (Dtype::F8_E5M2, "f8_e5m2", 1),
    ];
    let mut datas: Vec<(String, Dtype, Vec<usize>, Vec<u8>)> = Vec::new();
    for (i, (dt, name, size)) in dtypes.iter().enumerate() {
        let shape = vec![2, 3];
        let mut data = bytes(6 * size, i as u8);
        if *dt == Dtype::BOOL {
            data = vec![1, 0, 1, 1, 0, 0];
        }
        datas.push((name.to_string(), *dt, shape, data));
    }
    datas.push(("scalar".into(), Dtype::F32, vec![], 1.5f32.to_le_bytes().to_vec()));
    datas.push(("empty".into(), Dtype::F64, vec![0, 3], vec![]));
    let views: Vec<(String, TensorView)> = datas
        .iter()
        .map(|(n, dt, sh, d)| (n.clone(), TensorView::new(*dt, sh.clone(), d).unwrap()))
        .collect();
    let mut md = HashMap::new();
    md.insert("format".to_string(), "pt".to_string());
    let out = serialize(views, Some(md)).unwrap();
    std::fs::write(format!("{dir}/all_dtypes.safetensors"), out).unwrap();

    let none: Vec<(String, TensorView)> = Vec::new();
    std::fs::write(format!("{dir}/no_tensors.safetensors"), serialize(none, None).unwrap()).unwrap();
}

//! Drops more rows from a saved model (for choosing pruning thresholds
//! without retraining): `parse_reprune IN OUT PRUNE_TRANS PRUNE_LABEL`.
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let b = std::fs::read(&a[1]).unwrap();
    let th: [f32; 2] = [a[3].parse().unwrap(), a[4].parse().unwrap()];
    let u32at = |p: usize| u32::from_le_bytes(b[p..p + 4].try_into().unwrap()) as usize;
    let hlen = u32at(8);
    let mut out = b[..12 + hlen].to_vec();
    let mut p = 12 + hlen;
    let n = u32at(p);
    out.extend_from_slice(&b[p..p + 4]);
    p += 4;
    for t in 0..n {
        let classes = u32at(p);
        let nk = u32at(p + 4);
        let scale = f32::from_le_bytes(b[p + 8..p + 12].try_into().unwrap());
        let keys = &b[p + 12..p + 12 + nk * 8];
        let w = &b[p + 12 + nk * 8..p + 12 + nk * 8 + nk * classes * 2];
        p += 12 + nk * 8 + nk * classes * 2;
        let mut kk = Vec::new();
        let mut ww = Vec::new();
        for (k, row) in keys.chunks_exact(8).zip(w.chunks_exact(classes * 2)) {
            let keep = row.chunks_exact(2).any(|x| {
                let v = i16::from_le_bytes([x[0], x[1]]) as f32 * scale;
                v != 0.0 && v.abs() >= th[t.min(1)]
            });
            if keep {
                kk.extend_from_slice(k);
                ww.extend_from_slice(row);
            }
        }
        out.extend_from_slice(&(classes as u32).to_le_bytes());
        out.extend_from_slice(&((kk.len() / 8) as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&kk);
        out.extend_from_slice(&ww);
        eprintln!("table {t}: {nk} -> {} rows", kk.len() / 8);
    }
    out.extend_from_slice(&b[p..]);
    std::fs::write(&a[2], out).unwrap();
}

//! Throughput of headline/body stance prediction on fictional pairs.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck_stance::StanceModel;

const BODY: &str =
    "The city council of Northbridge voted on Tuesday to close the old harbour bridge \
for repairs, officials said. Engineers had warned for months that the structure was unsafe. \
\"We cannot wait any longer,\" the mayor told reporters, adding that a ferry service would run \
while the work is done. Some residents said the closure would hurt local shops, and a petition \
against it has gathered several thousand signatures. The council denied reports that the bridge \
would be demolished, calling them false. Repairs are expected to take eight months and cost \
about 12 million dollars, according to a council statement. Opposition members questioned the \
estimate and asked for an independent review. ";

fn bench(c: &mut Criterion) {
    let model = StanceModel::builtin().expect("model");
    let body = BODY.repeat(3);
    let heads = [
        "Northbridge harbour bridge to be demolished",
        "Council closes harbour bridge for repairs",
        "Pop star cancels world tour after injury",
        "Mayor says bridge repairs will cost 12 million",
    ];
    let mut g = c.benchmark_group("stance");
    g.throughput(Throughput::Elements(heads.len() as u64));
    g.bench_function("predict_pairs", |b| {
        b.iter(|| {
            for h in &heads {
                std::hint::black_box(model.predict(h, &body));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

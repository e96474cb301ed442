//! Cross-document resolution throughput on synthetic mentions
//! (100k mentions over 200 documents, transliteration variants included).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck_entities::{resolve, DocMentions, EntityType, Mention, Span};

struct Doc {
    text: String,
    mentions: Vec<Mention>,
    sentences: Vec<Span>,
}

fn corpus(n_docs: usize, per_doc: usize) -> Vec<Doc> {
    let syl = [
        "ka", "to", "mi", "ra", "sen", "vo", "lin", "dar", "bek", "zh", "yev", "ov", "ak", "ul",
        "tan",
    ];
    let firsts = [
        "Ivan",
        "Yuri",
        "Aleksandr",
        "Alexander",
        "Dana",
        "Omar",
        "Lena",
        "Pavel",
        "Zhanna",
        "Janna",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) as usize
    };
    let mut docs = Vec::new();
    for _ in 0..n_docs {
        let mut text = String::new();
        let mut mentions = Vec::new();
        let mut sentences = Vec::new();
        for _ in 0..per_doc {
            let mut sur = String::new();
            for _ in 0..2 + next() % 2 {
                sur.push_str(syl[next() % syl.len()]);
            }
            let mut c = sur.chars();
            let sur: String = c
                .next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default();
            let (name, label) = match next() % 4 {
                0 => (
                    format!("{} {}", firsts[next() % firsts.len()], sur),
                    EntityType::Person,
                ),
                1 => (sur.clone(), EntityType::Person),
                2 => (format!("{sur} Union"), EntityType::Org),
                _ => (sur.clone(), EntityType::Gpe),
            };
            let start = text.len();
            text.push_str(&name);
            mentions.push(Mention {
                span: Span::new(start, text.len()),
                tokens: 0..0,
                label,
                score: 0.9,
            });
            text.push_str(" said on Monday. ");
            sentences.push(Span::new(start, text.len() - 1));
        }
        docs.push(Doc {
            text,
            mentions,
            sentences,
        });
    }
    docs
}

fn bench(c: &mut Criterion) {
    let docs = corpus(200, 500);
    let input: Vec<DocMentions> = docs
        .iter()
        .map(|d| DocMentions {
            doc: "d",
            text: &d.text,
            mentions: &d.mentions,
            sentences: &d.sentences,
        })
        .collect();
    let n: usize = docs.iter().map(|d| d.mentions.len()).sum();
    let mut g = c.benchmark_group("entities");
    g.sample_size(10);
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("resolve_100k_mentions", |b| b.iter(|| resolve(&input)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

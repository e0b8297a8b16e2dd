//! Benchmark of `turnus suggest` (docs/suggest.md) on the instances in benches/suggest/: 3, 5
//! and 8 assistants over 3-, 6- and 8-week cycles.
//!
//! For each instance: the time to the first rota the real checker accepts (criterion, the
//! search stopping there), and, printed once, the score and time of a full 2-second run.
//! Budgets: the first lawful rota in under 2 s for every instance; the score at 2 s no worse
//! than OR-Tools CP-SAT reaches in 10 s (`make bench-cpsat`).

use std::time::{Duration, Instant};

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use turnus::suggest::{read_request, suggest, Options, Problem};

fn instances() -> Vec<(String, Problem)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/suggest");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("benches/suggest")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("an instance");
            let problem = read_request(&text)
                .and_then(|r| r.validate())
                .expect("a valid request");
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, problem)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let first = Options {
        seconds: 2.0,
        seed: 1,
        stop_when_lawful: true,
    };
    let full = Options {
        stop_when_lawful: false,
        ..first
    };
    let mut group = c.benchmark_group("suggest");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    let mut table = vec![
        "| instance | first lawful rota | moves to it | score at 2 s | time of the 2 s run |"
            .to_string(),
        "|---|---|---|---|---|".to_string(),
    ];
    for (name, problem) in instances() {
        let started = Instant::now();
        let answer = suggest(&problem, &full);
        let took = started.elapsed();
        let started = Instant::now();
        let quick = suggest(&problem, &first);
        let to_first = started.elapsed();
        match (&answer, &quick) {
            (Ok(a), Ok(q)) => table.push(format!(
                "| {name} | {:.0} ms | {} | {:.2} | {:.2} s |",
                to_first.as_secs_f64() * 1000.0,
                q.suggestion.first_lawful_move.unwrap_or(0),
                a.suggestion.score,
                took.as_secs_f64()
            )),
            (Err(e), _) | (_, Err(e)) => table.push(format!(
                "| {name} | cannot be met ({}) in {:.0} ms | - | - | {:.2} s |",
                e.reasons
                    .iter()
                    .map(|r| r.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                to_first.as_secs_f64() * 1000.0,
                took.as_secs_f64()
            )),
        }
        group.bench_function(format!("first_lawful/{name}"), |b| {
            b.iter(|| black_box(suggest(black_box(&problem), &first).is_ok()))
        });
    }
    group.finish();
    eprintln!("\n{}\n", table.join("\n"));
}

criterion_group!(benches, bench);
criterion_main!(benches);

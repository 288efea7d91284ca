//! Handout benchmark: `cargo bench --bench handout`.
//!
//! Makes a whole five-section handout (layout of every line, the timeline, krilla's
//! font subsetting and PDF writing, PDF/UA-1 validation) for each language, with a
//! text system whose layout cache is empty, as for the first handout after start;
//! and, for Arabic, the app's whole job: making that text system, then the handout.
//! Budget on the project's 2-core machine: 300 ms per handout.

use std::hint::black_box;
use std::time::Duration;

use clinic_edu::Language;
use clinic_edu::content::{ContentFiles, SectionId};
use clinic_edu::i18n::Strings;
use clinic_edu::pdf::{self, HandoutRequest, Paper};
use clinic_edu::text::{FontOptions, TextSystem};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

fn handouts(c: &mut Criterion) {
    let loaded = clinic_edu::content::load(&ContentFiles::embedded(), None);
    assert!(loaded.errors.is_empty());
    let strings = Strings::embedded().unwrap();
    let mut group = c.benchmark_group("handout");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for lang in Language::all() {
        let request = HandoutRequest {
            topic: "mesotherapy".into(),
            lang,
            staff_lang: None,
            sections: SectionId::ALL[..5].to_vec(),
            paper: Paper::A4,
            clinic_name: Some("Clinic".into()),
            date: clinic_edu::content::review::Date::parse("2026-12-01").unwrap(),
            review_months: 24,
        };
        let size = pdf::make(
            &loaded.library,
            &strings,
            &mut TextSystem::new(FontOptions::default()),
            &request,
        )
        .unwrap()
        .len();
        println!("handout/five_sections_{lang}: {size} bytes");
        group.bench_function(format!("five_sections_{lang}"), |b| {
            b.iter_batched(
                || TextSystem::new(FontOptions::default()),
                |mut text| {
                    black_box(pdf::make(&loaded.library, &strings, &mut text, &request).unwrap())
                },
                BatchSize::PerIteration,
            )
        });
        if lang == Language::builtin("ar") {
            // As the app's handout job does it: a new text system, then the handout.
            // Before fonts were shared, the new text system parsed every font again.
            group.bench_function(format!("job_with_new_text_system_{lang}"), |b| {
                b.iter(|| {
                    let mut text = TextSystem::new(FontOptions::default());
                    black_box(pdf::make(&loaded.library, &strings, &mut text, &request).unwrap())
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, handouts);
criterion_main!(benches);

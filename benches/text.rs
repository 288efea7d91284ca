//! Text engine and frame benchmarks: `cargo bench --bench text`.
//!
//! - cold layout of a 1,500-word Arabic article (shaping, bidi, line breaking);
//! - the same article from the layout cache;
//! - one full frame of the Scripts page in a headless egui harness, every layout cached.

use std::hint::black_box;

use clinic_edu::i18n::Strings;
use clinic_edu::text::{FontOptions, TextStyle, TextSystem};
use clinic_edu::ui::screens::Screen;
use clinic_edu::{AppOptions, ClinicApp, Language};
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The sample article repeated until it has at least 1,500 words.
fn arabic_article() -> String {
    let base = include_str!("data/arabic_article.txt");
    let mut text = String::new();
    while text.split_whitespace().count() < 1500 {
        text.push_str(base);
    }
    text
}

fn layout(c: &mut Criterion) {
    let article = arabic_article();
    let words = article.split_whitespace().count();
    let mut system = TextSystem::new(FontOptions {
        system_fonts: false,
    });
    let style = TextStyle::regular(17.0);
    let mut group = c.benchmark_group("layout");
    group.sample_size(30);
    group.bench_function(format!("arabic_{words}_words_cold"), |b| {
        b.iter(|| {
            black_box(system.layout_uncached(&article, Language::Arabic, style, Some(760.0), 1.0))
        })
    });
    system.layout(&article, Language::Arabic, style, Some(760.0), 1.0);
    group.bench_function(format!("arabic_{words}_words_cached"), |b| {
        b.iter(|| black_box(system.layout(&article, Language::Arabic, style, Some(760.0), 1.0)))
    });
    group.finish();
}

fn frame(c: &mut Criterion) {
    let strings = Strings::embedded().unwrap();
    let mut group = c.benchmark_group("frame");
    for lang in [Language::Arabic, Language::Japanese] {
        let app = ClinicApp::new(AppOptions {
            system_fonts: false,
            language: lang,
            content_dir: None,
            kiosk: None,
            settings_path: None,
        })
        .unwrap();
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1000.0, 800.0))
            .build_eframe(|_| app);
        harness.run();
        let label = strings.get(lang, "menu-scripts");
        harness.get_by_label(&label).click();
        harness.run();
        assert_eq!(harness.state().screen(), Screen::Scripts);
        group.bench_function(format!("scripts_page_{}_cached", lang.code()), |b| {
            b.iter(|| harness.step())
        });
    }
    group.finish();
}

criterion_group!(benches, layout, frame);
criterion_main!(benches);

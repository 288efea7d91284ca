//! Text engine and frame benchmarks: `cargo bench --bench text`.
//!
//! - cold layout of a 1,500-word Arabic article (shaping, bidi, line breaking);
//! - the same article from the layout cache;
//! - one full frame of the Scripts page in a headless egui harness, every layout cached;
//! - frames of a long topic page scrolled back and forth while switching between
//!   Arabic and English, with the texture bytes uploaded per frame (a renderer that
//!   counts them), which must be zero once every glyph has been seen.

use std::hint::black_box;

#[allow(dead_code)]
#[path = "../tests/common/renderer.rs"]
mod renderer;

use clinic_edu::app::Route;
use clinic_edu::i18n::Strings;
use clinic_edu::text::{FontOptions, TextStyle, TextSystem};
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
            black_box(system.layout_uncached(
                &article,
                Language::builtin("ar"),
                style,
                Some(760.0),
                1.0,
            ))
        })
    });
    system.layout(&article, Language::builtin("ar"), style, Some(760.0), 1.0);
    group.bench_function(format!("arabic_{words}_words_cached"), |b| {
        b.iter(|| {
            black_box(system.layout(&article, Language::builtin("ar"), style, Some(760.0), 1.0))
        })
    });
    group.finish();
}

fn frame(c: &mut Criterion) {
    let strings = Strings::embedded().unwrap();
    let mut group = c.benchmark_group("frame");
    for lang in [Language::builtin("ar"), Language::builtin("ja")] {
        let app = ClinicApp::new(AppOptions {
            system_fonts: false,
            language: lang,
            content_dir: None,
            kiosk: None,
            settings_path: None,
            config_path: None,
            audio_device: false,
            installed_bundle: false,
        })
        .unwrap();
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1000.0, 800.0))
            .build_eframe(|_| app);
        harness.run();
        let label = strings.get(lang, "menu-scripts");
        harness.get_by_label(&label).click();
        harness.run();
        assert_eq!(harness.state().route(), &Route::Scripts);
        group.bench_function(format!("scripts_page_{}_cached", lang.code()), |b| {
            b.iter(|| harness.step())
        });
    }
    group.finish();
}

/// Scrolls the content under the middle of the window by `dy` points.
fn scroll(harness: &Harness<'_, ClinicApp>, dy: f32) {
    use egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, TouchPhase};
    harness.hover_at(egui::pos2(500.0, 450.0));
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: egui::vec2(0.0, dy),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
}

fn scroll_and_switch(c: &mut Criterion) {
    let strings = Strings::embedded().unwrap();
    let (counting, _) = renderer::CountingRenderer::new();
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        language: Language::builtin("ar"),
        content_dir: None,
        kiosk: None,
        settings_path: None,
        config_path: None,
        audio_device: false,
        installed_bundle: false,
    })
    .unwrap();
    let title = app
        .library()
        .topic("botox-chronic-pain")
        .unwrap()
        .text(Language::builtin("ar"))
        .title
        .clone();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 800.0))
        .renderer(counting)
        .build_eframe(|_| app);
    harness.run();
    harness.get_by_label(&title).click();
    harness.run();
    let section = strings.get(Language::builtin("ar"), "section-side-effects");
    harness.get_by_label(&section).click();
    harness.run();
    // One cycle: down and up through the page, in Arabic, then in English.
    let frame = std::cell::Cell::new(0_u64);
    let uploaded = std::cell::Cell::new(0_u64);
    let step = |harness: &mut Harness<'_, ClinicApp>| {
        let phase = frame.get() % 40;
        if phase == 0 || phase == 20 {
            let lang = if phase == 0 {
                Language::builtin("en")
            } else {
                Language::builtin("ar")
            };
            harness.get_by_label(lang.native_name()).click();
        } else {
            scroll(harness, if phase % 20 < 10 { -250.0 } else { 250.0 });
        }
        harness.step();
        // What a GPU renderer would be sent for this frame (the counting renderer
        // runs no paint callbacks, so the bench takes the atlas's changes itself).
        let sent: usize = TextSystem::with(&harness.ctx, |t| t.atlas().take_uploads())
            .iter()
            .map(|u| u.bytes.len())
            .sum();
        uploaded.set(uploaded.get() + sent as u64);
        frame.set(frame.get() + 1);
    };
    // The first pass sees every glyph once.
    for _ in 0..80 {
        step(&mut harness);
    }
    let (bytes_before, frames_before) = (uploaded.get(), frame.get());
    let mut group = c.benchmark_group("frame");
    group.bench_function("topic_scroll_ar_en", |b| b.iter(|| step(&mut harness)));
    group.finish();
    let frames = frame.get() - frames_before;
    println!(
        "frame/topic_scroll_ar_en: {} texture bytes uploaded over {frames} frames after the first pass ({:.1} per frame)",
        uploaded.get() - bytes_before,
        (uploaded.get() - bytes_before) as f64 / frames.max(1) as f64
    );
}

criterion_group!(benches, layout, frame, scroll_and_switch);
criterion_main!(benches);

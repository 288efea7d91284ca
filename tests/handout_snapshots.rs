//! Page 1 of the Arabic, Bengali, Japanese and Urdu handouts of one topic, rendered by
//! poppler's `pdftoppm`, against images under tests/snapshots/ that were looked at
//! by eye before they were committed. Update them with
//! `UPDATE_SNAPSHOTS=1 cargo test --test handout_snapshots`, and look again.

use std::path::PathBuf;
use std::process::Command;

use clinic_edu::Language;
use clinic_edu::content::{ContentFiles, SectionId};
use clinic_edu::i18n::Strings;
use clinic_edu::pdf::{self, HandoutRequest, Paper};
use clinic_edu::text::{FontOptions, TextSystem};

/// A channel may differ by this much (anti-aliasing between poppler builds)...
const CHANNEL_TOLERANCE: u8 = 40;
/// ...in at most this share of the pixels.
const PIXEL_SHARE: f64 = 0.002;

#[test]
fn page_one_of_the_arabic_bengali_japanese_and_urdu_handouts() {
    let loaded = clinic_edu::content::load(&ContentFiles::embedded(), None);
    let strings = Strings::embedded().unwrap();
    let mut text = TextSystem::new(FontOptions::default());
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("handout_snapshots");
    std::fs::create_dir_all(&dir).unwrap();
    let snapshots = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut failures = Vec::new();
    for lang in [
        Language::builtin("ar"),
        Language::builtin("bn"),
        Language::builtin("ja"),
        Language::builtin("ur"),
    ] {
        let request = HandoutRequest {
            topic: "mesotherapy".into(),
            lang,
            staff_lang: None,
            sections: SectionId::ALL.to_vec(),
            paper: Paper::A4,
            clinic_name: Some("Clinic".into()),
            date: clinic_edu::content::review::Date::parse("2026-12-01").unwrap(),
            review_months: 24,
        };
        let bytes = pdf::make(&loaded.library, &strings, &mut text, &request).unwrap();
        let pdf_path = dir.join(format!("{lang}.pdf"));
        std::fs::write(&pdf_path, bytes).unwrap();
        let stem = dir.join(format!("{lang}"));
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile"])
            .arg(&pdf_path)
            .arg(&stem)
            .status()
            .expect("pdftoppm (poppler-utils) runs; .ci/run installs it");
        assert!(status.success());
        let rendered = stem.with_extension("png");
        let name = format!("handout_mesotherapy_{lang}_page1.png");
        let reference = snapshots.join(&name);
        if update {
            std::fs::copy(&rendered, &reference).unwrap();
            continue;
        }
        let got = image::open(&rendered).unwrap().to_rgba8();
        let want = image::open(&reference)
            .unwrap_or_else(|e| panic!("{name}: {e}; make it with UPDATE_SNAPSHOTS=1"))
            .to_rgba8();
        if got.dimensions() != want.dimensions() {
            failures.push(format!(
                "{name}: size {:?} vs {:?}",
                got.dimensions(),
                want.dimensions()
            ));
            continue;
        }
        let differing = got
            .pixels()
            .zip(want.pixels())
            .filter(|(a, b)| {
                a.0.iter()
                    .zip(b.0.iter())
                    .any(|(x, y)| x.abs_diff(*y) > CHANNEL_TOLERANCE)
            })
            .count();
        let share = differing as f64 / (got.width() * got.height()) as f64;
        if share > PIXEL_SHARE {
            let diff = dir.join(format!("{lang}.new.png"));
            got.save(&diff).unwrap();
            failures.push(format!(
                "{name}: {differing} pixels differ ({:.3}%); see {}",
                share * 100.0,
                diff.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

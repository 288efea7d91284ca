//! What a handout PDF is made of, checked from outside: the glyph ids and pen
//! positions written for each line equal those `clinic-edu layout` gives for the
//! same text, width and size; `pdffonts` finds every font embedded as a subset and
//! no font a page does not use; the columns stand on the right sides; the size
//! stays small; bad requests fail clearly and leave no file behind.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use clinic_edu::Language;
use clinic_edu::content::{ContentFiles, Library, SectionId};
use clinic_edu::i18n::Strings;
use clinic_edu::pdf::{self, Composed, HandoutRequest, Item, Paper, line_runs};
use clinic_edu::text::debug::LineInfo;
use clinic_edu::text::{FontOptions, TextSystem};

const BIN: &str = env!("CARGO_BIN_EXE_clinic-edu");

fn library() -> Library {
    let loaded = clinic_edu::content::load(&ContentFiles::embedded(), None);
    assert!(loaded.errors.is_empty());
    loaded.library
}

fn request(topic: &str, lang: Language, staff: Option<Language>) -> HandoutRequest {
    HandoutRequest {
        topic: topic.into(),
        lang,
        staff_lang: staff,
        sections: SectionId::ALL.to_vec(),
        paper: Paper::A4,
        clinic_name: Some("Clinic".into()),
        date: clinic_edu::content::review::Date::parse("2026-12-01").unwrap(),
        review_months: 24,
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("handout_pdf")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text_items(composed: &Composed, page: usize) -> impl Iterator<Item = &pdf::TextItem> {
    composed.pages[page]
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Text(t) => Some(t),
            _ => None,
        })
}

#[test]
fn glyphs_written_for_a_line_are_the_layout_tools_glyphs() {
    let library = library();
    let strings = Strings::embedded().unwrap();
    let mut text = TextSystem::new(FontOptions::default());
    let mut lines_checked = 0;
    for (lang, staff) in [
        (Language::builtin("en"), None),
        (Language::builtin("ar"), None),
        (Language::builtin("bn"), None),
        (Language::builtin("ja"), None),
        (Language::builtin("ar"), Some(Language::builtin("en"))),
    ] {
        let composed =
            pdf::compose(&library, &strings, &mut text, &request("prp", lang, staff)).unwrap();
        for item in text_items(&composed, 0) {
            let mut command = Command::new(BIN);
            command.args([
                "layout",
                "--lang",
                item.lang.code(),
                "--width",
                &item.layout.width.to_string(),
                "--size",
                &item.style.size.to_string(),
            ]);
            if item.style.bold {
                command.arg("--bold");
            }
            let output = command.arg(&*item.text).output().unwrap();
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
            let tool: Vec<LineInfo> = String::from_utf8(output.stdout)
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            for line in item.lines.clone() {
                let written: Vec<(u16, f32)> = line_runs(item, line)
                    .iter()
                    .flat_map(|run| run.glyphs.iter().map(|g| (g.glyph_id, g.x - item.origin.x)))
                    .collect();
                let expected: Vec<(u16, f32)> =
                    tool[line].glyphs.iter().map(|g| (g.id, g.x)).collect();
                assert_eq!(
                    written.len(),
                    expected.len(),
                    "line {line} of {:?} ({lang})",
                    item.text
                );
                for (w, e) in written.iter().zip(&expected) {
                    assert_eq!(w.0, e.0, "glyph id on line {line} of {:?}", item.text);
                    assert!(
                        (w.1 - e.1).abs() < 0.01,
                        "x {} vs {} in {:?}",
                        w.1,
                        e.1,
                        item.text
                    );
                }
                lines_checked += 1;
            }
        }
    }
    assert!(lines_checked > 100, "only {lines_checked} lines checked");
}

/// The faces a page's text is set in, by bundled file name without `.ttf`.
fn faces_on(composed: &Composed, page: usize, text: &TextSystem) -> BTreeSet<String> {
    let mut faces = BTreeSet::new();
    for item in text_items(composed, page) {
        for line in item.lines.clone() {
            for run in line_runs(item, line) {
                let file = text.bundled_file(run.font_id).expect("bundled faces only");
                faces.insert(file.trim_end_matches(".ttf").to_owned());
            }
        }
    }
    faces
}

fn pdffonts(pdf: &Path, page: usize) -> Vec<(String, bool, bool)> {
    let n = (page + 1).to_string();
    let output = Command::new("pdffonts")
        .args(["-f", &n, "-l", &n])
        .arg(pdf)
        .output()
        .expect("pdffonts (poppler-utils) runs; .ci/run installs it");
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .skip(2)
        .map(|line| {
            let cols: Vec<&str> = line.split_whitespace().collect();
            let name = cols[0].to_owned();
            // name, type words..., encoding, emb, sub, uni, object id, generation
            let n = cols.len();
            (name, cols[n - 5] == "yes", cols[n - 4] == "yes")
        })
        .collect()
}

#[test]
fn every_font_is_an_embedded_subset_that_its_page_uses() {
    let library = library();
    let strings = Strings::embedded().unwrap();
    let mut text = TextSystem::new(FontOptions::default());
    let dir = scratch("fonts");
    for lang in Language::all() {
        let request = request("botox-chronic-pain", lang, Some(Language::builtin("en")));
        let composed = pdf::compose(&library, &strings, &mut text, &request).unwrap();
        let bytes = pdf::make(&library, &strings, &mut text, &request).unwrap();
        let path = dir.join(format!("{lang}.pdf"));
        std::fs::write(&path, bytes).unwrap();
        for page in 0..composed.pages.len() {
            let fonts = pdffonts(&path, page);
            let mut names = BTreeSet::new();
            for (name, embedded, subset) in fonts {
                assert!(
                    embedded && subset,
                    "{name} on page {page} of {lang} is not an embedded subset"
                );
                // A subset's name is "ABCDEF+PostScriptName".
                let (tag, base) = name.split_once('+').expect("subset tag");
                assert_eq!(tag.len(), 6, "{name}");
                names.insert(base.to_owned());
            }
            assert_eq!(
                names,
                faces_on(&composed, page, &text),
                "page {page} of {lang}"
            );
        }
    }
}

#[test]
fn the_patients_column_is_on_the_side_their_language_starts_reading() {
    let library = library();
    let strings = Strings::embedded().unwrap();
    let mut text = TextSystem::new(FontOptions::default());
    for (patient, staff) in [
        (Language::builtin("ar"), Language::builtin("en")),
        (Language::builtin("en"), Language::builtin("ar")),
        (Language::builtin("ja"), Language::builtin("bn")),
    ] {
        let request = request("exosome-therapy", patient, Some(staff));
        let composed = pdf::compose(&library, &strings, &mut text, &request).unwrap();
        let middle = composed.frame.width / 2.0;
        let title = |lang: Language| {
            text_items(&composed, 0)
                .find(|t| {
                    t.lang == lang
                        && *t.text == *library.topic("exosome-therapy").unwrap().text(lang).title
                })
                .map(|t| t.origin.x + t.layout.width / 2.0)
                .unwrap()
        };
        let (p, s) = (title(patient), title(staff));
        if patient.is_rtl() {
            assert!(p > middle && s < middle, "{patient} with {staff}: {p} {s}");
        } else {
            assert!(p < middle && s > middle, "{patient} with {staff}: {p} {s}");
        }
    }
}

#[test]
fn a_five_section_japanese_handout_stays_under_800_kb() {
    let library = library();
    let strings = Strings::embedded().unwrap();
    let mut text = TextSystem::new(FontOptions::default());
    for topic in library.topics() {
        let request = HandoutRequest {
            sections: SectionId::ALL[..5].to_vec(),
            ..request(&topic.id, Language::builtin("ja"), None)
        };
        let bytes = pdf::make(&library, &strings, &mut text, &request).unwrap();
        assert!(
            bytes.len() < 800 * 1024,
            "{}: {} bytes",
            topic.id,
            bytes.len()
        );
    }
}

fn run(args: &[&str], home: &Path) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("SOURCE_DATE_EPOCH", "1764547200")
        .output()
        .unwrap()
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_command_writes_the_chosen_file_and_nothing_else() {
    let dir = scratch("cli_ok");
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let file = out.join("prp-bn.pdf");
    let output = run(
        &[
            "handout",
            "--topic",
            "prp",
            "--lang",
            "bn",
            "--section",
            "what_it_is",
            "--section",
            "side_effects",
            "--paper",
            "letter",
            "-o",
        ]
        .iter()
        .copied()
        .chain([file.to_str().unwrap()])
        .collect::<Vec<_>>(),
        &home,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(std::fs::read(&file).unwrap().starts_with(b"%PDF-"));
    assert_eq!(listing(&out), ["prp-bn.pdf"]);
    assert!(
        listing(&home).is_empty(),
        "wrote into HOME: {:?}",
        listing(&home)
    );
    let info = Command::new("pdfinfo").arg(&file).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    assert!(info.contains("612 x 792 pts (letter)"), "{info}");
    assert!(info.contains("Tagged:          yes"), "{info}");
}

#[test]
fn bad_requests_fail_clearly_and_leave_no_file() {
    let dir = scratch("cli_bad");
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let target = out.join("x.pdf");
    let t = target.to_str().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["--topic", "liposuction", "--lang", "en", "-o", t],
            "no topic \"liposuction\"; the topics are: ",
        ),
        (
            vec!["--topic", "prp", "--lang", "fr", "-o", t],
            "invalid value 'fr'",
        ),
        (vec!["--topic", "prp", "-o", t], "--lang"),
        (
            vec![
                "--topic",
                "prp",
                "--lang",
                "ar",
                "--section",
                "dosage",
                "-o",
                t,
            ],
            "no section \"dosage\"",
        ),
        (
            vec!["--topic", "prp", "--lang", "ar", "--paper", "a3", "-o", t],
            "--paper must be a4 or letter",
        ),
        (
            vec![
                "--topic",
                "prp",
                "--lang",
                "ja",
                "-o",
                "/nonexistent-dir/x.pdf",
            ],
            "could not write /nonexistent-dir/x.pdf",
        ),
    ];
    for (args, message) in cases {
        let mut all = vec!["handout"];
        all.extend(args.iter().copied());
        let output = run(&all, &home);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{all:?} succeeded");
        assert!(stderr.contains(message), "{all:?}: {stderr}");
        assert!(listing(&out).is_empty(), "{all:?} left {:?}", listing(&out));
    }
    // A directory where the file should go: the rename fails after the PDF was
    // written, and the temporary file is removed.
    let blocked = out.join("blocked.pdf");
    std::fs::create_dir_all(blocked.join("inside")).unwrap();
    let output = run(
        &[
            "handout",
            "--topic",
            "prp",
            "--lang",
            "en",
            "-o",
            blocked.to_str().unwrap(),
        ],
        &home,
    );
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("could not write"));
    assert_eq!(listing(&out), ["blocked.pdf"]);
    assert!(listing(&home).is_empty());
}

//! The treatment content: the embedded files validate, a clinic's folder layers
//! over them, and each kind of broken file is reported with where it is.

mod common;

use std::path::{Path, PathBuf};

use clinic_edu::content::error::find_position;
use clinic_edu::content::{ContentFiles, Loaded, SectionId, load};
use clinic_edu::{AppOptions, ClinicApp, Language};
use egui_kittest::kittest::Queryable;

const TOPICS: [&str; 5] = [
    "mesotherapy",
    "botox-chronic-pain",
    "fibroblast-therapy",
    "prp",
    "exosome-therapy",
];

fn validate(files: &ContentFiles) -> Loaded {
    let mut check = |text: &str, lang: Language| common::system().missing_glyph(text, lang);
    load(files, Some(&mut check))
}

/// A fresh, empty folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("clinic-edu-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const DEMO_TOPIC: &str = r#"(
    id: "demo",
    order: 9,
    sources: [
        (id: "demo-source", title: "A demonstration source", url: Some("https://example.org/demo"), grade: Pr),
    ],
    timeline: [
        (step: Sessions, min: 1, max: 2, unit: Count, certainty: Varies, cite: ["demo-source"]),
    ],
)
"#;

/// A complete language file with `text` in every section.
fn demo_lang(text: &str, cite: &str) -> String {
    // Each paragraph's id is its section's name.
    let b = |id: &str| format!(r#"[Para(id: "{id}", text: "{text}", cite: [{cite}])]"#);
    format!(
        r#"(
    meta: (version: 1, origin: Original, reviewed: None),
    title: "{text}",
    summary: "{text}",
    what_it_is: {},
    how_it_works: {},
    used_for: {},
    what_to_expect: {},
    side_effects: (
        common: {},
        rare: {},
        serious: {},
        urgent: {},
    ),
    aftercare: {},
    evidence: {},
    who_should_not: {},
    questions: [List(items: [(id: "ask", text: "{text}", cite: [])])],
    compare: (
        what_it_is: (text: "A demonstration cell.", cite: ["demo-source"]),
        common_side_effects: (text: "A demonstration cell.", cite: ["demo-source"]),
        serious_risks: (text: "A demonstration cell.", cite: ["demo-source"]),
        regulatory_status: (text: "A demonstration cell.", cite: ["demo-source"]),
        evidence: (text: "A demonstration cell.", cite: ["demo-source"]),
        who_should_not: (text: "A demonstration cell.", cite: ["demo-source"]),
    ),
)
"#,
        b("what-it-is"),
        b("how-it-works"),
        b("used-for"),
        b("what-to-expect"),
        b("common"),
        b("rare"),
        b("serious"),
        b("urgent"),
        b("aftercare"),
        b("evidence"),
        b("who-should-not"),
    )
}

const DEMO_RULES: &str = r#"(
    rules: [
        (
            question: "pregnant",
            answer: Yes,
            level: DoNotTreat,
            reason: (en: "Not during pregnancy.", ar: "ليس أثناء الحمل.", bn: "গর্ভাবস্থায় নয়।", ja: "妊娠中は受けられません。", ur: "حمل کے دوران نہیں۔"),
            cite: ["demo-source"],
        ),
    ],
)
"#;

/// A valid demo topic in all five built-in languages.
fn demo_topic(dir: &Path) {
    write(dir, "demo/topic.ron", DEMO_TOPIC);
    write(dir, "demo/screening.ron", DEMO_RULES);
    for (lang, text) in [
        ("en", "Demo"),
        ("ar", "تجربة"),
        ("bn", "নমুনা"),
        ("ja", "見本"),
        ("ur", "نمونہ"),
    ] {
        write(
            dir,
            &format!("demo/{lang}.ron"),
            &demo_lang(text, r#""demo-source""#),
        );
    }
}

/// Validates `dir` over the embedded content and returns the errors for `file`.
fn errors_in(dir: &Path, file: &str) -> Vec<clinic_edu::content::ContentError> {
    let files = ContentFiles::embedded().layered(ContentFiles::from_dir(dir).unwrap());
    let loaded = validate(&files);
    assert!(!loaded.errors.is_empty(), "expected errors in {file}");
    for e in &loaded.errors {
        assert!(e.path.ends_with(file), "unexpected error elsewhere: {e}");
    }
    loaded.errors
}

#[test]
fn embedded_content_validates() {
    let loaded = validate(&ContentFiles::embedded());
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    assert_eq!(loaded.summary(), "5 topics x 5 languages, 0 errors");
    let ids: Vec<&str> = loaded
        .library
        .topics()
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(ids, TOPICS);
    for topic in loaded.library.topics() {
        for lang in Language::all() {
            let text = topic.text(lang);
            assert!(
                text.meta.reviewed.is_none(),
                "no clinician has reviewed {} yet",
                topic.id
            );
            for section in SectionId::ALL {
                if section != SectionId::Sources {
                    assert!(
                        !text.section(section).is_empty(),
                        "{} {lang} {section:?}",
                        topic.id
                    );
                }
            }
        }
    }
}

#[test]
fn embedded_content_attributes_and_never_says_safe() {
    let loaded = validate(&ContentFiles::embedded());
    for topic in loaded.library.topics() {
        let english = topic.text(Language::builtin("en"));
        for s in english.strings() {
            let lower = s.to_lowercase();
            for word in lower.split(|c: char| !c.is_alphanumeric()) {
                assert_ne!(word, "safe", "{}: {s}", topic.id);
            }
        }
        // The exosome page says what rules it out.
        if topic.id == "exosome-therapy" {
            let who: Vec<&str> = english
                .section(SectionId::WhoShouldNot)
                .iter()
                .flat_map(|p| p.blocks.iter())
                .flat_map(clinic_edu::content::model::block_strings)
                .collect();
            let all = who.join(" ").to_lowercase();
            for needed in ["pregnan", "breastfeed", "cancer"] {
                assert!(
                    all.contains(needed),
                    "exosome who-should-not mentions {needed}"
                );
            }
        }
    }
}

#[test]
fn validate_command_prints_a_summary_and_exits_zero() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_clinic-edu"))
        .arg("validate")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.last(), Some(&"5 topics x 5 languages, 0 errors"));
    // A note per topic and language on its clinical review, then the counts.
    let notes = lines
        .iter()
        .filter(|l| l.ends_with(".ron: note: never reviewed"))
        .count();
    assert_eq!(notes, 25, "{stdout}");
    let reviews = lines
        .iter()
        .position(|l| l.starts_with("reviews: "))
        .expect("a reviews line");
    assert!(
        lines[reviews].starts_with(
            "reviews: 0 reviewed, 0 changed since review, 0 overdue, 25 never reviewed"
        ),
        "{stdout}"
    );
    // The counts come last, after the reviews line; the built-in narration's report
    // (a line per language: tests/builtin_narration.rs) comes before the review notes.
    assert_eq!(reviews + 2, lines.len(), "{stdout}");
    let narration = lines
        .iter()
        .position(|l| l.starts_with("narration built in: "))
        .expect("a narration line");
    let first_note = lines
        .iter()
        .position(|l| l.ends_with(".ron: note: never reviewed"))
        .unwrap();
    assert!(narration < first_note, "{stdout}");
}

#[test]
fn a_folder_adds_a_topic_and_replaces_a_translation() {
    let dir = temp_dir("overlay");
    demo_topic(&dir);
    let embedded = ContentFiles::embedded();
    let prp_ja = embedded_text("prp/ja.ron");
    let title_line = prp_ja
        .lines()
        .find(|l| l.trim_start().starts_with("title:"))
        .unwrap();
    write(
        &dir,
        "prp/ja.ron",
        &prp_ja.replacen(title_line, "    title: \"PRP（クリニック版）\",", 1),
    );

    let loaded = validate(&embedded.layered(ContentFiles::from_dir(&dir).unwrap()));
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    assert_eq!(loaded.library.topics().len(), 6);
    assert_eq!(
        loaded
            .library
            .topic("prp")
            .unwrap()
            .text(Language::builtin("ja"))
            .title,
        "PRP（クリニック版）"
    );
    assert_ne!(
        loaded
            .library
            .topic("prp")
            .unwrap()
            .text(Language::builtin("en"))
            .title,
        "PRP（クリニック版）"
    );
    assert!(loaded.library.topic("demo").is_some());
}

fn embedded_text(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/content")
        .join(rel);
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn syntax_error_is_reported_with_line_and_column() {
    let dir = temp_dir("syntax");
    demo_topic(&dir);
    // A missing comma after the summary.
    let broken = demo_lang("Demo", r#""demo-source""#).replacen(
        "summary: \"Demo\",",
        "summary: \"Demo\"",
        1,
    );
    write(&dir, "demo/en.ron", &broken);
    let errors = errors_in(&dir, "demo/en.ron");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].message.starts_with("syntax error"),
        "{}",
        errors[0]
    );
    // The parser stops at the next field, on the line after the summary.
    let (line, _) = find_position(&broken, "what_it_is").unwrap();
    assert_eq!(errors[0].position.map(|p| p.0), Some(line), "{}", errors[0]);
}

#[test]
fn missing_language_is_reported_for_the_missing_file() {
    let dir = temp_dir("language");
    demo_topic(&dir);
    std::fs::remove_file(dir.join("demo/ja.ron")).unwrap();
    let errors = errors_in(&dir, "demo/ja.ron");
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].message.contains("missing language"),
        "{}",
        errors[0]
    );
    assert!(errors[0].message.contains("日本語"), "{}", errors[0]);
}

#[test]
fn missing_section_is_reported_where_it_should_be() {
    // A section left out of the file entirely.
    let dir = temp_dir("section-absent");
    demo_topic(&dir);
    let text = demo_lang("Demo", "");
    let aftercare = text.lines().find(|l| l.contains("aftercare:")).unwrap();
    let broken = text.replacen(&format!("{aftercare}\n"), "", 1);
    write(&dir, "demo/en.ron", &broken);
    let errors = errors_in(&dir, "demo/en.ron");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].message.contains("aftercare"), "{}", errors[0]);
    assert!(errors[0].position.is_some());

    // A section present but empty.
    let dir = temp_dir("section-empty");
    demo_topic(&dir);
    let broken = demo_lang("Demo", "").replacen(aftercare, "    aftercare: [],", 1);
    write(&dir, "demo/en.ron", &broken);
    let errors = errors_in(&dir, "demo/en.ron");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].message.contains("missing section: aftercare"),
        "{}",
        errors[0]
    );
    assert_eq!(errors[0].position, find_position(&broken, "aftercare:"));
}

#[test]
fn unknown_source_is_reported_where_it_is_cited() {
    let dir = temp_dir("source");
    demo_topic(&dir);
    let broken = demo_lang("تجربة", r#""no-such-source""#);
    write(&dir, "demo/ar.ron", &broken);
    let errors = errors_in(&dir, "demo/ar.ron");
    assert!(
        errors
            .iter()
            .all(|e| e.message.contains("unknown source \"no-such-source\"")),
        "{errors:#?}"
    );
    assert_eq!(
        errors[0].position,
        find_position(&broken, "\"no-such-source\"")
    );
    assert_eq!(errors[0].position.map(|p| p.0), Some(5));
}

#[test]
fn character_no_bundled_font_has_is_reported() {
    let dir = temp_dir("glyph");
    demo_topic(&dir);
    // U+13000 EGYPTIAN HIEROGLYPH A001: in none of the bundled fonts.
    let broken = demo_lang("見本", r#""demo-source""#).replacen(
        "title: \"見本\"",
        "title: \"見本\u{13000}\"",
        1,
    );
    write(&dir, "demo/ja.ron", &broken);
    let errors = errors_in(&dir, "demo/ja.ron");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].message.contains("U+13000"), "{}", errors[0]);
    assert_eq!(errors[0].position, find_position(&broken, "\u{13000}"));
}

#[test]
fn validate_command_fails_on_a_broken_folder_and_says_where() {
    let dir = temp_dir("cli");
    demo_topic(&dir);
    write(&dir, "demo/bn.ron", &demo_lang("নমুনা", r#""missing-id""#));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_clinic-edu"))
        .arg("validate")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Each citation is reported at its own line: sections on lines 5-8, 10-13, 15-17.
    for line in [5, 6, 7, 8, 10, 11, 12, 13, 15, 16, 17] {
        let expected = format!("demo/bn.ron:{line}:");
        let found = stdout.lines().any(|l| {
            l.contains(&expected)
                && l.ends_with("unknown source \"missing-id\": it is not in this topic's topic.ron")
        });
        assert!(found, "line {line}: {stdout}");
    }
    assert!(
        stdout
            .trim_end()
            .ends_with("6 topics x 5 languages, 11 errors"),
        "{stdout}"
    );
}

#[test]
fn the_app_starts_on_embedded_content_when_the_folder_is_broken() {
    let dir = temp_dir("app");
    demo_topic(&dir);
    write(&dir, "prp/en.ron", "(meta: oops");
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        language: Language::builtin("en"),
        content_dir: Some(dir.clone()),
        kiosk: None,
        settings_path: None,
        config_path: None,
        audio_device: false,
        installed_bundle: false,
    })
    .unwrap();
    assert_eq!(
        app.library().topics().len(),
        5,
        "the embedded topics, not the folder's"
    );
    assert!(app.library().topic("demo").is_none());
    assert_eq!(app.content_errors().len(), 1);
    assert!(app.content_errors()[0].path.ends_with("prp/en.ron"));
    let error_text = app.content_errors()[0].to_string();

    // Staff see the warning and the error, with its file and place, on screen.
    let strings = clinic_edu::i18n::Strings::embedded().unwrap();
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1000.0, 800.0))
        .build_eframe(|_| app);
    harness.run();
    harness.get_by_label(&strings.get(Language::builtin("en"), "content-errors-title"));
    harness.get_by_label(&error_text);
    assert!(error_text.contains("prp/en.ron:1:"), "{error_text}");

    let missing = ClinicApp::new(AppOptions {
        system_fonts: false,
        language: Language::builtin("en"),
        content_dir: Some(dir.join("no-such-folder")),
        kiosk: None,
        settings_path: None,
        config_path: None,
        audio_device: false,
        installed_bundle: false,
    })
    .unwrap();
    assert_eq!(missing.library().topics().len(), 5);
    assert!(
        missing.content_errors()[0]
            .message
            .contains("cannot read the content folder")
    );
}

#[test]
fn every_number_has_a_range_and_a_huge_one_is_a_located_error() {
    let dir = temp_dir("ranges");
    demo_topic(&dir);
    write(
        &dir,
        "demo/topic.ron",
        &DEMO_TOPIC
            .replace("order: 9", "order: 100000")
            .replace("min: 1, max: 2", "min: 1, max: 4000000000"),
    );
    let errors = errors_in(&dir, "demo/topic.ron");
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let path = dir.join("demo/topic.ron").display().to_string();
    assert!(
        text.contains(&format!(
            "{path}:8:16: timeline Sessions max: 4000000000 is out of range; give 0 to 50 sessions"
        )),
        "{text:#?}"
    );
    assert!(
        text.contains(&format!(
            "{path}:3:5: order: 100000 is out of range; give 0 to 999"
        )),
        "{text:#?}"
    );

    let dir = temp_dir("version");
    demo_topic(&dir);
    write(
        &dir,
        "demo/en.ron",
        &demo_lang("Demo", r#""demo-source""#).replace("version: 1", "version: 0"),
    );
    let errors = errors_in(&dir, "demo/en.ron");
    assert!(
        errors[0]
            .to_string()
            .ends_with("meta.version: 0 is out of range; give 1 to 9999"),
        "{}",
        errors[0]
    );

    let dir = temp_dir("long");
    demo_topic(&dir);
    write(
        &dir,
        "demo/ja.ron",
        &demo_lang(&"長".repeat(3000), r#""demo-source""#),
    );
    let errors = errors_in(&dir, "demo/ja.ron");
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("3000 characters; at most 2000")),
        "{errors:#?}"
    );
}

#[test]
fn a_file_too_big_or_not_utf8_is_refused_with_its_place() {
    let dir = temp_dir("big");
    demo_topic(&dir);
    write(&dir, "demo/en.ron", &" ".repeat(300 * 1024));
    let errors = match ContentFiles::from_dir(&dir) {
        Err(errors) => errors,
        Ok(_) => panic!("a 300 KB file is refused"),
    };
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].to_string().ends_with(
            "demo/en.ron: the file is 307200 bytes; a content file is at most 262144 bytes"
        ),
        "{}",
        errors[0]
    );

    let dir = temp_dir("utf8");
    demo_topic(&dir);
    std::fs::write(dir.join("demo/bn.ron"), b"(\n  meta: \xff").unwrap();
    let Err(errors) = ContentFiles::from_dir(&dir) else {
        panic!("invalid UTF-8 is refused")
    };
    assert!(
        errors[0]
            .to_string()
            .ends_with("demo/bn.ron:2:9: the file is not UTF-8 text (first bad byte at offset 10)"),
        "{}",
        errors[0]
    );
}

/// Issue 12: timeline numbers are only what a source gives.
#[test]
fn timelines_hold_only_sourced_numbers() {
    use clinic_edu::content::model::Step;
    let loaded = validate(&ContentFiles::embedded());
    let library = &loaded.library;
    let step = |topic: &str, step: Step| {
        library
            .topic(topic)
            .unwrap()
            .timeline
            .iter()
            .find(|s| s.step == step)
            .map(|s| (s.min, s.max))
    };
    // Botox is ongoing, every 12 weeks; NICE's 2 cycles are a review point.
    let sessions = library
        .topic("botox-chronic-pain")
        .unwrap()
        .timeline
        .iter()
        .find(|s| s.step == Step::Sessions)
        .unwrap();
    assert!(
        sessions.ongoing,
        "Botox sessions are ongoing, not a course of 2"
    );
    assert_eq!((sessions.min, sessions.max), (2, 2));
    let strings = clinic_edu::i18n::Strings::embedded().unwrap();
    assert_eq!(
        clinic_edu::theme::timeline::step_text(&strings, Language::builtin("en"), sessions),
        "Ongoing; reviewed after 2 sessions"
    );
    assert_eq!(step("botox-chronic-pain", Step::Interval), Some((12, 12)));
    // "Almost no downtime": the week is how long side effects last.
    assert_eq!(step("prp", Step::Downtime), Some((0, 0)));
    assert_eq!(step("exosome-therapy", Step::Downtime), None);
    // No source gives PRP a minimum of 1 session; the one trial gave 12.
    assert_eq!(step("prp", Step::Sessions), Some((12, 12)));
    // 12 sessions over 6 months is the trial's; a gap worked out from it is not.
    assert_eq!(step("prp", Step::Interval), None);
}

/// The texts of `lang` in a content file: the whole file for `<lang>.ron`, the
/// `lang: "..."` strings for `questions.ron` and `screening.ron`.
fn texts_in(rel: &str, text: &str, lang: &str) -> Vec<String> {
    let name = rel.rsplit('/').next().unwrap();
    if name == format!("{lang}.ron") {
        return vec![text.to_owned()];
    }
    if name != "questions.ron" && name != "screening.ron" {
        return Vec::new();
    }
    let key = format!("{lang}: \"");
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(&key) {
        let after = &rest[at + key.len()..];
        let end = after.find('"').unwrap_or(after.len());
        out.push(after[..end].to_owned());
        rest = &after[end..];
    }
    out
}

/// Issue 12: GLOSSARY.md gives one term per concept per language; the renderings
/// it lists as avoided appear in no page, question or reason of that language.
#[test]
fn content_uses_the_glossary_terms() {
    let glossary = embedded_text("GLOSSARY.md");
    let mut avoided: Vec<(String, String)> = Vec::new();
    for row in glossary.lines().filter(|l| l.starts_with("| ")) {
        let cells: Vec<&str> = row.trim_matches('|').split('|').map(str::trim).collect();
        // | concept | one column per language | avoid |
        if cells.len() < 3 || cells[0] == "concept" || cells[0].starts_with("---") {
            continue;
        }
        for entry in cells[cells.len() - 1]
            .split(';')
            .map(str::trim)
            .filter(|e| !e.is_empty())
        {
            let (lang, term) = entry.split_once(':').expect("avoid entry is lang: text");
            avoided.push((lang.trim().to_owned(), term.trim().to_owned()));
        }
    }
    assert!(avoided.len() >= 10, "{avoided:?}");
    let mut files = vec!["questions.ron".to_owned()];
    for topic in TOPICS {
        files.push(format!("{topic}/screening.ron"));
        for lang in Language::all() {
            files.push(format!("{topic}/{}.ron", lang.code()));
        }
    }
    let mut found = Vec::new();
    for rel in &files {
        let text = embedded_text(rel);
        for (lang, term) in &avoided {
            for t in texts_in(rel, &text, lang) {
                if t.contains(term.as_str()) {
                    found.push(format!("{rel} ({lang}): {term}"));
                }
            }
        }
    }
    assert!(found.is_empty(), "avoided terms in content: {found:#?}");
    // The required concepts are all in the glossary.
    for concept in [
        "regenerative medicine",
        "microneedling",
        "episodic",
        "Botox",
        "sepsis",
        "local anaesthetic",
        "Xeomin",
        "Myobloc",
        "mesotherapy",
        "cultured-fibroblast therapy",
        "PRP",
        "exosome therapy",
    ] {
        assert!(
            glossary
                .lines()
                .any(|l| l.starts_with(&format!("| {concept}"))),
            "{concept}"
        );
    }
}

/// Issue 20: content broken in one language is an error for that language only:
/// the folder stays in use, and every other language is still offered.
#[test]
fn an_error_in_one_language_leaves_that_language_out_and_the_folder_in_use() {
    let dir = temp_dir("one-language");
    demo_topic(&dir);
    write(&dir, "demo/bn.ron", "(meta: oops");
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        content_dir: Some(dir.clone()),
        ..AppOptions::default()
    })
    .unwrap();
    assert!(
        app.library().topic("demo").is_some(),
        "the folder is in use"
    );
    let offered = app.library().languages();
    assert!(!offered.contains(&Language::builtin("bn")));
    for tag in ["en", "ar", "ja", "ur"] {
        assert!(offered.contains(&Language::builtin(tag)), "{tag}");
    }
    let errors: Vec<String> = app.content_errors().iter().map(|e| e.to_string()).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("demo/bn.ron:1:"), "{errors:?}");
    // Without the demo topic, Bengali is complete again.
    assert!(
        app.library()
            .only(&["prp".to_owned()])
            .languages()
            .contains(&Language::builtin("bn"))
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_paragraph_id_used_twice_is_reported_at_the_second_with_the_first() {
    let dir = temp_dir("id-twice");
    demo_topic(&dir);
    let broken =
        demo_lang("تجربة", r#""demo-source""#).replacen(r#"id: "rare""#, r#"id: "common""#, 1);
    write(&dir, "demo/ar.ron", &broken);
    let errors = errors_in(&dir, "demo/ar.ron");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let first = find_position(&broken, r#"id: "common""#).unwrap();
    let second_line = broken[..broken.rfind(r#"id: "common""#).unwrap()]
        .matches('\n')
        .count()
        + 1;
    let e = &errors[0];
    assert_eq!(e.position.map(|p| p.0), Some(second_line), "{e}");
    assert!(
        e.message.contains("id \"common\" is used twice")
            && e.message.contains(&format!("first at {}:", first.0)),
        "{e}"
    );
    assert!(
        e.to_string()
            .contains(&format!("demo/ar.ron:{second_line}:")),
        "{e}"
    );
}

#[test]
fn a_paragraph_without_an_id_is_reported_where_it_is() {
    let dir = temp_dir("id-missing");
    demo_topic(&dir);
    let broken = demo_lang("Demo", r#""demo-source""#).replacen(r#"id: "aftercare", "#, "", 1);
    write(&dir, "demo/en.ron", &broken);
    let errors = errors_in(&dir, "demo/en.ron");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    // At the paragraph's text, on the line of its section.
    let (line, _) = find_position(&broken, "aftercare:").unwrap();
    let col = broken
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("\"Demo\"")
        .unwrap()
        + 1;
    assert_eq!(errors[0].position, Some((line, col)), "{}", errors[0]);
    assert!(
        errors[0].message.contains("of aftercare has no id"),
        "{}",
        errors[0]
    );

    // Digits alone are no id: reviews recorded before ids named paragraphs by number.
    let dir = temp_dir("id-digits");
    demo_topic(&dir);
    let broken =
        demo_lang("Demo", r#""demo-source""#).replacen(r#"id: "aftercare""#, r#"id: "2019""#, 1);
    write(&dir, "demo/en.ron", &broken);
    let errors = errors_in(&dir, "demo/en.ron");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].position, find_position(&broken, r#""2019""#));
    assert!(
        errors[0].message.contains("not digits alone"),
        "{}",
        errors[0]
    );
}

#[test]
fn ids_that_differ_from_the_english_file_are_named_and_placed() {
    let dir = temp_dir("id-differ");
    demo_topic(&dir);
    // The Japanese file renames one id: it lacks the English one and has one more.
    let broken = demo_lang("見本", r#""demo-source""#).replacen(
        r#"id: "evidence""#,
        r#"id: "evidence-ja""#,
        1,
    );
    write(&dir, "demo/ja.ron", &broken);
    let errors = errors_in(&dir, "demo/ja.ron");
    assert_eq!(errors.len(), 2, "{errors:#?}");
    let en = demo_lang("Demo", r#""demo-source""#);
    let (en_line, en_col) = find_position(&en, r#""evidence""#).unwrap();
    let missing = errors
        .iter()
        .find(|e| {
            e.message
                .contains("id \"evidence\" of evidence is missing here")
        })
        .unwrap_or_else(|| panic!("{errors:#?}"));
    assert_eq!(missing.position, find_position(&broken, "evidence:"));
    assert!(
        missing
            .message
            .contains(&format!("demo/en.ron:{en_line}:{en_col}")),
        "{missing}"
    );
    let extra = errors
        .iter()
        .find(|e| {
            e.message
                .contains("id \"evidence-ja\" is not in the English file")
        })
        .unwrap_or_else(|| panic!("{errors:#?}"));
    assert_eq!(extra.position, find_position(&broken, r#""evidence-ja""#));
    // Only Japanese is left out; the topic is still offered in the others.
    let files = ContentFiles::embedded().layered(ContentFiles::from_dir(&dir).unwrap());
    let loaded = validate(&files);
    assert!(loaded.library.topic("demo").is_some());
    assert!(
        !loaded
            .library
            .languages()
            .contains(&Language::builtin("ja"))
    );
}

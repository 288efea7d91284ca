//! Clinicians' reviews that stay true: `clinic-edu review` records one in the
//! content folder's reviews.ron with the SHA-256 of the files it covers and touches
//! nothing else; `validate` notes each text's review; the app shows "Reviewed by"
//! only while the files are unchanged and the review is younger than the config
//! allows, and says "changed since review" or "overdue" otherwise.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use clinic_edu::content::review::{Date, ReviewStatus};
use clinic_edu::content::{ContentFiles, load};
use clinic_edu::i18n::Strings;
use clinic_edu::{AppOptions, ClinicApp, Language};
use egui::vec2;
use egui_kittest::kittest::Queryable;

const BIN: &str = env!("CARGO_BIN_EXE_clinic-edu");
const REVIEWER: &str = "Dr Amal Haddad, dermatologist";

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("reviews")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn review(dir: &Path, lang: &str, date: &str) {
    let out = run(&[
        "review",
        "--topic",
        "prp",
        "--lang",
        lang,
        "--reviewer",
        REVIEWER,
        "--date",
        date,
        "--content",
        dir.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn status(dir: &Path, lang: Language, today: &str, months: u32) -> ReviewStatus {
    let files = ContentFiles::embedded().layered(ContentFiles::from_dir(dir).unwrap());
    let loaded = load(&files, None);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let topic = loaded.library.topic("prp").unwrap();
    loaded
        .library
        .review_status(topic, lang, Date::parse(today).unwrap(), months)
}

#[test]
fn a_review_stands_while_its_files_are_unchanged_and_it_is_young_enough() {
    let dir = scratch("stands");
    review(&dir, "ar", "2026-11-20");
    // Only reviews.ron is written.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["reviews.ron"]);
    let reviewed = ReviewStatus::Reviewed {
        reviewer: REVIEWER.into(),
        date: "2026-11-20".into(),
    };
    assert_eq!(
        status(&dir, Language::builtin("ar"), "2026-12-01", 24),
        reviewed
    );
    assert_eq!(
        status(&dir, Language::builtin("bn"), "2026-12-01", 24),
        ReviewStatus::NeverReviewed
    );
    // Two years on it is overdue, unless the config gives reviews longer.
    assert!(matches!(
        status(&dir, Language::builtin("ar"), "2028-11-20", 24),
        ReviewStatus::Overdue { .. }
    ));
    assert_eq!(
        status(&dir, Language::builtin("ar"), "2028-11-19", 24),
        reviewed
    );
    assert_eq!(
        status(&dir, Language::builtin("ar"), "2028-11-20", 36),
        reviewed
    );

    // Any change to the language file, or to the topic's screening file, ends it.
    for file in ["ar.ron", "screening.ron"] {
        let topic = dir.join("prp");
        std::fs::create_dir_all(&topic).unwrap();
        let original = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("assets/content/prp")
                .join(file),
        )
        .unwrap();
        std::fs::write(
            topic.join(file),
            format!("{original}\n// a clinic's edit\n"),
        )
        .unwrap();
        assert!(
            matches!(
                status(&dir, Language::builtin("ar"), "2026-12-01", 24),
                ReviewStatus::ChangedSinceReview { .. }
            ),
            "{file}"
        );
        std::fs::remove_file(topic.join(file)).unwrap();
    }

    // validate notes each text's review and counts them.
    let out = run(&["validate", dir.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "prp/ar.ron: note: reviewed by {REVIEWER} on 2026-11-20"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("prp/bn.ron: note: never reviewed"),
        "{stdout}"
    );
    assert!(
        stdout
            .contains("reviews: 1 reviewed, 0 changed since review, 0 overdue, 24 never reviewed"),
        "{stdout}"
    );
}

#[test]
fn bad_reviews_and_bad_requests_are_clear_errors() {
    let dir = scratch("bad");
    let d = dir.to_str().unwrap();
    for (args, message) in [
        (
            vec!["--topic", "nope", "--lang", "en", "--reviewer", REVIEWER],
            "no topic \"nope\"",
        ),
        (
            vec!["--topic", "prp", "--lang", "en", "--reviewer", " "],
            "--reviewer must be",
        ),
        (
            vec![
                "--topic",
                "prp",
                "--lang",
                "en",
                "--reviewer",
                REVIEWER,
                "--date",
                "2026-02-30",
            ],
            "is not a day",
        ),
        (
            vec![
                "--topic",
                "prp",
                "--lang",
                "en",
                "--reviewer",
                REVIEWER,
                "--date",
                "2999-01-01",
            ],
            "in the future",
        ),
    ] {
        let mut all = vec!["review"];
        all.extend(args);
        all.extend(["--content", d]);
        let out = run(&all);
        assert!(!out.status.success(), "{all:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(message),
            "{all:?}"
        );
    }
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "nothing written"
    );

    // A hash edited by hand, or a review of a topic that does not exist: PATH:LINE:COL.
    let path = dir.join("reviews.ron");
    std::fs::write(
        &path,
        "[\n    (\n        topic: \"prp\",\n        lang: en,\n        reviewer: \"A, B\",\n        date: \"2026-11-20\",\n        file_sha256: \"1234\",\n        screening_sha256: \"1234\",\n    ),\n]\n",
    )
    .unwrap();
    let out = run(&["validate", d]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    assert!(
        stdout.contains(&format!("{}:7:", path.display())),
        "{stdout}"
    );
    assert!(
        stdout.contains("64 lowercase hexadecimal digits"),
        "{stdout}"
    );
}

#[test]
fn the_topic_page_says_who_reviewed_it_or_why_that_no_longer_stands() {
    let strings = Strings::embedded().unwrap();
    let dir = scratch("app");
    let today = Date::today().to_string();
    review(&dir, "en", &today);
    let app = |dir: &Path| {
        ClinicApp::new(AppOptions {
            system_fonts: false,
            language: Language::builtin("en"),
            content_dir: Some(dir.to_owned()),
            ..AppOptions::default()
        })
        .unwrap()
    };
    let mut h = common::harness(app(&dir), vec2(1200.0, 900.0));
    let title = h
        .state()
        .library()
        .topic("prp")
        .unwrap()
        .text(Language::builtin("en"))
        .title
        .clone();
    common::click(&mut h, &title);
    let reviewed = format!("Reviewed by {REVIEWER} on {today}.");
    assert!(h.query_by_label(&reviewed).is_some(), "no {reviewed:?}");
    assert!(
        h.query_by_label(&strings.get(Language::builtin("en"), "not-reviewed"))
            .is_none()
    );

    // The clinic edits the English text afterwards.
    let topic = dir.join("prp");
    std::fs::create_dir_all(&topic).unwrap();
    let original = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content/prp/en.ron"),
    )
    .unwrap();
    std::fs::write(
        topic.join("en.ron"),
        original.replace("version: ", "version: 1"),
    )
    .unwrap();
    let mut h = common::harness(app(&dir), vec2(1200.0, 900.0));
    common::click(&mut h, &title);
    let changed = format!(
        "This text has changed since {REVIEWER} reviewed it on {today}. Ask your clinician before you decide."
    );
    assert!(h.query_by_label(&changed).is_some(), "no {changed:?}");
    assert!(h.query_by_label(&reviewed).is_none());
}

/// Copies `from` into `to`, folders and all files (FORMAT.md and GLOSSARY.md too).
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn the_built_in_content_copied_as_it_is_is_a_clinic_folder_that_can_be_reviewed() {
    let dir = scratch("copy");
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content"),
        &dir,
    );
    assert!(dir.join("questions.ron").is_file() && dir.join("FORMAT.md").is_file());
    let d = dir.to_str().unwrap();
    let out = run(&["validate", d]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");

    review(&dir, "ar", "2026-11-20");
    let out = run(&["validate", d]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let ar = dir.join("prp").join("ar.ron");
    assert!(
        stdout.contains(&format!(
            "{}: note: reviewed by {REVIEWER} on 2026-11-20",
            ar.display()
        )),
        "{stdout}"
    );

    // One paragraph edited: that file, and only that file, changed since its review.
    let text = std::fs::read_to_string(&ar).unwrap();
    let at = text.find("text: \"PRP").unwrap() + "text: \"".len();
    std::fs::write(
        &ar,
        format!("{}تعديل العيادة. {}", &text[..at], &text[at..]),
    )
    .unwrap();
    let out = run(&["validate", d]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let changed: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("changed since review"))
        .collect();
    assert_eq!(changed.len(), 2, "{stdout}");
    assert!(
        changed[0].starts_with(&format!("{}: note: changed since review", ar.display())),
        "{stdout}"
    );
    assert!(
        changed[1].starts_with("reviews: 0 reviewed, 1 changed since review"),
        "{stdout}"
    );
}

/// Types `text` into the sign-off field labelled `label`.
fn type_into(h: &mut egui_kittest::Harness<'_, ClinicApp>, label: &str, text: &str) {
    let field = || (egui::Role::TextInput, label);
    h.get_by_role_and_label(field().0, field().1).scroll_to_me();
    h.run();
    h.get_by_role_and_label(field().0, field().1).focus();
    h.run();
    h.get_by_role_and_label(field().0, field().1)
        .type_text(text);
    h.run();
}

#[test]
fn staff_sign_off_a_review_in_the_app_and_every_screen_shows_it() {
    let strings = Strings::embedded().unwrap();
    let en = Language::builtin("en");
    let dir = scratch("in-app");
    let mut h = common::harness(
        ClinicApp::new(AppOptions {
            system_fonts: false,
            language: en,
            content_dir: Some(dir.clone()),
            ..AppOptions::default()
        })
        .unwrap(),
        vec2(1200.0, 900.0),
    );
    common::click_topic(&mut h, en, "prp");
    common::click(&mut h, &strings.get(en, "clinical-review-open"));
    // Each paragraph beside its sources: the blood-thinner item and its review.
    assert!(
        h.query_all_by_label_contains("Systematic review (2020)")
            .next()
            .is_some(),
        "the sources of the paragraphs are shown"
    );
    let today = Date::today().to_string();
    type_into(
        &mut h,
        &strings.get(en, "clinical-review-name"),
        "Dr Amal Haddad",
    );
    type_into(
        &mut h,
        &strings.get(en, "clinical-review-role"),
        "dermatologist",
    );
    type_into(
        &mut h,
        &strings.get(en, "clinical-review-registration"),
        "SCFHS 12345",
    );
    common::click(&mut h, &strings.get(en, "clinical-review-sign"));

    let written = std::fs::read_to_string(dir.join("reviews.ron")).unwrap();
    assert!(
        written.contains("reviewer: \"Dr Amal Haddad, dermatologist\""),
        "{written}"
    );
    assert!(
        written.contains("registration: Some(\"SCFHS 12345\")"),
        "{written}"
    );
    assert!(written.contains("\"compare.evidence\":"), "{written}");
    let reviewed = format!("Reviewed by Dr Amal Haddad, dermatologist on {today}.");
    assert!(h.query_by_label(&reviewed).is_some(), "no {reviewed:?}");
    // The home screen says it too, under the treatment's card.
    common::click(&mut h, &strings.get(en, "menu-topics"));
    assert!(
        h.query_by_label(&reviewed).is_some(),
        "home: no {reviewed:?}"
    );
}

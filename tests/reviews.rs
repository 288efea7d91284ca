//! Clinicians' reviews that stay true: `clinic-edu review` records one in the
//! content folder's reviews.ron with the SHA-256 of the files it covers and touches
//! nothing else; `validate` notes each text's review; the app shows "Reviewed by"
//! only while the files are unchanged and the review is younger than the config
//! allows, and says "changed since review" or "overdue" otherwise.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use clinic_edu::content::changes::{Change, ParagraphChange, changes};
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
    let mut names = names;
    names.sort();
    // reviews.ron, and the text as reviewed beside it.
    assert_eq!(names, ["reviewed", "reviews.ron"]);
    assert!(dir.join("reviewed/prp/ar.ron").is_file());
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

#[test]
fn the_built_in_content_copied_as_it_is_is_a_clinic_folder_that_can_be_reviewed() {
    let dir = scratch("copy");
    common::copy_tree(
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

/// `rel`'s text in `dir` with `edit` applied.
fn edit(dir: &Path, rel: &str, edit: impl Fn(&str) -> String) {
    let path = dir.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, edit(&text)).unwrap();
}

/// The line of `text` that holds `needle`.
fn line_with<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines().find(|l| l.contains(needle)).unwrap()
}

/// What the app's library says changed in PRP in `lang` since its last review.
fn prp_changes(dir: &Path, lang: Language) -> Vec<ParagraphChange> {
    let files = ContentFiles::embedded().layered(ContentFiles::from_dir(dir).unwrap());
    let loaded = load(&files, None);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let library = &loaded.library;
    let text = library.topic("prp").unwrap().text(lang);
    let record = library.last_review("prp", lang).unwrap();
    changes(text, record).unwrap()
}

/// Everything but the unchanged paragraphs.
fn changed_only(changes: &[ParagraphChange]) -> Vec<&ParagraphChange> {
    changes
        .iter()
        .filter(|c| c.change != Change::Unchanged)
        .collect()
}

#[test]
fn the_next_review_shows_what_changed_paragraph_by_paragraph_with_the_text_as_reviewed() {
    let ar = Language::builtin("ar");
    let dir = scratch("changes");
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content"),
        &dir,
    );
    review(&dir, "ar", "2026-11-20");
    // The text as reviewed is kept beside reviews.ron, and nothing has changed yet.
    assert!(dir.join("reviewed/prp/ar.ron").is_file());
    assert!(changed_only(&prp_changes(&dir, ar)).is_empty());

    let original = std::fs::read_to_string(dir.join("prp/ar.ron")).unwrap();
    let growth = line_with(&original, "id: \"prp-contains-growth\"");
    let old_text = growth
        .split("text: \"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let removed_line = line_with(&original, "id: \"staff-collect-part\"");
    let removed_text = removed_line
        .split("text: \"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    // One paragraph edited (Arabic only); one inserted after the first paragraph and
    // one list item removed (in every language, which all keep the same ids).
    edit(&dir, "prp/ar.ron", |t| {
        t.replacen(old_text, &format!("تعديل العيادة. {old_text}"), 1)
    });
    for (code, note) in [
        ("en", "A note the clinic added."),
        ("ar", "ملاحظة أضافتها العيادة."),
        ("bn", "ক্লিনিকের যোগ করা একটি কথা।"),
        ("ja", "クリニックが加えた注記。"),
        ("ur", "کلینک کا شامل کیا ہوا نوٹ۔"),
    ] {
        edit(&dir, &format!("prp/{code}.ron"), |t| {
            let first = line_with(t, "id: \"prp-stands-platelet\"");
            let gone = line_with(t, "id: \"staff-collect-part\"");
            t.replacen(
                first,
                &format!("{first}\n        Para(id: \"clinic-note\", text: \"{note}\", cite: []),"),
                1,
            )
            .replacen(&format!("{gone}\n"), "", 1)
        });
    }

    let all = prp_changes(&dir, ar);
    let found = changed_only(&all);
    assert_eq!(found.len(), 3, "{found:#?}");
    let keys: Vec<&str> = all.iter().map(|c| c.key.as_str()).collect();
    let at = |key: &str| keys.iter().position(|k| *k == key).unwrap();
    // New, where it was inserted.
    assert_eq!(found[0].key, "what_it_is.clinic-note");
    assert_eq!(found[0].change, Change::New);
    assert_eq!(
        at("what_it_is.clinic-note"),
        at("what_it_is.prp-stands-platelet") + 1
    );
    // Changed, with the text as reviewed, though it moved down one place.
    assert_eq!(found[1].key, "what_it_is.prp-contains-growth");
    let Change::Changed(Some(old)) = &found[1].change else {
        panic!("{:?}", found[1]);
    };
    assert_eq!(old.text, old_text);
    // Removed, where it stood, with its text as reviewed.
    assert_eq!(found[2].key, "how_it_works.staff-collect-part");
    let Change::Removed(Some(old)) = &found[2].change else {
        panic!("{:?}", found[2]);
    };
    assert_eq!(old.text, removed_text);
    assert_eq!(
        at("how_it_works.staff-collect-part"),
        at("how_it_works.blood-goes-centrifuge") + 1
    );
    // Kept text edited by hand no longer matches reviews.ron's SHA-256: not shown.
    let kept = dir.join("reviewed/prp/ar.ron");
    let kept_text = std::fs::read_to_string(&kept).unwrap();
    assert!(kept_text.contains(old_text), "the kept file is plain text");
    let doctored = kept_text.replacen(old_text, "نص آخر", 1);
    std::fs::write(&kept, &doctored).unwrap();
    let doctored_changes = prp_changes(&dir, ar);
    let growth = doctored_changes
        .iter()
        .find(|c| c.key == "what_it_is.prp-contains-growth")
        .unwrap();
    assert_eq!(growth.change, Change::Changed(None));
    std::fs::write(&kept, &kept_text).unwrap();

    // The review screen, in Arabic, shows the old text beside the new, and marks each.
    let strings = Strings::embedded().unwrap();
    let mut h = common::harness(
        ClinicApp::new(AppOptions {
            system_fonts: false,
            language: ar,
            content_dir: Some(dir.clone()),
            ..AppOptions::default()
        })
        .unwrap(),
        vec2(1200.0, 900.0),
    );
    common::click_topic(&mut h, ar, "prp");
    common::click(&mut h, &strings.get(ar, "clinical-review-open"));
    for label in [
        old_text.to_owned(),
        format!("تعديل العيادة. {old_text}"),
        removed_text.clone(),
        strings.get(ar, "clinical-review-new-mark"),
        strings.get(ar, "clinical-review-removed-mark"),
        strings.get(ar, "clinical-review-changed-mark"),
    ] {
        assert!(h.query_by_label(&label).is_some(), "no {label:?}");
    }
    assert_eq!(
        h.query_all_by_label(&strings.get(ar, "clinical-review-as-reviewed"))
            .count(),
        2
    );
}

#[test]
fn a_review_recorded_before_the_text_was_kept_still_loads_and_says_so() {
    let ar = Language::builtin("ar");
    let dir = scratch("legacy");
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/content"),
        &dir,
    );
    review(&dir, "ar", "2026-11-20");
    // As the review command wrote it before ids: paragraphs named by their place,
    // and no text kept.
    std::fs::remove_dir_all(dir.join("reviewed")).unwrap();
    let reviews = std::fs::read_to_string(dir.join("reviews.ron")).unwrap();
    let mut n = 0;
    let legacy: String = reviews
        .lines()
        .map(|line| match line.trim_start().strip_prefix('"') {
            Some(rest) if rest.contains("\": \"") && !line.contains("\"title\"") => {
                n += 1;
                let (key, hash) = rest.split_once("\": ").unwrap();
                let section = key.rsplit_once('.').map_or(key, |(s, _)| s);
                format!("            \"{section}.{n}\": {hash}")
            }
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(n > 50 && legacy.contains("\"aftercare.1\""), "{legacy}");
    std::fs::write(dir.join("reviews.ron"), legacy).unwrap();
    assert!(changed_only(&prp_changes(&dir, ar)).is_empty());

    // One paragraph edited: changed, its text as reviewed not kept; the rest unchanged.
    edit(&dir, "prp/ar.ron", |t| {
        let line = line_with(t, "id: \"prp-contains-growth\"");
        t.replacen(
            line,
            &line.replacen("text: \"", "text: \"تعديل العيادة. ", 1),
            1,
        )
    });
    let all = prp_changes(&dir, ar);
    let found = changed_only(&all);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].key, "what_it_is.prp-contains-growth");
    assert_eq!(found[0].change, Change::Changed(None));
    // The screen says so.
    let strings = Strings::embedded().unwrap();
    let mut h = common::harness(
        ClinicApp::new(AppOptions {
            system_fonts: false,
            language: ar,
            content_dir: Some(dir.clone()),
            ..AppOptions::default()
        })
        .unwrap(),
        vec2(1200.0, 900.0),
    );
    common::click_topic(&mut h, ar, "prp");
    common::click(&mut h, &strings.get(ar, "clinical-review-open"));
    let not_kept = strings.get(ar, "clinical-review-not-kept");
    assert_eq!(h.query_all_by_label(&not_kept).count(), 1, "{not_kept}");
}

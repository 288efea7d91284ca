//! An installed bundle that does not load at start gives way to the one before
//! (`tests/update_app.rs`), also when it brought a language the one before does not
//! have. That language stays registered in the process (languages are registered
//! before the content is read), so the bundle before has no text in it: those
//! errors are that language's alone, and must neither make the bundle before give
//! way too nor offer the language. Its own test binary: languages are registered
//! once per process.

mod common;

use std::path::Path;

use clinic_edu::update::state::{Installed, Paths, State, installed_content};
use clinic_edu::{AppOptions, ClinicApp, Language};

use common::TAGALOG_MANIFEST as MANIFEST;

/// PRP copied as the topic `prp-local` into `dir`.
fn local_topic(dir: &Path) -> std::path::PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let topic = dir.join("prp-local");
    common::copy_tree(&root.join("assets/content/prp"), &topic);
    let file = topic.join("topic.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen("id: \"prp\",", "id: \"prp-local\",", 1),
    )
    .unwrap();
    topic
}

fn bundle(version: u64) -> Installed {
    Installed {
        content_version: version,
        channel: "stable".into(),
        review_by: None,
        reviewed: false,
    }
}

#[test]
fn a_language_of_a_bundle_that_did_not_load_is_not_offered_and_the_one_before_shows() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("revert-language");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config.ron");
    std::fs::write(&config, "()\n").unwrap();
    let paths = Paths::beside(&config);
    // Version 1: the local topic, in the built-in languages.
    let one = paths.bundle(1);
    local_topic(&one);
    // Version 2: Tagalog too, and a file of it broken on disk.
    let two = paths.bundle(2);
    let topic = local_topic(&two);
    std::fs::copy(topic.join("en.ron"), topic.join("tl.ron")).unwrap();
    std::fs::write(topic.join("en.ron"), "(title: \"cut short").unwrap();
    let tl = two.join("languages/tl");
    std::fs::create_dir_all(&tl).unwrap();
    std::fs::write(tl.join("language.ron"), MANIFEST).unwrap();
    std::fs::write(tl.join("main.ftl"), "answer-yes = Oo\n").unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/NotoSans-Regular.ttf"),
        tl.join("NotoSans-Regular.ttf"),
    )
    .unwrap();
    State {
        installed: Some(bundle(2)),
        previous: Some(bundle(1)),
        highest_version: 2,
        ..State::default()
    }
    .save(&paths)
    .unwrap();
    // As `clinic-edu` starts: the installed bundle's languages first.
    clinic_edu::content::languages::load_dir(&two);
    let tagalog = Language::from_tag("tl").expect("registered from version 2");
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        config_path: Some(config.clone()),
        content_dir: installed_content(&config),
        installed_bundle: true,
        ..AppOptions::default()
    })
    .unwrap();
    assert!(
        app.library().topic("prp-local").is_some(),
        "version 1 shows"
    );
    let state = State::load(&paths).unwrap();
    assert_eq!(state.installed, Some(bundle(1)));
    assert!(
        state
            .last_error
            .unwrap()
            .contains("content version 2 does not load")
    );
    assert!(!app.library().languages().contains(&tagalog));
    assert!(app.library().languages().contains(&Language::fallback()));
}

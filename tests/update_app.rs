//! The app's own updater: a kiosk whose config names a repository checks it on a
//! background thread as it starts, and swaps a new bundle in only at its safe
//! point. During a visit the content shown stays; after the idle wipe, on the
//! attract screen, the new bundle is in (here: a topic it withdrew is gone).
//! Staff are offered it with a banner. A topic past its review is replaced in the
//! kiosk by a neutral screen.

mod common;
#[path = "common/tuf.rs"]
mod tuf;

use clinic_edu::app::Route;
use clinic_edu::config::Config;
use clinic_edu::i18n::Strings;
use clinic_edu::{AppOptions, ClinicApp, Language};
use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tuf::{Setup, ok};

fn wait(h: &mut Harness<'_, ClinicApp>, seconds: f64) {
    let now = h.ctx.input(|i| i.time);
    h.input_mut().time = Some(now + seconds);
    h.step();
    h.input_mut().time = None;
    h.run();
}

/// The kiosk of `setup` (its config, with the PIN 2468) on the bundle its updater
/// installed, polling as its config says.
fn subscribed_kiosk(setup: &Setup) -> ClinicApp {
    let config = Config {
        pin_hash: Some(clinic_edu::kiosk::hash_pin("2468").unwrap()),
        ..Config::load(&setup.config()).unwrap()
    };
    ClinicApp::new(AppOptions {
        system_fonts: false,
        kiosk: Some(config),
        config_path: Some(setup.config()),
        content_dir: clinic_edu::update::state::installed_content(&setup.config()),
        ..AppOptions::default()
    })
    .unwrap()
}

fn has_local(h: &Harness<'_, ClinicApp>) -> bool {
    h.state().library().topic("prp-local").is_some()
}

#[test]
fn a_kiosk_swaps_a_new_bundle_in_at_the_idle_wipe_not_during_a_visit() {
    let setup = Setup::new("app-swap");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    ok(setup.update(&[]));
    ok(setup.publish(&setup.content("two", "two", false), &[]));
    let config = Config {
        pin_hash: Some(clinic_edu::kiosk::hash_pin("2468").unwrap()),
        ..Config::load(&setup.config()).unwrap()
    };
    let installed = clinic_edu::update::state::installed_content(&setup.config());
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        kiosk: Some(config.clone()),
        config_path: Some(setup.config()),
        content_dir: installed,
        ..AppOptions::default()
    })
    .unwrap();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(|_| app);
    h.run();
    assert!(has_local(&h));
    // A patient starts a visit before the updater is done.
    let strings = Strings::embedded().unwrap();
    let tap = strings.get(Language::builtin("en"), "tap-to-start");
    h.get_by_role_and_label(Role::Button, &tap).click();
    h.run();
    assert_eq!(h.state().route(), &Route::LanguageChoice);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while !setup.status().contains("installed: content version 2") {
        assert!(std::time::Instant::now() < deadline, "{}", setup.status());
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // Installed, and loaded on the updater's thread: still not shown mid-visit.
    for _ in 0..30 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(has_local(&h), "swapped during a visit");
    // The visit ends at the idle wipe; on the attract screen the new bundle is in.
    wait(&mut h, f64::from(config.idle_seconds) + 1.0);
    wait(&mut h, f64::from(config.countdown_seconds) + 1.0);
    assert_eq!(h.state().route(), &Route::Attract);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while has_local(&h) {
        assert!(std::time::Instant::now() < deadline, "never swapped in");
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(h.state().library().topic("prp").is_some());
}

/// A topic whose clinicians' reviews have run out is replaced in the kiosk by a
/// neutral "being updated" screen (its sections are not shown); staff see a
/// banner naming it on the home screen, and still see the topic, with the review
/// marked overdue.
#[test]
fn a_topic_past_its_review_is_replaced_by_a_neutral_screen_in_the_kiosk() {
    let setup = Setup::new("app-overdue");
    let content = setup.content("old", "old", false);
    tuf::review_in_every_language(&content, "prp", "2023-01-10");
    let strings = Strings::embedded().unwrap();
    for lang in ["en", "ar", "bn", "ja", "ur"].map(Language::builtin) {
        let app = common::kiosk_app_on(Some(&content), Config::default());
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .wgpu()
            .build_eframe(|_| app);
        h.run();
        let tap = strings.get(Language::builtin("en"), "tap-to-start");
        h.get_by_role_and_label(Role::Button, &tap).click();
        h.run();
        common::click(&mut h, lang.native_name());
        common::click_topic(&mut h, lang, "prp");
        assert!(
            matches!(h.state().route(), Route::Topic { .. }),
            "{:?}",
            h.state().route()
        );
        h.get_by_label(&strings.get(lang, "topic-being-updated"));
        let section = strings.get(lang, "section-what-it-is");
        assert!(
            h.query_by_label(&section).is_none(),
            "the topic's sections show"
        );
        let image = h.render().unwrap();
        image
            .save(setup.dir.join(format!("being-updated-{}.png", lang.code())))
            .unwrap();
    }
    // Staff see a banner on the home screen naming the topic, in each language.
    for lang in ["en", "ar", "bn", "ja", "ur"].map(Language::builtin) {
        let app = common::app_on(lang, Some(&content));
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .wgpu()
            .build_eframe(|_| app);
        h.run();
        h.get_by_label(&strings.get(lang, "reviews-overdue"));
        let title = common::topic_title(h.state(), lang, "prp");
        assert_eq!(h.query_all_by_label(&title).count(), 2, "banner and card");
        h.render()
            .unwrap()
            .save(setup.dir.join(format!("staff-overdue-{}.png", lang.code())))
            .unwrap();
    }
    // Staff see the topic itself.
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        content_dir: Some(content.clone()),
        ..AppOptions::default()
    })
    .unwrap();
    let mut h = common::harness(app, egui::vec2(1280.0, 800.0));
    let en = Language::builtin("en");
    common::click_topic(&mut h, en, "prp");
    let sections = strings.get(en, "section-what-it-is");
    assert!(h.query_all_by_label(&sections).next().is_some());
    assert!(
        h.query_by_label(&strings.get(en, "topic-being-updated"))
            .is_none()
    );
}

/// A staff PC is offered new content with a banner; its button shows it at once.
#[test]
fn staff_see_a_new_content_banner_and_show_it_with_its_button() {
    let setup = Setup::new("app-staff");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    ok(setup.update(&[]));
    ok(setup.publish(&setup.content("two", "two", false), &[]));
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        config_path: Some(setup.config()),
        content_dir: clinic_edu::update::state::installed_content(&setup.config()),
        ..AppOptions::default()
    })
    .unwrap();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .wgpu()
        .build_eframe(|_| app);
    h.run();
    let strings = Strings::embedded().unwrap();
    let en = Language::builtin("en");
    let banner = strings.get(en, "content-ready");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while h.query_by_label(&banner).is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "no banner: {}",
            setup.status()
        );
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    h.run();
    // Offered, not yet shown.
    assert!(has_local(&h));
    h.render()
        .unwrap()
        .save(setup.dir.join("content-ready-en.png"))
        .unwrap();
    common::click(&mut h, &strings.get(en, "content-ready-use"));
    assert!(!has_local(&h));
    assert!(h.query_by_label(&banner).is_none());
}

/// The kiosk's staff menu (behind the corner gesture and the PIN) says what the
/// updater installed and when it last checked.
#[test]
fn the_staff_menu_shows_the_update_status() {
    let setup = Setup::new("app-status");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    ok(setup.update(&[]));
    let app = subscribed_kiosk(&setup);
    let size = egui::vec2(1280.0, 800.0);
    let mut h = Harness::builder()
        .with_size(size)
        .wgpu()
        .build_eframe(|_| app);
    h.run();
    for _ in 0..5 {
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos: egui::pos2(10.0, size.y - 10.0),
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            });
        }
        h.step();
    }
    h.run();
    let strings = Strings::embedded().unwrap();
    let en = Language::builtin("en");
    for digit in "2468".chars() {
        common::click(&mut h, &digit.to_string());
    }
    common::click(&mut h, &strings.get(en, "pin-ok"));
    h.get_by_label("Content version 1 (stable), review by -.");
    h.get_by_label_contains("Last good check: 20");
    h.render()
        .unwrap()
        .save(setup.dir.join("staff-menu-en.png"))
        .unwrap();
}

/// The day a review is judged on is the later of the clock's and the latest the
/// updater has seen: a review that stands by a clock wound back is still taken as
/// run out, and the kiosk shows the neutral screen.
#[test]
fn a_clock_wound_back_does_not_bring_a_review_back() {
    let setup = Setup::new("app-clock");
    let content = setup.content("one", "one", false);
    // The reviews run out in 2 days.
    let (reviewed, _) = tuf::review_running_out_in(2);
    tuf::review_in_every_language(&content, "prp", &reviewed.to_string());
    ok(setup.publish(&content, &[]));
    ok(setup.update(&[]));
    let strings = Strings::embedded().unwrap();
    let en = Language::builtin("en");
    let updating = strings.get(en, "topic-being-updated");
    let shows_neutral_screen = || {
        let app = subscribed_kiosk(&setup);
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .build_eframe(|_| app);
        h.run();
        let tap = strings.get(en, "tap-to-start");
        h.get_by_role_and_label(Role::Button, &tap).click();
        h.run();
        common::click(&mut h, en.native_name());
        common::click_topic(&mut h, en, "prp");
        h.query_by_label(&updating).is_some()
    };
    assert!(!shows_neutral_screen(), "the review still stands today");
    // The updater has seen a time 5 days ahead (the clock was wound back since).
    // Under the updater's lock, so the first app's updater thread cannot write
    // the state at the same time.
    let lock = std::fs::File::create(setup.kiosk().join("updates/lock")).unwrap();
    lock.lock().unwrap();
    let path = setup.kiosk().join("updates/state.json");
    let mut state: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    state["latest_seen"] = (now + 5 * 86_400).into();
    std::fs::write(&path, serde_json::to_vec(&state).unwrap()).unwrap();
    drop(lock);
    assert!(shows_neutral_screen(), "the review was taken as standing");
}

/// A bundle that verified when it was installed but does not load when the app
/// starts (here a file of it broken on disk since) is not shown: the app goes
/// back to the bundle before it, and `clinic-edu status` says why.
#[test]
fn a_bundle_that_does_not_load_at_start_gives_way_to_the_one_before() {
    let setup = Setup::new("app-revert");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    ok(setup.update(&[]));
    ok(setup.publish(&setup.content("two", "two", false), &[]));
    ok(setup.update(&[]));
    assert_eq!(setup.shown().as_deref(), Some("two"));
    let two = clinic_edu::update::state::installed_content(&setup.config()).unwrap();
    std::fs::write(two.join("prp/en.ron"), "(title: \"cut short").unwrap();
    // A config without the updates section, beside the subscribed one (the same
    // updater state), so that no check runs while the test looks.
    let config = setup.kiosk().join("no-polling.ron");
    std::fs::write(&config, "()\n").unwrap();
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        config_path: Some(config),
        content_dir: Some(two),
        installed_bundle: true,
        ..AppOptions::default()
    })
    .unwrap();
    // Version 1, with its own topic, shows; version 2 is no longer installed.
    assert!(app.library().topic("prp-local").is_some());
    assert!(app.content_errors().is_empty());
    assert_eq!(setup.shown().as_deref(), Some("one"));
    let status = setup.status();
    assert!(
        status.contains("content version 2 does not load (1 errors, the first: ")
            && status.contains("back to content version 1"),
        "{status}"
    );
    // With nothing before it either, the built-in content shows.
    let one = clinic_edu::update::state::installed_content(&setup.config()).unwrap();
    std::fs::write(one.join("prp-local/en.ron"), "(title: \"cut short").unwrap();
    let app = ClinicApp::new(AppOptions {
        system_fonts: false,
        config_path: Some(setup.kiosk().join("no-polling.ron")),
        content_dir: Some(one),
        installed_bundle: true,
        ..AppOptions::default()
    })
    .unwrap();
    assert!(app.library().topic("prp-local").is_none());
    assert!(app.library().topic("prp").is_some());
    assert_eq!(setup.shown(), None);
    let status = setup.status();
    assert!(
        status.contains("content version 1 does not load")
            && status.contains("the built-in content shows"),
        "{status}"
    );
}

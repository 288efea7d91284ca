//! The app's own updater: a kiosk whose config names a repository checks it on a
//! background thread as it starts, and swaps a new bundle in only at its safe
//! point. During a visit the content shown stays; after the idle wipe, on the
//! attract screen, the new bundle is in (here: a topic it withdrew is gone).

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

//! Startup's two halves: what is checked before the window opens (`Prelude`), and
//! the app made with its first screen drawn unseen on another thread
//! (`ClinicApp::prepare`), which the window's first frame then shows.

use clinic_edu::app::{Prelude, Route};
use clinic_edu::config::Config;
use clinic_edu::{AppOptions, ClinicApp};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn options() -> AppOptions {
    AppOptions {
        system_fonts: false,
        ..AppOptions::default()
    }
}

#[test]
fn the_prepared_app_shows_its_first_screen() {
    let prelude = Prelude::new(options()).unwrap();
    let app = ClinicApp::prepare(prelude, [1100.0, 760.0])
        .join()
        .expect("the preparing thread panicked")
        .unwrap();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 760.0))
        .build_eframe(|_| app);
    h.run();
    assert_eq!(h.state().route(), &Route::Home);
    assert!(h.query_all_by_label("Treatments").next().is_some());
}

#[test]
fn a_kiosk_without_a_pin_is_refused_before_the_window_opens() {
    let error = Prelude::new(AppOptions {
        kiosk: Some(Config::default()),
        ..options()
    })
    .err()
    .expect("no PIN, no kiosk");
    assert!(
        error.to_string().contains("kiosk mode needs a staff PIN"),
        "{error}"
    );
}

#[test]
fn an_app_that_cannot_start_says_why_from_the_preparing_thread() {
    let config = Config {
        topics: vec!["no-such-topic".into()],
        pin_hash: Some(clinic_edu::kiosk::hash_pin("2468").unwrap()),
        ..Config::default()
    };
    let prelude = Prelude::new(AppOptions {
        kiosk: Some(config),
        ..options()
    })
    .unwrap();
    let error = ClinicApp::prepare(prelude, [1100.0, 760.0])
        .join()
        .unwrap()
        .err()
        .expect("an unknown topic stops the start");
    assert!(
        error
            .to_string()
            .contains("unknown topic \"no-such-topic\""),
        "{error}"
    );
}

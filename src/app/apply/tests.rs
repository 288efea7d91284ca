//! Unit tests of [`AppState::apply`]: routes, the screening walk, the kiosk's wipe
//! and its way out, the handout panel's reset.

use super::*;
use crate::config::Config;
use crate::content::{ContentFiles, load};
use crate::kiosk::{KioskState, Overlay, hash_pin};
use crate::lang::Language;
use crate::screening::Answer;

fn library() -> Library {
    load(&ContentFiles::embedded(), None).library
}

fn staff() -> AppState {
    AppState::new(Route::Home, Language::fallback(), Language::fallback())
}

#[test]
fn opening_a_topic_and_a_section_is_one_route() {
    let lib = library();
    let mut s = staff();
    s.apply(Command::ShowSection(SectionId::Sources), &lib, 0.0);
    assert_eq!(s.route, Route::Home, "no section without a topic");
    s.apply(Command::OpenTopic("no-such".into()), &lib, 0.0);
    assert_eq!(s.route, Route::Home, "an unknown topic is not opened");
    s.apply(Command::OpenTopic("prp".into()), &lib, 0.0);
    s.apply(Command::ShowSection(SectionId::Sources), &lib, 0.0);
    assert_eq!(s.open_topic(), Some(("prp", SectionId::Sources)));
    s.apply(Command::SetLanguage(Language::builtin("ar")), &lib, 0.0);
    assert_eq!(s.open_topic(), Some(("prp", SectionId::Sources)));
    assert_eq!(
        s.apply(
            Command::SetStaffLanguage(Language::builtin("ja")),
            &lib,
            0.0
        ),
        Effect::SaveSettings
    );
}

#[test]
fn screening_walks_from_pick_to_result_and_back_to_pick() {
    let lib = library();
    let mut s = staff();
    s.apply(Command::StartScreening, &lib, 0.0);
    assert_eq!(s.route, Route::Home, "nothing chosen, nothing started");
    s.apply(
        Command::ToggleTreatment("exosome-therapy".into()),
        &lib,
        0.0,
    );
    s.apply(Command::StartScreening, &lib, 0.0);
    assert_eq!(s.route, Route::Screening(ScreeningStep::Questions));
    s.apply(Command::ScreeningBack, &lib, 0.0);
    assert_eq!(s.route, Route::Screening(ScreeningStep::Pick));
    s.apply(Command::StartScreening, &lib, 0.0);
    while s.session.current(lib.screening()).is_some() {
        s.apply(Command::Answer(Answer::No), &lib, 0.0);
    }
    s.apply(Command::ShowResult, &lib, 0.0);
    assert_eq!(s.route, Route::Screening(ScreeningStep::Result));
    s.apply(Command::SetSideBySide(true), &lib, 0.0);
    assert!(s.shows_side_by_side());
    s.apply(Command::FinishScreening, &lib, 0.0);
    assert_eq!(s.route, Route::Screening(ScreeningStep::Pick));
    assert!(s.session.treatments.is_empty() && !s.side_by_side);
}

#[test]
fn the_handout_panel_closes_when_another_page_opens() {
    let lib = library();
    let mut s = staff();
    s.apply(Command::OpenTopic("prp".into()), &lib, 0.0);
    s.apply(Command::Handout(HandoutCommand::SetOpen(true)), &lib, 0.0);
    s.apply(
        Command::Handout(HandoutCommand::ToggleSection(SectionId::Sources)),
        &lib,
        0.0,
    );
    assert!(s.handout.open && !s.handout.sections.contains(&SectionId::Sources));
    // Another section of the same page keeps the panel.
    s.apply(Command::ShowSection(SectionId::SideEffects), &lib, 0.0);
    assert!(s.handout.open);
    let generation = s.handout.generation;
    s.apply(Command::OpenTopic("mesotherapy".into()), &lib, 0.0);
    assert!(!s.handout.open, "another topic: closed");
    assert_eq!(s.handout.sections, SectionId::ALL.to_vec());
    assert_eq!(s.handout.generation, generation + 1);
    // No panel, no handout: off a topic page nothing starts.
    s.apply(Command::Go(Route::Home), &lib, 0.0);
    assert_eq!(
        s.apply(
            Command::Handout(HandoutCommand::Start(super::super::handout::Action::Print)),
            &lib,
            0.0
        ),
        Effect::None
    );
}

#[test]
fn kiosk_finish_wipes_the_visit_and_staff_mode_leaves_the_kiosk() {
    let lib = library();
    let config = Config {
        languages: vec![Language::builtin("bn"), Language::fallback()],
        pin_hash: Some(hash_pin("2468").unwrap()),
        ..Config::default()
    };
    let mut s = AppState::kiosk(KioskState::new(config), Language::fallback());
    assert_eq!(
        (s.route.clone(), s.language),
        (Route::Attract, Language::builtin("bn"))
    );
    let run = |s: &mut AppState, c| s.apply(Command::Kiosk(c), &lib, 1.0);
    run(&mut s, KioskCommand::Start);
    assert_eq!(s.route, Route::LanguageChoice);
    run(&mut s, KioskCommand::ChooseLanguage(Language::fallback()));
    assert_eq!(
        (s.route.clone(), s.language),
        (Route::Home, Language::fallback())
    );
    s.apply(Command::ScreenTopic("prp".into()), &lib, 1.0);
    s.apply(Command::Answer(Answer::Yes), &lib, 1.0);
    run(&mut s, KioskCommand::Finish);
    assert_eq!(s.route, Route::Attract);
    assert_eq!(s.language, Language::builtin("bn"));
    assert!(s.session.answers.is_empty() && s.session.treatments.is_empty());
    // The staff menu's commands need the staff menu, which needs the PIN.
    assert!(matches!(
        run(&mut s, KioskCommand::StaffMode),
        Effect::Refused { .. }
    ));
    for _ in 0..5 {
        run(&mut s, KioskCommand::CornerTap);
    }
    for d in "2468".chars() {
        run(&mut s, KioskCommand::PinDigit(d));
    }
    run(&mut s, KioskCommand::PinSubmit);
    assert_eq!(s.kiosk.as_ref().unwrap().overlay(), Overlay::StaffMenu);
    let mut leaving = s.clone();
    assert_eq!(run(&mut leaving, KioskCommand::Leave), Effect::Close);
    assert!(leaving.kiosk.as_ref().unwrap().may_close());
    assert_eq!(run(&mut s, KioskCommand::StaffMode), Effect::LeaveKiosk);
    assert_eq!(s.route, Route::Home);
    assert!(s.kiosk.is_none(), "staff mode leaves kiosk mode");
    // Outside kiosk mode, kiosk commands are dropped.
    let before = s.clone();
    assert!(matches!(
        s.apply(Command::Kiosk(KioskCommand::Finish), &lib, 1.0),
        Effect::Refused { .. }
    ));
    assert_eq!(s, before);
}

#[test]
fn the_idle_countdown_is_ticked_and_wipes_at_zero() {
    let lib = library();
    let config = Config {
        languages: vec![Language::builtin("ar")],
        idle_seconds: 10,
        countdown_seconds: 5,
        pin_hash: Some(hash_pin("2468").unwrap()),
        ..Config::default()
    };
    let mut s = AppState::kiosk(KioskState::new(config), Language::fallback());
    s.apply(Command::Kiosk(KioskCommand::Touch), &lib, 0.0);
    s.apply(Command::Kiosk(KioskCommand::Start), &lib, 0.0);
    s.apply(Command::ScreenTopic("prp".into()), &lib, 0.0);
    s.apply(Command::Answer(Answer::Yes), &lib, 0.0);
    s.apply(Command::Kiosk(KioskCommand::Tick), &lib, 9.0);
    assert_eq!(s.still_there(), None);
    s.apply(Command::Kiosk(KioskCommand::Tick), &lib, 11.2);
    assert_eq!(s.still_there(), Some(4));
    s.apply(Command::Kiosk(KioskCommand::Touch), &lib, 12.0);
    assert_eq!(s.still_there(), None, "a touch stops the countdown");
    s.apply(Command::Kiosk(KioskCommand::Tick), &lib, 27.0);
    assert_eq!(s.route, Route::Attract);
    assert!(s.session.answers.is_empty());
    assert_eq!(s.still_there(), None);
}

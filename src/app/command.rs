//! App-wide changes, collected while a frame is drawn and applied once at its end
//! (so nothing changes under a UI that is being built), and their pure effect on
//! [`AppState`]. What only the window can do is returned as an [`Effect`].

use super::state::{AppState, Route, ScreeningStep};
use crate::content::{Library, SectionId};
use crate::kiosk::KioskState;
use crate::lang::Language;
use crate::screening::Answer;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Switch the patient's language (the UI follows it).
    SetLanguage(Language),
    /// Switch the staff member's language in the side-by-side view.
    SetStaffLanguage(Language),
    /// Go to a screen.
    Go(Route),
    /// Open a treatment's page at its first section.
    OpenTopic(String),
    /// Show one section of the open treatment.
    ShowSection(SectionId),
    /// Show the open treatment or result in two languages side by side, or in one.
    SetSideBySide(bool),
    /// Choose or unchoose a treatment for screening.
    ToggleTreatment(String),
    /// Choose or unchoose a treatment for the Compare screen (a fourth is refused).
    ToggleCompared(String),
    /// Start the questions for the chosen treatments.
    StartScreening,
    /// Start screening for one treatment (from its page).
    ScreenTopic(String),
    /// Answer the question on screen.
    Answer(Answer),
    /// Go back one question (or to the choice of treatments).
    ScreeningBack,
    /// Show question N of the active questions again.
    ChangeAnswer(usize),
    /// Show the list of answers.
    ReviewAnswers,
    /// Show the result.
    ShowResult,
    /// Wipe the screening session and start again.
    FinishScreening,
    /// Something only kiosk mode does.
    Kiosk(KioskCommand),
}

/// Commands of kiosk mode.
#[derive(Clone, Debug, PartialEq)]
pub enum KioskCommand {
    /// Leave the attract screen for the language choice.
    Start,
    /// The patient chose a language.
    ChooseLanguage(Language),
    /// "Are you still there?" answered.
    Continue,
    /// End the visit: wipe it and return to the attract screen.
    Finish,
    PinDigit(char),
    PinDelete,
    PinSubmit,
    /// Close the PIN pad or staff menu.
    CloseOverlay,
    /// Staff menu: show the current patient's answers and result.
    PatientSummary,
    /// Staff menu: leave kiosk mode but keep the app open.
    StaffMode,
    /// Staff menu: close the app.
    Leave,
}

/// What applying a command asks of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    None,
    /// The staff language changed: keep it for the next start.
    SaveSettings,
    /// Leave kiosk mode: normal window, staff-sized text.
    LeaveKiosk,
    /// Close the window.
    Close,
}

impl AppState {
    /// Applies `command`. Kiosk commands are ignored outside kiosk mode.
    pub fn apply(
        &mut self,
        command: Command,
        library: &Library,
        kiosk: Option<&mut KioskState>,
        now: f64,
    ) -> Effect {
        let screening = library.screening();
        match command {
            Command::SetLanguage(lang) => self.language = lang,
            Command::SetStaffLanguage(lang) => {
                self.staff_language = lang;
                return Effect::SaveSettings;
            }
            Command::Go(route) => self.route = route,
            Command::ToggleCompared(id) => {
                if let Some(i) = self.compared.iter().position(|c| *c == id) {
                    self.compared.remove(i);
                } else if library.topic(&id).is_some()
                    && self.compared.len() < super::state::MAX_COMPARED
                {
                    self.compared.push(id);
                }
            }
            Command::OpenTopic(id) => {
                if library.topic(&id).is_some() {
                    self.route = Route::Topic {
                        id,
                        section: SectionId::WhatItIs,
                    };
                }
            }
            Command::ShowSection(new) => {
                if let Route::Topic { section, .. } = &mut self.route {
                    *section = new;
                }
            }
            Command::SetSideBySide(on) => self.side_by_side = on,
            Command::ToggleTreatment(id) => self.session.toggle(&id),
            Command::StartScreening => {
                if !self.session.treatments.is_empty() {
                    self.session.position = 0;
                    self.route = Route::Screening(ScreeningStep::Questions);
                }
            }
            Command::ScreenTopic(id) => {
                self.session.clear();
                self.session.toggle(&id);
                self.route = Route::Screening(ScreeningStep::Questions);
            }
            Command::Answer(answer) => self.session.answer(screening, answer),
            Command::ScreeningBack => {
                if !self.session.back(screening) {
                    self.route = Route::Screening(ScreeningStep::Pick);
                }
            }
            Command::ChangeAnswer(index) => {
                self.session.go_to(index);
                self.route = Route::Screening(ScreeningStep::Questions);
            }
            Command::ReviewAnswers => {
                self.session.review();
                self.route = Route::Screening(ScreeningStep::Questions);
            }
            Command::ShowResult => self.route = Route::Screening(ScreeningStep::Result),
            Command::FinishScreening => {
                self.session.clear();
                self.side_by_side = false;
                self.route = Route::Screening(ScreeningStep::Pick);
            }
            Command::Kiosk(command) => {
                if let Some(kiosk) = kiosk {
                    return self.apply_kiosk(command, kiosk, now);
                }
            }
        }
        Effect::None
    }

    fn apply_kiosk(&mut self, command: KioskCommand, kiosk: &mut KioskState, now: f64) -> Effect {
        match command {
            KioskCommand::Start => {
                if let [only] = kiosk.languages() {
                    self.language = *only;
                    self.route = Route::Home;
                } else {
                    self.route = Route::LanguageChoice;
                }
            }
            KioskCommand::ChooseLanguage(lang) => {
                self.language = lang;
                self.route = Route::Home;
            }
            KioskCommand::Continue => kiosk.touch(now),
            KioskCommand::Finish => {
                self.wipe(Route::Attract, kiosk.first_language());
                kiosk.wipe(now);
            }
            KioskCommand::PinDigit(digit) => kiosk.push_digit(digit),
            KioskCommand::PinDelete => kiosk.delete_digit(),
            KioskCommand::PinSubmit => kiosk.submit_pin(now),
            KioskCommand::CloseOverlay => kiosk.close_overlay(),
            KioskCommand::PatientSummary => {
                kiosk.close_overlay();
                self.side_by_side = true;
                self.route = Route::Screening(if self.session.treatments.is_empty() {
                    ScreeningStep::Pick
                } else {
                    ScreeningStep::Result
                });
            }
            KioskCommand::StaffMode => {
                if matches!(self.route, Route::Attract | Route::LanguageChoice) {
                    self.route = Route::Home;
                }
                return Effect::LeaveKiosk;
            }
            KioskCommand::Leave => {
                kiosk.allow_close();
                return Effect::Close;
            }
        }
        Effect::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::content::{ContentFiles, load};
    use crate::kiosk::{Overlay, hash_pin};

    fn library() -> Library {
        load(&ContentFiles::embedded(), None).library
    }

    fn staff() -> AppState {
        AppState::new(Route::Home, Language::English, Language::English)
    }

    #[test]
    fn opening_a_topic_and_a_section_is_one_route() {
        let lib = library();
        let mut s = staff();
        s.apply(Command::ShowSection(SectionId::Sources), &lib, None, 0.0);
        assert_eq!(s.route, Route::Home, "no section without a topic");
        s.apply(Command::OpenTopic("no-such".into()), &lib, None, 0.0);
        assert_eq!(s.route, Route::Home, "an unknown topic is not opened");
        s.apply(Command::OpenTopic("prp".into()), &lib, None, 0.0);
        s.apply(Command::ShowSection(SectionId::Sources), &lib, None, 0.0);
        assert_eq!(s.open_topic(), Some(("prp", SectionId::Sources)));
        s.apply(Command::SetLanguage(Language::Arabic), &lib, None, 0.0);
        assert_eq!(s.open_topic(), Some(("prp", SectionId::Sources)));
        assert_eq!(
            s.apply(
                Command::SetStaffLanguage(Language::Japanese),
                &lib,
                None,
                0.0
            ),
            Effect::SaveSettings
        );
    }

    #[test]
    fn screening_walks_from_pick_to_result_and_back_to_pick() {
        let lib = library();
        let mut s = staff();
        s.apply(Command::StartScreening, &lib, None, 0.0);
        assert_eq!(s.route, Route::Home, "nothing chosen, nothing started");
        s.apply(
            Command::ToggleTreatment("exosome-therapy".into()),
            &lib,
            None,
            0.0,
        );
        s.apply(Command::StartScreening, &lib, None, 0.0);
        assert_eq!(s.route, Route::Screening(ScreeningStep::Questions));
        s.apply(Command::ScreeningBack, &lib, None, 0.0);
        assert_eq!(s.route, Route::Screening(ScreeningStep::Pick));
        s.apply(Command::StartScreening, &lib, None, 0.0);
        while s.session.current(lib.screening()).is_some() {
            s.apply(Command::Answer(Answer::No), &lib, None, 0.0);
        }
        s.apply(Command::ShowResult, &lib, None, 0.0);
        assert_eq!(s.route, Route::Screening(ScreeningStep::Result));
        s.apply(Command::SetSideBySide(true), &lib, None, 0.0);
        assert!(s.shows_side_by_side());
        s.apply(Command::FinishScreening, &lib, None, 0.0);
        assert_eq!(s.route, Route::Screening(ScreeningStep::Pick));
        assert!(s.session.treatments.is_empty() && !s.side_by_side);
    }

    #[test]
    fn kiosk_finish_wipes_the_visit_and_staff_mode_leaves_the_kiosk() {
        let lib = library();
        let config = Config {
            languages: vec![Language::Bengali, Language::English],
            pin_hash: Some(hash_pin("2468").unwrap()),
            ..Config::default()
        };
        let mut kiosk = KioskState::new(config);
        let mut s = AppState::new(Route::Attract, Language::Bengali, Language::English);
        let mut run = |s: &mut AppState, c| s.apply(Command::Kiosk(c), &lib, Some(&mut kiosk), 1.0);
        run(&mut s, KioskCommand::Start);
        assert_eq!(s.route, Route::LanguageChoice);
        run(&mut s, KioskCommand::ChooseLanguage(Language::English));
        assert_eq!(
            (s.route.clone(), s.language),
            (Route::Home, Language::English)
        );
        s.apply(Command::ScreenTopic("prp".into()), &lib, None, 1.0);
        s.apply(Command::Answer(Answer::Yes), &lib, None, 1.0);
        run(&mut s, KioskCommand::Finish);
        assert_eq!(s.route, Route::Attract);
        assert_eq!(s.language, Language::Bengali);
        assert!(s.session.answers.is_empty() && s.session.treatments.is_empty());
        assert_eq!(run(&mut s, KioskCommand::StaffMode), Effect::LeaveKiosk);
        assert_eq!(s.route, Route::Home);
        assert_eq!(run(&mut s, KioskCommand::Leave), Effect::Close);
        assert!(kiosk.may_close());
        assert_eq!(kiosk.overlay(), Overlay::None);
        // Outside kiosk mode, kiosk commands do nothing.
        let before = s.clone();
        s.apply(Command::Kiosk(KioskCommand::Finish), &lib, None, 1.0);
        assert_eq!(s, before);
    }
}

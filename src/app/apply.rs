//! The one pure function that changes the app's state: [`AppState::apply`]. It
//! checks the kiosk's allowlist first, then applies the command; the handout panel
//! starts closed again whenever another page opens.

use super::command::{Command, Effect, HandoutCommand, KioskCommand, ReviewCommand};
use super::state::{AppState, MAX_COMPARED, Route, ScreeningStep};
use crate::content::review::Date;
use crate::content::{Library, SectionId};
use crate::kiosk::{Idle, KioskState};

impl AppState {
    /// Applies `command` at time `now` (seconds on the app's steady clock). A
    /// command the state refuses (see [`AppState::refuses`]) changes nothing and
    /// comes back as [`Effect::Refused`].
    pub fn apply(&mut self, command: Command, library: &Library, now: f64) -> Effect {
        if let Some(why) = self.refuses(&command) {
            return Effect::Refused {
                command: command.name(),
                why,
            };
        }
        let page_before = self.page();
        let screen_before = (self.route.clone(), self.language);
        let effect = self.apply_allowed(command, library, now);
        // Another page, or a new patient: the handout panel starts closed again.
        if self.page() != page_before {
            self.handout.reset();
        }
        // Another screen or language: what was being read aloud stops.
        if (&self.route, self.language) != (&screen_before.0, screen_before.1) {
            self.speech = None;
        }
        effect
    }

    /// Which page is on show, for the handout panel: the route without its section.
    fn page(&self) -> (std::mem::Discriminant<Route>, Option<String>) {
        (
            std::mem::discriminant(&self.route),
            self.open_topic().map(|(id, _)| id.to_owned()),
        )
    }

    fn apply_allowed(&mut self, command: Command, library: &Library, now: f64) -> Effect {
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
                } else if library.topic(&id).is_some() && self.compared.len() < MAX_COMPARED {
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
            Command::Handout(command) => return self.apply_handout(command),
            Command::Review(command) => return self.apply_review(command, library),
            Command::Kiosk(command) => return self.apply_kiosk(command, now),
            Command::UseNewContent => return Effect::SwapContent,
            Command::Speech(command) => {
                (self.speech, self.volume) =
                    super::speech::apply(self.speech.take(), self.volume, command);
                self.listened |= self.speech.is_some();
            }
        }
        Effect::None
    }

    fn apply_review(&mut self, command: ReviewCommand, library: &Library) -> Effect {
        match command {
            ReviewCommand::Open { topic, lang } => {
                if library.topic(&topic).is_some() {
                    self.route = Route::ClinicalReview { topic, lang };
                }
            }
            ReviewCommand::Edit(sign) => self.sign_off = sign,
            ReviewCommand::SignOff => {
                let Route::ClinicalReview { topic, lang } = &self.route else {
                    return Effect::None;
                };
                // The date is checked against today where the review is written; a
                // pure function has no calendar.
                let any_day = Date {
                    year: 9999,
                    month: 12,
                    day: 31,
                };
                if let (Some(topic), None) = (library.topic(topic), self.sign_off.problem(any_day))
                {
                    let record = library.review_record(topic, *lang, &self.sign_off);
                    return Effect::RecordReview(Box::new(record));
                }
            }
        }
        Effect::None
    }

    fn apply_handout(&mut self, command: HandoutCommand) -> Effect {
        // The panel belongs to a topic page; elsewhere there is none to change.
        if self.open_topic().is_none() {
            return Effect::None;
        }
        let panel = &mut self.handout;
        match command {
            HandoutCommand::SetOpen(open) => panel.open = open,
            HandoutCommand::ToggleSection(section) => panel.toggle(section),
            HandoutCommand::SetPaper(paper) => panel.paper = paper,
            HandoutCommand::Start(action) => {
                if panel.open && !panel.sections.is_empty() {
                    return Effect::StartHandout(action);
                }
            }
        }
        Effect::None
    }

    fn apply_kiosk(&mut self, command: KioskCommand, now: f64) -> Effect {
        // `refuses` lets kiosk commands through only in kiosk mode.
        let Some(mut kiosk) = self.kiosk.take() else {
            return Effect::None;
        };
        let effect = self.apply_to_kiosk(command, &mut kiosk, now);
        // "Staff mode" leaves kiosk mode: its state goes with it.
        if effect != Effect::LeaveKiosk {
            self.kiosk = Some(kiosk);
        }
        effect
    }

    fn apply_to_kiosk(
        &mut self,
        command: KioskCommand,
        kiosk: &mut KioskState,
        now: f64,
    ) -> Effect {
        match command {
            KioskCommand::Touch | KioskCommand::Continue => {
                kiosk.touch(now);
                // The patient is back: "are you still there?" is no longer read.
                if self
                    .speech
                    .as_ref()
                    .is_some_and(super::speech::is_still_there)
                {
                    self.speech = None;
                }
            }
            KioskCommand::CornerTap => kiosk.corner_tap(now),
            // The attract screen has no visit to wipe.
            KioskCommand::Tick if self.route != Route::Attract => {
                // Listening is using the kiosk: the idle timer waits while a text is
                // read (not while the kiosk itself asks whether anyone is there).
                // (Only once the timer has run out, so that the state, and with it
                // the frame, does not change at every tick.)
                if self
                    .speech
                    .as_ref()
                    .is_some_and(|s| !s.paused && !super::speech::is_still_there(s))
                    && kiosk.idle(now) != Idle::Active
                {
                    kiosk.touch(now);
                }
                let asking = kiosk.countdown().is_some();
                if kiosk.tick(now) == Idle::Expired {
                    self.wipe(Route::Attract, kiosk.first_language());
                    kiosk.wipe(now);
                } else if !asking && kiosk.countdown().is_some() && self.listened {
                    // A patient who listened this visit may not read the question:
                    // it is read aloud (when the language has its clip).
                    self.speech = Some(super::speech::still_there(self.language));
                }
            }
            KioskCommand::Tick => {}
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
mod tests;

//! What tests, benchmarks and the window read of a running app: its state, the
//! kiosk's overlay and countdown, the settings to keep, the content.

use super::ClinicApp;
use crate::app::{AppState, Route};
use crate::config::Settings;
use crate::content::{ContentError, Library, SectionId};
use crate::kiosk::{KioskState, Overlay};
use crate::lang::Language;
use crate::screening::Session;

impl ClinicApp {
    /// The app's state: route, languages, session, kiosk.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The screen on show.
    pub fn route(&self) -> &Route {
        &self.state.route
    }

    pub fn is_kiosk(&self) -> bool {
        self.state.kiosk.is_some()
    }

    /// The kiosk's overlay (`None` when not in kiosk mode).
    pub fn kiosk_overlay(&self) -> Option<Overlay> {
        self.state.kiosk.as_ref().map(KioskState::overlay)
    }

    /// Seconds left on "are you still there?", when it shows.
    pub fn still_there(&self) -> Option<u32> {
        self.state.still_there()
    }

    /// The window size the last run ended with, if it was kept.
    pub fn initial_window_size(&self) -> Option<[f32; 2]> {
        self.services.settings.window_size
    }

    /// What persists between runs: never anything about the patient.
    pub fn settings(&self) -> Settings {
        self.services.settings.settings(self.state.staff_language)
    }

    /// What is being read aloud, if anything.
    pub fn speech(&self) -> Option<&crate::app::speech::Speech> {
        self.state.speech.as_ref()
    }

    /// The read-aloud volume, in percent.
    pub fn volume(&self) -> u8 {
        self.state.volume
    }

    /// The current UI (patient) language.
    pub fn language(&self) -> Language {
        self.state.language
    }

    /// The staff language of the side-by-side view.
    pub fn staff_language(&self) -> Language {
        self.state.staff_language
    }

    /// The open topic's id and section, when a topic page is on show.
    pub fn open_topic(&self) -> Option<(&str, SectionId)> {
        self.state.open_topic()
    }

    /// The screening session (treatments chosen, answers so far).
    pub fn session(&self) -> &Session {
        &self.state.session
    }

    /// The content the app runs on.
    pub fn library(&self) -> &Library {
        &self.services.library
    }

    /// Errors in the clinic's content folder (empty when there is none or it is fine).
    pub fn content_errors(&self) -> &[ContentError] {
        &self.services.content_errors
    }

    /// The languages the patient may choose: the kiosk's, or all, of those the
    /// content is complete in.
    pub(super) fn languages(&self) -> Vec<Language> {
        let complete = self.services.library.languages();
        match &self.state.kiosk {
            Some(kiosk) => kiosk
                .languages()
                .iter()
                .copied()
                .filter(|l| complete.contains(l))
                .collect(),
            None => complete,
        }
    }
}

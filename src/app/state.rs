//! What the app is showing and holding for the visit: one [`Route`], the patient's
//! and the staff member's languages, the side-by-side switch, the screening
//! session, the handout panel's choices and, in kiosk mode, the kiosk's own state.
//! Plain data, changed only by [`AppState::apply`] (see `apply.rs`).

use crate::content::SectionId;
use crate::content::review::SignOff;
use crate::kiosk::KioskState;
use crate::lang::Language;
use crate::pdf::Paper;
use crate::screening::Session;

use super::speech::Speech;

/// Where the screening flow is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScreeningStep {
    /// Choosing the treatments.
    Pick,
    /// One question per screen; once every question is passed, the list of
    /// answers to review (the session's position says which).
    Questions,
    /// The verdict per treatment.
    Result,
}

/// The screen on show, with what it needs to be drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The list of treatments.
    Home,
    /// A treatment's page at one section.
    Topic {
        id: String,
        section: SectionId,
    },
    Screening(ScreeningStep),
    /// Sample text in each script, for checking the text engine by eye (staff only).
    Scripts,
    /// Two or three treatments side by side, row by row.
    Compare,
    /// A clinician's review of one topic in one language, paragraph by paragraph
    /// beside its sources, with the sign-off (staff only).
    ClinicalReview {
        topic: String,
        lang: Language,
    },
    /// Kiosk: "tap to start".
    Attract,
    /// Kiosk: choose a language.
    LanguageChoice,
}

/// The handout panel of a topic page: whether it is open and what it will make.
/// It starts closed, with every section, whenever another page opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoutChoice {
    pub open: bool,
    pub sections: Vec<SectionId>,
    pub paper: Paper,
    /// Counts the panel's resets: a save or print started under an earlier one
    /// reports into a status nobody shows any more.
    pub generation: u64,
}

impl Default for HandoutChoice {
    fn default() -> Self {
        Self {
            open: false,
            sections: SectionId::ALL.to_vec(),
            paper: Paper::default(),
            generation: 0,
        }
    }
}

impl HandoutChoice {
    /// Closed, every section chosen, a new generation.
    pub fn reset(&mut self) {
        *self = Self {
            generation: self.generation + 1,
            ..Self::default()
        };
    }

    pub fn toggle(&mut self, section: SectionId) {
        if let Some(i) = self.sections.iter().position(|s| *s == section) {
            self.sections.remove(i);
        } else {
            self.sections.push(section);
            self.sections.sort();
        }
    }
}

/// The app's state for one visit. In memory only: nothing here is ever written.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub route: Route,
    /// The patient's language, which the UI is shown in.
    pub language: Language,
    /// The staff member's language, for the side-by-side views.
    pub staff_language: Language,
    /// The topic page or screening result shows two languages side by side.
    pub side_by_side: bool,
    /// The treatments chosen and the answers given.
    pub session: Session,
    /// The treatments chosen for the Compare screen, in the order chosen (at most
    /// [`MAX_COMPARED`]).
    pub compared: Vec<String>,
    /// The topic page's handout panel.
    pub handout: HandoutChoice,
    /// Kiosk mode's timers, gesture, PIN pad and countdown; `None` in staff mode.
    pub kiosk: Option<KioskState>,
    /// The review screen's sign-off form, as typed so far.
    pub sign_off: SignOff,
    /// What is being read aloud, if anything.
    pub speech: Option<Speech>,
    /// Read-aloud volume, in percent; back to `default_volume` at every wipe.
    pub volume: u8,
    pub default_volume: u8,
    /// The patient had something read aloud this visit (so the kiosk reads its own
    /// "are you still there?" too); forgotten at the wipe.
    pub listened: bool,
}

/// How many treatments the Compare screen puts side by side.
pub const MAX_COMPARED: usize = 3;

/// The read-aloud volume a staff app starts at, in percent (a kiosk's config sets its own).
pub const DEFAULT_VOLUME: u8 = crate::config::DEFAULT_VOLUME as u8;

impl AppState {
    /// A new visit in `language`, starting at `route`, in staff mode.
    pub fn new(route: Route, language: Language, staff_language: Language) -> Self {
        Self {
            route,
            language,
            staff_language,
            side_by_side: false,
            session: Session::default(),
            compared: Vec::new(),
            handout: HandoutChoice::default(),
            kiosk: None,
            sign_off: SignOff::default(),
            speech: None,
            volume: DEFAULT_VOLUME,
            default_volume: DEFAULT_VOLUME,
            listened: false,
        }
    }

    /// A kiosk at its attract screen, in the first language it offers.
    pub fn kiosk(kiosk: KioskState, staff_language: Language) -> Self {
        let language = kiosk.first_language();
        Self {
            kiosk: Some(kiosk),
            ..Self::new(Route::Attract, language, staff_language)
        }
    }

    /// The open topic and section, when a topic page is on show.
    pub fn open_topic(&self) -> Option<(&str, SectionId)> {
        match &self.route {
            Route::Topic { id, section } => Some((id, *section)),
            _ => None,
        }
    }

    /// Whether the screen on show can be put side by side.
    pub fn shows_side_by_side(&self) -> bool {
        self.side_by_side
            && matches!(
                self.route,
                Route::Topic { .. } | Route::Screening(ScreeningStep::Result) | Route::Compare
            )
    }

    /// Forgets the visit: answers, treatments, side by side, handout choices; the
    /// kiosk starts again at the attract screen in `language`.
    pub fn wipe(&mut self, route: Route, language: Language) {
        self.session.clear();
        self.compared.clear();
        self.side_by_side = false;
        self.handout.reset();
        self.route = route;
        self.language = language;
        self.speech = None;
        self.volume = self.default_volume;
        self.listened = false;
    }

    /// Seconds left on "are you still there?", when it shows.
    pub fn still_there(&self) -> Option<u32> {
        self.kiosk.as_ref().and_then(KioskState::countdown)
    }
}

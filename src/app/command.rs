//! Every change of the app's state is a [`Command`]: collected while a frame is
//! drawn (buttons, input, timers) and applied once at its end by the pure
//! [`AppState::apply`](super::AppState::apply), so nothing changes under a UI that
//! is being built. What only the window or a service can do comes back as an
//! [`Effect`]. Kiosk mode is an allowlist here: [`AppState::refuses`] names what a
//! kiosk drops.

use super::handout::Action;
pub use super::speech::SpeechCommand;
use super::state::{AppState, Route};
use crate::content::SectionId;
use crate::content::review::{ReviewRecord, SignOff};
use crate::kiosk::Overlay;
use crate::lang::Language;
use crate::pdf::Paper;
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
    /// The topic page's handout panel.
    Handout(HandoutCommand),
    /// The clinical review screen (staff only).
    Review(ReviewCommand),
    /// Something only kiosk mode does.
    Kiosk(KioskCommand),
    /// Reading aloud.
    Speech(SpeechCommand),
    /// Show the content the updater installed now (staff; a kiosk swaps it in at
    /// its attract screen by itself).
    UseNewContent,
}

/// Commands of the handout panel on a topic page.
#[derive(Clone, Debug, PartialEq)]
pub enum HandoutCommand {
    /// Open or close the panel.
    SetOpen(bool),
    /// Include a section, or leave it out.
    ToggleSection(SectionId),
    SetPaper(Paper),
    /// Save the handout as a PDF (a file dialog) or print it.
    Start(Action),
}

/// Commands of the clinical review screen.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewCommand {
    /// Review a topic in a language.
    Open { topic: String, lang: Language },
    /// The sign-off form as typed.
    Edit(SignOff),
    /// Record the review signed in the form, of the text on show.
    SignOff,
}

/// Commands of kiosk mode.
#[derive(Clone, Debug, PartialEq)]
pub enum KioskCommand {
    /// Someone touched the screen, typed or scrolled: the visit goes on.
    Touch,
    /// A tap in the hidden corner (five in three seconds open the PIN pad).
    CornerTap,
    /// Time passed: the idle countdown shows, counts, or wipes the visit at zero.
    Tick,
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

/// What applying a command asks of the window or a service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    None,
    /// The staff language changed: keep it for the next start.
    SaveSettings,
    /// Leave kiosk mode: normal window, staff-sized text.
    LeaveKiosk,
    /// Close the window.
    Close,
    /// Save or print the handout the panel describes.
    StartHandout(Action),
    /// Write this review into the clinic folder's reviews.ron.
    RecordReview(Box<ReviewRecord>),
    /// Swap in the content the updater installed and loaded.
    SwapContent,
    /// The command is not allowed here and was dropped (the name of the command and
    /// why, for the log; never a PIN digit or an answer).
    Refused {
        command: &'static str,
        why: &'static str,
    },
}

impl Command {
    /// The command's name, for the log: never its payload (a PIN digit, an answer).
    pub fn name(&self) -> &'static str {
        match self {
            Command::SetLanguage(_) => "SetLanguage",
            Command::SetStaffLanguage(_) => "SetStaffLanguage",
            Command::Go(_) => "Go",
            Command::OpenTopic(_) => "OpenTopic",
            Command::ShowSection(_) => "ShowSection",
            Command::SetSideBySide(_) => "SetSideBySide",
            Command::ToggleTreatment(_) => "ToggleTreatment",
            Command::ToggleCompared(_) => "ToggleCompared",
            Command::StartScreening => "StartScreening",
            Command::ScreenTopic(_) => "ScreenTopic",
            Command::Answer(_) => "Answer",
            Command::ScreeningBack => "ScreeningBack",
            Command::ChangeAnswer(_) => "ChangeAnswer",
            Command::ReviewAnswers => "ReviewAnswers",
            Command::ShowResult => "ShowResult",
            Command::FinishScreening => "FinishScreening",
            Command::Handout(HandoutCommand::SetOpen(_)) => "Handout(SetOpen)",
            Command::Handout(HandoutCommand::ToggleSection(_)) => "Handout(ToggleSection)",
            Command::Handout(HandoutCommand::SetPaper(_)) => "Handout(SetPaper)",
            Command::Handout(HandoutCommand::Start(Action::Save)) => "Handout(Save)",
            Command::Handout(HandoutCommand::Start(Action::Print)) => "Handout(Print)",
            Command::Review(ReviewCommand::Open { .. }) => "Review(Open)",
            Command::Review(ReviewCommand::Edit(_)) => "Review(Edit)",
            Command::Review(ReviewCommand::SignOff) => "Review(SignOff)",
            Command::Speech(s) => s.name(),
            Command::UseNewContent => "UseNewContent",
            Command::Kiosk(k) => match k {
                KioskCommand::Touch => "Kiosk(Touch)",
                KioskCommand::CornerTap => "Kiosk(CornerTap)",
                KioskCommand::Tick => "Kiosk(Tick)",
                KioskCommand::Start => "Kiosk(Start)",
                KioskCommand::ChooseLanguage(_) => "Kiosk(ChooseLanguage)",
                KioskCommand::Continue => "Kiosk(Continue)",
                KioskCommand::Finish => "Kiosk(Finish)",
                KioskCommand::PinDigit(_) => "Kiosk(PinDigit)",
                KioskCommand::PinDelete => "Kiosk(PinDelete)",
                KioskCommand::PinSubmit => "Kiosk(PinSubmit)",
                KioskCommand::CloseOverlay => "Kiosk(CloseOverlay)",
                KioskCommand::PatientSummary => "Kiosk(PatientSummary)",
                KioskCommand::StaffMode => "Kiosk(StaffMode)",
                KioskCommand::Leave => "Kiosk(Leave)",
            },
        }
    }
}

impl AppState {
    /// Why this state drops `command`, if it does: the kiosk's allowlist, and kiosk
    /// commands outside a kiosk. One place, checked before anything is applied.
    pub fn refuses(&self, command: &Command) -> Option<&'static str> {
        let Some(kiosk) = &self.kiosk else {
            return match command {
                Command::Kiosk(_) | Command::Go(Route::Attract | Route::LanguageChoice) => {
                    Some("not in kiosk mode")
                }
                _ => None,
            };
        };
        let overlay = kiosk.overlay();
        match command {
            // Staff-only screens; the attract screen and language choice are reached
            // through the kiosk's own commands.
            Command::Go(Route::Scripts | Route::ClinicalReview { .. }) | Command::Review(_) => {
                Some("a staff screen")
            }
            Command::Go(Route::Attract | Route::LanguageChoice) => {
                Some("reached through the kiosk's own commands")
            }
            Command::UseNewContent => Some("a kiosk swaps content at its attract screen"),
            // A kiosk never opens a file dialog, and prints only to its printer.
            Command::Handout(HandoutCommand::Start(Action::Save)) => {
                Some("a kiosk never saves files")
            }
            Command::Handout(HandoutCommand::Start(Action::Print))
                if kiosk.config().printer.is_none() =>
            {
                Some("the kiosk's config names no printer")
            }
            Command::Kiosk(
                KioskCommand::PinDigit(_) | KioskCommand::PinDelete | KioskCommand::PinSubmit,
            ) if overlay != Overlay::PinPad => Some("the PIN pad is not open"),
            Command::Kiosk(
                KioskCommand::PatientSummary | KioskCommand::StaffMode | KioskCommand::Leave,
            ) if overlay != Overlay::StaffMenu => Some("the staff menu is not open"),
            // While a staff overlay is open, the patient's screen underneath stays put.
            Command::Kiosk(_) => None,
            _ if overlay != Overlay::None => Some("a staff overlay is open"),
            _ => None,
        }
    }
}

//! App-wide changes, collected during a frame and applied once at its end, so no
//! state changes while the UI that shows it is being built.

use crate::content::SectionId;
use crate::lang::Language;
use crate::screening::Answer;
use crate::ui::screens::Screen;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Switch the patient's language (the UI follows it).
    SetLanguage(Language),
    /// Switch the staff member's language in the side-by-side view.
    SetStaffLanguage(Language),
    /// Go to a screen.
    Show(Screen),
    /// Open a treatment's page at its first section.
    OpenTopic(String),
    /// Show one section of the open treatment.
    ShowSection(SectionId),
    /// Show the open treatment in two languages side by side, or in one.
    SetSideBySide(bool),
    /// Choose or unchoose a treatment for screening.
    ToggleTreatment(String),
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
    /// End the session: wipe it and return to the attract screen.
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

//! App-wide changes, collected during a frame and applied once at its end, so no
//! state changes while the UI that shows it is being built.

use crate::lang::Language;
use crate::ui::screens::Screen;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Switch the UI (and patient) language.
    SetLanguage(Language),
    /// Go to a screen.
    Show(Screen),
}

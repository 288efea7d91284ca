//! One file per screen.

pub mod scripts;

/// The screens of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Sample text in each script, for checking the text engine by eye.
    Scripts,
}

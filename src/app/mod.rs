//! The app's model, below any screen: its state ([`AppState`] with one [`Route`]),
//! the [`Command`]s that change it and the one pure [`AppState::apply`] (with the
//! kiosk's allowlist), the services it runs on, and how it starts. The window that
//! draws it is the `shell` of the `ui` module.

mod apply;
pub mod command;
pub mod handout;
mod installed;
pub mod services;
pub mod speech;
pub mod startup;
pub mod state;
pub mod updates;

pub use command::{Command, Effect, HandoutCommand, KioskCommand, ReviewCommand};
pub use services::{Services, SettingsStore};
pub use startup::{AppOptions, Prelude, Started, start, start_after};
pub use state::{AppState, HandoutChoice, Route, ScreeningStep};

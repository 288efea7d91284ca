//! clinic-edu: treatment education and contraindication screening for aesthetic and
//! regenerative-medicine clinics, in English, Arabic, Bengali and Japanese.
//!
//! Layers, lowest first; a module names only modules in the layers before its own
//! (never one in its own layer or a later one), checked by `tests/structure.rs`:
//!
//! ```text
//! lang, assets, probe, audio -> i18n, samples, text, screening -> content
//! -> config, report, theme -> kiosk, pdf, update -> app -> ui -> cli -> tools -> main
//! ```
//!
//! `text` (the text engine) and `screening` (questions, rules, `evaluate`) know
//! nothing of content files; `content` parses files into their types and checks
//! its strings against the fonts. `theme` holds what the screens and the handouts
//! draw alike. `cli`, `tools` and `main` are the binary's modules.

pub mod app;
pub mod assets;
pub mod audio;
pub mod config;
pub mod content;
pub mod i18n;
pub mod kiosk;
pub mod lang;
pub mod pdf;
pub mod probe;
pub mod report;
pub mod samples;
pub mod screening;
pub mod text;
pub mod theme;
pub mod ui;
pub mod update;

pub use app::AppOptions;
pub use lang::Language;
pub use ui::shell::ClinicApp;

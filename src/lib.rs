//! clinic-edu: treatment education and contraindication screening for aesthetic and
//! regenerative-medicine clinics, in English, Arabic, Bengali and Japanese.

pub mod app;
pub mod assets;
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
pub mod ui;

pub use app::AppOptions;
pub use lang::Language;
pub use ui::shell::ClinicApp;

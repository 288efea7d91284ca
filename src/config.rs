//! The clinic's config file (RON): clinic name, languages and topics offered in the
//! kiosk, idle and countdown times, and the staff PIN's hash. Beside it,
//! `settings.ron` keeps what the app remembers between runs (window size, last staff
//! language) and never anything about a patient.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::lang::Language;

/// A problem with the config or settings file, with where it is.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// A value out of its range; at the field's place in the file when it is written there.
    #[error("{}: {message}", match position { Some((l, c)) => format!("{path}:{l}:{c}"), None => path.clone() })]
    Invalid {
        path: String,
        position: Option<(usize, usize)>,
        message: String,
    },
    #[error("{path}: the file is {size} bytes; a config file is at most {MAX_FILE_BYTES} bytes")]
    TooBig { path: String, size: u64 },
    #[error("{path}: cannot read the file: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: cannot write the file: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("no config folder is known on this system; give one with --config FILE")]
    NoConfigDir,
}

/// The largest config or settings file read; anything bigger is not a config.
pub const MAX_FILE_BYTES: u64 = 64 * 1024;
/// Seconds without input before "are you still there?".
pub const IDLE_SECONDS: std::ops::RangeInclusive<u32> = 10..=3600;
/// Seconds "are you still there?" waits before the visit is wiped.
pub const COUNTDOWN_SECONDS: std::ops::RangeInclusive<u32> = 5..=300;
/// Characters of the clinic's name (one line on the attract screen).
pub const CLINIC_NAME_CHARS: std::ops::RangeInclusive<usize> = 1..=80;
/// Topics a kiosk may name.
pub const MAX_TOPICS: usize = 50;
/// How long a clinician's review may stand, in months.
pub const REVIEW_MONTHS: std::ops::RangeInclusive<u32> = 1..=120;
/// How long a printer name may be (CUPS allows 127 bytes).
pub const PRINTER_CHARS: std::ops::RangeInclusive<usize> = 1..=127;
/// Width and height of the remembered window, in points: from the window's
/// smallest size to the largest texture a GPU is sure to draw.
pub const WINDOW_WIDTH: std::ops::RangeInclusive<f32> = 480.0..=16384.0;
pub const WINDOW_HEIGHT: std::ops::RangeInclusive<f32> = 360.0..=16384.0;

fn default_clinic_name() -> String {
    "Clinic".to_owned()
}
fn default_languages() -> Vec<Language> {
    Language::all()
}
fn default_idle() -> u32 {
    90
}
fn default_true() -> bool {
    true
}

/// The read-aloud volume a visit starts at unless the config says otherwise, in percent.
pub const DEFAULT_VOLUME: u32 = 80;

fn default_volume() -> u32 {
    DEFAULT_VOLUME
}

/// The read-aloud volume's range, in percent.
const VOLUME_PERCENT: std::ops::RangeInclusive<u32> = 0..=100;

fn default_review_months() -> u32 {
    crate::content::review::DEFAULT_VALID_MONTHS
}
fn default_countdown() -> u32 {
    20
}

/// The clinic's config file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Shown on the kiosk's attract screen.
    #[serde(default = "default_clinic_name")]
    pub clinic_name: String,
    /// Languages the kiosk offers, in this order.
    #[serde(default = "default_languages")]
    pub languages: Vec<Language>,
    /// Topic ids the kiosk offers; empty means all.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Seconds without input before the kiosk asks "are you still there?".
    #[serde(default = "default_idle")]
    pub idle_seconds: u32,
    /// Seconds the question stays before the session is wiped.
    #[serde(default = "default_countdown")]
    pub countdown_seconds: u32,
    /// Salted Argon2 hash of the staff PIN (`clinic-edu set-pin` writes it).
    #[serde(default)]
    pub pin_hash: Option<String>,
    /// The printer (its name in the print system, as `lpstat -p` lists it) a kiosk
    /// prints handouts on; without one a kiosk offers no handouts.
    #[serde(default)]
    pub printer: Option<String>,
    /// How many months a clinician's review stands before it is overdue.
    #[serde(default = "default_review_months")]
    pub review_valid_months: u32,
    /// Whether the kiosk reads texts aloud (where the content has clips and there is
    /// an audio output).
    #[serde(default = "default_true")]
    pub read_aloud: bool,
    /// The read-aloud volume every visit starts at, in percent.
    #[serde(default = "default_volume")]
    pub volume: u32,
    /// Where signed content comes from; without it, content is copied by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updates: Option<Updates>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            clinic_name: default_clinic_name(),
            languages: default_languages(),
            topics: Vec::new(),
            idle_seconds: default_idle(),
            countdown_seconds: default_countdown(),
            pin_hash: None,
            printer: None,
            review_valid_months: default_review_months(),
            read_aloud: true,
            volume: default_volume(),
            updates: None,
        }
    }
}

/// `--config FILE`, or `config.ron` in the user's config folder, as the `dirs`
/// crate knows it: `~/.config/clinic-edu/` on Linux, `%APPDATA%\clinic-edu\` on
/// Windows (the roaming application data known folder).
pub fn config_path(explicit: Option<&Path>) -> Result<PathBuf, ConfigError> {
    match explicit {
        Some(path) => Ok(path.to_owned()),
        None => dirs::config_dir()
            .map(|d| d.join("clinic-edu").join("config.ron"))
            .ok_or(ConfigError::NoConfigDir),
    }
}

/// The kiosk's config: `--config FILE`, or on Windows `config.ron` in
/// `%ProgramData%\clinic-edu\`, for the whole machine and changed by an
/// administrator only, so the kiosk's own account cannot change its PIN; elsewhere
/// the kiosk user's own [`config_path`] (the Linux kiosk unit's user).
pub fn kiosk_config_path(explicit: Option<&Path>) -> Result<PathBuf, ConfigError> {
    #[cfg(windows)]
    if explicit.is_none() {
        return known_folder::program_data()
            .map(|d| d.join("clinic-edu").join("config.ron"))
            .ok_or(ConfigError::NoConfigDir);
    }
    config_path(explicit)
}

/// The file's text, refusing one bigger than [`MAX_FILE_BYTES`] before reading it.
fn read_small(path: &Path) -> Result<String, ConfigError> {
    use std::io::Read as _;
    let file = std::fs::File::open(path).map_err(|source| ConfigError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let mut text = String::new();
    let read = file
        .take(MAX_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
    if read as u64 > MAX_FILE_BYTES {
        let size = std::fs::metadata(path).map_or(read as u64, |m| m.len());
        return Err(ConfigError::TooBig {
            path: path.display().to_string(),
            size,
        });
    }
    Ok(text)
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T, ConfigError> {
    ron::from_str(text).map_err(|e| ConfigError::Syntax {
        path: path.display().to_string(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })
}

impl Config {
    /// Reads the config; a missing file is the default config (with no PIN).
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = match read_small(path) {
            Ok(text) => text,
            Err(ConfigError::Read { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                return Ok(Config::default());
            }
            Err(e) => return Err(e),
        };
        let config: Config = parse(path, &text)?;
        config.check(path, &text)?;
        Ok(config)
    }

    fn check(&self, path: &Path, text: &str) -> Result<(), ConfigError> {
        let invalid = |field: &str, message: String| ConfigError::Invalid {
            path: path.display().to_string(),
            position: crate::content::error::find_position(text, field),
            message: format!("{field}: {message}"),
        };
        let name_chars = self.clinic_name.chars().count();
        if !CLINIC_NAME_CHARS.contains(&name_chars) {
            return Err(invalid(
                "clinic_name",
                format!(
                    "{name_chars} characters; give {} to {}",
                    CLINIC_NAME_CHARS.start(),
                    CLINIC_NAME_CHARS.end()
                ),
            ));
        }
        if self.languages.is_empty() {
            return Err(invalid("languages", "offer at least one language".into()));
        }
        for (i, lang) in self.languages.iter().enumerate() {
            if self.languages[..i].contains(lang) {
                return Err(invalid("languages", format!("{lang} is listed twice")));
            }
        }
        if self.topics.len() > MAX_TOPICS {
            return Err(invalid(
                "topics",
                format!("{} topics; at most {MAX_TOPICS}", self.topics.len()),
            ));
        }
        // Each number with its range and unit, in the order of the file's fields.
        let numbers = [
            ("idle_seconds", self.idle_seconds, &IDLE_SECONDS, "seconds"),
            (
                "countdown_seconds",
                self.countdown_seconds,
                &COUNTDOWN_SECONDS,
                "seconds",
            ),
            (
                "review_valid_months",
                self.review_valid_months,
                &REVIEW_MONTHS,
                "months",
            ),
            ("volume", self.volume, &VOLUME_PERCENT, "percent"),
        ];
        for (field, value, range, unit) in numbers {
            if !range.contains(&value) {
                let (min, max) = (range.start(), range.end());
                return Err(invalid(
                    field,
                    format!("{value} is out of range; give {min} to {max} {unit}"),
                ));
            }
        }
        if let Some(printer) = &self.printer {
            let bad = |c: char| c.is_whitespace() || c.is_control() || "/#\\".contains(c);
            let chars = printer.chars().count();
            if !PRINTER_CHARS.contains(&chars)
                || printer.starts_with('-')
                || printer.chars().any(bad)
            {
                let (min, max) = (PRINTER_CHARS.start(), PRINTER_CHARS.end());
                return Err(invalid(
                    "printer",
                    format!(
                        "{printer:?} is not a printer name; give the name `lpstat -p` lists \
                         ({min} to {max} characters, no spaces, /, # or \\, not starting with -)"
                    ),
                ));
            }
        }
        if let Some((field, message)) = self.updates.as_ref().and_then(Updates::problem) {
            return Err(invalid(field, message));
        }
        Ok(())
    }

    /// Writes the config, creating its folder.
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        write_ron(path, self)
    }
}

fn write_ron<T: Serialize>(path: &Path, value: &T) -> Result<(), ConfigError> {
    let write_err = |source| ConfigError::Write {
        path: path.display().to_string(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(write_err)?;
    }
    let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default())
        .expect("config values serialise");
    // Write beside it and rename, so a crash never leaves half a file.
    let tmp = path.with_extension("ron.tmp");
    std::fs::write(&tmp, text).map_err(write_err)?;
    std::fs::rename(&tmp, path).map_err(write_err)
}

#[path = "config_updates.rs"]
mod updates;
pub use updates::{CHANNELS, POLL_SECONDS, Updates, data_dir_beside};

#[path = "config_settings.rs"]
mod settings;
pub use settings::Settings;

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;

#[cfg(windows)]
#[path = "config_windows.rs"]
mod known_folder;

//! The settings kept between runs (`settings.ron` beside the config): the staff
//! language and the window size, never anything about a patient.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{ConfigError, WINDOW_HEIGHT, WINDOW_WIDTH, parse, read_small, write_ron};
use crate::lang::Language;

/// What the app remembers between runs. Deliberately nothing about patients: no
/// answers, no patient language, no screen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub staff_language: Language,
    #[serde(default)]
    pub window_size: Option<[f32; 2]>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            staff_language: Language::fallback(),
            window_size: None,
        }
    }
}

impl Settings {
    /// `settings.ron` beside the config file.
    pub fn path_beside(config: &Path) -> PathBuf {
        config.with_file_name("settings.ron")
    }

    /// Reads the settings; missing, unreadable or out-of-range settings are the
    /// defaults (they are a convenience, not worth refusing to start over), and
    /// what was wrong with them is reported on stderr.
    pub fn load(path: &Path) -> Settings {
        let (settings, problem) = Self::load_checked(path);
        if let Some(problem) = problem {
            eprintln!("clinic-edu: {problem}; using the default");
        }
        settings
    }

    /// The settings and what was wrong with the file, if anything (a missing file
    /// is not a problem). A bad window size falls back alone; the rest is kept.
    pub fn load_checked(path: &Path) -> (Settings, Option<ConfigError>) {
        let text = match read_small(path) {
            Ok(text) => text,
            Err(ConfigError::Read { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                return (Settings::default(), None);
            }
            Err(e) => return (Settings::default(), Some(e)),
        };
        let mut settings: Settings = match parse(path, &text) {
            Ok(settings) => settings,
            Err(e) => return (Settings::default(), Some(e)),
        };
        let problem = settings.window_size.and_then(|[w, h]| {
            let fits = WINDOW_WIDTH.contains(&w) && WINDOW_HEIGHT.contains(&h);
            (!fits).then(|| ConfigError::Invalid {
                path: path.display().to_string(),
                position: crate::content::error::find_position(&text, "window_size"),
                message: format!(
                    "window_size: {w} x {h} is out of range; give {} to {} by {} to {} points",
                    WINDOW_WIDTH.start(),
                    WINDOW_WIDTH.end(),
                    WINDOW_HEIGHT.start(),
                    WINDOW_HEIGHT.end()
                ),
            })
        });
        if problem.is_some() {
            settings.window_size = None;
        }
        (settings, problem)
    }

    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        write_ron(path, self)
    }
}

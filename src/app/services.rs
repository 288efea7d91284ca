//! What the app runs on besides its state: the content, the UI strings, the
//! samples, the handout jobs and where handouts may go, and the settings kept
//! between runs. Read by the screens; changed only at startup, or by an effect.

use std::path::PathBuf;
use std::sync::Arc;

use super::handout::{HandoutJobs, HandoutSetup};
use crate::audio::Output;
use crate::config::Settings;
use crate::content::narration::NarrationIndex;
use crate::content::{ContentError, Library};
use crate::i18n::Strings;
use crate::lang::Language;
use crate::samples::Samples;

/// The app's services.
pub struct Services {
    pub library: Library,
    /// Errors in the clinic's content folder (empty when there is none or it is fine).
    pub content_errors: Vec<ContentError>,
    pub samples: Samples,
    pub strings: Arc<Strings>,
    pub handouts: HandoutJobs,
    pub handout_setup: HandoutSetup,
    /// The config's `review_valid_months`.
    pub review_months: u32,
    /// Where the review screen records a sign-off (the clinic folder the content
    /// came from); `None`: nowhere, and the screen says so.
    pub review_folder: Option<PathBuf>,
    /// How the last sign-off went: where it was recorded, or why it was not.
    pub review_message: Option<Result<String, String>>,
    pub settings: SettingsStore,
    /// The narration clips there are to play, and where they play: `None` when
    /// read-aloud is off, there are no clips, or there is no audio output.
    pub narration: NarrationIndex,
    pub speaker: Option<Box<dyn Output>>,
}

/// The settings file and what the window keeps in it.
#[derive(Debug, Default)]
pub struct SettingsStore {
    /// Where settings persist; `None`: nowhere.
    pub path: Option<PathBuf>,
    /// The window's size, as last seen.
    pub window_size: Option<[f32; 2]>,
}

impl SettingsStore {
    /// What persists between runs: never anything about the patient.
    pub fn settings(&self, staff_language: Language) -> Settings {
        Settings {
            staff_language,
            window_size: self.window_size,
        }
    }

    /// Writes the settings; a failure is reported and the app goes on (settings
    /// are a convenience).
    pub fn save(&self, staff_language: Language) {
        if let Some(path) = &self.path
            && let Err(e) = self.settings(staff_language).save(path)
        {
            eprintln!("clinic-edu: {e}");
        }
    }
}

//! How the app starts: its options, loading the content and the settings, and
//! checking a kiosk's config, into its first state and its services.

use std::path::{Path, PathBuf};

use super::handout::{HandoutJobs, HandoutSetup};
use super::services::{Services, SettingsStore};
use super::state::{AppState, Route};
use crate::audio::{DeviceOutput, Output};
use crate::config::{Config, ConfigError, Settings, config_path, kiosk_config_path};
use crate::content::Library;
use crate::content::narration::{self, NarrationIndex};
use crate::kiosk::KioskState;
use crate::lang::Language;
use crate::samples::Samples;

/// How the app starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppOptions {
    /// Also use installed system fonts, after the bundled ones.
    pub system_fonts: bool,
    /// The language shown first.
    pub language: Language,
    /// A clinic's content folder, layered over the embedded content.
    pub content_dir: Option<PathBuf>,
    /// Run as the waiting-room kiosk with this config (which must hold a PIN hash).
    pub kiosk: Option<Config>,
    /// Where settings (window size, last staff language) persist; `None`: nowhere.
    pub settings_path: Option<PathBuf>,
    /// The config file the kiosk config was read from, for messages.
    pub config_path: Option<PathBuf>,
    /// Read aloud through the machine's default audio output (the app does, from
    /// [`AppOptions::for_config`]). Off by default, so that an app made in a test
    /// behaves the same on a machine with a sound card and one without: a test gives
    /// it a recording output (`ClinicApp::set_speaker`) when it needs one.
    pub audio_device: bool,
    /// `content_dir` is the bundle the updater installed beside `config_path`: if
    /// it does not load, the app goes back to the one before (`installed`).
    pub installed_bundle: bool,
}

impl Default for AppOptions {
    fn default() -> Self {
        Self {
            system_fonts: true,
            language: Language::fallback(),
            content_dir: None,
            kiosk: None,
            settings_path: None,
            config_path: None,
            audio_device: false,
            installed_bundle: false,
        }
    }
}

impl AppOptions {
    /// The options the `clinic-edu` command starts with: the config at `config`, or
    /// `config.ron` in the platform's config folder (for a kiosk on Windows, the
    /// machine's: [`kiosk_config_path`]), read for the kiosk (where it is required),
    /// and `settings.ron` beside the user's config. The config folder may not be
    /// known; then, outside the kiosk, settings are not kept.
    pub fn for_config(config: Option<&Path>, kiosk: bool) -> Result<Self, ConfigError> {
        let path = if kiosk {
            kiosk_config_path(config)
        } else {
            config_path(config)
        };
        let kiosk = match (&path, kiosk) {
            (Ok(path), true) => Some(Config::load(path)?),
            (Err(_), true) => return Err(path.unwrap_err()),
            (_, false) => None,
        };
        // The settings are the user's own, also a Windows kiosk's (whose account
        // may not write to the machine's config folder).
        let settings_path = config_path(config).ok().map(|p| Settings::path_beside(&p));
        Ok(Self {
            kiosk,
            settings_path,
            config_path: path.ok(),
            audio_device: true,
            ..Self::default()
        })
    }
}

/// A started app: its first state, its services, and how the text engine is to be
/// set up when the window opens.
pub struct Started {
    pub state: AppState,
    pub services: Services,
    pub system_fonts: bool,
    /// The updater thread, when the config names a repository.
    pub updates: Option<super::updates::Poller>,
}

/// What is read and checked before the window opens: the settings, and the config
/// with its staff PIN. Cheap, so that a kiosk missing its PIN fails at once.
pub struct Prelude {
    options: AppOptions,
    settings: Settings,
    /// The config: the kiosk's, or the one beside the settings when it exists.
    config: Option<Config>,
}

impl Prelude {
    /// Reads the settings and checks the kiosk's config (see [`start`]).
    pub fn new(options: AppOptions) -> anyhow::Result<Self> {
        if let Some(config) = &options.kiosk {
            check_pin(config, options.config_path.as_deref())?;
        }
        let settings = options
            .settings_path
            .as_deref()
            .map(Settings::load)
            .unwrap_or_default();
        // A handout shows the clinic's name from its config, when there is one; a
        // kiosk prints only to the printer its config names.
        let config = match &options.kiosk {
            Some(config) => Some(config.clone()),
            None => options
                .config_path
                .as_deref()
                .filter(|p| p.exists())
                .and_then(|p| Config::load(p).ok()),
        };
        Ok(Self {
            options,
            settings,
            config,
        })
    }

    /// Whether the app runs as the kiosk.
    pub fn is_kiosk(&self) -> bool {
        self.options.kiosk.is_some()
    }

    /// The window size kept from the last run, if any.
    pub fn window_size(&self) -> Option<[f32; 2]> {
        self.settings.window_size
    }
}

/// Loads the content (a clinic's folder with errors is not used: the app runs on
/// the embedded content and lists the errors for staff), the settings and, in kiosk
/// mode, checks the config. The text engine is set up on the first frame.
pub fn start(options: AppOptions) -> anyhow::Result<Started> {
    start_after(Prelude::new(options)?)
}

/// [`start`], from what was read before the window opened.
pub fn start_after(prelude: Prelude) -> anyhow::Result<Started> {
    let Prelude {
        mut options,
        settings,
        config,
    } = prelude;
    // A handout file the PDF program still held when the last run ended (Windows).
    crate::pdf::print::remove_leftovers();
    let installed_by = options
        .config_path
        .clone()
        .filter(|_| options.installed_bundle);
    let (mut library, content_errors, strings) =
        super::installed::load(&mut options.content_dir, installed_by.as_deref())?;
    anyhow::ensure!(
        !library.is_empty(),
        "no treatment content could be loaded: {}",
        content_errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    );
    let handout_setup = HandoutSetup {
        clinic_name: config.as_ref().map(|c| c.clinic_name.clone()),
        printer: config.as_ref().and_then(|c| c.printer.clone()),
        kiosk: options.kiosk.is_some(),
    };
    let state = match options.kiosk {
        Some(config) => {
            check_topics(&config, &library)?;
            let mut config = config;
            if !config.topics.is_empty() {
                library = library.only(&config.topics);
            }
            // A language the offered content is not complete in is not offered.
            let complete = library.languages();
            config.languages.retain(|lang| {
                let offered = complete.contains(lang);
                if !offered {
                    eprintln!("clinic-edu: {lang} is not offered: its content has errors");
                }
                offered
            });
            let volume = u8::try_from(config.volume.min(100)).unwrap_or(100);
            let mut state = AppState::kiosk(KioskState::new(config), settings.staff_language);
            state.volume = volume;
            state.default_volume = volume;
            state
        }
        None => AppState::new(Route::Home, options.language, settings.staff_language),
    };
    let strings = std::sync::Arc::new(strings);
    // Reviews are recorded in the clinic's folder, and only when the app runs on it
    // (a folder with errors leaves the app on the built-in content).
    let review_folder = options
        .content_dir
        .clone()
        .filter(|_| content_errors.is_empty());
    // Read-aloud needs clips (the clinic folder's, over the built-in narration), the
    // config's consent (a kiosk's `read_aloud`), and an audio output; without one the
    // controls are not shown.
    let narration = if config.as_ref().is_none_or(|c| c.read_aloud) {
        let builtin = narration::builtin_dir();
        let folders: Vec<&Path> = review_folder
            .iter()
            .chain(&builtin)
            .map(PathBuf::as_path)
            .collect();
        NarrationIndex::scan(&folders, &library, &strings)
    } else {
        NarrationIndex::default()
    };
    let speaker: Option<Box<dyn Output>> = if narration.is_empty() || !options.audio_device {
        None
    } else {
        match DeviceOutput::open() {
            Ok(output) => Some(Box::new(output)),
            Err(e) => {
                eprintln!("clinic-edu: read-aloud is off: no audio output ({e})");
                None
            }
        }
    };
    // The updater checks the config's repository on a thread of its own.
    let updates = match (&config, &options.config_path) {
        (Some(c), Some(path)) => c
            .updates
            .clone()
            .map(|u| super::updates::Poller::start(path.clone(), u, c.read_aloud)),
        _ => None,
    };
    let services = Services {
        narration,
        speaker,
        library,
        content_errors,
        review_folder,
        review_message: None,
        samples: Samples::embedded().map_err(anyhow::Error::msg)?,
        handouts: HandoutJobs::new(strings.clone()),
        strings,
        handout_setup,
        review_months: config
            .as_ref()
            .map_or(crate::content::review::DEFAULT_VALID_MONTHS, |c| {
                c.review_valid_months
            }),
        settings: SettingsStore {
            path: options.settings_path,
            window_size: settings.window_size,
        },
    };
    Ok(Started {
        state,
        services,
        system_fonts: options.system_fonts,
        updates,
    })
}

/// A kiosk needs a staff PIN.
fn check_pin(config: &Config, path: Option<&Path>) -> anyhow::Result<()> {
    match path {
        Some(path) => anyhow::ensure!(
            config.pin_hash.is_some(),
            "kiosk mode needs a staff PIN, and {} has none: set one with `clinic-edu set-pin --config {}`",
            path.display(),
            path.display()
        ),
        None => anyhow::ensure!(
            config.pin_hash.is_some(),
            "kiosk mode needs a staff PIN: set one with `clinic-edu set-pin` (add --config FILE if you use one)"
        ),
    }
    Ok(())
}

/// A kiosk may offer only topics that exist.
fn check_topics(config: &Config, library: &Library) -> anyhow::Result<()> {
    for id in &config.topics {
        anyhow::ensure!(
            library.topic(id).is_some(),
            "the config offers an unknown topic {id:?}; topics are: {}",
            library
                .topics()
                .iter()
                .map(|t| t.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(())
}

//! Handouts from the app: where they may go, and the jobs that save or print the
//! PDF off the UI thread, so the screen never waits for a dialog, the layout or the
//! print system. A job reports back through a shared status, waking the UI when it
//! ends.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::content::Library;
use crate::i18n::Strings;
use crate::pdf::print::{PrintError, print};
use crate::pdf::{self, HandoutRequest};
use crate::text::{FontOptions, TextSystem};

/// Where handouts may go, from the config: in kiosk mode there is never a file
/// dialog, and printing only to the printer the config names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HandoutSetup {
    pub clinic_name: Option<String>,
    pub printer: Option<String>,
    pub kiosk: bool,
}

impl HandoutSetup {
    pub fn can_save(&self) -> bool {
        !self.kiosk
    }

    pub fn can_print(&self) -> bool {
        !self.kiosk || self.printer.is_some()
    }
}

/// How the last save or print went.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Status {
    #[default]
    Idle,
    /// A save (its dialog may be open) or a print is under way.
    Working(Action),
    Saved(PathBuf),
    Printed,
    NoPrinter,
    /// No save dialog can open here (no desktop portal, no zenity).
    NoDialog,
    Failed(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Save,
    Print,
}

/// The save and print jobs, and how the last one went. The panel's choices are
/// app state ([`super::state::HandoutChoice`]); this is the service that acts on
/// them. A status belongs to the panel generation that started its job: after a
/// reset (another page, another patient) an old job's result is never shown.
pub struct HandoutJobs {
    status: Arc<Mutex<(u64, Status)>>,
    /// The app's UI strings (a clinic's own languages' included), shared with
    /// each job rather than read again.
    strings: Arc<Strings>,
}

impl HandoutJobs {
    pub fn new(strings: Arc<Strings>) -> Self {
        Self {
            status: Arc::default(),
            strings,
        }
    }

    /// The status to show for the panel of `generation`.
    pub fn status(&self, generation: u64) -> Status {
        let guard = self.status.lock().unwrap_or_else(|p| p.into_inner());
        if guard.0 == generation {
            guard.1.clone()
        } else {
            Status::Idle
        }
    }

    /// Starts saving or printing `request` for the panel of `generation`, unless a
    /// job of that panel is running. `repaint` is called when the job ends.
    pub fn start(
        &self,
        generation: u64,
        action: Action,
        library: &Library,
        request: HandoutRequest,
        setup: &HandoutSetup,
        repaint: impl FnOnce() + Send + 'static,
    ) {
        let allowed = match action {
            Action::Save => setup.can_save(),
            Action::Print => setup.can_print(),
        };
        if !allowed || matches!(self.status(generation), Status::Working(_)) {
            return;
        }
        *self.status.lock().unwrap_or_else(|p| p.into_inner()) =
            (generation, Status::Working(action));
        let status = self.status.clone();
        let library = library.only(std::slice::from_ref(&request.topic));
        let printer = setup.printer.clone();
        let strings = self.strings.clone();
        std::thread::spawn(move || {
            let result = run(action, &library, &strings, &request, printer.as_deref());
            let mut guard = status.lock().unwrap_or_else(|p| p.into_inner());
            if guard.0 == generation {
                guard.1 = result;
            }
            drop(guard);
            repaint();
        });
    }
}

fn run(
    action: Action,
    library: &Library,
    strings: &Strings,
    request: &HandoutRequest,
    printer: Option<&str>,
) -> Status {
    let make = || -> Result<Vec<u8>, String> {
        let mut text = TextSystem::new(FontOptions {
            system_fonts: false,
        });
        pdf::make(library, strings, &mut text, request).map_err(|e| e.to_string())
    };
    match action {
        Action::Save => {
            if !save_dialog_available() {
                return Status::NoDialog;
            }
            let name = format!("{}-{}.pdf", request.topic, request.lang.code());
            let dialog = rfd::AsyncFileDialog::new()
                .set_file_name(name)
                .add_filter("PDF", &["pdf"])
                .save_file();
            let Some(file) = pollster::block_on(dialog) else {
                return Status::Idle;
            };
            let path = file.path().to_owned();
            match make()
                .and_then(|bytes| pdf::write_atomic(&path, &bytes).map_err(|e| e.to_string()))
            {
                Ok(()) => Status::Saved(path),
                Err(e) => Status::Failed(e),
            }
        }
        Action::Print => match make() {
            Ok(bytes) => match print(&bytes, printer) {
                Ok(_) => Status::Printed,
                Err(PrintError::NoPrintSystem(_) | PrintError::NoPrinter(_)) => Status::NoPrinter,
                Err(PrintError::Failed(e)) => Status::Failed(e),
            },
            Err(e) => Status::Failed(e),
        },
    }
}

/// Whether a save dialog can open: on Linux rfd asks the desktop portal over the
/// session bus and falls back to zenity; with neither, it would return as if the
/// person had cancelled.
fn save_dialog_available() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| std::path::Path::new(&dir).join("bus").exists());
    let zenity = std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join("zenity").is_file()));
    bus || zenity
}

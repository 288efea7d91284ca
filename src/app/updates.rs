//! The app's updater (README, "Updating many kiosks"): a background thread that
//! checks the config's repository at start and then every `poll_seconds`, never
//! on a frame. A bundle it installs is loaded there too (content, strings,
//! narration), and handed over for the window to swap in at a safe point.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::config::Updates;
use crate::content::narration::{self, NarrationIndex};
use crate::content::review::Date;
use crate::content::{self, Library};
use crate::i18n::Strings;
use crate::update::client::{Outcome, describe, update_once};
use crate::update::state::{Paths, State, installed_content, revert};

/// A newly installed bundle, loaded and ready to show.
pub struct Ready {
    pub version: u64,
    pub folder: PathBuf,
    pub library: Library,
    pub strings: Arc<Strings>,
    pub narration: NarrationIndex,
}

/// The updater thread's side of the app.
pub struct Poller {
    ready: Receiver<Ready>,
    /// The updater's state after its last check (for the staff menu).
    status: Arc<Mutex<Option<State>>>,
}

impl Poller {
    /// Starts the thread for the config at `config` (whose state is kept beside it).
    pub fn start(config: PathBuf, updates: Updates, read_aloud: bool) -> Poller {
        let (send, ready) = channel();
        let status = Arc::new(Mutex::new(State::load(&Paths::beside(&config)).ok()));
        let shared = status.clone();
        let spawned = std::thread::Builder::new()
            .name("updates".into())
            .spawn(move || {
                crate::update::lower_thread_priority();
                poll(&config, &updates, read_aloud, &send, &shared);
            });
        if let Err(e) = spawned {
            eprintln!("clinic-edu: updates: cannot start the updater thread: {e}");
        }
        Poller { ready, status }
    }

    /// The day now: the later of the system clock's and the latest time the
    /// updater has seen, so that a clock wound back cannot make a review stand again.
    pub fn today(&self) -> Date {
        let seen = self
            .status
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .map_or(0, |s| s.latest_seen);
        Date::today().max(Date::from_unix_seconds(seen))
    }

    /// The updater's state after its last check, if it has one.
    pub fn status(&self) -> Option<State> {
        self.status
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The newest bundle ready since the last call, if any.
    pub fn take(&self) -> Option<Ready> {
        self.ready.try_iter().last()
    }
}

fn poll(
    config: &Path,
    updates: &Updates,
    read_aloud: bool,
    send: &Sender<Ready>,
    status: &Mutex<Option<State>>,
) {
    loop {
        match update_once(config, updates) {
            Ok(Outcome::Installed(version)) => match load(config, version, read_aloud) {
                Ok(ready) => {
                    eprintln!("clinic-edu: updates: content version {version} installed");
                    if send.send(ready).is_err() {
                        return;
                    }
                }
                // It verified but does not load: back to the one before.
                Err(e) => {
                    let why = describe(&e);
                    match revert(&Paths::beside(config), &why) {
                        Ok(back) => eprintln!(
                            "clinic-edu: updates: {why}; back to {}",
                            back.map_or("the built-in content".to_owned(), |v| format!(
                                "content version {v}"
                            ))
                        ),
                        Err(e) => eprintln!("clinic-edu: updates: {why}; {}", describe(&e)),
                    }
                }
            },
            Ok(Outcome::UpToDate(_)) => {}
            // Recorded in the state too, for `clinic-edu status`.
            Err(e) => eprintln!("clinic-edu: updates: {e}"),
        }
        if let Ok(state) = State::load(&Paths::beside(config)) {
            *status.lock().unwrap_or_else(|p| p.into_inner()) = Some(state);
        }
        std::thread::sleep(Duration::from_secs(u64::from(updates.poll_seconds)));
    }
}

/// The installed bundle as the app loads a clinic folder.
fn load(config: &Path, version: u64, read_aloud: bool) -> anyhow::Result<Ready> {
    let folder = installed_content(config)
        .ok_or_else(|| anyhow::anyhow!("content version {version} is not in its folder"))?;
    let (library, errors) = content::load::for_app(Some(&folder));
    if let Some(why) = super::installed::load_failure(&library, &errors) {
        anyhow::bail!(why);
    }
    let strings = Arc::new(Strings::load(Some(&folder))?);
    let narration = if read_aloud {
        let builtin = narration::builtin_dir();
        let folders: Vec<&Path> = std::iter::once(folder.as_path())
            .chain(builtin.as_deref())
            .collect();
        NarrationIndex::scan(&folders, &library, &strings)
    } else {
        NarrationIndex::default()
    };
    Ok(Ready {
        version,
        folder,
        library,
        strings,
        narration,
    })
}

//! What the updater keeps between runs in its data folder (`updates/` beside the
//! config): `state.json` (the installed and previous bundle, the highest content
//! version ever installed, the latest time seen, the last good check and the last
//! error), the TUF metadata (`tuf/`) and the bundles (`bundles/v<N>/`).

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::{Deserialize, Serialize};

/// A bundle on this machine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Installed {
    pub content_version: u64,
    pub channel: String,
    pub review_by: Option<String>,
    pub reviewed: bool,
}

/// The updater's state.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// The bundle the app shows.
    pub installed: Option<Installed>,
    /// The one before, kept to go back to.
    pub previous: Option<Installed>,
    /// The highest content version ever installed: nothing at or below it is
    /// installed again.
    pub highest_version: u64,
    /// The latest time seen, Unix seconds: time is never taken as earlier.
    pub latest_seen: i64,
    /// When the repository last verified, `YYYY-MM-DDTHH:MM:SSZ`.
    pub last_good_check: Option<String>,
    /// Why the last check or install failed, if it did.
    pub last_error: Option<String>,
    /// The channel and timestamp version of the last full check that ended with
    /// nothing left to do: while the repository serves that same timestamp, a
    /// poll needs no more than it.
    #[serde(default)]
    pub settled: Option<(String, u64)>,
}

/// The updater's folders.
pub struct Paths {
    pub data: PathBuf,
}

impl Paths {
    pub fn beside(config: &Path) -> Paths {
        Paths {
            data: crate::config::data_dir_beside(config),
        }
    }
    pub fn state(&self) -> PathBuf {
        self.data.join("state.json")
    }
    pub fn tuf(&self) -> PathBuf {
        self.data.join("tuf")
    }
    pub fn staging(&self) -> PathBuf {
        self.data.join("staging")
    }
    pub fn bundles(&self) -> PathBuf {
        self.data.join("bundles")
    }
    pub fn bundle(&self, version: u64) -> PathBuf {
        self.bundles().join(format!("v{version}"))
    }
}

impl State {
    /// The saved state; none saved is the empty state.
    pub fn load(paths: &Paths) -> anyhow::Result<State> {
        let path = paths.state();
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .with_context(|| format!("{}: not the updater's state", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(State::default()),
            Err(e) => Err(e).with_context(|| format!("{}: cannot read", path.display())),
        }
    }

    /// Saves the state through a file renamed into place (synced first), so that
    /// a crash leaves either the old state or the new.
    pub fn save(&self, paths: &Paths) -> anyhow::Result<()> {
        let path = paths.state();
        std::fs::create_dir_all(&paths.data)
            .with_context(|| format!("{}: cannot create", paths.data.display()))?;
        let temporary = paths.data.join("state.json.new");
        let bytes = serde_json::to_vec_pretty(self).context("state")?;
        let write = || -> std::io::Result<()> {
            let mut file = std::fs::File::create(&temporary)?;
            std::io::Write::write_all(&mut file, &bytes)?;
            file.sync_all()?;
            std::fs::rename(&temporary, &path)
        };
        write().map_err(|e| {
            // A half-written temporary (a full disk) is of no use to anyone.
            let _ = std::fs::remove_file(&temporary);
            anyhow::Error::new(e).context(format!("{}: cannot write", path.display()))
        })
    }

    /// The time now: the later of the system clock and the latest time seen.
    pub fn now(&self) -> i64 {
        let clock = jiff::Timestamp::now().as_second();
        clock.max(self.latest_seen)
    }
}

/// Goes back to the previous bundle because the installed one, though it
/// verified, does not load (`why`): the previous one is installed again and the
/// failed version is recorded as the last error. The highest version stays, so
/// the failed bundle is not installed again; a newer one will be. Returns the
/// version now installed.
pub fn revert(paths: &Paths, why: &str) -> anyhow::Result<Option<u64>> {
    let mut state = State::load(paths)?;
    let failed = state.installed.as_ref().map(|i| i.content_version);
    let previous = state
        .previous
        .take()
        .filter(|p| paths.bundle(p.content_version).is_dir());
    let back = previous.as_ref().map(|p| p.content_version);
    state.installed = previous;
    state.last_error = Some(format!(
        "{}: content version {} does not load ({why}); {}",
        format_time(state.now()),
        failed.map_or("?".to_owned(), |v| v.to_string()),
        back.map_or("the built-in content shows".to_owned(), |v| format!(
            "back to content version {v}"
        ))
    ));
    state.settled = None;
    state.save(paths)?;
    Ok(back)
}

/// `YYYY-MM-DDTHH:MM:SSZ` for Unix seconds.
pub fn format_time(seconds: i64) -> String {
    jiff::Timestamp::from_second(seconds).map_or_else(|_| seconds.to_string(), |t| t.to_string())
}

/// The installed bundle's folder for the config at `config`, if it has one.
pub fn installed_content(config: &Path) -> Option<PathBuf> {
    let paths = Paths::beside(config);
    let state = State::load(&paths).ok()?;
    let dir = paths.bundle(state.installed?.content_version);
    dir.is_dir().then_some(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_that_does_not_load_goes_back_to_the_previous_one() {
        let dir = std::env::temp_dir().join(format!("clinic-edu-revert-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let paths = Paths { data: dir.clone() };
        let bundle = |v: u64| Installed {
            content_version: v,
            channel: "stable".into(),
            review_by: None,
            reviewed: false,
        };
        std::fs::create_dir_all(paths.bundle(1)).unwrap();
        std::fs::create_dir_all(paths.bundle(2)).unwrap();
        let state = State {
            installed: Some(bundle(2)),
            previous: Some(bundle(1)),
            highest_version: 2,
            ..State::default()
        };
        state.save(&paths).unwrap();
        assert_eq!(revert(&paths, "no topics").unwrap(), Some(1));
        let after = State::load(&paths).unwrap();
        assert_eq!(after.installed, Some(bundle(1)));
        assert_eq!(after.highest_version, 2);
        let error = after.last_error.unwrap();
        assert!(
            error.ends_with(
                "content version 2 does not load (no topics); back to content version 1"
            ),
            "{error}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

//! The config's `updates` section: where a kiosk or staff PC gets signed content
//! (a TUF repository), the root.json clinic IT installed, the channel and how often
//! to look (README, "Updating many kiosks").

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Seconds between two looks at the repository.
pub const POLL_SECONDS: std::ops::RangeInclusive<u32> = 60..=7 * 24 * 3600;
/// The channels a bundle is published on.
pub const CHANNELS: [&str; 2] = ["pilot", "stable"];

fn default_channel() -> String {
    "stable".to_owned()
}
fn default_poll() -> u32 {
    3600
}

/// Where signed content comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Updates {
    /// The repository's address: `https://host/path` or `file:///path` (a mirror
    /// folder or a USB stick); its `metadata/` and `targets/` folders are below it.
    pub repository: String,
    /// The trusted root.json clinic IT installed on this machine.
    pub trusted_root: PathBuf,
    /// `stable`, or `pilot` (which also takes stable bundles).
    #[serde(default = "default_channel")]
    pub channel: String,
    /// Seconds between two looks at the repository.
    #[serde(default = "default_poll")]
    pub poll_seconds: u32,
}

impl Updates {
    /// Why these settings cannot be used, as `(field, message)`.
    pub fn problem(&self) -> Option<(&'static str, String)> {
        let scheme_ok =
            self.repository.starts_with("https://") || self.repository.starts_with("file://");
        if !scheme_ok || self.repository.len() > 2000 {
            return Some((
                "repository",
                format!(
                    "{:?} is not an https:// or file:// address",
                    self.repository
                ),
            ));
        }
        if !CHANNELS.contains(&self.channel.as_str()) {
            return Some((
                "channel",
                format!("{:?}; give one of {}", self.channel, CHANNELS.join(", ")),
            ));
        }
        if !POLL_SECONDS.contains(&self.poll_seconds) {
            return Some((
                "poll_seconds",
                format!(
                    "{} is out of range; give {} to {} seconds",
                    self.poll_seconds,
                    POLL_SECONDS.start(),
                    POLL_SECONDS.end()
                ),
            ));
        }
        None
    }

    /// The trusted root's path, a relative one taken from the config's folder.
    pub fn trusted_root_from(&self, config: &Path) -> PathBuf {
        match config.parent() {
            Some(dir) if self.trusted_root.is_relative() => dir.join(&self.trusted_root),
            _ => self.trusted_root.clone(),
        }
    }
}

/// The folder beside a config where the updater keeps the repository's metadata,
/// its state and the installed bundles: `updates/` next to `config.ron`.
pub fn data_dir_beside(config: &Path) -> PathBuf {
    config
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("updates")
}

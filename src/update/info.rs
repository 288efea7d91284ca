//! What a bundle's target says of it in `targets.json` (its `custom` metadata), and
//! the repository's folders and expiry times.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// The largest timestamp.json read: anything bigger is cut off and refused.
pub const MAX_TIMESTAMP_BYTES: u64 = 16 * 1024;
/// The largest bundle installed, whatever its metadata says.
pub const MAX_BUNDLE_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// A bundle's custom metadata, signed with the targets role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleInfo {
    /// Higher than every bundle's before it.
    pub content_version: u64,
    /// `pilot` or `stable`.
    pub channel: String,
    /// `YYYY-MM-DD`: the earliest day one of its reviews runs out (none when
    /// published with `--allow-unreviewed` and nothing reviewed).
    pub review_by: Option<String>,
    /// The oldest app version that may install it.
    pub min_app_version: String,
    /// The languages it is complete in.
    pub languages: Vec<String>,
    /// Whether every one of its own texts was reviewed when it was published.
    pub reviewed: bool,
}

impl BundleInfo {
    pub fn to_custom(&self) -> HashMap<String, serde_json::Value> {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(map)) => map.into_iter().collect(),
            _ => HashMap::new(),
        }
    }

    /// The metadata of a target, if it is a bundle.
    pub fn from_custom(custom: &HashMap<String, serde_json::Value>) -> Option<BundleInfo> {
        let map: serde_json::Map<String, serde_json::Value> =
            custom.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        serde_json::from_value(serde_json::Value::Object(map)).ok()
    }

    /// The target's name for content version `version`.
    pub fn target_name(version: u64) -> String {
        format!("bundle-{version}.tar")
    }
}

/// `a` is older than `b`, comparing `MAJOR.MINOR.PATCH` as numbers.
pub fn version_older(a: &str, b: &str) -> bool {
    let parts = |v: &str| -> Vec<u64> { v.split('.').map(|p| p.parse().unwrap_or(0)).collect() };
    parts(a) < parts(b)
}

/// The repository's metadata folder.
pub fn metadata_dir(repo: &Path) -> std::path::PathBuf {
    repo.join("metadata")
}

/// The repository's targets folder.
pub fn targets_dir(repo: &Path) -> std::path::PathBuf {
    repo.join("targets")
}

/// Now plus `days`, in whole seconds (as the TUF spec writes expiry times,
/// `YYYY-MM-DDTHH:MM:SSZ`; python-tuf refuses fractions).
pub fn expires_in_days(days: u32) -> jiff::Timestamp {
    let now = jiff::Timestamp::now().as_second();
    let days = i64::from(days.min(36_500));
    jiff::Timestamp::from_second(now + days * 86_400).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}

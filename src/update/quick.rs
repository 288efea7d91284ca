//! The poll with nothing new: one request, for `timestamp.json`. When it is the
//! very timestamp already verified (same signed content, same signatures) and no
//! role kept from the last full check has expired, nothing can have changed, and
//! the full TUF walk (a root, snapshot and targets request more) is skipped. Any
//! other answer, even a failed request, goes on to the full walk.

use std::path::Path;

use futures_util::StreamExt as _;
use tough::Transport as _;

use super::info::MAX_TIMESTAMP_BYTES;

/// Whether the repository's timestamp at `metadata` is the one kept in `tuf`
/// (tough's datastore) and of version `settled` (that of the last full check that
/// left nothing to do), with no kept role expired at `now` (Unix seconds).
pub async fn nothing_new(metadata: &url::Url, tuf: &Path, settled: u64, now: i64) -> bool {
    let Some(kept) = read_json(&tuf.join("timestamp.json")) else {
        return false;
    };
    if kept["signed"]["version"].as_u64() != Some(settled) {
        return false;
    }
    for role in ["root", "timestamp", "snapshot", "targets"] {
        let Some(expires) = read_json(&tuf.join(format!("{role}.json"))).and_then(|v| {
            v["signed"]["expires"]
                .as_str()?
                .parse::<jiff::Timestamp>()
                .ok()
        }) else {
            return false;
        };
        if expires.as_second() <= now {
            return false;
        }
    }
    let Ok(url) = metadata.join("timestamp.json") else {
        return false;
    };
    let Ok(mut stream) = tough::DefaultTransport::new().fetch(url).await else {
        return false;
    };
    let mut bytes = Vec::new();
    while let Some(chunk) = stream.next().await {
        let Ok(chunk) = chunk else { return false };
        bytes.extend_from_slice(&chunk);
        if bytes.len() as u64 > MAX_TIMESTAMP_BYTES {
            return false;
        }
    }
    serde_json::from_slice::<serde_json::Value>(&bytes).is_ok_and(|fetched| fetched == kept)
}

fn read_json(path: &Path) -> Option<serde_json::Value> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}

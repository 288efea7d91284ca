//! Signed content updates (README, "Updating many kiosks"), each against a
//! repository made by `repo init` and `publish` in a scratch folder and read
//! through `file://`, with the CLI run as a real process: what is published, and
//! every way a bad or stale repository is refused while the last good content stays.

mod common;
#[path = "common/tuf.rs"]
mod tuf;

use std::collections::HashMap;

use sha2::Digest as _;
use tough::schema::{Metafile, Snapshot, Targets, Timestamp};
use tuf::{Setup, ok, refused};

fn metafile(bytes: &[u8], version: u64) -> Metafile {
    Metafile {
        length: Some(bytes.len() as u64),
        hashes: Some(tough::schema::Hashes {
            sha256: sha2::Sha256::digest(bytes).to_vec().into(),
            _extra: HashMap::new(),
        }),
        version: std::num::NonZeroU64::new(version).unwrap(),
        _extra: HashMap::new(),
    }
}

/// A timestamp one version above the current one, naming `snapshot`, signed with
/// the timestamp key.
fn timestamp_for(setup: &Setup, snapshot: Metafile) -> Vec<u8> {
    let mut timestamp = setup.read::<Timestamp>("timestamp.json").signed;
    timestamp.version = timestamp.version.saturating_add(1);
    timestamp.meta.insert("snapshot.json".into(), snapshot);
    let root = setup.root().signed;
    setup.sign(timestamp, &root, &[setup.key("timestamp")])
}

fn latest(setup: &Setup, role: &str) -> u64 {
    let ts = setup.read::<Timestamp>("timestamp.json").signed;
    let snapshot_version = ts.meta["snapshot.json"].version.get();
    if role == "snapshot" {
        return snapshot_version;
    }
    let snapshot = setup.read::<Snapshot>(&format!("{snapshot_version}.snapshot.json"));
    snapshot.signed.meta["targets.json"].version.get()
}

/// Installs version 1 ("one") and then 2 ("two"); returns the metadata folder as
/// it was after version 1.
fn two_versions(setup: &Setup) -> std::path::PathBuf {
    let one = setup.content("one", "one", true);
    ok(setup.publish(&one, &[]));
    ok(setup.update(&[]));
    let old = setup.dir.join("metadata-v1");
    tuf::copy_dir(&setup.metadata(), &old);
    let two = setup.content("two", "two", true);
    ok(setup.publish(&two, &[]));
    ok(setup.update(&[]));
    assert_eq!(setup.shown().as_deref(), Some("two"));
    old
}

#[test]
fn publish_signs_the_bundle_metadata_with_whole_second_expiry() {
    let setup = Setup::new("publish");
    let content = setup.content("c", "one", true);
    ok(setup.publish(&content, &["--channel", "pilot"]));
    let targets = setup.read::<Targets>(&format!("{}.targets.json", latest(&setup, "targets")));
    let (name, target) = targets.signed.targets_iter().next().unwrap();
    assert_eq!(name.raw(), "bundle-1.tar");
    let custom = &target.custom;
    assert_eq!(custom["content_version"], 1);
    assert_eq!(custom["channel"], "pilot");
    assert_eq!(custom["min_app_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(custom["reviewed"], false);
    assert!(custom["review_by"].is_null(), "{custom:?}");
    let languages: Vec<&str> = custom["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert_eq!(languages, ["en", "ar", "bn", "ja", "ur"]);
    // Every expiry in whole seconds, as the spec writes it.
    for entry in std::fs::read_dir(setup.metadata()).unwrap() {
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(entry.unwrap().path()).unwrap()).unwrap();
        let expires = json["signed"]["expires"].as_str().unwrap();
        let shape: String = expires
            .chars()
            .map(|c| if c.is_ascii_digit() { '9' } else { c })
            .collect();
        assert_eq!(shape, "9999-99-99T99:99:99Z", "{expires}");
    }
    // A second bundle takes the next content version.
    ok(setup.publish(&content, &[]));
    let targets = setup.read::<Targets>(&format!("{}.targets.json", latest(&setup, "targets")));
    assert_eq!(targets.signed.targets_map().len(), 2);
}

#[test]
fn publish_refuses_a_folder_that_fails_validation_or_review() {
    let setup = Setup::new("publish-refuses");
    let content = setup.content("c", "one", true);
    let before = std::fs::read(setup.metadata().join("timestamp.json")).unwrap();
    // Unreviewed texts, without --allow-unreviewed.
    let out = tuf::run(
        &[
            "publish",
            "--content",
            tuf::s(&content),
            "--repo",
            tuf::s(&setup.repo()),
            "--keys",
            tuf::s(&setup.keys()),
        ],
        &[],
    );
    refused(&out, "prp-local/en: never reviewed");
    // A file that does not parse.
    std::fs::write(content.join("prp-local/en.ron"), "(title: ").unwrap();
    refused(&setup.publish(&content, &[]), "fails validation");
    assert_eq!(
        std::fs::read(setup.metadata().join("timestamp.json")).unwrap(),
        before
    );
    assert_eq!(
        std::fs::read_dir(setup.repo().join("targets"))
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn an_older_timestamp_is_refused_also_after_a_restart() {
    let setup = Setup::new("rollback-timestamp");
    let old = two_versions(&setup);
    std::fs::remove_dir_all(setup.metadata()).unwrap();
    tuf::copy_dir(&old, &setup.metadata());
    for _ in 0..2 {
        refused(&setup.update(&[]), "when we had previously fetched version");
        assert_eq!(setup.shown().as_deref(), Some("two"));
    }
    assert!(
        setup.status().contains("last error: 20"),
        "{}",
        setup.status()
    );
}

#[test]
fn an_older_snapshot_is_refused() {
    let setup = Setup::new("rollback-snapshot");
    let old = two_versions(&setup);
    let old_ts: tough::schema::Signed<Timestamp> =
        serde_json::from_slice(&std::fs::read(old.join("timestamp.json")).unwrap()).unwrap();
    let stale = old_ts.signed.meta["snapshot.json"].clone();
    setup.put("timestamp.json", &timestamp_for(&setup, stale));
    refused(
        &setup.update(&[]),
        "in timestamp 4 is less than 3 in timestamp 3",
    );
    assert_eq!(setup.shown().as_deref(), Some("two"));
}

#[test]
fn an_older_targets_is_refused() {
    let setup = Setup::new("rollback-targets");
    let _ = two_versions(&setup);
    let version = latest(&setup, "snapshot");
    let mut snapshot = setup
        .read::<Snapshot>(&format!("{version}.snapshot.json"))
        .signed;
    let old_targets = std::fs::read(setup.metadata().join("1.targets.json")).unwrap();
    snapshot.version = snapshot.version.saturating_add(1);
    snapshot
        .meta
        .insert("targets.json".into(), metafile(&old_targets, 1));
    let root = setup.root().signed;
    let bytes = setup.sign(snapshot, &root, &[setup.key("snapshot")]);
    setup.put(&format!("{}.snapshot.json", version + 1), &bytes);
    setup.put(
        "timestamp.json",
        &timestamp_for(&setup, metafile(&bytes, version + 1)),
    );
    refused(&setup.update(&[]), "is greater than version 1 in snapshot");
    assert_eq!(setup.shown().as_deref(), Some("two"));
}

#[test]
fn snapshot_and_targets_that_disagree_are_refused() {
    let setup = Setup::new("disagree");
    let _ = two_versions(&setup);
    let version = latest(&setup, "snapshot");
    let targets_version = latest(&setup, "targets");
    let mut snapshot = setup
        .read::<Snapshot>(&format!("{version}.snapshot.json"))
        .signed;
    snapshot.version = snapshot.version.saturating_add(1);
    // The snapshot names the current targets version with the hash of another
    // file of the same length.
    let mut other = std::fs::read(
        setup
            .metadata()
            .join(format!("{targets_version}.targets.json")),
    )
    .unwrap();
    let last = other.len() - 2;
    other[last] ^= 1;
    snapshot
        .meta
        .insert("targets.json".into(), metafile(&other, targets_version));
    let root = setup.root().signed;
    let bytes = setup.sign(snapshot, &root, &[setup.key("snapshot")]);
    setup.put(&format!("{}.snapshot.json", version + 1), &bytes);
    setup.put(
        "timestamp.json",
        &timestamp_for(&setup, metafile(&bytes, version + 1)),
    );
    refused(&setup.update(&[]), "hash");
    assert_eq!(setup.shown().as_deref(), Some("two"));
}

#[test]
fn an_older_content_version_is_not_installed() {
    let setup = Setup::new("older-content");
    ok(setup.publish(&setup.content("one", "one", true), &["--channel", "stable"]));
    ok(setup.publish(&setup.content("two", "two", true), &["--channel", "pilot"]));
    let url = url::Url::from_directory_path(setup.repo()).unwrap();
    setup.subscribe(url.as_str(), "pilot");
    assert!(ok(setup.update(&[])).contains("installed content version 2"));
    // On stable the newest is version 1, below what is installed: it stays 2.
    setup.subscribe(url.as_str(), "stable");
    assert!(ok(setup.update(&[])).contains("up to date: content version 2"));
    assert_eq!(setup.shown().as_deref(), Some("two"));
}

#[test]
fn an_expired_timestamp_is_refused_and_the_display_stays() {
    let setup = Setup::new("expired");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    ok(setup.update(&[]));
    // Signed ten days ago for seven days.
    let out = tuf::run_at(
        "-10d",
        &[
            "publish",
            "--refresh-timestamp",
            "--repo",
            tuf::s(&setup.repo()),
            "--keys",
            tuf::s(&setup.keys()),
        ],
    );
    ok(out);
    refused(&setup.update(&[]), "expired");
    assert_eq!(setup.shown().as_deref(), Some("one"));
    let status = setup.status();
    assert!(status.contains("timestamp metadata is expired"), "{status}");
    assert!(status.contains("installed: content version 1"), "{status}");
}

#[test]
fn one_flipped_byte_in_a_bundle_is_refused_and_nothing_changes() {
    let setup = Setup::new("flipped");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    ok(setup.update(&[]));
    ok(setup.publish(&setup.content("two", "two", true), &[]));
    let bundle = std::fs::read_dir(setup.repo().join("targets"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("bundle-2.tar"))
        .unwrap();
    let mut bytes = std::fs::read(&bundle).unwrap();
    bytes[700] ^= 1;
    std::fs::write(&bundle, bytes).unwrap();
    let state = std::fs::read(setup.kiosk().join("updates/state.json")).unwrap();
    refused(&setup.update(&[]), "bundle 2 refused");
    assert_eq!(setup.shown().as_deref(), Some("one"));
    assert!(!setup.kiosk().join("updates/staging").exists());
    assert!(!setup.kiosk().join("updates/bundles/v2").exists());
    let after: serde_json::Value =
        serde_json::from_slice(&std::fs::read(setup.kiosk().join("updates/state.json")).unwrap())
            .unwrap();
    let before: serde_json::Value = serde_json::from_slice(&state).unwrap();
    assert_eq!(after["installed"], before["installed"]);
    assert_eq!(after["highest_version"], 1);
}

#[test]
fn a_key_unknown_to_root_is_refused() {
    let setup = Setup::new("unknown-key");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    ok(setup.update(&[]));
    let attacker = setup.dir.join("attacker.pk8");
    let key = clinic_edu::update::keys::generate(&attacker).unwrap();
    let id = clinic_edu::update::keys::key_id(&key).unwrap();
    // The attacker's own idea of the root, with their key as the timestamp key.
    let mut fake = setup.root().signed;
    fake.keys.insert(id.clone(), key);
    fake.roles
        .get_mut(&tough::schema::RoleType::Timestamp)
        .unwrap()
        .keyids = vec![id];
    let mut timestamp = setup.read::<Timestamp>("timestamp.json").signed;
    timestamp.version = timestamp.version.saturating_add(1);
    setup.put("timestamp.json", &setup.sign(timestamp, &fake, &[attacker]));
    refused(
        &setup.update(&[]),
        "signature threshold of 1 not met for role timestamp",
    );
    assert_eq!(setup.shown().as_deref(), Some("one"));
}

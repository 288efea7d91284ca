//! Signed content updates, continued: a root rotation signed by 2 of 3 root keys
//! is taken and a revoked key then refused, one signed below the threshold is
//! refused; the same repository installs from a folder (a USB stick) and a
//! tampered copy is refused; a withdrawn topic goes; the clock (libfaketime) moved
//! ahead, back, and past a review-by date; oversized files are cut at their limit.

mod common;
#[path = "common/tuf.rs"]
mod tuf;

use clinic_edu::content::ContentFiles;
use clinic_edu::content::review::Date;
use tough::schema::Timestamp;
use tuf::{Setup, ok, refused, s};

fn rotate(setup: &Setup, role: &str) -> std::process::Output {
    tuf::run(
        &[
            "repo",
            "rotate-key",
            s(&setup.repo()),
            "--keys",
            s(&setup.keys()),
            "--role",
            role,
        ],
        &[],
    )
}

#[test]
fn a_root_rotation_signed_by_two_of_three_is_taken_and_the_revoked_key_refused() {
    let setup = Setup::new("rotation");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    ok(setup.update(&[]));
    let old_key = setup.dir.join("old-timestamp.pk8");
    std::fs::copy(setup.key("timestamp"), &old_key).unwrap();
    // Root key 3 is away: keys 1 and 2 meet the threshold of 2.
    std::fs::rename(setup.key("root-3"), setup.dir.join("root-3.pk8")).unwrap();
    ok(rotate(&setup, "timestamp"));
    assert!(setup.metadata().join("2.root.json").exists());
    ok(setup.publish(&setup.content("two", "two", true), &[]));
    assert!(ok(setup.update(&[])).contains("installed content version 2"));
    assert_eq!(setup.shown().as_deref(), Some("two"));
    // A timestamp signed with the key root version 2 revoked.
    let old_root: tough::schema::Signed<tough::schema::Root> =
        serde_json::from_slice(&std::fs::read(setup.metadata().join("1.root.json")).unwrap())
            .unwrap();
    let mut timestamp = setup.read::<Timestamp>("timestamp.json").signed;
    timestamp.version = timestamp.version.saturating_add(1);
    setup.put(
        "timestamp.json",
        &setup.sign(timestamp, &old_root.signed, &[old_key]),
    );
    refused(
        &setup.update(&[]),
        "signature threshold of 1 not met for role timestamp",
    );
    assert_eq!(setup.shown().as_deref(), Some("two"));
}

#[test]
fn a_root_signed_below_its_threshold_is_refused() {
    let setup = Setup::new("below-threshold");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    ok(setup.update(&[]));
    for away in ["root-2", "root-3"] {
        std::fs::rename(setup.key(away), setup.dir.join(format!("{away}.pk8"))).unwrap();
    }
    ok(rotate(&setup, "timestamp"));
    refused(
        &setup.update(&[]),
        "signature threshold of 2 not met for role root",
    );
    assert_eq!(setup.shown().as_deref(), Some("one"));
}

#[test]
fn the_same_repository_installs_from_a_folder_and_a_tampered_copy_is_refused() {
    let setup = Setup::new("usb");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    let usb = setup.dir.join("usb");
    tuf::copy_dir(&setup.repo(), &usb);
    setup.subscribe(
        url::Url::from_directory_path(&usb).unwrap().as_str(),
        "stable",
    );
    assert!(ok(setup.update(&[])).contains("installed content version 1"));
    ok(setup.publish(&setup.content("two", "two", true), &[]));
    let copy = setup.dir.join("usb2");
    tuf::copy_dir(&setup.repo(), &copy);
    // One letter of the new targets metadata changed: "stable" to "stabke".
    let targets = copy.join("metadata/3.targets.json");
    let text = std::fs::read_to_string(&targets).unwrap();
    assert!(text.contains("\"stable\""));
    std::fs::write(&targets, text.replace("\"stable\"", "\"stabke\"")).unwrap();
    setup.subscribe(
        url::Url::from_directory_path(&copy).unwrap().as_str(),
        "stable",
    );
    refused(&setup.update(&[]), "3.targets.json: calculated");
    assert_eq!(setup.shown().as_deref(), Some("one"));
}

#[test]
fn a_topic_withdrawn_in_a_new_version_disappears_at_the_next_poll() {
    let setup = Setup::new("withdrawn");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    ok(setup.update(&[]));
    let topics = || {
        let dir = clinic_edu::update::state::installed_content(&setup.config()).unwrap();
        let files = ContentFiles::embedded().layered(ContentFiles::from_dir(&dir).unwrap());
        let loaded = clinic_edu::content::load(&files, None);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        loaded
            .library
            .topics()
            .iter()
            .map(|t| t.id.clone())
            .collect::<Vec<_>>()
    };
    assert!(topics().contains(&"prp-local".to_owned()));
    ok(setup.publish(&setup.content("two", "two", false), &[]));
    ok(setup.update(&[]));
    assert!(
        !topics().contains(&"prp-local".to_owned()),
        "{:?}",
        topics()
    );
}

#[test]
fn a_week_offline_with_the_clock_eight_days_ahead_keeps_the_content() {
    let setup = Setup::new("offline");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    ok(setup.update(&[]));
    refused(&setup.update_at("+8d"), "timestamp metadata is expired");
    assert_eq!(setup.shown().as_deref(), Some("one"));
    // Back online: the publisher's timer has re-signed, and a new version is out.
    let two = setup.content("two", "two", true);
    let (repo, keys) = (setup.repo(), setup.keys());
    ok(tuf::run_at(
        "+8d",
        &[
            "publish",
            "--content",
            s(&two),
            "--repo",
            s(&repo),
            "--keys",
            s(&keys),
            "--allow-unreviewed",
        ],
    ));
    assert!(ok(setup.update_at("+8d")).contains("installed content version 2"));
    assert_eq!(setup.shown().as_deref(), Some("two"));
}

#[test]
fn a_clock_stepped_back_refuses_updates() {
    let setup = Setup::new("clock-back");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    ok(setup.update_at("+2d"));
    ok(setup.publish(&setup.content("two", "two", true), &[]));
    refused(&setup.update(&[]), "stepped backward");
    assert_eq!(setup.shown().as_deref(), Some("one"));
}

#[test]
fn a_bundle_past_its_review_by_date_is_not_installed() {
    let setup = Setup::new("review-by");
    let content = setup.content("one", "one", true);
    // Reviewed 24 months less 2 days ago: the reviews run out in 2 days.
    let today = Date::today();
    let (reviewed, soon) = tuf::review_running_out_in(2);
    assert_eq!(reviewed.plus_months(24), soon);
    assert!(reviewed < today);
    tuf::review_in_every_language(&content, "prp-local", &reviewed.to_string());
    // Reviewed: published without --allow-unreviewed, with its review-by date.
    let (repo, keys) = (setup.repo(), setup.keys());
    let out = ok(tuf::run(
        &[
            "publish",
            "--content",
            s(&content),
            "--repo",
            s(&repo),
            "--keys",
            s(&keys),
        ],
        &[],
    ));
    assert!(out.contains(&format!("review by {soon}")), "{out}");
    refused(&setup.update_at("+5d"), "is past its review-by date");
    assert_eq!(setup.shown(), None);
    let status = setup.status();
    assert!(
        status.contains(&format!("is past its review-by date {soon}")),
        "{status}"
    );
    assert!(status.contains("installed: none"), "{status}");
}

#[test]
fn an_oversized_timestamp_or_bundle_is_cut_at_its_limit() {
    let setup = Setup::new("oversized");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    let path = setup.metadata().join("timestamp.json");
    let good = std::fs::read(&path).unwrap();
    let mut big = good.clone();
    big.extend(std::iter::repeat_n(b' ', 1 << 20));
    std::fs::write(&path, &big).unwrap();
    refused(&setup.update(&[]), "maximum size 16384");
    std::fs::write(&path, &good).unwrap();
    let bundle = std::fs::read_dir(setup.repo().join("targets"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .next()
        .unwrap();
    let length = std::fs::metadata(&bundle).unwrap().len();
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&bundle)
        .unwrap();
    std::io::Write::write_all(&mut file, &vec![0u8; 1 << 20]).unwrap();
    refused(&setup.update(&[]), &format!("maximum size {length}"));
    assert_eq!(setup.shown(), None);
}

//! A process killed while it installs a bundle — during the download, the unpack
//! or the swap (the hook `CLINIC_EDU_TEST_ABORT_AT` holds the real process there,
//! and the test kills it with SIGKILL, as a power cut would) — leaves the last
//! good bundle showing at the next start, and the next check installs the new one.
//! So does a disk that fills up.

mod common;
#[path = "common/tuf.rs"]
mod tuf;

use tuf::{Setup, ok};

fn killed_at(step: &str) {
    let setup = Setup::new(&format!("kill-{step}"));
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    ok(setup.update(&[]));
    ok(setup.publish(&setup.content("two", "two", true), &[]));
    killed_while_updating(&setup, step);
    // The restart: what the app would load is still version 1.
    assert_eq!(
        setup.shown().as_deref(),
        Some("one"),
        "after a kill at {step}"
    );
    assert!(setup.status().contains("installed: content version 1"));
    assert!(ok(setup.update(&[])).contains("installed content version 2"));
    assert_eq!(setup.shown().as_deref(), Some("two"));
    assert!(!setup.kiosk().join("updates/staging").exists());
    let kept: Vec<String> = std::fs::read_dir(setup.kiosk().join("updates/bundles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(kept.len(), 2, "{kept:?}");
}

/// Runs `update --once`, waits until the hook holds it at `step`, and kills it.
fn killed_while_updating(setup: &Setup, step: &str) {
    use std::io::BufRead as _;
    let mut child = std::process::Command::new(tuf::BIN)
        .args(["update", "--once", "--config"])
        .arg(setup.config())
        .env("CLINIC_EDU_TEST_ABORT_AT", step)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut said = Vec::new();
    for line in stderr.lines() {
        let line = line.unwrap();
        let there = line.contains(&format!("test hook: waiting at {step}"));
        said.push(line);
        if there {
            break;
        }
    }
    assert!(
        said.last().is_some_and(|l| l.contains("waiting at")),
        "the update never reached {step}: {said:?}"
    );
    child.kill().unwrap();
    let status = child.wait().unwrap();
    #[cfg(unix)]
    assert_eq!(
        std::os::unix::process::ExitStatusExt::signal(&status),
        Some(9),
        "not killed at {step}"
    );
    #[cfg(not(unix))]
    assert!(!status.success());
}

#[test]
fn a_kill_during_download_leaves_the_last_good_bundle() {
    killed_at("download");
}

#[test]
fn a_kill_during_unpack_leaves_the_last_good_bundle() {
    killed_at("unpack");
}

#[test]
fn a_kill_during_swap_leaves_the_last_good_bundle() {
    killed_at("swap");
}

/// A disk that fills up: the kiosk's folder is a real filesystem that is nearly
/// full (a tmpfs with 64 KiB to spare, mounted in a user and mount namespace of
/// the test's own, `unshare`, so no privileges are needed). Writing the new
/// bundle fails with "No space left on device"; the install fails cleanly, leaving
/// version 1 installed and nothing in staging, with the error recorded. With room
/// again (the namespace gone, the folder as it was), the next check installs.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_fails_cleanly() {
    let setup = Setup::new("full-disk");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    ok(setup.update(&[]));
    ok(setup.publish(&setup.content("two", "two", true), &[]));
    let kiosk = setup.kiosk();
    // What the folder takes on a tmpfs (whole pages), and 64 KiB more.
    let size = used_pages(&kiosk) * 4096 + 64 * 1024;
    let script = r#"
        set -e
        kiosk=$1 bin=$2 size=$3
        cp -a "$kiosk" "$kiosk.copy"
        mount -t tmpfs -o "size=$size" tmpfs "$kiosk"
        cp -a "$kiosk.copy/." "$kiosk/"
        rm -r "$kiosk.copy"
        df -B1 "$kiosk" | tail -1
        "$bin" update --once --config "$kiosk/config.ron" && exit 10
        "$bin" status --config "$kiosk/config.ron"
        echo "marker: $(cat "$kiosk"/updates/bundles/v1/marker.txt)"
        ls "$kiosk/updates"
    "#;
    let out = std::process::Command::new("unshare")
        .args([
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            script,
            "sh",
        ])
        .args([tuf::s(&kiosk), tuf::BIN, &size.to_string()])
        .output()
        .expect("unshare (util-linux) runs");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("bundle.tar: cannot write") && stderr.contains("No space left on device"),
        "{stderr}"
    );
    assert!(stdout.contains("installed: content version 1"), "{stdout}");
    assert!(stdout.contains("last error: 20"), "{stdout}");
    assert!(stdout.contains("marker: one"), "{stdout}");
    // The updater's folder holds no staging and no half-written state.
    let listed: Vec<&str> = stdout.lines().rev().take(4).collect();
    assert_eq!(listed, ["tuf", "state.json", "lock", "bundles"], "{stdout}");
    // The namespace is gone, and the folder on the real disk is as it was.
    assert_eq!(setup.shown().as_deref(), Some("one"));
    assert!(ok(setup.update(&[])).contains("installed content version 2"));
    assert_eq!(setup.shown().as_deref(), Some("two"));
}

/// The 4 KiB pages the files under `dir` take on a tmpfs.
#[cfg(target_os = "linux")]
fn used_pages(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let meta = entry.metadata().unwrap();
            if meta.is_dir() {
                used_pages(&entry.path()) + 1
            } else {
                meta.len().div_ceil(4096)
            }
        })
        .sum()
}

/// One check at a time: while another process holds the updater's lock, a check
/// is refused; once it is let go (as when that process dies), it runs.
#[test]
fn one_check_or_install_at_a_time() {
    let setup = Setup::new("locked");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    let data = setup.kiosk().join("updates");
    std::fs::create_dir_all(&data).unwrap();
    let lock = std::fs::File::create(data.join("lock")).unwrap();
    lock.lock().unwrap();
    tuf::refused(&setup.update(&[]), "another check or install is running");
    assert_eq!(setup.shown(), None);
    drop(lock);
    assert!(ok(setup.update(&[])).contains("installed content version 1"));
}

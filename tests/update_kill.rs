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

/// A disk that takes no more: the process may write files of at most 64 KiB
/// (RLIMIT_FSIZE, with SIGXFSZ ignored, so a write past it fails with EFBIG as a
/// full disk fails with ENOSPC). The install fails cleanly and the next one, with
/// room again, succeeds.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_fails_cleanly() {
    use std::os::unix::process::CommandExt as _;
    let setup = Setup::new("full-disk");
    ok(setup.publish(&setup.content("one", "one", true), &[]));
    ok(setup.update(&[]));
    ok(setup.publish(&setup.content("two", "two", true), &[]));
    let mut command = std::process::Command::new(tuf::BIN);
    command.args(["update", "--once", "--config", tuf::s(&setup.config())]);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        command.pre_exec(|| {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let limit = libc::rlimit {
                rlim_cur: 64 * 1024,
                rlim_max: 64 * 1024,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = command.output().unwrap();
    tuf::refused(&out, "bundle.tar: cannot write");
    assert_eq!(setup.shown().as_deref(), Some("one"));
    assert!(!setup.kiosk().join("updates/staging").exists());
    assert!(setup.status().contains("last error: 20"));
    assert!(ok(setup.update(&[])).contains("installed content version 2"));
    assert_eq!(setup.shown().as_deref(), Some("two"));
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

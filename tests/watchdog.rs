//! systemd's watchdog: with `NOTIFY_SOCKET` set, a kiosk says `READY=1` on its
//! first frame and `WATCHDOG=1` again once five seconds have passed, on a socket
//! that stands in for systemd's. One test, because it sets the environment.
//!
//! Unix only: systemd and its notify socket (a Unix datagram socket) are Linux's.
//! A Windows kiosk has no watchdog to tell: Shell Launcher starts it again when it
//! exits (README, "Kiosk on Windows"), and `src/kiosk/watchdog.rs` sends nothing.
#![cfg(unix)]

mod common;

use std::os::unix::net::UnixDatagram;
use std::path::PathBuf;
use std::time::Duration;

use clinic_edu::config::Config;
use egui::vec2;

fn receive(socket: &UnixDatagram) -> String {
    let mut buffer = [0u8; 256];
    let n = socket.recv(&mut buffer).expect("a datagram from the app");
    String::from_utf8_lossy(&buffer[..n]).into_owned()
}

#[test]
fn a_running_kiosk_tells_systemd_it_is_ready_and_alive() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("watchdog");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("notify");
    let socket = UnixDatagram::bind(&path).unwrap();
    socket
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    // SAFETY: this test binary has this one test; nothing else reads the
    // environment while it changes.
    unsafe { std::env::set_var("NOTIFY_SOCKET", &path) };

    let app = common::kiosk_app(Config::default());
    let mut h = common::harness(app, vec2(1280.0, 800.0));
    assert_eq!(receive(&socket), "READY=1\nWATCHDOG=1");
    // More frames within five seconds say nothing more...
    h.run();
    socket.set_nonblocking(true).unwrap();
    assert!(
        socket.recv(&mut [0u8; 64]).is_err(),
        "pinged again too soon"
    );
    socket.set_nonblocking(false).unwrap();
    // ...and the first frame after them says it is alive.
    std::thread::sleep(clinic_edu::kiosk::watchdog::PING_EVERY + Duration::from_millis(200));
    h.step();
    assert_eq!(receive(&socket), "WATCHDOG=1");
}

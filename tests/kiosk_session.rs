//! The kiosk session as a clinic runs it: `clinic-edu --kiosk` inside cage, Debian's
//! Wayland kiosk compositor, on wlroots' headless backend, photographed by grim.
//! The app must cover the whole output, show the attract screen, tell systemd
//! (a socket standing in for it) that it is ready and alive, and still be running
//! ten seconds on.
//!
//! The outputs are rotated (cage `-r`): 180° gives a 1280×720 landscape output,
//! 90° a 720×1280 portrait one. On an output without a transform, cage 0.1.4
//! hands a lone full-size client buffer straight to the output (direct scan-out)
//! and grim's copy then reads cage's last composited frame, which is stale: it
//! showed an 1100-px-wide first frame although the app had already committed
//! 1280×720 buffers. A transformed output is always composited, so what grim
//! saves is what the output shows. The protocol trace (`WAYLAND_DEBUG`) is checked
//! too: the window's geometry is the output's size.
//!
//! Needs cage, grim and Xwayland (`.ci/run` installs them). As root it runs the
//! session as `nobody`, since cage refuses to run as root.
//!
//! Linux only: cage, grim, Xwayland and systemd are Linux's. The Windows kiosk is
//! Shell Launcher's (README, "Kiosk on Windows"); what of it runs without Windows
//! itself, the app's command-line tools, its GUI and its installer under Wine, is
//! run by `.ci/windows`.
#![cfg(target_os = "linux")]

use std::fs;
use std::io::Write;
use std::os::unix::fs::{PermissionsExt, chown};
use std::os::unix::net::UnixDatagram;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use clinic_edu::theme::Tokens;

const NOBODY: u32 = 65534;

fn is_root() -> bool {
    // SAFETY: getuid has no preconditions.
    unsafe { libc::getuid() == 0 }
}

fn require(program: &str) {
    let found = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
        .unwrap_or(false);
    assert!(
        found,
        "`{program}` is not installed: the kiosk session test needs cage, grim and \
         Xwayland (apt-get install cage grim xwayland; .ci/run does this)"
    );
}

/// A folder the session's user owns, outside the (maybe private) checkout.
fn session_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("clinic-edu-session-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("run")).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(dir.join("run"), fs::Permissions::from_mode(0o700)).unwrap();
    dir
}

/// Xwayland's socket folder must belong to root (or to the session's user): as
/// root, make it the usual root-owned, world-writable, sticky folder.
fn prepare_x11_socket_dir() {
    if !is_root() {
        return;
    }
    let dir = Path::new("/tmp/.X11-unix");
    fs::create_dir_all(dir).unwrap();
    chown(dir, Some(0), Some(0)).unwrap();
    fs::set_permissions(dir, fs::Permissions::from_mode(0o1777)).unwrap();
}

fn give_to_session_user(dir: &Path) {
    if !is_root() {
        return;
    }
    for entry in walk(dir) {
        chown(&entry, Some(NOBODY), Some(NOBODY)).unwrap();
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// `program` run as the session's user, with only the environment given.
fn as_session_user(program: &str, dir: &Path) -> Command {
    let mut command = if is_root() {
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid",
            &NOBODY.to_string(),
            "--regid",
            &NOBODY.to_string(),
            "--clear-groups",
            "--",
            program,
        ]);
        c
    } else {
        Command::new(program)
    };
    command
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir)
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .env("XDG_RUNTIME_DIR", dir.join("run"))
        .current_dir(dir);
    command
}

fn write_config(dir: &Path, binary: &Path) -> PathBuf {
    let config = dir.join("config.ron");
    fs::write(
        &config,
        "(clinic_name: \"Session Test Clinic\", languages: [en, ar, bn, ja])\n",
    )
    .unwrap();
    let mut set_pin = Command::new(binary)
        .args(["set-pin", "--config"])
        .arg(&config)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    set_pin.stdin.take().unwrap().write_all(b"2468\n").unwrap();
    assert!(set_pin.wait().unwrap().success(), "set-pin failed");
    config
}

/// The process whose parent is `parent` and whose name is `name`.
fn child_named(parent: u32, name: &str) -> Option<u32> {
    fs::read_dir("/proc").ok()?.find_map(|entry| {
        let pid: u32 = entry.ok()?.file_name().to_str()?.parse().ok()?;
        let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // pid (comm) state ppid ...
        let (comm, rest) = stat.split_once(" (")?.1.rsplit_once(") ")?;
        let ppid: u32 = rest.split(' ').nth(1)?.parse().ok()?;
        (ppid == parent && name.starts_with(comm)).then_some(pid)
    })
}

fn is_running(pid: u32) -> bool {
    // A zombie has exited; anything else is alive.
    fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|stat| {
            !stat
                .rsplit_once(") ")
                .is_some_and(|(_, r)| r.starts_with('Z'))
        })
        .unwrap_or(false)
}

struct Session {
    cage: Child,
    dir: PathBuf,
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.cage.kill();
        let _ = self.cage.wait();
        let _ = fs::remove_dir_all(&self.dir);
    }
}

impl Session {
    fn screenshot(&self, name: &str) -> image::RgbaImage {
        let out = self.dir.join(name);
        let status = as_session_user("grim", &self.dir)
            .env("WAYLAND_DISPLAY", "wayland-0")
            .arg(&out)
            .status()
            .unwrap();
        assert!(status.success(), "grim failed");
        let picture = image::open(&out).unwrap().to_rgba8();
        // Keep a copy where a developer can look at it.
        let keep = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("kiosk-session");
        fs::create_dir_all(&keep).unwrap();
        picture.save(keep.join(name)).unwrap();
        picture
    }

    fn log(&self) -> String {
        fs::read_to_string(self.dir.join("session.log")).unwrap_or_default()
    }
}

fn receive(socket: &UnixDatagram, until: Instant) -> Option<String> {
    let left = until.checked_duration_since(Instant::now())?;
    socket
        .set_read_timeout(Some(left.max(Duration::from_millis(1))))
        .unwrap();
    let mut buffer = [0u8; 256];
    let n = socket.recv(&mut buffer).ok()?;
    Some(String::from_utf8_lossy(&buffer[..n]).into_owned())
}

/// Checks one picture of the output: its size, that the attract screen's colour
/// reaches every edge pixel, that it fills nearly all of it, and that there is
/// light text in the middle.
fn check_attract(picture: &image::RgbaImage, size: (u32, u32), what: &str) {
    assert_eq!(picture.dimensions(), size, "{what}: output size");
    let accent = Tokens::kiosk().accent;
    let is_accent = |p: &image::Rgba<u8>| {
        let want = [accent.r(), accent.g(), accent.b()];
        (0..3).all(|i| p[i].abs_diff(want[i]) <= 3)
    };
    let (w, h) = size;
    let mut edge = Vec::new();
    for x in 0..w {
        edge.push((x, 0));
        edge.push((x, h - 1));
    }
    for y in 0..h {
        edge.push((0, y));
        edge.push((w - 1, y));
    }
    let bad: Vec<_> = edge
        .iter()
        .filter(|&&(x, y)| !is_accent(picture.get_pixel(x, y)))
        .collect();
    assert!(
        bad.is_empty(),
        "{what}: {} edge pixels are not the app's (first at {:?}: {:?}); the app \
         does not cover the output",
        bad.len(),
        bad[0],
        picture.get_pixel(bad[0].0, bad[0].1)
    );
    let accent_pixels = picture.pixels().filter(|p| is_accent(p)).count();
    let share = accent_pixels as f64 / (w * h) as f64;
    assert!(
        share > 0.9,
        "{what}: only {share:.2} of the output is the attract screen"
    );
    let middle = (h / 3..2 * h / 3)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .filter(|&(x, y)| picture.get_pixel(x, y).0[..3].iter().all(|&c| c > 220))
        .count();
    assert!(
        middle > 500,
        "{what}: no \"tap to start\" text in the middle"
    );
}

fn run_session(name: &str, rotations: usize, size: (u32, u32)) {
    let binary = Path::new(env!("CARGO_BIN_EXE_clinic-edu"));
    let dir = session_dir(name);
    let app = dir.join("clinic-edu");
    fs::copy(binary, &app).unwrap();
    let config = write_config(&dir, &app);
    let notify = dir.join("notify");
    let socket = UnixDatagram::bind(&notify).unwrap();
    fs::set_permissions(&notify, fs::Permissions::from_mode(0o777)).unwrap();
    give_to_session_user(&dir);

    let log = fs::File::create(dir.join("session.log")).unwrap();
    let mut cage = as_session_user("cage", &dir);
    cage.env("WLR_BACKENDS", "headless")
        .env("WLR_RENDERER", "pixman")
        .env("WLR_LIBINPUT_NO_DEVICES", "1")
        .env("NOTIFY_SOCKET", &notify)
        .env("WAYLAND_DEBUG", "client")
        .args(std::iter::repeat_n("-r", rotations))
        .arg("--")
        .arg(&app)
        .args(["--kiosk", "--no-system-fonts", "--config"])
        .arg(&config)
        .stdin(Stdio::null())
        .stdout(log.try_clone().unwrap())
        .stderr(log);
    let mut session = Session {
        cage: cage.spawn().expect("cage starts"),
        dir: dir.clone(),
    };

    // READY=1 comes with the first frame the app draws.
    let started = Instant::now();
    let mut first = None;
    while first.is_none() && started.elapsed() < Duration::from_secs(90) {
        if let Some(status) = session.cage.try_wait().unwrap() {
            panic!(
                "{name}: cage stopped ({status}); its log:\n{}",
                session.log()
            );
        }
        first = receive(&socket, Instant::now() + Duration::from_secs(1));
    }
    assert!(
        first.as_deref().is_some_and(|m| m.contains("READY=1")),
        "{name}: no READY=1 from the app in cage; its log:\n{}",
        session.log()
    );
    let ready = Instant::now();
    let app_pid = child_named(session.cage.id(), "clinic-edu")
        .unwrap_or_else(|| panic!("{name}: no clinic-edu process under cage"));

    // Let the compositor's configure and the resize land, then look.
    std::thread::sleep(Duration::from_secs(2));
    check_attract(
        &session.screenshot(&format!("{name}-start.png")),
        size,
        name,
    );

    // Ten seconds on: still running, still pinging the watchdog, still on the
    // attract screen and still covering the output.
    let mut pings = 0;
    while let Some(message) = receive(&socket, ready + Duration::from_secs(11)) {
        pings += usize::from(message.contains("WATCHDOG=1"));
    }
    assert!(pings >= 1, "{name}: no WATCHDOG=1 within 11 s of READY=1");
    assert!(
        is_running(app_pid),
        "{name}: the app stopped; its log:\n{}",
        session.log()
    );
    check_attract(&session.screenshot(&format!("{name}-10s.png")), size, name);

    // The protocol agrees: the last window geometry the app set is the output's.
    let log = session.log();
    let geometry = log
        .lines()
        .filter_map(|line| line.split_once("set_window_geometry(0, 0, "))
        .filter_map(|(_, rest)| rest.split_once(')'))
        .next_back()
        .map(|(size, _)| size.to_string());
    assert_eq!(
        geometry.as_deref(),
        Some(format!("{}, {}", size.0, size.1).as_str()),
        "{name}: window geometry"
    );
}

#[test]
fn the_kiosk_fills_cage_and_keeps_running() {
    for program in ["cage", "grim", "Xwayland", "setpriv"] {
        require(program);
    }
    prepare_x11_socket_dir();
    run_session("landscape", 2, (1280, 720));
    run_session("portrait", 1, (720, 1280));
}

//! systemd's watchdog, by hand (the few lines of `sd_notify`): when the kiosk runs
//! under a unit with `WatchdogSec=`, systemd gives it `NOTIFY_SOCKET`, and the app
//! says `READY=1` on its first frame and `WATCHDOG=1` at most every few seconds
//! while it keeps drawing frames. A hung app stops saying it, and systemd restarts
//! it (on the attract screen, as every start is). Without the variable it is silent.
//! Windows has no systemd: there the watchdog is always silent, and Shell Launcher
//! starts the kiosk again when it exits, not when it hangs (README, "Kiosk on Windows").
//!
//! Inside the kiosk unit the app is not the unit's main process: it runs under
//! cage, in the logind session PAM opens, and logind moves that session into a
//! scope of its own, so systemd takes no notification from the app itself (found
//! by booting the package, `.ci/vm-kiosk`). The unit's main process is therefore
//! `clinic-edu notify-relay`, which starts cage and passes on what the app sends
//! ([`relay`]).

use std::time::{Duration, Instant};

/// The longest the app goes between two `WATCHDOG=1`s while it draws frames; the
/// kiosk draws at least one frame per [`HEARTBEAT`], well inside `WatchdogSec=30`.
pub const PING_EVERY: Duration = Duration::from_secs(5);
/// How often the kiosk draws a frame even when nothing changes, to keep the
/// watchdog fed.
pub const HEARTBEAT: Duration = Duration::from_secs(10);

/// The connection to systemd's notify socket, if the app was started with one.
#[derive(Debug, Default)]
pub struct Watchdog {
    #[cfg(unix)]
    socket: Option<(
        std::os::unix::net::UnixDatagram,
        std::os::unix::net::SocketAddr,
    )>,
    last: Option<Instant>,
}

impl Watchdog {
    /// Reads `NOTIFY_SOCKET` (a path, or `@name` for an abstract socket on Linux).
    pub fn from_env() -> Self {
        #[cfg(unix)]
        {
            let socket = std::env::var_os("NOTIFY_SOCKET").and_then(|name| connect(&name));
            Self { socket, last: None }
        }
        #[cfg(not(unix))]
        Self::default()
    }

    /// Whether systemd is listening.
    pub fn is_active(&self) -> bool {
        #[cfg(unix)]
        return self.socket.is_some();
        #[cfg(not(unix))]
        false
    }

    /// Called once per frame: `READY=1` the first time, then `WATCHDOG=1` whenever
    /// [`PING_EVERY`] has passed since the last one.
    pub fn frame(&mut self, now: Instant) {
        let message = match self.last {
            None => "READY=1\nWATCHDOG=1",
            Some(last) if now.duration_since(last) >= PING_EVERY => "WATCHDOG=1",
            Some(_) => return,
        };
        #[cfg(unix)]
        if let Some((socket, address)) = &self.socket {
            // A lost datagram is a missed ping, which the next frame makes up.
            let _ = socket.send_to_addr(message.as_bytes(), address);
        }
        let _ = message;
        self.last = Some(now);
    }
}

/// Binds a socket for a child to send its notifications to (NAME in FOLDER, or
/// an abstract `@NAME` without one) and passes each datagram on to `upstream`, the
/// `NOTIFY_SOCKET` systemd gave this process, from a thread. Returns the value to
/// give the child as its `NOTIFY_SOCKET`.
#[cfg(target_os = "linux")]
pub fn relay(
    upstream: &std::ffi::OsStr,
    folder: Option<&std::path::Path>,
    name: &str,
) -> std::io::Result<std::ffi::OsString> {
    use std::io::{Error, ErrorKind};
    use std::os::linux::net::SocketAddrExt as _;
    use std::os::unix::net::{SocketAddr, UnixDatagram};
    let (to_systemd, systemd) = connect(upstream).ok_or_else(|| {
        Error::new(
            ErrorKind::InvalidInput,
            "NOTIFY_SOCKET is not a socket address",
        )
    })?;
    let (socket, child_value) = match folder {
        Some(folder) => {
            let path = folder.join(name);
            let _ = std::fs::remove_file(&path);
            (UnixDatagram::bind(&path)?, path.into_os_string())
        }
        None => (
            UnixDatagram::bind_addr(&SocketAddr::from_abstract_name(name.as_bytes())?)?,
            format!("@{name}").into(),
        ),
    };
    std::thread::Builder::new()
        .name("notify-relay".into())
        .spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = socket.recv(&mut buffer) {
                // As with the app's own sends, a lost datagram is a missed ping.
                let _ = to_systemd.send_to_addr(&buffer[..n], &systemd);
            }
        })?;
    Ok(child_value)
}

#[cfg(unix)]
fn connect(
    name: &std::ffi::OsStr,
) -> Option<(
    std::os::unix::net::UnixDatagram,
    std::os::unix::net::SocketAddr,
)> {
    use std::os::unix::net::{SocketAddr, UnixDatagram};
    let text = name.to_str()?;
    let address = if let Some(abstract_name) = text.strip_prefix('@') {
        #[cfg(target_os = "linux")]
        {
            use std::os::linux::net::SocketAddrExt as _;
            SocketAddr::from_abstract_name(abstract_name.as_bytes()).ok()?
        }
        #[cfg(not(target_os = "linux"))]
        {
            let _ = abstract_name;
            return None;
        }
    } else {
        SocketAddr::from_pathname(text).ok()?
    };
    Some((UnixDatagram::unbound().ok()?, address))
}

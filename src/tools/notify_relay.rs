//! `clinic-edu notify-relay -- COMMAND...`: the kiosk unit's main process. It runs
//! COMMAND (cage with the kiosk inside) and passes the app's `READY=1` and
//! `WATCHDOG=1` on to systemd as its own: logind moves the unit's session (cage and
//! the app) into a scope of its own, and systemd takes notifications only from the
//! unit's processes, which after the move is this one alone.

use std::ffi::OsString;

/// Elsewhere there is no systemd to relay to.
#[cfg(not(target_os = "linux"))]
pub fn notify_relay(_command: &[OsString]) -> anyhow::Result<()> {
    anyhow::bail!("notify-relay is for the Linux kiosk unit under systemd")
}

#[cfg(target_os = "linux")]
pub fn notify_relay(command: &[OsString]) -> anyhow::Result<()> {
    use std::os::unix::process::CommandExt as _;
    use std::os::unix::process::ExitStatusExt as _;
    use std::process::Command;

    use anyhow::Context as _;

    let (program, args) = command
        .split_first()
        .context("notify-relay needs a command to run")?;
    let mut child = Command::new(program);
    child.args(args);
    if let Some(upstream) = std::env::var_os("NOTIFY_SOCKET") {
        let folder = std::env::var_os("XDG_RUNTIME_DIR").map(std::path::PathBuf::from);
        let name = format!("clinic-edu-notify-{}", std::process::id());
        let socket = clinic_edu::kiosk::watchdog::relay(&upstream, folder.as_deref(), &name)
            .context("cannot relay systemd notifications")?;
        child.env("NOTIFY_SOCKET", socket);
    }
    // systemd stops (or, on a watchdog timeout, kills) only this process: the
    // session's are not in the unit's control group. COMMAND goes with it.
    // SAFETY: prctl is async-signal-safe and touches no memory of this process.
    unsafe {
        child.pre_exec(|| {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let status = child
        .status()
        .with_context(|| format!("cannot run {}", program.to_string_lossy()))?;
    std::process::exit(
        status
            .code()
            .unwrap_or_else(|| 128 + status.signal().unwrap_or(0)),
    );
}

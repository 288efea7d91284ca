//! Signed content for many kiosks (README, "Updating many kiosks"): a TUF
//! repository on any static host, made and signed with tough's editor
//! (`publish.rs`, `keys.rs`, `rotate.rs`), and the client that checks it, streams a
//! new bundle into staging, checks it in full and swaps it in, keeping the previous
//! one (`client.rs`, `state.rs`). tough is async: each call runs on a tokio runtime
//! of its own, on the calling thread (the app calls from a background thread).

pub mod bundle;
pub mod check;
pub mod client;
pub mod info;
pub mod keys;
pub mod publish;
pub mod quick;
pub mod rotate;
pub mod state;

use std::path::Path;

/// Runs `future` to its end on a single-threaded tokio runtime of its own.
pub(crate) fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime on this thread")
        .block_on(future)
}

/// Lowers the calling thread's scheduling priority, for the updater working in
/// the background of a running app: on a kiosk with two cores, hashing, unpacking
/// and checking a large bundle must not take the window's frames from it. On
/// Linux the thread's nice value becomes 10 (threads it starts inherit it); on
/// Windows it runs below normal priority. Best effort: a refusal changes nothing.
pub fn lower_thread_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority with this thread's id changes only this thread's nice
    // value; gettid has no preconditions.
    unsafe {
        let tid = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 10);
    }
    #[cfg(windows)]
    // SAFETY: GetCurrentThread returns a pseudo-handle to this thread, valid here.
    unsafe {
        use windows_sys::Win32::System::Threading::{
            GetCurrentThread, SetThreadPriority, THREAD_PRIORITY_BELOW_NORMAL,
        };
        SetThreadPriority(GetCurrentThread(), THREAD_PRIORITY_BELOW_NORMAL);
    }
}

/// The `file://` address of the folder `dir` (made absolute), ending in `/`.
pub fn dir_url(dir: &Path) -> anyhow::Result<url::Url> {
    let absolute = std::path::absolute(dir)?;
    url::Url::from_directory_path(&absolute)
        .map_err(|()| anyhow::anyhow!("{}: not a folder path", absolute.display()))
}

/// The step at which the test hook `CLINIC_EDU_TEST_ABORT_AT` (`download`,
/// `unpack` or `swap`) holds the process: it says so on standard error and waits
/// there, for the test to kill it (SIGKILL, as a power cut would).
pub(crate) fn abort_point(step: &str) {
    if std::env::var("CLINIC_EDU_TEST_ABORT_AT").is_ok_and(|s| s == step) {
        eprintln!("clinic-edu: test hook: waiting at {step}");
        loop {
            std::thread::park();
        }
    }
}

/// The repository at `repo` as its publisher sees it (verified, expiry not enforced).
pub fn block_on_load_own(repo: &Path) -> anyhow::Result<tough::Repository> {
    block_on(publish::load_own(repo))
}

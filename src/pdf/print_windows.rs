//! Printing a handout on Windows: the PDF goes to the program Windows opens PDF
//! files with, through the shell's `print` verb (`printto` with the printer a
//! kiosk's config names), as Explorer's "Print" does. That verb takes a file, so
//! the PDF is written to a folder of its own, `%TEMP%\clinic-edu-print`, and
//! removed once the program has printed it: when its process ends (or, for a
//! program that was already running, a minute on) and it has let go of the file.
//! A file still held then (or left by an app that was closed meanwhile) is removed
//! by a print or a start once it is older than any print could still need it.

use std::ffi::OsStr;
use std::os::windows::ffi::OsStrExt as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use windows_sys::Win32::Foundation::CloseHandle;
use windows_sys::Win32::System::Threading::WaitForSingleObject;
use windows_sys::Win32::UI::Shell::{
    SEE_MASK_FLAG_NO_UI, SEE_MASK_NOASYNC, SEE_MASK_NOCLOSEPROCESS, SHELLEXECUTEINFOW,
    ShellExecuteExW,
};
use windows_sys::Win32::UI::WindowsAndMessaging::SW_HIDE;

use super::PrintError;

/// How long the printing program may take before its file is let go of anyway.
const HANDLER_WAIT_MS: u32 = 10 * 60 * 1000;
/// How long a file stays after the printing program's process has ended, for a
/// program that handed the file to another of its processes.
const AFTER_EXIT: Duration = Duration::from_secs(10);
/// How long a file stays when the shell started no process (the program was
/// already running and took the file over DDE).
const NO_PROCESS: Duration = Duration::from_secs(60);
/// How long removing a file the program still holds is tried again.
const REMOVE_TRIES: Duration = Duration::from_secs(10 * 60);
/// The age past which a file in the folder is a leftover: longer than the longest
/// a print keeps its file (the program's wait, then the removal's tries).
const LEFTOVER_AGE: Duration = Duration::from_secs(30 * 60);

/// The folder handout files wait in while they print.
pub fn folder() -> PathBuf {
    std::env::temp_dir().join("clinic-edu-print")
}

/// Removes the handout files left behind by earlier prints: those older than
/// [`LEFTOVER_AGE`] (a newer one may still be on its way to a program, from this
/// app or another running one; one still open in a program stays, for the next
/// time).
pub fn remove_leftovers() {
    let Ok(entries) = std::fs::read_dir(folder()) else {
        return;
    };
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > LEFTOVER_AGE));
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    let _ = std::fs::remove_dir(folder());
}

/// Hands `pdf` to the PDF program's print verb; returns once the shell has
/// started it, with the thread that removes the file afterwards.
pub fn print(pdf: &[u8], printer: Option<&str>) -> Result<(String, JoinHandle<()>), PrintError> {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    remove_leftovers();
    let dir = folder();
    let failed = |e: std::io::Error| PrintError::Failed(format!("{}: {e}", dir.display()));
    std::fs::create_dir_all(&dir).map_err(failed)?;
    let name = format!(
        "handout-{}-{}.pdf",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let path = dir.join(name);
    std::fs::write(&path, pdf).map_err(failed)?;
    match shell_print(&path, printer) {
        Ok(process) => {
            let file = path.clone();
            let cleanup = std::thread::spawn(move || remove_after(&file, process));
            let to = printer.map_or("the default printer".to_owned(), |p| format!("\"{p}\""));
            Ok((format!("sent to {to} through the PDF program"), cleanup))
        }
        Err(error) => {
            let _ = std::fs::remove_file(&path);
            let _ = std::fs::remove_dir(&dir);
            Err(error)
        }
    }
}

/// A process handle from the shell, closed when dropped.
struct Process(windows_sys::Win32::Foundation::HANDLE);

// SAFETY: a process handle may be waited on and closed from any thread.
unsafe impl Send for Process {}

impl Drop for Process {
    fn drop(&mut self) {
        // SAFETY: the handle came from ShellExecuteExW and is closed once.
        unsafe { CloseHandle(self.0) };
    }
}

fn wide(text: &OsStr) -> Vec<u16> {
    text.encode_wide().chain(std::iter::once(0)).collect()
}

fn shell_print(path: &Path, printer: Option<&str>) -> Result<Option<Process>, PrintError> {
    let verb = wide(OsStr::new(if printer.is_some() {
        "printto"
    } else {
        "print"
    }));
    let file = wide(path.as_os_str());
    // `printto` gives the printer to the program as its first parameter (%2).
    let parameters = printer.map(|p| wide(OsStr::new(&format!("\"{p}\""))));
    // SAFETY: all-zero is the documented empty SHELLEXECUTEINFOW.
    let mut info: SHELLEXECUTEINFOW = unsafe { std::mem::zeroed() };
    info.cbSize = std::mem::size_of::<SHELLEXECUTEINFOW>() as u32;
    info.fMask = SEE_MASK_NOCLOSEPROCESS | SEE_MASK_FLAG_NO_UI | SEE_MASK_NOASYNC;
    info.lpVerb = verb.as_ptr();
    info.lpFile = file.as_ptr();
    info.lpParameters = parameters.as_ref().map_or(std::ptr::null(), |p| p.as_ptr());
    info.nShow = SW_HIDE;
    // SAFETY: the strings outlive the call, which fills in hInstApp and hProcess.
    if unsafe { ShellExecuteExW(&mut info) } == 0 {
        let error = std::io::Error::last_os_error();
        // SE_ERR_NOASSOC (31) and ERROR_NO_ASSOCIATION (1155): no program prints PDFs.
        let no_program = info.hInstApp as usize == 31 || error.raw_os_error() == Some(1155);
        // (The error code that comes with SE_ERR_NOASSOC says nothing more.)
        return Err(if no_program {
            PrintError::NoPrintSystem(
                "no program is set up to print PDF files: install a PDF reader that prints"
                    .to_owned(),
            )
        } else {
            PrintError::Failed(format!("the shell's print verb: {error}"))
        });
    }
    Ok((!info.hProcess.is_null()).then_some(Process(info.hProcess)))
}

/// Waits for the printing program, then removes the file once it is let go of.
fn remove_after(path: &Path, process: Option<Process>) {
    match process {
        Some(process) => {
            // SAFETY: a valid process handle; the wait ends at the latest after the limit.
            unsafe { WaitForSingleObject(process.0, HANDLER_WAIT_MS) };
            drop(process);
            std::thread::sleep(AFTER_EXIT);
        }
        None => std::thread::sleep(NO_PROCESS),
    }
    let start = Instant::now();
    loop {
        match std::fs::remove_file(path) {
            Err(e)
                if e.kind() != std::io::ErrorKind::NotFound && start.elapsed() < REMOVE_TRIES =>
            {
                std::thread::sleep(Duration::from_secs(1));
            }
            _ => break,
        }
    }
    if let Some(dir) = path.parent() {
        // Only when empty: another print may be waiting in it.
        let _ = std::fs::remove_dir(dir);
    }
}

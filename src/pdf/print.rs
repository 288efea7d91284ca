//! Sending a handout to the system's printer: `lp` on Linux and macOS, fed the PDF
//! on its standard input so that no file is written; on Windows the PDF program's
//! print verb, which needs the PDF as a file, removed after (`print_windows.rs`).

#[cfg(not(windows))]
use std::io::Write as _;
#[cfg(not(windows))]
use std::process::{Command, Stdio};

/// Why a handout did not reach a printer.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// There is no print system to hand the job to (`lp` is not installed).
    #[error("this computer has no print system ({0})")]
    NoPrintSystem(String),
    /// The print system has no printer, or not the one named.
    #[error("no printer is set up: {0}")]
    NoPrinter(String),
    #[error("printing failed: {0}")]
    Failed(String),
}

/// Prints `pdf` on `printer`, or on the system's default printer; returns what the
/// print system said (`request id is Front_Desk-12`). It waits for the print
/// system to take the job, not for the paper, so call it off the UI thread. On
/// Windows the file the PDF program prints is removed by a thread of its own.
pub fn print(pdf: &[u8], printer: Option<&str>) -> Result<String, PrintError> {
    #[cfg(windows)]
    return windows::print(pdf, printer).map(|(said, _removal)| said);
    #[cfg(not(windows))]
    print_lp(pdf, printer)
}

/// As [`print`], and on Windows also waits until the PDF program's file is
/// removed (for a command that ends when it has printed).
pub fn print_and_clean_up(pdf: &[u8], printer: Option<&str>) -> Result<String, PrintError> {
    #[cfg(windows)]
    return windows::print(pdf, printer).map(|(said, removal)| {
        let _ = removal.join();
        said
    });
    #[cfg(not(windows))]
    print_lp(pdf, printer)
}

/// Removes what an earlier print left behind: on Windows a PDF file its program
/// still held then; `lp` leaves nothing.
pub fn remove_leftovers() {
    #[cfg(windows)]
    windows::remove_leftovers();
}

#[cfg(windows)]
#[path = "print_windows.rs"]
mod windows;

#[cfg(not(windows))]
fn print_lp(pdf: &[u8], printer: Option<&str>) -> Result<String, PrintError> {
    let mut command = Command::new("lp");
    if let Some(printer) = printer {
        command.arg("-d").arg(printer);
    }
    command.args(["-t", "clinic-edu handout"]);
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| PrintError::NoPrintSystem(format!("lp: {e}")))?;
    if let Some(mut stdin) = child.stdin.take() {
        // A print system that quits early closes the pipe; its own message says why.
        let _ = stdin.write_all(pdf);
    }
    let output = child
        .wait_with_output()
        .map_err(|e| PrintError::Failed(e.to_string()))?;
    let said = |bytes: &[u8]| String::from_utf8_lossy(bytes).trim().to_owned();
    if output.status.success() {
        return Ok(said(&output.stdout));
    }
    let message = said(&output.stderr);
    let lower = message.to_lowercase();
    if [
        "destination",
        "does not exist",
        "not running",
        "no such printer",
    ]
    .iter()
    .any(|m| lower.contains(m))
    {
        Err(PrintError::NoPrinter(message))
    } else {
        Err(PrintError::Failed(message))
    }
}

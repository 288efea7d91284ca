//! Sending a handout to the system's printer: `lp` on Linux and macOS, fed the PDF
//! on its standard input so that no file is written; on Windows the shell's print
//! verb, which needs the PDF as a file in the temporary folder.

use std::io::Write as _;
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
/// system to take the job, not for the paper, so call it off the UI thread.
pub fn print(pdf: &[u8], printer: Option<&str>) -> Result<String, PrintError> {
    if cfg!(windows) {
        return print_windows(pdf, printer);
    }
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

fn print_windows(pdf: &[u8], printer: Option<&str>) -> Result<String, PrintError> {
    let path = std::env::temp_dir().join(format!("clinic-edu-handout-{}.pdf", std::process::id()));
    std::fs::write(&path, pdf).map_err(|e| PrintError::Failed(e.to_string()))?;
    let quoted = path.display().to_string().replace('\'', "''");
    let script = match printer {
        Some(p) => format!(
            "Start-Process -FilePath '{quoted}' -Verb PrintTo -ArgumentList '\"{}\"'",
            p.replace('\'', "''")
        ),
        None => format!("Start-Process -FilePath '{quoted}' -Verb Print"),
    };
    let output = Command::new("powershell")
        .args(["-NoProfile", "-NonInteractive", "-Command", &script])
        .output()
        .map_err(|e| PrintError::NoPrintSystem(format!("powershell: {e}")))?;
    if output.status.success() {
        Ok(String::new())
    } else {
        Err(PrintError::NoPrinter(
            String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        ))
    }
}

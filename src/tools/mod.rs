//! The subcommands, one file each, and the one way they write to standard output.

pub mod layout;
pub mod screen;
pub mod set_pin;
pub mod validate;

/// Writes to standard output; a reader that stops early (`| head`) is not an error.
pub fn print_out(text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

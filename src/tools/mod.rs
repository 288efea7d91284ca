//! The subcommands, one file each, and the one way they write to standard output:
//! an error writing goes back to `main` like any other, where a reader that
//! stopped early (`| head`, a closed pipe) is told apart as a normal end.

pub mod handout;
pub mod layout;
pub mod narration;
pub mod notify_relay;
pub mod publish;
pub mod review;
pub mod screen;
pub mod set_pin;
pub mod update;
pub mod validate;

/// Writes `text` to standard output and flushes it.
pub fn print_out(text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

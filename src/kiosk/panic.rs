//! What a kiosk does if the app itself fails: a panic in any thread ends the
//! process at once with a short message that names only the place in the code,
//! never the panic's own text (which could quote an answer or a patient's words).
//! The visit lives only in this process's memory, so ending it wipes the visit, and
//! nothing of it was written: the kiosk service starts the app again on the attract
//! screen.

use std::io::Write as _;

/// The exit status after a panic in kiosk mode (EX_SOFTWARE).
pub const PANIC_EXIT_CODE: i32 = 70;

/// Makes every panic, in any thread, end the kiosk as described above.
pub fn install_panic_guard() {
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map_or_else(String::new, |l| format!(" at {}:{}", l.file(), l.line()));
        let _ = writeln!(
            std::io::stderr(),
            "clinic-edu: internal error{place}; the visit is wiped and the kiosk stops"
        );
        std::process::exit(PANIC_EXIT_CODE);
    }));
}

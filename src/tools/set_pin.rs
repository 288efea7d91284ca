//! `clinic-edu set-pin`: stores a salted hash of the staff PIN in the config; the
//! PIN itself is never written.

use std::path::Path;

use clinic_edu::config::{Config, config_path, kiosk_config_path};
use clinic_edu::kiosk::{check_pin_format, hash_pin};

pub fn set_pin(config: Option<&Path>, kiosk: bool) -> anyhow::Result<()> {
    use std::io::{BufRead as _, IsTerminal as _};
    let path = if kiosk {
        kiosk_config_path(config)?
    } else {
        config_path(config)?
    };
    // Check the config first: a malformed file is reported, not overwritten.
    let mut current = Config::load(&path)?;
    let pin = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("New staff PIN (at least 4 digits): ")?;
        check_pin_format(first.trim()).map_err(anyhow::Error::msg)?;
        let second = rpassword::prompt_password("Type the PIN again: ")?;
        anyhow::ensure!(
            first.trim() == second.trim(),
            "the two PINs differ; nothing was changed"
        );
        first.trim().to_owned()
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim().to_owned()
    };
    check_pin_format(&pin).map_err(anyhow::Error::msg)?;
    current.pin_hash = Some(hash_pin(&pin).map_err(anyhow::Error::msg)?);
    current.save(&path)?;
    super::print_out(&format!("The staff PIN is set in {}\n", path.display()))?;
    Ok(())
}

//! `clinic-edu layout`: how a text is shaped and broken into lines, as JSON, one
//! object per visual line: the tool for finding out why a line looks wrong.

use clinic_edu::Language;
use clinic_edu::text::{FontOptions, TextStyle, TextSystem, debug};

use super::print_out;

pub fn print_layout(
    lang: Language,
    width: f32,
    size: f32,
    bold: bool,
    system_fonts: bool,
    text: &str,
) -> anyhow::Result<()> {
    anyhow::ensure!(
        width.is_finite() && width > 0.0,
        "--width must be a positive number of pixels, not {width}"
    );
    anyhow::ensure!(
        size.is_finite() && size > 0.0,
        "--size must be a positive number of pixels, not {size}"
    );
    let mut system = TextSystem::new(FontOptions { system_fonts });
    let style = if bold {
        TextStyle::bold(size)
    } else {
        TextStyle::regular(size)
    };
    let layout = system.layout_uncached(text, lang, style, Some(width), 1.0);
    Ok(print_out(&debug::to_json_lines(&debug::describe(
        &system, &layout,
    )))?)
}

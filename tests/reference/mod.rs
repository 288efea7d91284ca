//! References nobody here wrote, for checking the text engine: GNU FriBidi for bidi
//! levels and line order, HarfBuzz's hb-shape for glyphs; and the list of every
//! string the app shows.
#![allow(dead_code)]

pub mod fribidi;
pub mod harfbuzz;
pub mod inventory;

//! GNU FriBidi's own library (`libfribidi.so.0`, Debian's libfribidi0, which
//! libfribidi-bin pulls in), loaded at run time: the reference for bidi levels and
//! for the visual order of each line (rules L1 and L2 applied line by line).

use std::ffi::{CStr, c_char, c_int, c_void};

type Char = u32;
type StrIndex = c_int;
type CharType = u32;
type BracketType = u32;
type ParType = u32;
type Level = i8;
type Flags = u32;

/// FRIBIDI_PAR_LTR and FRIBIDI_PAR_RTL from fribidi-bidi-types.h.
const PAR_LTR: ParType = 0x110;
const PAR_RTL: ParType = 0x111;

type GetBidiTypes = unsafe extern "C" fn(*const Char, StrIndex, *mut CharType);
type GetBracketTypes =
    unsafe extern "C" fn(*const Char, StrIndex, *const CharType, *mut BracketType);
type GetParLevels = unsafe extern "C" fn(
    *const CharType,
    *const BracketType,
    StrIndex,
    *mut ParType,
    *mut Level,
) -> Level;
type ReorderLine = unsafe extern "C" fn(
    Flags,
    *const CharType,
    StrIndex,
    StrIndex,
    ParType,
    *mut Level,
    *mut Char,
    *mut StrIndex,
) -> Level;
type VersionInfo = *const c_char;

pub struct FriBidi {
    get_bidi_types: GetBidiTypes,
    get_bracket_types: GetBracketTypes,
    get_par_levels: GetParLevels,
    reorder_line: ReorderLine,
    pub version: String,
}

/// One paragraph as FriBidi resolved it.
pub struct Paragraph {
    types: Vec<CharType>,
    levels: Vec<Level>,
    base: ParType,
}

unsafe fn symbol(lib: *mut c_void, name: &CStr) -> *mut c_void {
    let ptr = unsafe { libc::dlsym(lib, name.as_ptr()) };
    assert!(!ptr.is_null(), "libfribidi has no {name:?}");
    ptr
}

impl FriBidi {
    /// Loads the library; panics with what to install when it is missing.
    pub fn load() -> FriBidi {
        let lib = unsafe { libc::dlopen(c"libfribidi.so.0".as_ptr(), libc::RTLD_NOW) };
        assert!(
            !lib.is_null(),
            "GNU FriBidi is missing: install Debian's libfribidi-bin (.ci/run does)"
        );
        unsafe {
            let version: *const VersionInfo = symbol(lib, c"fribidi_version_info").cast();
            FriBidi {
                get_bidi_types: std::mem::transmute::<*mut c_void, GetBidiTypes>(symbol(
                    lib,
                    c"fribidi_get_bidi_types",
                )),
                get_bracket_types: std::mem::transmute::<*mut c_void, GetBracketTypes>(symbol(
                    lib,
                    c"fribidi_get_bracket_types",
                )),
                get_par_levels: std::mem::transmute::<*mut c_void, GetParLevels>(symbol(
                    lib,
                    c"fribidi_get_par_embedding_levels_ex",
                )),
                reorder_line: std::mem::transmute::<*mut c_void, ReorderLine>(symbol(
                    lib,
                    c"fribidi_reorder_line",
                )),
                version: CStr::from_ptr(*version)
                    .to_string_lossy()
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_owned(),
            }
        }
    }

    /// Resolves the levels of one paragraph with the given direction (rule HL1: the
    /// direction comes from the language, not from the text).
    pub fn paragraph(&self, chars: &[char], rtl: bool) -> Paragraph {
        let text: Vec<Char> = chars.iter().map(|&c| c as Char).collect();
        let len = text.len() as StrIndex;
        let mut types = vec![0; text.len()];
        let mut brackets = vec![0; text.len()];
        let mut levels = vec![0; text.len()];
        let mut base = if rtl { PAR_RTL } else { PAR_LTR };
        unsafe {
            (self.get_bidi_types)(text.as_ptr(), len, types.as_mut_ptr());
            (self.get_bracket_types)(text.as_ptr(), len, types.as_ptr(), brackets.as_mut_ptr());
            let max = (self.get_par_levels)(
                types.as_ptr(),
                brackets.as_ptr(),
                len,
                &mut base,
                levels.as_mut_ptr(),
            );
            assert!(max > 0 || text.is_empty(), "FriBidi failed on {chars:?}");
        }
        Paragraph {
            types,
            levels,
            base,
        }
    }

    /// The visual order (left to right) of characters `line` of the paragraph, as
    /// indices into it, and each character's level after rule L1.
    pub fn reorder_line(
        &self,
        para: &Paragraph,
        line: std::ops::Range<usize>,
    ) -> (Vec<usize>, Vec<u8>) {
        let mut levels = para.levels.clone();
        let mut map: Vec<StrIndex> = (0..para.levels.len() as StrIndex).collect();
        unsafe {
            (self.reorder_line)(
                0,
                para.types.as_ptr(),
                line.len() as StrIndex,
                line.start as StrIndex,
                para.base,
                levels.as_mut_ptr(),
                std::ptr::null_mut(),
                map.as_mut_ptr(),
            );
        }
        let order = map[line.clone()].iter().map(|&i| i as usize).collect();
        let levels = levels[line].iter().map(|&l| l as u8).collect();
        (order, levels)
    }
}

//! Windows' known folders that the `dirs` crate does not name: `%ProgramData%`,
//! the machine-wide application data folder a Windows kiosk's config is kept in.

use std::path::PathBuf;

/// `%ProgramData%` from the Known Folder API (`FOLDERID_ProgramData`), the way
/// `dirs` finds `%APPDATA%` (`FOLDERID_RoamingAppData`).
pub fn program_data() -> Option<PathBuf> {
    use std::os::windows::ffi::OsStringExt as _;
    use windows_sys::Win32::System::Com::CoTaskMemFree;
    use windows_sys::Win32::UI::Shell::{
        FOLDERID_ProgramData, KF_FLAG_DEFAULT, SHGetKnownFolderPath,
    };
    let mut raw: *mut u16 = std::ptr::null_mut();
    // SAFETY: the folder id is a valid GUID, and `raw` receives a string the shell
    // allocates (or null), freed with CoTaskMemFree whatever the result.
    let found = unsafe {
        let hr = SHGetKnownFolderPath(
            &FOLDERID_ProgramData,
            KF_FLAG_DEFAULT as _,
            std::ptr::null_mut(),
            &mut raw,
        );
        let path = (hr == 0 && !raw.is_null()).then(|| {
            let len = (0..).take_while(|&i| *raw.add(i) != 0).count();
            std::ffi::OsString::from_wide(std::slice::from_raw_parts(raw, len))
        });
        CoTaskMemFree(raw.cast());
        path
    };
    found.map(PathBuf::from)
}

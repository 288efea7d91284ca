//! The startup probe behind `benches/startup.sh`: when `CLINIC_EDU_STARTUP_T0` holds
//! the launch time (nanoseconds since the Unix epoch), the app prints, once its
//! first frame is on screen, how long that took and how much memory it holds, then
//! quits. The next frame starting is the sign: eframe presents a frame before it
//! begins the next one.

use std::io::Write as _;
use std::time::{SystemTime, UNIX_EPOCH};

/// Watches the frame counter; when the second frame begins it reports and asks to
/// close. (A frame may run more than one pass; passes are not counted.)
#[derive(Debug, Default)]
pub struct StartupProbe {
    launched_ns: Option<u128>,
    reported: bool,
}

impl StartupProbe {
    /// A probe armed by the environment, or one that does nothing.
    pub fn from_env() -> Self {
        Self {
            launched_ns: std::env::var("CLINIC_EDU_STARTUP_T0")
                .ok()
                .and_then(|v| v.trim().parse().ok()),
            reported: false,
        }
    }

    /// Call at the start of every frame.
    pub fn frame(&mut self, ctx: &egui::Context) {
        let Some(launched) = self.launched_ns else {
            return;
        };
        if self.reported {
            return;
        }
        if ctx.cumulative_frame_nr() == 0 {
            ctx.request_repaint();
        } else {
            self.reported = true;
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            let ms = now.saturating_sub(launched) as f64 / 1e6;
            // Written, not printed: a closed stdout must not panic the app.
            let _ = writeln!(
                std::io::stdout(),
                "first_frame_ms {ms:.1} rss_kb {}",
                resident_kb().unwrap_or(0)
            );
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// Resident memory of this process, from `/proc/self/status` (Linux).
pub fn resident_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

//! The yardstick for startup time and memory: a bare eframe window with the same
//! eframe features as the app, one heading and one label. `benches/startup.sh`
//! measures it beside `clinic-edu`.

use clinic_edu::probe::StartupProbe;

struct Bare {
    probe: StartupProbe,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.probe.frame(ui.ctx());
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.heading("A bare window");
            ui.label("One heading and one label.");
        });
    }
}

fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1100.0, 760.0]),
        ..Default::default()
    };
    eframe::run_native(
        "bare-window",
        options,
        Box::new(|_cc| {
            Ok(Box::new(Bare {
                probe: StartupProbe::from_env(),
            }))
        }),
    )
}

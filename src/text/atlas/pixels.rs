//! The atlas's pixels on the CPU side and their GPU texture: glyph bitmaps are
//! written into cells as white with coverage in alpha (premultiplied), and what
//! changed since the last frame is uploaded as one rectangle.

use cosmic_text::{SwashContent, SwashImage};
use egui::{Color32, ColorImage, Context, TextureHandle, TextureId, TextureOptions};

use super::AtlasGlyph;

pub(super) struct Pixels {
    size: usize,
    data: Vec<Color32>,
    texture: Option<TextureHandle>,
    /// Region (x0, y0, x1, y1) written since the last upload.
    dirty: Option<[usize; 4]>,
    full_upload: bool,
    /// Bytes sent to the GPU texture so far (for diagnostics and benchmarks).
    uploaded: u64,
}

impl Pixels {
    /// Transparent pixels, `size` x `size`; the texture is sent whole first.
    pub fn new(size: usize) -> Self {
        Self {
            size,
            data: vec![Color32::TRANSPARENT; size * size],
            texture: None,
            dirty: None,
            full_upload: true,
            uploaded: 0,
        }
    }

    pub fn size(&self) -> usize {
        self.size
    }

    pub fn uploaded(&self) -> u64 {
        self.uploaded
    }

    pub fn at(&self, x: usize, y: usize) -> Color32 {
        self.data[y * self.size + x]
    }

    pub fn alpha_at(&self, x: usize, y: usize) -> u8 {
        self.at(x, y).a()
    }

    /// A bigger square with the old pixels in its top-left corner.
    pub fn grow(&mut self, new_size: usize) {
        let mut data = vec![Color32::TRANSPARENT; new_size * new_size];
        for (y, row) in self.data.chunks_exact(self.size).enumerate() {
            data[y * new_size..y * new_size + self.size].copy_from_slice(row);
        }
        self.data = data;
        self.size = new_size;
        self.full_upload = true;
    }

    /// Copies a rasterised glyph into its cell, which starts `pad` pixels above and
    /// left of the glyph at (`cell_x`, `cell_y`).
    pub fn write(
        &mut self,
        glyph: &AtlasGlyph,
        pad: usize,
        cell_x: usize,
        cell_y: usize,
        image: &SwashImage,
    ) {
        let (w, h) = (glyph.width as usize, glyph.height as usize);
        // Clear the whole cell first: it may hold pixels of an evicted glyph.
        for y in cell_y..cell_y + h + 2 * pad {
            let row = y * self.size;
            self.data[row + cell_x..row + cell_x + w + 2 * pad].fill(Color32::TRANSPARENT);
        }
        for y in 0..h {
            let row = (glyph.y as usize + y) * self.size + glyph.x as usize;
            for x in 0..w {
                self.data[row + x] = match image.content {
                    SwashContent::Mask => {
                        let a = image.data[y * w + x];
                        Color32::from_rgba_premultiplied(a, a, a, a)
                    }
                    SwashContent::Color => {
                        let i = (y * w + x) * 4;
                        let p = &image.data[i..i + 4];
                        Color32::from_rgba_unmultiplied(p[0], p[1], p[2], p[3])
                    }
                    SwashContent::SubpixelMask => {
                        // Not requested by our rasteriser; use the green channel as coverage.
                        let a = image.data[(y * w + x) * 4 + 1];
                        Color32::from_rgba_premultiplied(a, a, a, a)
                    }
                };
            }
        }
        let region = [cell_x, cell_y, cell_x + w + 2 * pad, cell_y + h + 2 * pad];
        self.dirty = Some(match self.dirty {
            None => region,
            Some(d) => [
                d[0].min(region[0]),
                d[1].min(region[1]),
                d[2].max(region[2]),
                d[3].max(region[3]),
            ],
        });
    }

    /// Sends what changed to the GPU texture, creating it on first use.
    pub fn upload(&mut self, ctx: &Context) -> TextureId {
        let options = TextureOptions::LINEAR;
        match &mut self.texture {
            Some(texture) if !self.full_upload => {
                if let Some([x0, y0, x1, y1]) = self.dirty.take() {
                    let mut region = Vec::with_capacity((x1 - x0) * (y1 - y0));
                    for y in y0..y1 {
                        region
                            .extend_from_slice(&self.data[y * self.size + x0..y * self.size + x1]);
                    }
                    self.uploaded += (region.len() * 4) as u64;
                    texture.set_partial(
                        [x0, y0],
                        ColorImage::new([x1 - x0, y1 - y0], region),
                        options,
                    );
                }
                texture.id()
            }
            _ => {
                let image = ColorImage::new([self.size, self.size], self.data.clone());
                self.uploaded += (self.size * self.size * 4) as u64;
                let texture = match self.texture.take() {
                    Some(mut texture) => {
                        texture.set(image, options);
                        texture
                    }
                    None => ctx.load_texture("clinic-edu-glyphs", image, options),
                };
                self.full_upload = false;
                self.dirty = None;
                let id = texture.id();
                self.texture = Some(texture);
                id
            }
        }
    }
}

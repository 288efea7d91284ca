//! The atlas on the GPU: both pages as wgpu textures (R8 for coverage, RGBA for
//! colour), drawn by our own pipeline from egui paint callbacks, one callback per
//! text block. The first callback of a frame sends each page's changes as one
//! texture write (the whole page only when it is new or grew), so a frame's atlas
//! changes reach the GPU as one upload per page, and a screen already shown sends
//! nothing. The quads of all blocks of a frame share one instance buffer.
//!
//! The pipeline is made by [`install`] from the window's render state (eframe's
//! `Frame::wgpu_render_state`, which egui_kittest's wgpu renderer also gives), for
//! egui's render pass as eframe sets it up: one sample, no depth buffer. A renderer
//! without it (a test renderer that draws nothing) simply draws no text.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use eframe::egui_wgpu::{self, CallbackResources, CallbackTrait, RenderState, ScreenDescriptor};
use eframe::wgpu;
use egui::{Color32, PaintCallbackInfo, Rect};

use super::{PageKind, Textures};

/// One glyph as drawn: where on screen (points), where in its page (texels), in
/// which colour (premultiplied, gamma space, as egui's vertex colours).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GlyphQuad {
    pub rect: Rect,
    pub texels: Rect,
    pub color: Color32,
    pub page: PageKind,
}

use super::pipeline::INSTANCE_SIZE;

fn push_instance(quad: &GlyphQuad, out: &mut Vec<u8>) {
    let (r, t) = (quad.rect, quad.texels);
    for v in [
        r.min.x, r.min.y, r.max.x, r.max.y, t.min.x, t.min.y, t.max.x, t.max.y,
    ] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&quad.color.to_array());
    out.extend_from_slice(&(quad.page as u32).to_le_bytes());
}

/// Puts the text pipeline into the renderer's callback resources, once.
pub fn install(render_state: &RenderState) {
    let mut renderer = render_state.renderer.write();
    if renderer.callback_resources.get::<GpuText>().is_none() {
        let gpu = GpuText::new(&render_state.device, render_state.target_format);
        renderer.callback_resources.insert(gpu);
    }
}

/// The paint callback of one text block.
pub struct TextCallback {
    instances: Vec<u8>,
    count: u32,
    textures: Arc<Mutex<Textures>>,
    /// The egui pass the block was laid out in: a new one starts a new frame here.
    frame: u64,
    id: u64,
}

impl TextCallback {
    pub fn new(quads: &[GlyphQuad], textures: Arc<Mutex<Textures>>, frame: u64) -> Self {
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        let mut instances = Vec::with_capacity(quads.len() * INSTANCE_SIZE);
        for quad in quads {
            push_instance(quad, &mut instances);
        }
        Self {
            instances,
            count: quads.len() as u32,
            textures,
            frame,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The egui shape that draws the block within `rect`.
    pub fn into_shape(self, rect: Rect) -> egui::Shape {
        egui::Shape::Callback(egui_wgpu::Callback::new_paint_callback(rect, self))
    }
}

impl CallbackTrait for TextCallback {
    fn prepare(
        &self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        screen: &ScreenDescriptor,
        _encoder: &mut wgpu::CommandEncoder,
        resources: &mut CallbackResources,
    ) -> Vec<wgpu::CommandBuffer> {
        let Some(gpu) = resources.get_mut::<GpuText>() else {
            static WARNED: AtomicBool = AtomicBool::new(false);
            if !WARNED.swap(true, Ordering::Relaxed) {
                eprintln!("clinic-edu: the text pipeline is not installed; text is not drawn");
            }
            return Vec::new();
        };
        if gpu.frame != Some(self.frame) {
            gpu.begin_frame(self.frame, device, queue, screen, &self.textures);
        }
        let start = gpu.count;
        gpu.staged.extend_from_slice(&self.instances);
        gpu.count += self.count;
        gpu.ranges.insert(self.id, start..gpu.count);
        Vec::new()
    }

    fn finish_prepare(
        &self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        _encoder: &mut wgpu::CommandEncoder,
        resources: &mut CallbackResources,
    ) -> Vec<wgpu::CommandBuffer> {
        if let Some(gpu) = resources.get_mut::<GpuText>() {
            gpu.write_instances(device, queue);
        }
        Vec::new()
    }

    fn paint(
        &self,
        info: PaintCallbackInfo,
        pass: &mut wgpu::RenderPass<'static>,
        resources: &CallbackResources,
    ) {
        let Some(gpu) = resources.get::<GpuText>() else {
            return;
        };
        let (Some(range), Some(bind_group)) = (gpu.ranges.get(&self.id), &gpu.bind_group) else {
            return;
        };
        // Quads are in screen points: draw over the whole screen, clipped by egui's
        // scissor rectangle.
        let [w, h] = info.screen_size_px;
        pass.set_viewport(0.0, 0.0, w as f32, h as f32, 0.0, 1.0);
        pass.set_pipeline(&gpu.pipeline);
        pass.set_bind_group(0, bind_group, &[]);
        pass.set_vertex_buffer(0, gpu.instances.slice(..));
        pass.draw(0..6, range.clone());
    }
}

/// The pipeline, the two page textures and the frame's instances.
struct GpuText {
    pipeline: wgpu::RenderPipeline,
    layout: wgpu::BindGroupLayout,
    locals: wgpu::Buffer,
    /// Each page's texture and its side.
    pages: [Option<(wgpu::Texture, usize)>; 2],
    bind_group: Option<wgpu::BindGroup>,
    instances: wgpu::Buffer,
    staged: Vec<u8>,
    count: u32,
    written: bool,
    ranges: HashMap<u64, Range<u32>>,
    frame: Option<u64>,
    /// Which atlas the textures hold (another one is sent whole).
    source: usize,
    srgb_target: bool,
}

impl GpuText {
    fn new(device: &wgpu::Device, target: wgpu::TextureFormat) -> Self {
        let (pipeline, layout) = super::pipeline::pipeline(device, target);
        let locals = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("clinic-edu text locals"),
            size: 16,
            usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        Self {
            pipeline,
            layout,
            locals,
            pages: [None, None],
            bind_group: None,
            instances: instance_buffer(device, 1024),
            staged: Vec::new(),
            count: 0,
            written: false,
            ranges: HashMap::new(),
            frame: None,
            source: 0,
            srgb_target: target.is_srgb(),
        }
    }

    /// A new frame: its uploads (one per page at most) and the screen's size.
    fn begin_frame(
        &mut self,
        frame: u64,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        screen: &ScreenDescriptor,
        textures: &Arc<Mutex<Textures>>,
    ) {
        self.frame = Some(frame);
        self.staged.clear();
        self.ranges.clear();
        self.count = 0;
        self.written = false;
        let source = Arc::as_ptr(textures) as usize;
        if source != self.source {
            self.source = source;
            self.pages = [None, None];
        }
        let mut textures = textures.lock().unwrap_or_else(|p| p.into_inner());
        textures.stats.frames += 1;
        for kind in PageKind::ALL {
            let writes = self.upload_page(device, queue, &mut textures, kind);
            let most = &mut textures.stats.most_in_a_frame[kind as usize];
            *most = (*most).max(writes);
        }
        drop(textures);
        if self.bind_group.is_none() {
            self.bind_group = Some(self.make_bind_group(device));
        }
        let points = [
            screen.size_in_pixels[0] as f32 / screen.pixels_per_point,
            screen.size_in_pixels[1] as f32 / screen.pixels_per_point,
        ];
        let mut locals = Vec::with_capacity(16);
        locals.extend_from_slice(&points[0].to_le_bytes());
        locals.extend_from_slice(&points[1].to_le_bytes());
        locals.extend_from_slice(&u32::from(self.srgb_target).to_le_bytes());
        locals.extend_from_slice(&0u32.to_le_bytes());
        queue.write_buffer(&self.locals, 0, &locals);
    }

    /// Sends what changed of one page; returns how many texture writes it took.
    fn upload_page(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        textures: &mut Textures,
        kind: PageKind,
    ) -> u64 {
        let page = textures.page_mut(kind);
        let side = page.size().max(1);
        if self.pages[kind as usize]
            .as_ref()
            .is_none_or(|(_, s)| *s != side)
        {
            self.pages[kind as usize] = Some((page_texture(device, kind, side), side));
            self.bind_group = None;
            page.mark_full();
        }
        let Some(upload) = (page.size() > 0).then(|| page.take_upload()).flatten() else {
            return 0;
        };
        let Some((texture, _)) = &self.pages[kind as usize] else {
            return 0;
        };
        let [x, y, w, h] = upload.rect.map(|v| v as u32);
        let bpp = kind.bytes_per_pixel() as u32;
        queue.write_texture(
            wgpu::TexelCopyTextureInfo {
                texture,
                mip_level: 0,
                origin: wgpu::Origin3d { x, y, z: 0 },
                aspect: wgpu::TextureAspect::All,
            },
            &upload.bytes,
            wgpu::TexelCopyBufferLayout {
                offset: 0,
                bytes_per_row: Some(w * bpp),
                rows_per_image: Some(h),
            },
            wgpu::Extent3d {
                width: w,
                height: h,
                depth_or_array_layers: 1,
            },
        );
        textures.stats.bytes[kind as usize] += upload.bytes.len() as u64;
        textures.stats.uploads[kind as usize] += 1;
        1
    }

    fn make_bind_group(&self, device: &wgpu::Device) -> wgpu::BindGroup {
        let view = |kind: PageKind| {
            self.pages[kind as usize]
                .as_ref()
                .map(|(t, _)| t.create_view(&wgpu::TextureViewDescriptor::default()))
        };
        let (Some(mask), Some(color)) = (view(PageKind::Mask), view(PageKind::Color)) else {
            unreachable!("both pages have a texture before a bind group is made");
        };
        device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: Some("clinic-edu text"),
            layout: &self.layout,
            entries: &[
                wgpu::BindGroupEntry {
                    binding: 0,
                    resource: self.locals.as_entire_binding(),
                },
                wgpu::BindGroupEntry {
                    binding: 1,
                    resource: wgpu::BindingResource::TextureView(&mask),
                },
                wgpu::BindGroupEntry {
                    binding: 2,
                    resource: wgpu::BindingResource::TextureView(&color),
                },
            ],
        })
    }

    /// Sends the frame's quads, once, after every block has added its own.
    fn write_instances(&mut self, device: &wgpu::Device, queue: &wgpu::Queue) {
        if self.written {
            return;
        }
        self.written = true;
        let needed = self.staged.len() as u64;
        if needed > self.instances.size() {
            self.instances = instance_buffer(device, needed.next_power_of_two());
        }
        if needed > 0 {
            queue.write_buffer(&self.instances, 0, &self.staged);
        }
    }
}

fn instance_buffer(device: &wgpu::Device, size: u64) -> wgpu::Buffer {
    device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("clinic-edu text quads"),
        size: size.max(INSTANCE_SIZE as u64),
        usage: wgpu::BufferUsages::VERTEX | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    })
}

fn page_texture(device: &wgpu::Device, kind: PageKind, side: usize) -> wgpu::Texture {
    device.create_texture(&wgpu::TextureDescriptor {
        label: Some(match kind {
            PageKind::Mask => "clinic-edu glyphs (coverage)",
            PageKind::Color => "clinic-edu glyphs (colour)",
        }),
        size: wgpu::Extent3d {
            width: side as u32,
            height: side as u32,
            depth_or_array_layers: 1,
        },
        mip_level_count: 1,
        sample_count: 1,
        dimension: wgpu::TextureDimension::D2,
        format: match kind {
            PageKind::Mask => wgpu::TextureFormat::R8Unorm,
            PageKind::Color => wgpu::TextureFormat::Rgba8Unorm,
        },
        usage: wgpu::TextureUsages::TEXTURE_BINDING | wgpu::TextureUsages::COPY_DST,
        view_formats: &[],
    })
}

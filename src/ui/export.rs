//! Chart pictures: the chart alone with its title, unit and period, legend
//! and a footer naming its sources, drawn by egui at any size and scale and
//! rendered offscreen with wgpu (no window, no display), as PNG. The app's
//! Export dialog and `plan-explorer export` both draw through here, so they
//! give the same picture.

use std::sync::{Mutex, PoisonError};

use egui_wgpu::wgpu;

use super::{AppState, charts_panel, style};
use crate::view::charts::ChartId;
use crate::view::table;

/// How to draw a picture.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImageOptions {
    /// Width of the layout, in points.
    pub width: u32,
    /// Height of the layout, in points.
    pub height: u32,
    /// Pixels per point: 2 gives a 3200x2000 picture of a 1600x1000 layout.
    pub scale: f32,
    /// Light or dark.
    pub theme: egui::Theme,
}

impl Default for ImageOptions {
    fn default() -> Self {
        Self {
            width: 1600,
            height: 1000,
            scale: 1.0,
            theme: egui::Theme::Light,
        }
    }
}

/// The largest picture side in pixels: what renderers accept everywhere.
pub const MAX_SIDE: u32 = 8192;

/// Why a picture could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The size or scale is out of range.
    #[error("{0}")]
    Size(String),
    /// No GPU or software renderer could be used.
    #[error("cannot render the picture: {0}")]
    Render(String),
}

/// An 8-bit RGBA picture, rows top to bottom.
#[derive(Clone, Debug)]
pub struct Picture {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The pixels, unpremultiplied.
    pub rgba: Vec<u8>,
}

impl Picture {
    /// The picture as egui's image type (for the clipboard).
    pub fn to_color_image(&self) -> egui::ColorImage {
        egui::ColorImage::from_rgba_unmultiplied(
            [self.width as usize, self.height as usize],
            &self.rgba,
        )
    }
}

impl ImageOptions {
    /// The picture's size in pixels, checked.
    pub fn pixels(&self) -> Result<[u32; 2], ExportError> {
        if !(self.scale.is_finite() && (0.25..=8.0).contains(&self.scale)) {
            return Err(ExportError::Size(format!(
                "the scale must be between 0.25 and 8, not {}",
                self.scale
            )));
        }
        if self.width < 200 || self.height < 150 {
            return Err(ExportError::Size(format!(
                "{}x{} is too small for a chart; use at least 200x150",
                self.width, self.height
            )));
        }
        // Whole pixels; the sizes are checked, so the casts are exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let pixels = [
            (self.width as f32 * self.scale).round() as u32,
            (self.height as f32 * self.scale).round() as u32,
        ];
        if pixels[0] > MAX_SIDE || pixels[1] > MAX_SIDE {
            return Err(ExportError::Size(format!(
                "{}x{} at {}x is {}x{} pixels; the largest side allowed is {MAX_SIDE}",
                self.width, self.height, self.scale, pixels[0], pixels[1]
            )));
        }
        Ok(pixels)
    }
}

/// The bytes of a chart's file: its picture as PNG, or its data as CSV,
/// both as `state` shows the chart. `path` only names the file in errors.
pub fn chart_file(
    state: &AppState,
    chart: ChartId,
    format: crate::output::Format,
    image: &ImageOptions,
    path: &std::path::Path,
) -> Result<Vec<u8>, String> {
    match format {
        crate::output::Format::Csv => {
            let rows =
                table::chart_rows_sorted(&state.dataset, chart, &state.hidden, state.targets_sort);
            table::csv_bytes(&state.dataset, &rows)
                .map_err(|e| format!("cannot write the CSV: {e}"))
        }
        crate::output::Format::Png => {
            let picture = chart_picture(state, chart, image).map_err(|e| e.to_string())?;
            crate::output::png_bytes(path, picture.width, picture.height, &picture.rgba)
                .map_err(|e| e.to_string())
        }
    }
}

/// Draws the picture of `chart` as `state` shows it (amount convention,
/// hidden legend entries, log scale, targets' order).
pub fn chart_picture(
    state: &AppState,
    chart: ChartId,
    options: &ImageOptions,
) -> Result<Picture, ExportError> {
    let rows = table::chart_rows(&state.dataset, chart, &state.hidden);
    let subtitle = table::subtitle(chart, &rows);
    let footer = table::source_footer(&state.dataset, &rows);
    crate::i18n::set(state.lang);
    let made_with = crate::i18n::fill(
        crate::i18n::T::MadeWith,
        &[&state.dataset.title, &state.dataset.edition],
    );
    page_picture(options, |ui| {
        picture_ui(state, ui, chart, &subtitle, &footer, &made_with);
    })
}

/// Draws any page with egui at the options' size and scale and renders it
/// offscreen: what [`chart_picture`] does for a chart.
pub fn page_picture(
    options: &ImageOptions,
    mut page: impl FnMut(&mut egui::Ui),
) -> Result<Picture, ExportError> {
    let pixels = options.pixels()?;
    let ctx = egui::Context::default();
    style::install_fonts(&ctx);
    ctx.set_theme(options.theme);
    ctx.global_style_mut(|style| style.animation_time = 0.0);

    let mut deltas = Vec::new();
    let mut last = None;
    // The first pass loads the fonts and lays out; the plot settles its
    // bounds on the next. A third makes sure nothing moves any more.
    for pass in 0..3 {
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(options.width as f32, options.height as f32),
            )),
            time: Some(f64::from(pass)),
            ..egui::RawInput::default()
        };
        input
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .native_pixels_per_point = Some(options.scale);
        let mut output = ctx.run_ui(input, &mut page);
        // Taken apart here: a delta dropped unapplied is a bug to egui.
        let mut delta = std::mem::take(&mut output.textures_delta);
        for (id, images) in std::mem::take(&mut delta.set) {
            deltas.push(Texture::Set(id, images.into_iter().collect()));
        }
        deltas.extend(delta.free.drain().map(Texture::Free));
        delta.clear();
        last = Some(output);
    }
    let output = last.ok_or_else(|| ExportError::Render("nothing was drawn".to_owned()))?;
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    let page = ctx.style_of(options.theme).visuals.panel_fill;
    render(&deltas, &primitives, pixels, output.pixels_per_point, page)
}

/// A texture update of one pass, in the order egui gave them.
enum Texture {
    /// Create or patch a texture.
    Set(egui::TextureId, Vec<egui::epaint::ImageDelta>),
    /// Free a texture after drawing.
    Free(egui::TextureId),
}

/// The picture's layout: title, subtitle, the chart, the source footer.
fn picture_ui(
    state: &AppState,
    ui: &mut egui::Ui,
    chart: ChartId,
    subtitle: &str,
    footer: &str,
    made_with: &str,
) {
    // No panel fills: the target is cleared to the page colour instead.
    // On a software renderer every full-size layer costs as much as the
    // rest of the picture, so none is drawn that would not show.
    let frame = egui::Frame::NONE.inner_margin(24.0);
    egui::Panel::bottom("picture_footer")
        .frame(frame)
        .show_separator_line(false)
        .show(ui, |ui| {
            ui.separator();
            ui.add(egui::Label::new(egui::RichText::new(footer).small()).wrap());
            ui.add(egui::Label::new(egui::RichText::new(made_with).small().weak()).wrap());
        });
    egui::CentralPanel::default().frame(frame).show(ui, |ui| {
        ui.heading(charts_panel::chart_title(chart));
        ui.weak(subtitle);
        ui.add_space(8.0);
        charts_panel::body(state, ui, chart, true, &mut Vec::new());
    });
}

/// A wgpu device kept for the next picture: making one costs more than
/// drawing a chart on a software renderer.
static RENDER_STATE: Mutex<Option<egui_wgpu::RenderState>> = Mutex::new(None);

/// How long to wait for the renderer to finish.
const WAIT: std::time::Duration = std::time::Duration::from_secs(30);

fn render_state() -> Result<egui_wgpu::RenderState, ExportError> {
    let mut shared = RENDER_STATE.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(state) = shared.as_ref() {
        return Ok(state.clone());
    }
    let setup = egui_wgpu::WgpuSetup::without_display_handle();
    let instance = pollster::block_on(setup.new_instance());
    let config = egui_wgpu::WgpuConfiguration {
        wgpu_setup: setup,
        ..egui_wgpu::WgpuConfiguration::default()
    };
    let state = pollster::block_on(egui_wgpu::RenderState::create(
        &config,
        &instance,
        None,
        egui_wgpu::RendererOptions::PREDICTABLE,
    ))
    .map_err(|error| ExportError::Render(error.to_string()))?;
    *shared = Some(state.clone());
    Ok(state)
}

/// Renders egui's output into a texture and reads it back.
fn render(
    deltas: &[Texture],
    primitives: &[egui::ClippedPrimitive],
    [width, height]: [u32; 2],
    pixels_per_point: f32,
    page: egui::Color32,
) -> Result<Picture, ExportError> {
    let state = render_state()?;
    let device = &state.device;
    let queue = &state.queue;
    let mut renderer = state.renderer.write();
    // Each picture has its own context, so its own font atlas: textures of
    // the last picture are replaced by this one's.
    for delta in deltas {
        if let Texture::Set(id, images) = delta {
            for image in images {
                renderer.update_texture(device, queue, *id, image);
            }
        }
    }
    let screen = egui_wgpu::ScreenDescriptor {
        size_in_pixels: [width, height],
        pixels_per_point,
    };
    let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
        label: Some("picture"),
    });
    let user_buffers = renderer.update_buffers(device, queue, &mut encoder, primitives, &screen);
    let texture = device.create_texture(&wgpu::TextureDescriptor {
        label: Some("picture"),
        size: wgpu::Extent3d {
            width,
            height,
            depth_or_array_layers: 1,
        },
        mip_level_count: 1,
        sample_count: 1,
        dimension: wgpu::TextureDimension::D2,
        format: state.target_format,
        usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
        view_formats: &[],
    });
    let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
    {
        let mut pass = encoder
            .begin_render_pass(&wgpu::RenderPassDescriptor {
                label: Some("picture"),
                color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                    view: &view,
                    resolve_target: None,
                    ops: wgpu::Operations {
                        load: wgpu::LoadOp::Clear(clear_color(page, state.target_format)),
                        store: wgpu::StoreOp::Store,
                    },
                    depth_slice: None,
                })],
                ..Default::default()
            })
            .forget_lifetime();
        renderer.render(&mut pass, primitives, &screen);
    }
    let rgba = read_back(&state, encoder, user_buffers, &texture, [width, height])?;
    for delta in deltas {
        if let Texture::Free(id) = delta {
            renderer.free_texture(id);
        }
    }
    Ok(Picture {
        width,
        height,
        rgba,
    })
}

/// `color` as the clear value of a texture of `format`: linear for an
/// sRGB texture, as written otherwise (egui's colours are sRGB-encoded).
fn clear_color(color: egui::Color32, format: wgpu::TextureFormat) -> wgpu::Color {
    if format.is_srgb() {
        let linear = egui::Rgba::from(color);
        wgpu::Color {
            r: f64::from(linear.r()),
            g: f64::from(linear.g()),
            b: f64::from(linear.b()),
            a: 1.0,
        }
    } else {
        let [r, g, b, _] = color.to_array();
        wgpu::Color {
            r: f64::from(r) / 255.0,
            g: f64::from(g) / 255.0,
            b: f64::from(b) / 255.0,
            a: 1.0,
        }
    }
}

/// Copies the rendered texture to memory as RGBA rows.
fn read_back(
    state: &egui_wgpu::RenderState,
    mut encoder: wgpu::CommandEncoder,
    user_buffers: Vec<wgpu::CommandBuffer>,
    texture: &wgpu::Texture,
    [width, height]: [u32; 2],
) -> Result<Vec<u8>, ExportError> {
    let device = &state.device;
    let queue = &state.queue;
    // Rows of a texture copy are padded to 256 bytes.
    let unpadded = width as usize * 4;
    let align = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT as usize;
    let padded = unpadded.div_ceil(align) * align;
    let buffer = device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("picture pixels"),
        size: (padded * height as usize) as u64,
        usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    encoder.copy_texture_to_buffer(
        texture.as_image_copy(),
        wgpu::TexelCopyBufferInfo {
            buffer: &buffer,
            layout: wgpu::TexelCopyBufferLayout {
                offset: 0,
                bytes_per_row: Some(u32::try_from(padded).unwrap_or(u32::MAX)),
                rows_per_image: None,
            },
        },
        wgpu::Extent3d {
            width,
            height,
            depth_or_array_layers: 1,
        },
    );
    let submission = queue.submit(
        user_buffers
            .into_iter()
            .chain(std::iter::once(encoder.finish())),
    );
    let (sender, receiver) = std::sync::mpsc::channel();
    buffer
        .slice(..)
        .map_async(wgpu::MapMode::Read, move |result| drop(sender.send(result)));
    device
        .poll(wgpu::PollType::Wait {
            submission_index: Some(submission),
            timeout: Some(WAIT),
        })
        .map_err(|error| ExportError::Render(error.to_string()))?;
    receiver
        .recv()
        .map_err(|error| ExportError::Render(error.to_string()))?
        .map_err(|error| ExportError::Render(error.to_string()))?;
    let mapped = buffer
        .slice(..)
        .get_mapped_range()
        .map_err(|error| ExportError::Render(error.to_string()))?;
    let bgra = matches!(
        state.target_format,
        wgpu::TextureFormat::Bgra8Unorm | wgpu::TextureFormat::Bgra8UnormSrgb
    );
    let mut rgba = Vec::with_capacity(unpadded * height as usize);
    for row in mapped.chunks_exact(padded) {
        for pixel in row[..unpadded].chunks_exact(4) {
            if bgra {
                rgba.extend_from_slice(&[pixel[2], pixel[1], pixel[0], pixel[3]]);
            } else {
                rgba.extend_from_slice(pixel);
            }
        }
    }
    drop(mapped);
    Ok(rgba)
}

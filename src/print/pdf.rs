//! `certsite print --pdf`: the certificates as the body hands them out (DESIGN §2, §4), one A4
//! portrait page each in one file, `certificates.pdf`.
//!
//! A page holds the issuer (its logo when `[issuer] logo` names one, its name in Azerbaijani
//! and English), the title, the holder, the number, the profession, the approved scope, the
//! issue and valid-until dates, and at the foot the QR code of the certificate's verification
//! page with the code printed under it, between the signatory's block (the title, a line to
//! sign on, the name: `[print] signatory`, `signatory_title`, `signatory_title_en`) and the
//! place for the seal ("M.Y.", möhür yeri; "L.S."). Every label is in Azerbaijani with the
//! English beside it; the profession and the scope add their English (`profession_en`,
//! `scope_en`) when the register has it.
//!
//! The text is set in Noto Sans (`assets/fonts/`, SIL Open Font License 1.1), which has every
//! Azerbaijani letter; the PDF embeds only the glyphs it uses. The QR code is drawn as
//! rectangles, one per horizontal run of dark modules, so it stays sharp at any size. The same
//! inputs give the same bytes: the file holds no date and no random identifier.

use std::path::Path;

use krilla::color::{luma, rgb};
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Paint, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::Document;
use krilla_svg::{SurfaceExt as _, SvgSettings};

use crate::config::{Config, Lang, Logo, LogoKind};
use crate::diag::Problem;
use crate::model::certificate::Certificate;
use crate::model::code::Code;
use crate::model::date;
use crate::render::i18n::tr;
use crate::render::qr;

/// Noto Sans Regular (`assets/fonts/SOURCES.md`).
static REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
static BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

/// A4 portrait, in points (1/72 inch): 210 × 297 mm.
const PAGE_W: f32 = 595.276;
const PAGE_H: f32 = 841.89;
/// The margin on every side: 20 mm.
const MARGIN: f32 = 56.693;
/// The widest a line of text may be.
const TEXT_W: f32 = PAGE_W - 2.0 * MARGIN;
/// The QR code's side, quiet zone included: 44 mm, about 1 mm a module for a certificate URL,
/// easy for a phone camera at arm's length.
const QR_SIDE: f32 = 124.72;
/// The most room the logo may take: 60 × 22 mm.
const LOGO_MAX: (f32, f32) = (170.0, 62.0);
/// Grey of labels and English text (0 black, 255 white).
const GREY: u8 = 85;
/// The width of each column beside the QR code: the signatory's on the left, the seal's on the
/// right, 5 mm clear of the code.
const SIDE_W: f32 = (TEXT_W - QR_SIDE) / 2.0 - 14.0;
/// The place for the seal: a circle 40 mm across, the size of a round seal.
const SEAL_R: f32 = 56.693;
/// Room to sign between the signatory's title and the line: 12 mm.
const SIGN_ROOM: f32 = 34.0;

/// One certificate's page.
#[derive(Debug, Clone)]
pub struct Sheet<'a> {
    /// The certificate.
    pub cert: &'a Certificate,
    /// Where its row is, for a message about it.
    pub at: crate::diag::At,
    /// Its verification code, printed under the QR code.
    pub code: Code,
    /// Its verification page: what the QR code holds.
    pub url: String,
    /// The text of its paper QR code (DESIGN §5), printed beside the first.
    pub paper_qr: String,
}

/// The issuer's logo, read and decoded.
pub enum LogoImage {
    /// An SVG, drawn as vectors.
    Svg(Box<usvg::Tree>),
    /// A PNG.
    Png(Image),
}

impl std::fmt::Debug for LogoImage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            LogoImage::Svg(_) => "LogoImage::Svg",
            LogoImage::Png(_) => "LogoImage::Png",
        })
    }
}

impl LogoImage {
    /// Reads and decodes the logo `config` names (relative to `root`). A file that cannot be
    /// read or is not a valid SVG or PNG is a problem at the `logo` line of site.toml.
    pub fn load(root: &Path, logo: &Logo) -> Result<LogoImage, Box<Problem>> {
        let file = root.join(&logo.path);
        let fail = |why: String, help: String| {
            Box::new(Problem::error(tr!("print-logo", path = &logo.path, why = why)).at(logo.at.clone()).help(help))
        };
        let bytes = std::fs::read(&file).map_err(|e| {
            fail(tr!("print-logo-unreadable", path = file.display().to_string(), why = e.to_string()), tr!("print-logo-unreadable.help"))
        })?;
        let image = match logo.kind {
            LogoKind::Svg => {
                let mut options = usvg::Options::default();
                // Text in the logo is set in the bundled font: no system font is read, so the
                // page looks the same on every machine.
                options.fontdb_mut().load_font_data(REGULAR.to_vec());
                options.fontdb_mut().load_font_data(BOLD.to_vec());
                options.font_family = "Noto Sans".to_owned();
                let tree = usvg::Tree::from_data(&bytes, &options)
                    .map_err(|e| fail(tr!("print-logo-not-svg", why = e.to_string()), tr!("print-logo-not-svg.help")))?;
                LogoImage::Svg(Box::new(tree))
            }
            LogoKind::Png => LogoImage::Png(
                Image::from_png(bytes.into(), true)
                    .map_err(|e| fail(tr!("print-logo-not-png", why = e.to_string()), tr!("print-logo-not-png.help")))?,
            ),
        };
        match image.size() {
            (w, h) if w > 0.0 && h > 0.0 => Ok(image),
            _ => Err(fail(tr!("print-logo-no-size"), tr!("print-logo-no-size.help"))),
        }
    }

    /// Width and height in the image's own units (SVG user units, PNG pixels).
    fn size(&self) -> (f32, f32) {
        match self {
            LogoImage::Svg(tree) => (tree.size().width(), tree.size().height()),
            LogoImage::Png(image) => {
                let (w, h) = image.size();
                (w as f32, h as f32)
            }
        }
    }
}

/// The PDF: one page per sheet, in order.
///
/// # Errors
/// When a URL does not fit in a QR code, a certificate's fields do not fit on a page, or the
/// PDF cannot be written (a PNG logo whose pixels do not decode).
pub fn document(config: &Config, logo: Option<&LogoImage>, sheets: &[Sheet<'_>]) -> anyhow::Result<Vec<u8>> {
    let fonts = Fonts::new();
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("{} — {}", tr(Lang::Az, "certificate"), config.issuer.name))
            .language("az".to_owned())
            .creator(format!("certsite {}", env!("CARGO_PKG_VERSION"))),
    );
    // The signatory's block and the seal's place: the same on every page.
    let mut signatory = signatory(config, &fonts);
    if ops_top(&signatory, Region::Signatory) < qr_top() - 40.0 || ops_bottom(&signatory, Region::Signatory) > PAGE_H - MARGIN {
        anyhow::bail!("{}", tr!("print-signatory-too-long", path = crate::config::SITE_TOML));
    }
    signatory.extend(seal(&fonts));
    for sheet in sheets {
        let qr_failed = |e: qr::QrError| anyhow::anyhow!("{}", tr!("print-qr-failed", number = &sheet.cert.number, why = e.to_string()));
        let modules = qr::qr_modules(&sheet.url).map_err(qr_failed)?;
        let paper = qr::qr_modules(&sheet.paper_qr).map_err(qr_failed)?;
        let page_settings = PageSettings::from_wh(PAGE_W, PAGE_H).expect("A4 is a valid page size");
        let mut page = document.start_page_with(page_settings);
        let mut surface = page.surface();
        let mut ops = header(config, logo, &fonts);
        ops.extend(footer(config, sheet, modules, &fonts));
        ops.extend(paper_footer(config, paper, &fonts));
        ops.extend(signatory.iter().cloned());
        let bottom = qr_top().min(ops_top(&signatory, Region::Signatory)) - 18.0;
        let fields = fields(sheet.cert, &fonts, ops_bottom(&ops, Region::Header), bottom)
            .ok_or_else(|| anyhow::anyhow!("{}", tr!("print-scope-too-long", at = sheet.at.to_string(), number = &sheet.cert.number)))?;
        ops.extend(fields);
        for op in &ops {
            draw(&mut surface, op, &fonts, logo);
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| match (e, &config.logo) {
        // krilla decodes a PNG's pixels only now: a file with a PNG header and broken data.
        (krilla::error::KrillaError::Image(_, _, why), Some(logo)) => {
            anyhow::anyhow!(
                "{}: {} ({})",
                logo.at,
                tr!("print-logo", path = &logo.path, why = tr!("print-logo-not-png", why = why.to_string())),
                tr!("print-logo-not-png.help")
            )
        }
        (e, _) => anyhow::anyhow!("{}", tr!("print-pdf-failed", why = format!("{e:?}"))),
    })
}

/// The two faces, for drawing and for measuring.
struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    fn new() -> Fonts {
        Fonts { regular: Face::new(REGULAR), bold: Face::new(BOLD) }
    }

    fn face(&self, bold: bool) -> &Face {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }
}

/// A font: krilla's handle (to draw) and rustybuzz's (to measure, shaped as krilla shapes),
/// with the width of each text measured so far (in ems: the width scales with the size).
struct Face {
    pdf: Font,
    shaper: rustybuzz::Face<'static>,
    widths: std::cell::RefCell<std::collections::HashMap<String, f32>>,
}

impl Face {
    fn new(data: &'static [u8]) -> Face {
        // The fonts are compiled in and checked by a test: parsing them cannot fail at run time.
        Face {
            pdf: Font::new(data.into(), 0).expect("the bundled font parses"),
            shaper: rustybuzz::Face::from_slice(data, 0).expect("the bundled font parses"),
            widths: Default::default(),
        }
    }

    /// The width of `text` set at `size` points.
    fn width(&self, text: &str, size: f32) -> f32 {
        if let Some(ems) = self.widths.borrow().get(text) {
            return ems * size;
        }
        let ems = self.shape_width(text);
        self.widths.borrow_mut().insert(text.to_owned(), ems);
        ems * size
    }

    fn shape_width(&self, text: &str) -> f32 {
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(&self.shaper, &[], buffer);
        let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        units as f32 / self.shaper.units_per_em() as f32
    }

    /// Glyphs the font lacks in `text` (drawn as empty boxes).
    #[cfg(test)]
    fn missing(&self, text: &str) -> Vec<char> {
        text.chars().filter(|&c| !c.is_whitespace() && self.shaper.glyph_index(c).is_none()).collect()
    }
}

/// Something to draw, in page coordinates (points from the top left).
#[derive(Debug, Clone, PartialEq)]
enum Op {
    /// A line of text; `y` is its baseline.
    Text { x: f32, y: f32, size: f32, bold: bool, grey: bool, text: String, region: Region },
    /// A filled rectangle (a rule).
    Rect { x: f32, y: f32, w: f32, h: f32, region: Region },
    /// The logo in its box.
    Logo { x: f32, y: f32, w: f32, h: f32 },
    /// The QR code: its modules (row by row, `true` dark), `width` of them a row.
    Qr { x: f32, y: f32, side: f32, width: usize, modules: Vec<bool> },
    /// A dashed circle (the place for the seal).
    Circle { cx: f32, cy: f32, r: f32, region: Region },
}

/// Which part of the page an op belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    /// The frame round the page.
    Page,
    /// Logo, issuer and title.
    Header,
    /// The certificate's own fields.
    Fields,
    /// The QR code and its code.
    Footer,
    /// The signatory's block and the place for the seal, beside the QR code.
    Signatory,
}

/// Where the QR code's top edge is.
fn qr_top() -> f32 {
    PAGE_H - MARGIN - 44.0 - QR_SIDE
}

/// The lowest point reached by the ops of `region`.
fn ops_bottom(ops: &[Op], region: Region) -> f32 {
    ops.iter()
        .filter_map(|op| match op {
            Op::Text { y, size, region: r, .. } if *r == region => Some(y + size * 0.3),
            Op::Rect { y, h, region: r, .. } if *r == region => Some(y + h),
            Op::Logo { y, h, .. } if region == Region::Header => Some(y + h),
            Op::Circle { cy, r, region: r_, .. } if *r_ == region => Some(cy + r),
            _ => None,
        })
        .fold(MARGIN, f32::max)
}

/// The highest point reached by the ops of `region` (the bottom of the page when none).
fn ops_top(ops: &[Op], region: Region) -> f32 {
    ops.iter()
        .filter_map(|op| match op {
            Op::Text { y, size, region: r, .. } if *r == region => Some(y - size * 0.75),
            Op::Rect { y, region: r, .. } if *r == region => Some(*y),
            Op::Circle { cy, r, region: r_, .. } if *r_ == region => Some(cy - r),
            _ => None,
        })
        .fold(PAGE_H, f32::min)
}

/// Lines of text laid out downwards from `y`, as ops of one region.
struct Flow<'f> {
    fonts: &'f Fonts,
    ops: Vec<Op>,
    y: f32,
    region: Region,
}

/// How a run of text is set.
#[derive(Debug, Clone, Copy)]
struct Style {
    size: f32,
    bold: bool,
    grey: bool,
}

impl Flow<'_> {
    /// Adds `text`, wrapped to `width`, each line starting at `x` (or centred on the page when
    /// `None`).
    fn text(&mut self, text: &str, style: Style, x: Option<f32>, width: f32) {
        let face = self.fonts.face(style.bold);
        for line in wrap(face, text, style.size, width) {
            self.y += style.size * 1.28;
            let x = x.unwrap_or_else(|| (PAGE_W - face.width(&line, style.size)) / 2.0);
            self.ops.push(Op::Text { x, y: self.y, size: style.size, bold: style.bold, grey: style.grey, text: line, region: self.region });
        }
    }

    /// Adds `text`, wrapped to `width`, each line centred between `x` and `x + width`.
    fn centred(&mut self, text: &str, style: Style, x: f32, width: f32) {
        let face = self.fonts.face(style.bold);
        for line in wrap(face, text, style.size, width) {
            self.y += style.size * 1.28;
            let x = x + (width - face.width(&line, style.size)) / 2.0;
            self.ops.push(Op::Text { x, y: self.y, size: style.size, bold: style.bold, grey: style.grey, text: line, region: self.region });
        }
    }

    fn gap(&mut self, points: f32) {
        self.y += points;
    }
}

/// Splits `text` into lines no wider than `width`, at spaces; a word wider than a line is split
/// between letters. Each word is measured once: a line's width is its words' and spaces'
/// (kerning across a space is nil in Noto Sans).
fn wrap(face: &Face, text: &str, size: f32, width: f32) -> Vec<String> {
    let space = face.width(" ", size);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0.0;
    for word in text.split_whitespace() {
        let w = face.width(word, size);
        if !line.is_empty() && used + space + w <= width {
            line.push(' ');
            line.push_str(word);
            used += space + w;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if w <= width {
            line.push_str(word);
            used = w;
            continue;
        }
        // Too wide for a line of its own: split between letters.
        for c in word.chars() {
            line.push(c);
            if line.chars().count() > 1 && face.width(&line, size) > width {
                line.pop();
                lines.push(std::mem::take(&mut line));
                line.push(c);
            }
        }
        used = face.width(&line, size);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The logo, the issuer's names, a rule and the title: the same on every page.
fn header(config: &Config, logo: Option<&LogoImage>, fonts: &Fonts) -> Vec<Op> {
    let mut flow = Flow { fonts, ops: Vec::new(), y: MARGIN, region: Region::Header };
    // A thin frame 12 mm in from the edge of the sheet.
    let (edge, line) = (34.0, 0.6);
    for (x, y, w, h) in [
        (edge, edge, PAGE_W - 2.0 * edge, line),
        (edge, PAGE_H - edge - line, PAGE_W - 2.0 * edge, line),
        (edge, edge, line, PAGE_H - 2.0 * edge),
        (PAGE_W - edge - line, edge, line, PAGE_H - 2.0 * edge),
    ] {
        flow.ops.push(Op::Rect { x, y, w, h, region: Region::Page });
    }
    if let Some((w, h)) = logo.map(LogoImage::size) {
        let scale = (LOGO_MAX.0 / w).min(LOGO_MAX.1 / h);
        let (w, h) = (w * scale, h * scale);
        flow.ops.push(Op::Logo { x: (PAGE_W - w) / 2.0, y: flow.y, w, h });
        flow.gap(h + 8.0);
    }
    flow.text(&config.issuer.name, Style { size: 13.0, bold: true, grey: false }, None, TEXT_W);
    if let Some(en) = config.issuer.name_en.as_deref().filter(|en| *en != config.issuer.name) {
        flow.text(en, Style { size: 10.0, bold: false, grey: true }, None, TEXT_W);
    }
    flow.gap(12.0);
    flow.ops.push(Op::Rect { x: MARGIN, y: flow.y, w: TEXT_W, h: 0.8, region: Region::Header });
    flow.gap(22.0);
    flow.text(tr(Lang::Az, "certificate"), Style { size: 21.0, bold: true, grey: false }, None, TEXT_W);
    flow.text(tr(Lang::En, "certificate"), Style { size: 12.0, bold: false, grey: true }, None, TEXT_W);
    flow.ops
}

/// The QR code, the code under it and where to type it.
fn footer(config: &Config, sheet: &Sheet<'_>, (width, modules): (usize, Vec<bool>), fonts: &Fonts) -> Vec<Op> {
    let top = qr_top();
    let mut flow = Flow { fonts, ops: Vec::new(), y: top + QR_SIDE - 4.0, region: Region::Footer };
    flow.ops.push(Op::Qr { x: (PAGE_W - QR_SIDE) / 2.0, y: top, side: QR_SIDE, width, modules });
    flow.text(&sheet.code.grouped(), Style { size: 13.0, bold: true, grey: false }, None, TEXT_W);
    let label = format!("{} / {}", tr(Lang::Az, "code_label"), tr(Lang::En, "code_label"));
    flow.text(&label, Style { size: 8.5, bold: false, grey: true }, None, TEXT_W);
    flow.text(&format!("{}/verify/", config.base_url), Style { size: 8.5, bold: false, grey: true }, None, TEXT_W);
    flow.ops
}

/// Beside the QR code: on the left the signatory's title (`[print] signatory_title`, and
/// `signatory_title_en` under it), room to sign, the line, and under it the name (`[print]
/// signatory`) and "İmza / Signature"; on the right a dashed circle marked "M.Y." and "L.S.",
/// the place for the seal, and under it "Möhür yeri / Place for seal". Without the settings
/// the line and the place for the seal are printed all the same, to be filled in by hand.
fn signatory(config: &Config, fonts: &Fonts) -> Vec<Op> {
    let both = |key: &str| format!("{} / {}", tr(Lang::Az, key), tr(Lang::En, key));
    let label = Style { size: 8.5, bold: false, grey: true };
    let line_y = qr_top() + QR_SIDE - 20.0;
    // Under the line, downwards.
    let mut flow = Flow { fonts, ops: Vec::new(), y: line_y + 2.0, region: Region::Signatory };
    if let Some(name) = &config.print.signatory {
        flow.centred(name, Style { size: 11.0, bold: true, grey: false }, MARGIN, SIDE_W);
    }
    flow.centred(&both("signature"), label, MARGIN, SIDE_W);
    flow.ops.push(Op::Rect { x: MARGIN + 8.0, y: line_y, w: SIDE_W - 16.0, h: 0.6, region: Region::Signatory });
    // Above the line, upwards from the room to sign: the title, then its English under it.
    let mut title = Flow { fonts, ops: Vec::new(), y: 0.0, region: Region::Signatory };
    if let Some(text) = &config.print.signatory_title {
        title.centred(text, Style { size: 10.0, bold: false, grey: false }, MARGIN, SIDE_W);
    }
    if let Some(text) = config.print.signatory_title_en.as_deref().filter(|en| Some(*en) != config.print.signatory_title.as_deref()) {
        title.centred(text, label, MARGIN, SIDE_W);
    }
    let shift = line_y - SIGN_ROOM - title.y;
    for mut op in title.ops {
        if let Op::Text { y, .. } = &mut op {
            *y += shift;
        }
        flow.ops.push(op);
    }
    flow.ops
}

/// The paper QR code (DESIGN §5) right of the first, as large, and under it what it is for:
/// "İnternetsiz yoxlama / Offline check" and the address of the offline checker (`scan/`).
fn paper_footer(config: &Config, (width, modules): (usize, Vec<bool>), fonts: &Fonts) -> Vec<Op> {
    let top = qr_top();
    let x = PAGE_W - MARGIN - SIDE_W;
    let mut flow = Flow { fonts, ops: Vec::new(), y: top + QR_SIDE - 4.0, region: Region::Footer };
    flow.ops.push(Op::Qr { x: x + (SIDE_W - QR_SIDE) / 2.0, y: top, side: QR_SIDE, width, modules });
    let label = Style { size: 8.5, bold: false, grey: true };
    flow.centred(&format!("{} / {}", tr(Lang::Az, "offline_check"), tr(Lang::En, "offline_check")), label, x, SIDE_W);
    flow.centred(&format!("{}/scan/", config.base_url), label, x, SIDE_W);
    flow.ops
}

/// The place for the seal: a dashed circle marked "M.Y." and "L.S." above the paper QR code,
/// clear of both codes (ink on a QR code is what makes it unreadable), and under it "Möhür yeri
/// / Place for seal".
fn seal(fonts: &Fonts) -> Vec<Op> {
    let both = |key: &str| format!("{} / {}", tr(Lang::Az, key), tr(Lang::En, key));
    let label = Style { size: 8.5, bold: false, grey: true };
    let mut flow = Flow { fonts, ops: Vec::new(), y: 0.0, region: Region::Signatory };
    let (cx, cy) = (PAGE_W - MARGIN - SIDE_W / 2.0, qr_top() - SEAL_R - 28.0);
    flow.ops.push(Op::Circle { cx, cy, r: SEAL_R, region: Region::Signatory });
    flow.y = cy - 12.0;
    flow.centred(tr(Lang::Az, "seal_mark"), Style { size: 12.0, bold: true, grey: true }, cx - SEAL_R, 2.0 * SEAL_R);
    flow.centred(tr(Lang::En, "seal_mark"), Style { size: 9.0, bold: false, grey: true }, cx - SEAL_R, 2.0 * SEAL_R);
    flow.y = cy + SEAL_R + 2.0;
    flow.centred(&both("seal_place"), label, PAGE_W - MARGIN - SIDE_W, SIDE_W);
    flow.ops
}

/// The certificate's own fields, between `top` and `bottom`: set at full size, or smaller
/// until they fit (a long approved scope), never cut; `None` when even half size does not fit.
fn fields(cert: &Certificate, fonts: &Fonts, top: f32, bottom: f32) -> Option<Vec<Op>> {
    (0..=10).map(|step| 1.0 - 0.05 * step as f32).find_map(|scale| {
        let ops = fields_at(cert, fonts, top + 30.0 * scale, scale);
        (ops_bottom(&ops, Region::Fields) <= bottom).then_some(ops)
    })
}

fn fields_at(cert: &Certificate, fonts: &Fonts, top: f32, scale: f32) -> Vec<Op> {
    let mut flow = Flow { fonts, ops: Vec::new(), y: top, region: Region::Fields };
    let x = Some(MARGIN);
    let label = |s: f32| Style { size: 9.0 * s, bold: false, grey: true };
    let value = |size: f32, bold: bool| Style { size: size * scale, bold, grey: false };
    let english = Style { size: 10.0 * scale, bold: false, grey: true };
    let both = |key: &str| format!("{} / {}", tr(Lang::Az, key), tr(Lang::En, key));
    let gap = 16.0 * scale;

    flow.text(&both("holder"), label(scale), x, TEXT_W);
    flow.text(&cert.holder_name(), value(18.0, true), x, TEXT_W);
    flow.gap(gap);
    flow.text(&both("number"), label(scale), x, TEXT_W);
    flow.text(&cert.number, value(13.0, true), x, TEXT_W);
    flow.gap(gap);
    flow.text(&both("profession"), label(scale), x, TEXT_W);
    flow.text(&cert.profession, value(13.0, false), x, TEXT_W);
    if let Some(en) = cert.profession_en.as_deref().filter(|en| **en != *cert.profession) {
        flow.text(en, english, x, TEXT_W);
    }
    if !cert.scope.is_empty() {
        flow.gap(gap);
        flow.text(&both("scope"), label(scale), x, TEXT_W);
        let bullet = 12.0 * scale;
        for (i, field) in cert.scope.iter().enumerate() {
            let before = flow.ops.len();
            flow.text(field, value(11.0, false), Some(MARGIN + bullet), TEXT_W - bullet);
            if let Some(Op::Text { y, .. }) = flow.ops.get(before).cloned() {
                flow.ops.push(Op::Text {
                    x: MARGIN,
                    y,
                    size: 11.0 * scale,
                    bold: false,
                    grey: false,
                    text: "•".into(),
                    region: Region::Fields,
                });
            }
            if let Some(en) = cert.scope_en.as_ref().and_then(|en| en.get(i)) {
                flow.text(en, Style { size: 9.5 * scale, ..english }, Some(MARGIN + bullet), TEXT_W - bullet);
            }
            flow.gap(2.0 * scale);
        }
    }
    flow.gap(gap);
    // The dates side by side.
    let column = TEXT_W / 2.0;
    let start = flow.y;
    flow.text(&both("issued_on"), label(scale), x, column - 8.0);
    flow.text(&date::display(cert.issued_on), value(13.0, true), x, column - 8.0);
    let left_end = flow.y;
    flow.y = start;
    flow.text(&both("valid_until"), label(scale), Some(MARGIN + column), column);
    flow.text(&date::display(cert.valid_until), value(13.0, true), Some(MARGIN + column), column);
    flow.y = flow.y.max(left_end);
    flow.ops
}

fn fill(paint: impl Into<Paint>) -> Fill {
    Fill { paint: paint.into(), opacity: NormalizedF32::ONE, rule: FillRule::NonZero }
}

fn draw(surface: &mut Surface<'_>, op: &Op, fonts: &Fonts, logo: Option<&LogoImage>) {
    match op {
        Op::Text { x, y, size, bold, grey, text, .. } => {
            surface.set_fill(Some(fill(luma::Color::new(if *grey { GREY } else { 0 }))));
            surface.draw_text(Point::from_xy(*x, *y), fonts.face(*bold).pdf.clone(), *size, text, false, TextDirection::LeftToRight);
        }
        Op::Rect { x, y, w, h, .. } => {
            let mut path = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                path.push_rect(rect);
            }
            if let Some(path) = path.finish() {
                surface.set_fill(Some(fill(rgb::Color::new(150, 150, 150))));
                surface.draw_path(&path);
            }
        }
        Op::Logo { x, y, w, h } => {
            let (Some(logo), Some(size)) = (logo, Size::from_wh(*w, *h)) else { return };
            surface.push_transform(&Transform::from_translate(*x, *y));
            match logo {
                LogoImage::Svg(tree) => {
                    // `None` only for an SVG with nothing to draw.
                    let _ = surface.draw_svg(tree, size, SvgSettings::default());
                }
                LogoImage::Png(image) => surface.draw_image(image.clone(), size),
            }
            surface.pop();
        }
        Op::Circle { cx, cy, r, .. } => {
            // Four Bézier quarters (the usual 0.5523 of the radius for their handles).
            let k = 0.552_284_8 * r;
            let mut path = PathBuilder::new();
            path.move_to(cx + r, *cy);
            path.cubic_to(cx + r, cy + k, cx + k, cy + r, *cx, cy + r);
            path.cubic_to(cx - k, cy + r, cx - r, cy + k, cx - r, *cy);
            path.cubic_to(cx - r, cy - k, cx - k, cy - r, *cx, cy - r);
            path.cubic_to(cx + k, cy - r, cx + r, cy - k, cx + r, *cy);
            path.close();
            if let Some(path) = path.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: rgb::Color::new(150, 150, 150).into(),
                    width: 0.6,
                    dash: Some(StrokeDash { array: vec![3.0, 2.5], offset: 0.0 }),
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
        Op::Qr { x, y, side, width, modules } => {
            // One path of rectangles, one per run of dark modules, filled black: no seams
            // between neighbouring rectangles when rasterised.
            let module = side / (*width as f32 + 8.0);
            let mut path = PathBuilder::new();
            for (row, cells) in modules.chunks_exact(*width).enumerate() {
                let mut col = 0;
                while col < *width {
                    if !cells[col] {
                        col += 1;
                        continue;
                    }
                    let start = col;
                    while col < *width && cells[col] {
                        col += 1;
                    }
                    let rect = Rect::from_xywh(
                        x + (start as f32 + 4.0) * module,
                        y + (row as f32 + 4.0) * module,
                        (col - start) as f32 * module,
                        module,
                    );
                    if let Some(rect) = rect {
                        path.push_rect(rect);
                    }
                }
            }
            if let Some(path) = path.finish() {
                surface.set_fill(Some(fill(luma::Color::black())));
                surface.draw_path(&path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_have_every_azerbaijani_letter() {
        let fonts = Fonts::new();
        let alphabet = "AaBbCcÇçDdEeƏəFfGgĞğHhXxIıİiJjKkQqLlMmNnOoÖöPpRrSsŞşTtUuÜüVvYyZz№•/—";
        for face in [&fonts.regular, &fonts.bold] {
            assert_eq!(face.missing(alphabet), Vec::<char>::new());
        }
        assert!(!fonts.regular.missing("日本").is_empty(), "the check can fail");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_splits_a_word_too_long_for_a_line() {
        let fonts = Fonts::new();
        let face = &fonts.regular;
        let text = "Binaların daxili elektrik şəbəkələrinin quraşdırılması";
        let one = wrap(face, text, 11.0, TEXT_W);
        assert_eq!(one, [text]);
        let narrow = wrap(face, text, 11.0, 120.0);
        assert!(narrow.len() > 2, "{narrow:?}");
        assert_eq!(narrow.join(" "), text);
        assert!(narrow.iter().all(|l| face.width(l, 11.0) <= 120.0), "{narrow:?}");
        let word = "Ə".repeat(60);
        let split = wrap(face, &word, 11.0, 100.0);
        assert!(split.len() > 1 && split.concat() == word, "{split:?}");
        assert_eq!(wrap(face, "", 11.0, 100.0), [""]);
    }

    fn cert(scope: usize) -> Certificate {
        let field: crate::model::certificate::Text = "Binaların daxili elektrik şəbəkələrinin quraşdırılması və texniki xidməti".into();
        Certificate {
            number: "A-1".into(),
            surname: "Əliyeva".into(),
            given_name: "Şəbnəm".into(),
            patronymic: None,
            profession: "Mühasib".into(),
            profession_en: Some("Accountant".into()),
            scope: vec![field.clone(); scope].into(),
            scope_en: Some(vec![field; scope].into()),
            issued_on: time::macros::date!(2025 - 01 - 10),
            valid_until: time::macros::date!(2028 - 01 - 09),
            replaces: None,
            line: 2,
        }
    }

    #[test]
    fn a_long_scope_is_set_smaller_to_stay_clear_of_the_qr_code() {
        let fonts = Fonts::new();
        let (top, bottom) = (250.0, qr_top() - 18.0);
        let size_of_holder = |ops: &[Op]| match &ops[1] {
            Op::Text { size, text, .. } if text == "Əliyeva Şəbnəm" => *size,
            other => panic!("{other:?}"),
        };
        let short = fields(&cert(2), &fonts, top, bottom).unwrap();
        assert_eq!(size_of_holder(&short), 18.0);
        let long = fields(&cert(12), &fonts, top, bottom).unwrap();
        assert!(size_of_holder(&long) < 18.0);
        assert!(ops_bottom(&long, Region::Fields) <= bottom);
        let texts = long.iter().filter(|op| matches!(op, Op::Text { text, .. } if text.starts_with("Binaların"))).count();
        assert_eq!(texts, 24, "every field and its English, none cut");
        assert!(fields(&cert(60), &fonts, top, bottom).is_none(), "too long even at half size");
    }
}

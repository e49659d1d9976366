//! Stage "render", QR codes: certificate page URLs as compact SVG (DESIGN §4: inline in the
//! page, inside the element marked `data-qr`, and `qr/<number>.svg` from `certsite print`).
//!
//! The symbol is built with the lower-level API of the `qrcode` crate (segment-optimised
//! encoding, error correction level M, Reed–Solomon codewords, function patterns, data
//! placement) and the SVG is written here: black on white, a 4-module quiet zone, and a single
//! stroked `<path>` in which each horizontal run of dark modules is one sub-path.
//!
//! # Mask selection
//!
//! `qrcode::QrCode::new` spends almost all of its time (≈ 89 % of ≈ 530–600 µs per code)
//! choosing the mask: it clones the canvas for each of the 8 patterns and scores it with a
//! penalty routine that, among other things, boxes a closure for every position it inspects.
//! Fixing one mask would be valid (every decoder reads the mask from the format bits) and would
//! cost ≈ 10 µs, but the ISO/IEC 18004 penalty rules (long runs, 2×2 blocks, finder-like
//! `1:1:3:1:1` sequences, dark/light balance) are what keep a symbol free of false finder
//! patterns and large blotches, and certificates are printed and then scanned for years from
//! worn paper and phone photos. So we keep the full selection and make it cheap instead:
//! the unmasked symbol is drawn once by `qrcode` and read into one `u64` per row; each of the
//! 8 candidates is the XOR with a compile-time mask table plus the 15 format bits; and
//! `penalty` scores a candidate with word-wide bit operations (popcounts of shifted rows and
//! of the transposed columns), reproducing `qrcode`'s scoring rule for rule, tie-break
//! included (the lowest-numbered pattern wins). The output is therefore module for module the
//! symbol `QrCode::new(data)` produces — the tests check this on some 140 texts and every
//! candidate mask — at ≈ 23 µs per SVG instead of ≈ 600 µs (`benches/qr.rs`). Symbols wider
//! than 64 modules (more than about 250 bytes, never a certificate URL) fall back to
//! `qrcode`'s own, slow but identical, selection.

use qrcode::bits::encode_auto;
use qrcode::canvas::{Canvas, MaskPattern, Module};
use qrcode::ec::construct_codewords;
use qrcode::types::{Color, EcLevel};
use std::fmt::Write as _;

/// Modules of light margin around the symbol (the quiet zone required by ISO/IEC 18004).
const QUIET_ZONE: usize = 4;

/// The error correction level used for every code: M recovers about 15 % of the codewords.
const EC_LEVEL: EcLevel = EcLevel::M;

/// Why a QR code could not be built.
#[derive(Debug, thiserror::Error)]
pub enum QrError {
    /// The `qrcode` crate rejected the data; for a URL this means it is too long for a
    /// version-40 symbol at error correction level M (more than about 2,300 bytes).
    #[error("cannot encode {len} bytes as a QR code: {source}")]
    Encode {
        /// Length in bytes of the text that was to be encoded.
        len: usize,
        /// The error reported by the `qrcode` crate.
        #[source]
        source: qrcode::types::QrError,
    },
}

/// The eight QR mask patterns in format-number order (000 … 111).
const PATTERNS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// Builds the QR symbol (error correction level M, best mask by the ISO penalty) for `data` and
/// returns its width in modules, without quiet zone, and its modules row by row, `true` for
/// dark.
///
/// # Errors
/// [`QrError::Encode`] when `data` does not fit in a QR code at level M.
pub fn qr_modules(data: &str) -> Result<(usize, Vec<bool>), QrError> {
    let (width, canvas) = unmasked_canvas(data)?;
    Ok((width, select_mask(width, &canvas)))
}

/// Encodes `data` at level M in the smallest version (with `qrcode`'s segment optimiser, as
/// `QrCode::new` does) and draws function patterns and codewords, not yet masked. Returns the
/// width in modules and the canvas.
fn unmasked_canvas(data: &str) -> Result<(usize, Canvas), QrError> {
    let err = |source| QrError::Encode { len: data.len(), source };
    let bits = encode_auto(data.as_bytes(), EC_LEVEL).map_err(err)?;
    let version = bits.version();
    let (codewords, ec) = construct_codewords(&bits.into_bytes(), version, EC_LEVEL).map_err(err)?;
    let mut canvas = Canvas::new(version, EC_LEVEL);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&codewords, &ec);
    let width = usize::try_from(version.width()).expect("QR widths are 21..=177");
    Ok((width, canvas))
}

/// Returns an SVG image of the QR code of `data` (see the [module docs](self)).
///
/// The image is `viewBox="0 0 W W"` with W = symbol width + 8 (one user unit per module, a
/// 4-module quiet zone on each side), a white `<rect>` background and one black `<path>` whose
/// sub-paths are the horizontal runs of dark modules, with `shape-rendering="crispEdges"`. It
/// has no `width`/`height`, so it fills the box the page or print layout gives it, and no
/// `<title>`: the page supplies the alternative text. Same `data`, same bytes.
///
/// # Errors
/// [`QrError::Encode`] when `data` does not fit in a QR code at level M.
pub fn qr_svg(data: &str) -> Result<String, QrError> {
    let (width, modules) = qr_modules(data)?;
    Ok(svg_from_modules(width, &modules))
}

/// Writes the SVG for a `width`×`width` grid of modules (row-major, `true` = dark): each
/// horizontal run of dark modules is one stroke of width 1 along the middle of its row, the
/// first of a row placed absolutely (`M4 7.5h3`), the next ones relative to the end of the one
/// before (`m2 0h5`), about 6 bytes a run.
fn svg_from_modules(width: usize, modules: &[bool]) -> String {
    let size = width + 2 * QUIET_ZONE;
    let mut svg = String::with_capacity(256 + modules.len());
    // `write!` to a String cannot fail.
    let _ = write!(
        svg,
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {s} {s}" shape-rendering="crispEdges">"#,
            r##"<rect width="{s}" height="{s}" fill="#fff"/><path stroke="#000" d=""##
        ),
        s = size
    );
    for (y, row) in modules.chunks_exact(width).enumerate() {
        let mut x = 0;
        let mut end = None;
        while x < width {
            if !row[x] {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] {
                x += 1;
            }
            match end {
                None => {
                    svg.push('M');
                    push_number(&mut svg, start + QUIET_ZONE);
                    svg.push(' ');
                    push_number(&mut svg, y + QUIET_ZONE);
                    svg.push_str(".5");
                }
                Some(end) => {
                    svg.push('m');
                    push_number(&mut svg, start - end);
                    svg.push_str(" 0");
                }
            }
            svg.push('h');
            push_number(&mut svg, x - start);
            end = Some(x);
        }
    }
    svg.push_str("\"/></svg>\n");
    svg
}

/// The widest symbol whose rows fit in a `u64` (version 11, 61 modules, fits; version 12, 65,
/// does not). Wider symbols use `qrcode`'s own, slower selection.
const MAX_FAST_WIDTH: usize = 64;

/// Rows of the masked symbol, bit `x` of `rows[y]` set for a dark module at (`x`, `y`).
type Rows = [u64; MAX_FAST_WIDTH];

/// The masks of [`PATTERNS`] as row bitmaps: bit `x` of `MASK_ROWS[p][y % 12]` is set when
/// pattern `p` inverts module (`x`, `y`). Every pattern repeats every 12 rows.
const MASK_ROWS: [[u64; 12]; 8] = mask_rows();

const fn mask_rows() -> [[u64; 12]; 8] {
    let mut table = [[0u64; 12]; 8];
    let mut p = 0;
    while p < 8 {
        let mut y = 0;
        while y < 12 {
            let mut x = 0;
            while x < MAX_FAST_WIDTH {
                // The formulas of `qrcode::canvas::MaskPattern`, in ISO/IEC 18004 order.
                let invert = match p {
                    0 => (x + y) % 2 == 0,
                    1 => y % 2 == 0,
                    2 => x % 3 == 0,
                    3 => (x + y) % 3 == 0,
                    4 => (y / 2 + x / 3) % 2 == 0,
                    5 => (x * y) % 2 + (x * y) % 3 == 0,
                    6 => ((x * y) % 2 + (x * y) % 3) % 2 == 0,
                    _ => ((x + y) % 2 + (x * y) % 3) % 2 == 0,
                };
                if invert {
                    table[p][y] |= 1 << x;
                }
                x += 1;
            }
            y += 1;
        }
        p += 1;
    }
    table
}

/// The 15-bit format information for level M and each mask pattern: BCH(15,5) with generator
/// 0x537, XOR-ed with 0x5412 (ISO/IEC 18004 §7.9). Level M is `00`.
const FORMAT_M: [u16; 8] = format_m();

const fn format_m() -> [u16; 8] {
    let mut table = [0u16; 8];
    let mut p = 0;
    while p < 8 {
        let data = p as u16; // (EC bits 00 << 3) | mask
        let mut rem = data << 10;
        let mut bit = 14;
        while bit >= 10 {
            if rem & (1 << bit) != 0 {
                rem ^= 0x537 << (bit - 10);
            }
            bit -= 1;
        }
        table[p] = ((data << 10) | rem) ^ 0x5412;
        p += 1;
    }
    table
}

/// Appends the decimal digits of `n` (below 1000: symbols are at most 177 + 8 modules wide);
/// about five times faster than `write!`, which dominated the SVG cost.
fn push_number(s: &mut String, n: usize) {
    debug_assert!(n < 1000);
    let digit = |d: usize| char::from(b'0' + (d % 10) as u8);
    if n >= 100 {
        s.push(digit(n / 100));
    }
    if n >= 10 {
        s.push(digit(n / 10));
    }
    s.push(digit(n));
}

/// Chooses the mask with the lowest penalty (the first such pattern on a tie, as `qrcode`
/// does) and returns the masked symbol as booleans.
fn select_mask(width: usize, canvas: &Canvas) -> Vec<bool> {
    if width > MAX_FAST_WIDTH {
        return canvas.apply_best_mask().into_colors().into_iter().map(|c| c == Color::Dark).collect();
    }
    let (base, data) = unmasked_rows(width, canvas);
    let (_, rows) = best_mask(width, &base, &data);
    rows[..width].iter().flat_map(|&row| (0..width).map(move |x| row >> x & 1 == 1)).collect()
}

/// The index into [`PATTERNS`] of the lowest-penalty mask (the first one on a tie, as
/// `Iterator::min_by_key` in `qrcode` picks), and the symbol masked with it.
fn best_mask(width: usize, base: &Rows, data: &Rows) -> (usize, Rows) {
    let mut best: Option<(i32, usize, Rows)> = None;
    for pattern in 0..PATTERNS.len() {
        let rows = masked_rows(width, base, data, pattern);
        let score = penalty(width, &rows[..width]);
        if best.as_ref().is_none_or(|(b, _, _)| score < *b) {
            best = Some((score, pattern, rows));
        }
    }
    let (_, pattern, rows) = best.expect("eight candidates");
    (pattern, rows)
}

/// Reads the unmasked canvas into row bitmaps: the dark modules, and the modules that masking
/// inverts (data and error correction modules, including unused remainder modules).
fn unmasked_rows(width: usize, canvas: &Canvas) -> (Rows, Rows) {
    let mut dark = [0u64; MAX_FAST_WIDTH];
    let mut data = [0u64; MAX_FAST_WIDTH];
    for y in 0..width {
        for x in 0..width {
            let bit = 1u64 << x;
            // Both coordinates are below MAX_FAST_WIDTH, so they fit an i16.
            match canvas.get(x as i16, y as i16) {
                Module::Masked(c) => dark[y] |= if c == Color::Dark { bit } else { 0 },
                Module::Unmasked(c) => {
                    data[y] |= bit;
                    dark[y] |= if c == Color::Dark { bit } else { 0 };
                }
                Module::Empty => data[y] |= bit,
            }
        }
    }
    (dark, data)
}

/// Applies mask pattern `pattern` (index into [`PATTERNS`]) and writes its format information,
/// exactly as `Canvas::apply_mask` does.
fn masked_rows(width: usize, base: &Rows, data: &Rows, pattern: usize) -> Rows {
    let mut rows = [0u64; MAX_FAST_WIDTH];
    for y in 0..width {
        rows[y] = base[y] ^ (MASK_ROWS[pattern][y % 12] & data[y]);
    }
    // The reserved format modules are light in `base`; set the dark ones. Bit 14 is the most
    // significant; the first copy runs along row 8 from the left and up column 8, the second
    // up column 8 from the bottom and along row 8 to the right edge.
    let format = FORMAT_M[pattern];
    for i in 0..15 {
        if format >> i & 1 == 0 {
            continue;
        }
        let (x1, y1) = match i {
            0..=5 => (8, i),
            6 => (8, 7),
            7 => (8, 8),
            8 => (7, 8),
            _ => (14 - i, 8),
        };
        let (x2, y2) = if i < 8 { (width - 1 - i, 8) } else { (8, width - 15 + i) };
        rows[y1] |= 1 << x1;
        rows[y2] |= 1 << x2;
    }
    rows
}

/// The penalty score of a masked symbol of `rows.len()` rows, computed as `qrcode` 0.14
/// computes it for normal QR codes, on bit rows instead of module by module:
/// - N1: each run of L ≥ 5 same-colour modules in a row or column scores L − 2;
/// - N2: each (overlapping) 2×2 block of one colour scores 3;
/// - N3: each `1011101` sequence in a row or column with four light modules (or the edge) on
///   at least one side scores 40, less the 2 × 9 such sequences the finder patterns always
///   contain;
/// - N4: the deviation of the dark share from 50 %, in half-percent steps.
fn penalty(width: usize, rows: &[u64]) -> i32 {
    let all = u64::MAX >> (MAX_FAST_WIDTH - width);
    let mut cols = [0u64; MAX_FAST_WIDTH];
    for (y, &row) in rows.iter().enumerate() {
        let mut r = row;
        while r != 0 {
            cols[r.trailing_zeros() as usize] |= 1 << y;
            r &= r - 1;
        }
    }
    let mut score = -720i32;
    for &line in rows.iter().chain(&cols[..width]) {
        score += run_penalty(line) + run_penalty(!line & all) + finder_penalty(width, line);
    }
    // N2: a[x] = b[x], a[x+1] = b[x+1] and a[x] = a[x+1], for x < width - 1.
    let block_starts = all >> 1;
    for pair in rows.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let same_v = !(a ^ b);
        let blocks = same_v & (same_v >> 1) & !(a ^ (a >> 1)) & block_starts;
        score += 3 * popcount(blocks);
    }
    let dark: u32 = rows.iter().map(|r| r.count_ones()).sum();
    let ratio = dark as usize * 200 / (width * width);
    score + ratio.abs_diff(100) as i32
}

/// N1 for the set bits of one line: a run of L ≥ 5 has L − 4 starts of a 5-window, plus 2.
fn run_penalty(c: u64) -> i32 {
    let windows = c & c >> 1 & c >> 2 & c >> 3 & c >> 4;
    let run_starts = windows & !(windows << 1);
    popcount(windows) + 2 * popcount(run_starts)
}

/// N3 for one line of dark bits `d` (bits at and above `width` are clear, so the edges count
/// as light).
fn finder_penalty(width: usize, d: u64) -> i32 {
    let starts = u64::MAX >> (MAX_FAST_WIDTH + 6 - width);
    let found = d & !(d >> 1) & d >> 2 & d >> 3 & d >> 4 & !(d >> 5) & d >> 6 & starts;
    let dark_before = d << 1 | d << 2 | d << 3 | d << 4;
    let dark_after = d >> 7 | d >> 8 | d >> 9 | d >> 10;
    40 * popcount(found & !(dark_before & dark_after))
}

fn popcount(bits: u64) -> i32 {
    // At most 64.
    bits.count_ones() as i32
}

#[cfg(test)]
mod tests {
    use super::*;
    use resvg::{tiny_skia, usvg};

    const URLS: [&str; 4] = [
        "https://sertifikat.example.az/c/7K2M9QWX4RTB/",
        "https://example.org/portal/c/ABCDEFGHJKMN/",
        "https://sertifikat.example.az/en/c/0123456789AB/",
        // About 120 bytes: version 7, the first with version information blocks.
        "https://verification.sertifikatlasdirma-orqani.example.az/portal/certificates/en/c/Z9Y8X7W6V5T4/?lang=en&ref=print-2025-07",
    ];

    /// Renders `svg` with resvg at `scale` pixels per module into a greyscale image.
    fn rasterise(svg: &str, scale: u32) -> image::GrayImage {
        let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).expect("valid SVG");
        let size = tree.size().to_int_size();
        let (w, h) = (size.width() * scale, size.height() * scale);
        let mut pixmap = tiny_skia::Pixmap::new(w, h).expect("non-empty");
        #[allow(clippy::cast_precision_loss)]
        let s = scale as f32;
        resvg::render(&tree, tiny_skia::Transform::from_scale(s, s), &mut pixmap.as_mut());
        image::GrayImage::from_fn(w, h, |x, y| {
            let p = pixmap.pixel(x, y).expect("inside");
            let luma = (u16::from(p.red()) + u16::from(p.green()) + u16::from(p.blue())) / 3;
            image::Luma([u8::try_from(luma).expect("≤ 255")])
        })
    }

    /// Decodes the only QR code in `img` with rqrr, an independent decoder.
    fn decode(img: image::GrayImage) -> (rqrr::MetaData, String) {
        let mut prepared = rqrr::PreparedImage::prepare(img);
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1, "exactly one QR code found");
        grids[0].decode().expect("decodes")
    }

    #[test]
    fn svg_decodes_to_the_exact_input() {
        for url in URLS {
            let svg = qr_svg(url).unwrap();
            let (width, _) = qr_modules(url).unwrap();
            let (meta, content) = decode(rasterise(&svg, 4));
            assert_eq!(content, url);
            assert_eq!(meta.ecc_level, 0, "format bits 00 = level M");
            assert_eq!(meta.version.to_size(), width);
        }
    }

    #[test]
    fn svg_pixels_match_the_modules_and_quiet_zone() {
        // 10 px per module, so that a path off by a tenth of a module shows.
        const PX: u32 = 10;
        for url in URLS {
            let (width, modules) = qr_modules(url).unwrap();
            let img = rasterise(&qr_svg(url).unwrap(), PX);
            let size = width + 2 * QUIET_ZONE;
            assert_eq!(img.dimensions(), (PX * size as u32, PX * size as u32));
            for (px, py, pixel) in img.enumerate_pixels() {
                let (x, y) = ((px / PX) as usize, (py / PX) as usize);
                let inside = (QUIET_ZONE..QUIET_ZONE + width).contains(&x) && (QUIET_ZONE..QUIET_ZONE + width).contains(&y);
                let dark = inside && modules[(y - QUIET_ZONE) * width + x - QUIET_ZONE];
                // Every pixel of the module, not only its centre: crisp edges, no bleeding.
                assert_eq!(pixel.0[0], if dark { 0 } else { 255 }, "{url}: module ({x}, {y}), pixel ({px}, {py})");
            }
        }
    }

    #[test]
    fn svg_is_compact_deterministic_and_attributed() {
        for url in URLS {
            let svg = qr_svg(url).unwrap();
            assert_eq!(svg, qr_svg(url).unwrap(), "same input, same bytes");
            assert_eq!(svg.matches("<path").count(), 1);
            assert_eq!(svg.matches("<rect").count(), 1);
            assert!(!svg.contains("<title"));
            let (width, modules) = qr_modules(url).unwrap();
            let size = width + 8;
            assert!(svg.starts_with(&format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges">"#
            )));
            assert!(svg.contains(r##"stroke="#000""##) && svg.contains(r##"fill="#fff""##));
            // One sub-path per horizontal run, none per module.
            let runs = modules
                .chunks_exact(width)
                .map(|row| row.iter().zip(std::iter::once(&false).chain(row)).filter(|(m, prev)| **m && !**prev).count())
                .sum::<usize>();
            let d = svg.split(" d=\"").nth(1).and_then(|rest| rest.split('"').next()).unwrap();
            assert_eq!(d.matches('h').count(), runs);
            assert_eq!(
                d.matches('M').count(),
                modules.chunks_exact(width).filter(|row| row.contains(&true)).count(),
                "one absolute move a row"
            );
            assert!(runs < modules.iter().filter(|m| **m).count());
        }
    }

    /// Certificate-like URLs and other texts of 1 to 400 bytes: numeric, alphanumeric and byte
    /// segments, versions 1 to 15 (so both the fast path and the fallback).
    fn corpus() -> Vec<String> {
        const CROCKFORD: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let hosts = ["sertifikat.example.az", "example.org/portal", "cert.example.com/az/lang/en", "x.az"];
        let mut out = Vec::new();
        for i in 0..96 {
            let code: String = (0..12).map(|_| char::from(CROCKFORD[(next() % 32) as usize])).collect();
            out.push(format!("https://{}/c/{code}/", hosts[i % hosts.len()]));
        }
        for len in (1..=400).step_by(9) {
            let text: String = (0..len)
                .map(|i| match (next() % 5, i % 40 < 20) {
                    (0, _) => char::from(b'0' + (next() % 10) as u8),
                    (_, true) => char::from(CROCKFORD[(next() % 32) as usize]),
                    _ => char::from(b'a' + (next() % 26) as u8),
                })
                .collect();
            out.push(text);
        }
        out.push("https://sertifikat.example.az/c/əhatə/".into());
        out
    }

    #[test]
    fn same_symbol_as_qrcode_default_path() {
        let mut patterns = std::collections::BTreeSet::new();
        let mut fallback = 0;
        for text in corpus() {
            let (width, modules) = qr_modules(&text).unwrap();
            let reference = qrcode::QrCode::new(&text).unwrap();
            assert_eq!(width, reference.width(), "{text}");
            let reference: Vec<bool> = reference.to_colors().into_iter().map(|c| c == Color::Dark).collect();
            assert_eq!(modules, reference, "{text}");
            if width <= MAX_FAST_WIDTH {
                let (_, canvas) = unmasked_canvas(&text).unwrap();
                let (base, data) = unmasked_rows(width, &canvas);
                patterns.insert(best_mask(width, &base, &data).0);
            } else {
                fallback += 1;
            }
        }
        assert!(patterns.len() >= 6, "the corpus exercises the choice: {patterns:?}");
        assert!(fallback > 0, "the corpus reaches symbols wider than {MAX_FAST_WIDTH}");
    }

    #[test]
    fn masking_matches_canvas_apply_mask_and_penalty_matches_reference() {
        for text in corpus().into_iter().step_by(3) {
            let (width, canvas) = unmasked_canvas(&text).unwrap();
            if width > MAX_FAST_WIDTH {
                continue;
            }
            let (base, data) = unmasked_rows(width, &canvas);
            for (index, pattern) in PATTERNS.into_iter().enumerate() {
                let rows = masked_rows(width, &base, &data, index);
                let mut reference = canvas.clone();
                reference.apply_mask(pattern);
                let reference: Vec<u8> = reference.into_colors().into_iter().map(|c| u8::from(c == Color::Dark)).collect();
                let ours: Vec<u8> = rows[..width].iter().flat_map(|&r| (0..width).map(move |x| (r >> x & 1) as u8)).collect();
                assert_eq!(ours, reference, "{text}: pattern {index}");
                assert_eq!(penalty(width, &rows[..width]), reference_penalty(width, &reference), "{text}: {index}");
            }
        }
    }

    /// `qrcode` 0.14's `Canvas::compute_total_penalty_scores` for normal QR codes, transcribed
    /// module by module (1 = dark).
    fn reference_penalty(width: usize, grid: &[u8]) -> i32 {
        let mut score = 0i32;
        for horizontal in [true, false] {
            let at = |i: usize, j: usize| if horizontal { grid[i * width + j] } else { grid[j * width + i] };
            for i in 0..width {
                let mut last = 2u8;
                let mut len = 1i32;
                for c in (0..width).map(|j| at(i, j)).chain([2]) {
                    if c == last {
                        len += 1;
                    } else {
                        last = c;
                        if len >= 5 {
                            score += len - 2;
                        }
                        len = 1;
                    }
                }
                for j in 0..width - 6 {
                    if (0..7).any(|k| at(i, j + k) != [1, 0, 1, 1, 1, 0, 1][k]) {
                        continue;
                    }
                    let dark = |k: usize| k < width && at(i, k) == 1;
                    if !(j.saturating_sub(4)..j).any(dark) || !(j + 7..j + 11).any(dark) {
                        score += 40;
                    }
                }
            }
            score -= 360;
        }
        for y in 0..width - 1 {
            for x in 0..width - 1 {
                let c = grid[y * width + x];
                if grid[y * width + x + 1] == c && grid[(y + 1) * width + x] == c && grid[(y + 1) * width + x + 1] == c {
                    score += 3;
                }
            }
        }
        let dark = grid.iter().filter(|&&m| m == 1).count();
        score + i32::try_from((dark * 200 / grid.len()).abs_diff(100)).unwrap()
    }

    #[test]
    fn format_information_for_level_m() {
        // ISO/IEC 18004 Table C.1, level M (00), masks 000 … 111.
        assert_eq!(FORMAT_M, [0x5412, 0x5125, 0x5e7c, 0x5b4b, 0x45f9, 0x40ce, 0x4f97, 0x4aa0]);
    }

    #[test]
    fn too_long_is_an_error() {
        let text = "A".repeat(5000);
        let err = qr_svg(&text).unwrap_err();
        assert!(matches!(err, QrError::Encode { len: 5000, source: qrcode::types::QrError::DataTooLong }));
        assert_eq!(err.to_string(), "cannot encode 5000 bytes as a QR code: data too long");
    }
}

//! The published QR codes hold exactly their page's URL: each `qr.svg` of a built site is
//! rasterised with resvg and decoded with rqrr, a decoder independent of the encoder.

mod common;

use common::*;
use resvg::{tiny_skia, usvg};

fn decode_svg(svg: &[u8]) -> String {
    let tree = usvg::Tree::from_data(svg, &usvg::Options::default()).unwrap();
    let size = tree.size();
    let scale = 400.0 / size.width();
    let px = (size.width() * scale).ceil() as u32;
    let mut pixmap = tiny_skia::Pixmap::new(px, px).unwrap();
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    let grey = image::GrayImage::from_fn(px, px, |x, y| {
        let p = pixmap.pixel(x, y).unwrap();
        // Transparent counts as white paper.
        let v = if p.alpha() == 0 { 255 } else { p.demultiply().red() };
        image::Luma([v])
    });
    let mut prepared = rqrr::PreparedImage::prepare(grey);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the image");
    grids[0].decode().unwrap().1
}

#[test]
fn every_published_qr_code_decodes_to_its_page_url() {
    for (name, base) in [("minimal", "https://cert.example.org"), ("portal", "https://example.org/portal")] {
        let site = fixture(name);
        build(site.path(), "2026-11-23");
        let public = site.path().join("public");
        let pages = pages_by_number(&public);
        assert!(!pages.is_empty());
        for code in pages.values() {
            let svg = std::fs::read(public.join("c").join(code).join("qr.svg")).unwrap();
            assert_eq!(decode_svg(&svg), format!("{base}/c/{code}/"));
        }
    }
}

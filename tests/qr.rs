//! The published QR codes hold exactly their page's URL: the SVG inline in each page of a
//! built site (every language) and each file `certsite print` writes is rasterised with resvg
//! and decoded with rqrr, a decoder independent of the encoder; and the paper QR codes
//! `certsite print` writes beside them hold the text `batch.csv` gives.

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
    let sites = [
        (fixture("minimal"), "https://cert.example.org"),
        (fixture("portal"), "https://example.org/portal"),
        (sample(), "https://sertifikat.example.az"),
    ];
    for (site, base) in sites {
        build(site.path(), "2026-11-23");
        let public = site.path().join("public");
        let pages = pages_by_number(&public);
        assert!(!pages.is_empty());
        let langs: &[&str] = if public.join("en").is_dir() { &["", "en/"] } else { &[""] };
        for code in pages.values() {
            for lang in langs {
                let html = std::fs::read_to_string(public.join(format!("{lang}c/{code}/index.html"))).unwrap();
                assert_eq!(decode_svg(inline_qr(&html).as_bytes()), format!("{base}/c/{code}/"), "{lang}c/{code}/");
            }
        }
        // The printing office's files: every certificate, asked for by number (suspended and
        // revoked ones with --force).
        let mut args = vec!["print", "--force", "--build-date", "2026-11-23"];
        args.extend(pages.keys().map(String::as_str));
        let out = certsite(site.path(), &args);
        assert!(out.status.success(), "{}", stderr(&out));
        let qr = site.path().join("print/qr");
        // Beside each, its paper QR code (DESIGN §5): the text batch.csv gives.
        assert_eq!(std::fs::read_dir(&qr).unwrap().count(), 2 * pages.len());
        let batch = std::fs::read_to_string(site.path().join("print/batch.csv")).unwrap();
        for (number, code) in &pages {
            let file = qr.join(format!("{}.svg", number.replace('/', "_")));
            assert_eq!(decode_svg(&std::fs::read(&file).unwrap()), format!("{base}/c/{code}/"), "{}", file.display());
            let paper = qr.join(format!("{}-paper.svg", number.replace('/', "_")));
            let text = decode_svg(&std::fs::read(&paper).unwrap());
            assert!(text.starts_with("VC1-R") && batch.contains(&format!(",{text}\n")), "{}: {text}", paper.display());
        }
    }
}

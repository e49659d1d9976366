//! `certsite print --pdf` (DESIGN §2, §4): one A4 page per certificate, read back with Poppler
//! (`pdftotext`, `pdftoppm`, Debian's poppler-utils) and each page's QR code decoded with rqrr,
//! a decoder independent of the encoder. Suspended and revoked certificates are refused unless
//! forced, and left out of `--all` (agreement §4 A¶10); the logo of `[issuer] logo` is drawn,
//! and a logo that is not there is an error at its line of site.toml.

mod common;

use common::*;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

const DATE: &str = "2026-11-23";

fn print(root: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["print", "--pdf", "--build-date", DATE];
    all.extend_from_slice(args);
    certsite(root, &all)
}

/// Runs a Poppler tool; fails the test, saying what to install, when it is missing.
fn poppler(tool: &str, args: &[&str]) -> std::process::Output {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool} ({e}): install poppler-utils (scripts/test does)"));
    assert!(out.status.success(), "{tool} {args:?}: {}", stderr(&out));
    out
}

/// The text of each page, in order.
fn page_texts(pdf: &Path) -> Vec<String> {
    let out = poppler("pdftotext", &["-enc", "UTF-8", pdf.to_str().unwrap(), "-"]);
    let text = String::from_utf8(out.stdout).expect("pdftotext writes UTF-8");
    // A form feed ends every page.
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    assert_eq!(pages.pop().as_deref().map(str::trim), Some(""), "the text ends with a form feed");
    pages
}

/// Page `n` (from 1) rendered in grey at `dpi`: width, height and one byte a pixel.
fn raster(pdf: &Path, n: usize, dpi: u32) -> (u32, u32, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("page");
    let (n, dpi) = (n.to_string(), dpi.to_string());
    poppler("pdftoppm", &["-gray", "-r", &dpi, "-f", &n, "-l", &n, "-singlefile", pdf.to_str().unwrap(), prefix.to_str().unwrap()]);
    let pgm = std::fs::read(dir.path().join("page.pgm")).unwrap();
    // Binary PGM: "P5", width, height, maximum value, each followed by white space, then pixels.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(std::str::from_utf8(&pgm[start..at]).unwrap().to_owned());
    }
    assert_eq!((fields[0].as_str(), fields[3].as_str()), ("P5", "255"));
    let (w, h): (u32, u32) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = pgm[at + 1..].to_vec();
    assert_eq!(pixels.len(), (w * h) as usize);
    (w, h, pixels)
}

/// The texts of the QR codes on page `n`: the address QR code's, then the paper QR code's.
fn decode_both(pdf: &Path, n: usize) -> (String, String) {
    let (w, h, pixels) = raster(pdf, n, 300);
    let grey = image::GrayImage::from_raw(w, h, pixels).unwrap();
    let mut prepared = rqrr::PreparedImage::prepare(grey);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 2, "two QR codes on page {n}");
    let mut texts: Vec<String> = grids.iter().map(|g| g.decode().unwrap().1).collect();
    texts.sort_by_key(|t| t.starts_with("VC1-R"));
    assert!(!texts[0].starts_with("VC1-R") && texts[1].starts_with("VC1-R"), "{texts:?}");
    (texts[0].clone(), texts[1].clone())
}

/// The text of the address QR code on page `n`.
fn decode_page(pdf: &Path, n: usize) -> String {
    decode_both(pdf, n).0
}

/// Dark pixels (at 72 dpi, one a point) in the band of the page where the logo goes.
fn dark_in_logo_band(pdf: &Path) -> usize {
    let (w, _, pixels) = raster(pdf, 1, 72);
    // The band: 20 mm from the top, 62 points high.
    pixels[57 * w as usize..(57 + 62) * w as usize].iter().filter(|&&p| p < 128).count()
}

/// Adds `scope_en` to the fixture's register, for T-0001 only.
fn with_scope_en(root: &Path) {
    let csv = root.join("data/certificates.csv");
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    for line in &mut lines {
        line.push_str(if line.starts_with("number,") {
            ",scope_en"
        } else if line.starts_with("T-0001,") {
            ",Accounting;Audit"
        } else {
            ","
        });
    }
    std::fs::write(&csv, lines.join("\n") + "\n").unwrap();
}

fn set_logo(root: &Path, logo: &str) {
    let toml = root.join("data/site.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    let text = text.lines().filter(|l| !l.starts_with("logo =")).collect::<Vec<_>>().join("\n");
    std::fs::write(&toml, format!("{text}\nlogo = \"{logo}\"\n")).unwrap();
}

/// `data/site.toml:<line>:1` of the `logo =` line set by [`set_logo`].
fn logo_at(root: &Path) -> String {
    let text = std::fs::read_to_string(root.join("data/site.toml")).unwrap();
    let line = text.lines().position(|l| l.starts_with("logo =")).unwrap() + 1;
    format!("data/site.toml:{line}:1")
}

/// A `width`×`height` greyscale PNG of one shade (written here: the PNG encoder is the
/// format's few lines, not a dependency).
fn png(width: u32, height: u32, shade: u8) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend(u32::try_from(data.len()).unwrap().to_be_bytes());
        out.extend(kind);
        out.extend(data);
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend(crc.sum().to_be_bytes());
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::new();
    header.extend(width.to_be_bytes());
    header.extend(height.to_be_bytes());
    header.extend([8, 0, 0, 0, 0]); // 8 bits, greyscale, deflate, no filter, not interlaced
    chunk(&mut out, b"IHDR", &header);
    let mut raw = Vec::new();
    for _ in 0..height {
        raw.push(0); // filter: none
        raw.extend(std::iter::repeat_n(shade, width as usize));
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(&raw).unwrap();
    chunk(&mut out, b"IDAT", &z.finish().unwrap());
    chunk(&mut out, b"IEND", &[]);
    out
}

#[test]
fn a_page_per_certificate_with_its_text_and_a_qr_code_of_its_url() {
    let site = fixture("minimal");
    with_scope_en(site.path());
    build(site.path(), DATE);
    let out = print(site.path(), &["--all"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("left out T-0005: suspended") && err.contains("left out T-0006: revoked"), "{err}");
    assert!(err.contains("left out T/0002: superseded"), "{err}");
    let dir = site.path().join("print");
    let pdf = dir.join("certificates.pdf");
    assert!(err.contains("wrote ./print/certificates.pdf (3 pages, A4)"), "{err}");
    // The QR codes and the list are written as without --pdf.
    assert!(dir.join("qr/T-0001.svg").is_file() && dir.join("qr/T-0004.svg").is_file());
    assert_eq!(std::fs::read_to_string(dir.join("batch.csv")).unwrap().lines().count(), 4);

    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    // The fonts are subset: two faces of about 500 KB each would make it ten times this.
    assert!(bytes.len() < 120_000, "{} bytes", bytes.len());
    let info = String::from_utf8(poppler("pdfinfo", &[pdf.to_str().unwrap()]).stdout).unwrap();
    let field = |name: &str| info.lines().find_map(|l| l.strip_prefix(name)).map(str::trim).unwrap_or_default();
    assert_eq!(field("Pages:"), "3", "{info}");
    assert_eq!(field("Page size:"), "595.276 x 841.89 pts (A4)", "{info}");

    let pages = pages_by_number(&site.path().join("public"));
    let texts = page_texts(&pdf);
    let expected = [
        ("T-0001", "Əliyeva Şəbnəm İlqar qızı", &["Mühasib", "Accountant", "Uçot", "Accounting", "Audit", "10.01.2025", "09.01.2028"][..]),
        ("T-0003", "<img src=x onerror=alert(1)> Ağa \"Xan\"", &["Aşpaz, baş", "<script>alert(2)</script>", "01.02.2026"][..]),
        ("T-0004", "Məmmədov Ülvi", &["Elektrik", "01.06.2026", "31.05.2029"][..]),
    ];
    assert_eq!(texts.len(), expected.len());
    for (n, ((number, holder, words), text)) in expected.iter().zip(&texts).enumerate() {
        let code = &pages[*number];
        // Printed with its check character, as a fourth group.
        let check = certsite::model::code::check_char(code.as_bytes()) as char;
        let grouped = format!("{}-{}-{}-{check}", &code[..4], &code[4..8], &code[8..]);
        for want in [*number, *holder, grouped.as_str(), "Sınaq Sertifikatlaşdırma Orqanı", "Peşə səriştəlilik sertifikatı"]
            .iter()
            .chain(words.iter())
            .chain(["Sertifikat sahibi / Holder", "Verilmə tarixi / Issued on", "Yoxlama kodu / Verification code"].iter())
        {
            assert!(text.contains(want), "page {}: no {want:?} in\n{text}", n + 1);
        }
        assert!(!text.contains("PRIVATE"), "a private column on page {}:\n{text}", n + 1);
        assert_eq!(decode_page(&pdf, n + 1), format!("https://cert.example.org/c/{code}/"), "page {}", n + 1);
    }
    for holder in ["Həsənova", "İsmayılov", "Quliyev"] {
        assert!(!texts.concat().contains(holder), "{holder} is suspended, revoked or superseded");
    }

    // The same inputs, the same bytes.
    let again = print(site.path(), &["--all", "--out", "again"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(std::fs::read(site.path().join("again/certificates.pdf")).unwrap() == bytes, "the PDF differs from one run to the next");
}

#[test]
fn a_suspended_or_revoked_certificate_is_refused_unless_forced() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    for (number, status) in [("T-0005", "suspended"), ("t-0006", "revoked")] {
        let out = print(site.path(), &["T-0001", number, "--out", "o"]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(&format!("is {status}: it must not be handed out")) && err.contains("--force"), "{err}");
        assert!(!site.path().join("o").exists(), "nothing is written");
    }
    let out = print(site.path(), &["T-0005", "T-0006", "--force", "--out", "o"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = site.path().join("o/certificates.pdf");
    let texts = page_texts(&pdf);
    assert_eq!(texts.len(), 2);
    assert!(texts[0].contains("Həsənova Gülnar") && texts[1].contains("İsmayılov Orxan"), "{texts:?}");
    let pages = pages_by_number(&site.path().join("public"));
    assert_eq!(decode_page(&pdf, 2), format!("https://cert.example.org/c/{}/", pages["T-0006"]));

    // Nothing new to print: no PDF without pages.
    assert!(print(site.path(), &["--new", "--out", "first"]).status.success());
    let out = print(site.path(), &["--new", "--out", "none"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("certificates.pdf was not written"), "{}", stderr(&out));
    assert!(!site.path().join("none/certificates.pdf").exists());
}

#[test]
fn the_logo_is_drawn_svg_or_png_and_a_wrong_logo_is_an_error_at_its_line() {
    let site = fixture("minimal");
    let root = site.path();
    build(root, DATE);
    let plain = |out: &str| -> PathBuf {
        let o = print(root, &["T-0001", "--out", out]);
        assert!(o.status.success(), "{}", stderr(&o));
        root.join(out).join("certificates.pdf")
    };
    let without = dark_in_logo_band(&plain("plain"));

    std::fs::write(
        root.join("content/logo.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"><rect width="100" height="40" fill="#123"/></svg>"##,
    )
    .unwrap();
    set_logo(root, "content/logo.svg");
    let svg = plain("svg");
    // A solid logo of 155 × 62 points in the band.
    assert!(dark_in_logo_band(&svg) > without + 8000, "{} dark pixels with the logo, {without} without", dark_in_logo_band(&svg));
    assert!(page_texts(&svg)[0].contains("Əliyeva Şəbnəm İlqar qızı"));
    assert!(decode_page(&svg, 1).starts_with("https://cert.example.org/c/"));

    std::fs::write(root.join("content/logo.png"), png(100, 40, 20)).unwrap();
    set_logo(root, "content/logo.png");
    assert!(dark_in_logo_band(&plain("png")) > without + 8000);

    // A logo that is not there: the error names site.toml's line and column; nothing is written.
    set_logo(root, "content/missing.svg");
    let out = print(root, &["--all", "--out", "missing"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(&logo_at(root)), "{err}");
    assert!(err.contains("logo \"content/missing.svg\" does not exist"), "{err}");
    assert!(!root.join("missing").exists(), "nothing is written");
    // `check` says the same.
    let out = certsite(root, &["check", "--build-date", DATE]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&logo_at(root)), "{}", stderr(&out));

    // A file that is not what its name says.
    std::fs::write(root.join("content/broken.svg"), "not svg").unwrap();
    set_logo(root, "content/broken.svg");
    let out = print(root, &["--all", "--out", "broken"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(&format!("{}: logo \"content/broken.svg\": not a valid SVG file", logo_at(root))), "{err}");
    assert!(!root.join("broken").exists(), "nothing is written");
    let mut png = png(10, 10, 0);
    png.truncate(png.len() - 20);
    std::fs::write(root.join("content/broken.png"), png).unwrap();
    set_logo(root, "content/broken.png");
    let out = print(root, &["--all", "--out", "broken"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(&format!("{}: logo \"content/broken.png\": not a valid PNG file", logo_at(root))), "{err}");
    assert!(!root.join("broken").exists(), "nothing is written");
}

/// The words of page `n` (from 1) with their boxes in points from the top left: `(word, x
/// min, y min, x max, y max)`, as `pdftotext -bbox` finds them.
fn words(pdf: &Path, n: usize) -> Vec<(String, f32, f32, f32, f32)> {
    let out = poppler("pdftotext", &["-bbox", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"]);
    let html = String::from_utf8(out.stdout).unwrap();
    let page = html.split("<page ").nth(n).unwrap_or_else(|| panic!("no page {n}"));
    let attr = |tag: &str, name: &str| -> f32 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..start + tag[start..].find('"').unwrap()].parse().unwrap()
    };
    page.split("<word ")
        .skip(1)
        .map(|w| {
            let (tag, rest) = w.split_once('>').unwrap();
            let text = rest
                .split_once("</word>")
                .unwrap()
                .0
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            (text, attr(tag, "xMin"), attr(tag, "yMin"), attr(tag, "xMax"), attr(tag, "yMax"))
        })
        .collect()
}

#[test]
fn the_signatory_signs_on_a_line_beside_the_qr_code_with_a_place_for_the_seal() {
    let site = fixture("minimal");
    let root = site.path();
    build(root, DATE);
    // Without [print] settings: the line to sign on and the place for the seal, to fill in by hand.
    let out = print(root, &["T-0001", "--out", "plain"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = &page_texts(&root.join("plain/certificates.pdf"))[0];
    for want in ["İmza / Signature", "M.Y.", "L.S.", "Möhür yeri / Place for seal"] {
        assert!(text.contains(want), "no {want:?} in\n{text}");
    }

    let toml = root.join("data/site.toml");
    let settings = std::fs::read_to_string(&toml).unwrap();
    let signed = "[print]\nsignatory = \"Ə. Məmmədov\"\nsignatory_title = \"Sertifikatlaşdırma orqanının rəhbəri\"\nsignatory_title_en = \"Head of the certification body\"\n";
    std::fs::write(&toml, format!("{settings}\n{signed}")).unwrap();
    let out = print(root, &["T-0001", "T/0002", "--out", "signed"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = root.join("signed/certificates.pdf");
    let texts = page_texts(&pdf);
    assert_eq!(texts.len(), 2);
    for (n, text) in texts.iter().enumerate() {
        // The title is wrapped to its column: words, not lines.
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for want in [
            "Ə. Məmmədov",
            "Sertifikatlaşdırma orqanının rəhbəri",
            "Head of the certification body",
            "İmza / Signature",
            "M.Y.",
            "L.S.",
            "Möhür yeri / Place for seal",
        ] {
            assert!(text.contains(want), "page {}: no {want:?} in\n{text}", n + 1);
        }
    }
    // The superseded certificate asked for by number, with its English profession.
    assert!(texts[1].contains("Quliyev Çingiz") && texts[1].contains("Qaynaqçı") && texts[1].contains("Welder"), "{}", texts[1]);

    // Where it all is on the A4 page: the signatory left of the QR code, the seal right of it,
    // level with it, within the margins (20 mm), the title above the name with room to sign.
    let (qr_left, qr_right, qr_top, qr_bottom) = (235.28, 360.0, 616.48, 741.2);
    let page = words(&pdf, 1);
    let find = |word: &str| page.iter().find(|w| w.0 == word).unwrap_or_else(|| panic!("no {word:?} on page 1: {page:?}")).clone();
    for word in ["Məmmədov", "rəhbəri", "Head", "İmza"] {
        let (_, x0, y0, x1, y1) = find(word);
        assert!(x0 >= 56.0 && x1 < qr_left - 10.0, "{word} at x {x0}..{x1}");
        assert!(y0 > qr_top - 40.0 && y1 < qr_bottom + 20.0, "{word} at y {y0}..{y1}");
    }
    // The seal's place is right of the address QR code, above the paper QR code, clear of both.
    for word in ["M.Y.", "L.S.", "Möhür"] {
        let (_, x0, y0, x1, y1) = find(word);
        assert!(x0 > qr_right + 10.0 && x1 <= 595.28 - 56.0, "{word} at x {x0}..{x1}");
        assert!(y0 > qr_top - 200.0 && y1 < qr_top, "{word} at y {y0}..{y1}");
    }
    let (title, name) = (find("rəhbəri"), find("Məmmədov"));
    assert!(name.2 - title.4 > 34.0, "room to sign between the title (bottom {}) and the name (top {})", title.4, name.2);
    let (seal, place) = (find("M.Y."), find("Möhür"));
    assert!(place.2 > seal.4 + 30.0, "the label is under the circle, M.Y. inside it");
    // Nothing of the page runs under the QR code or off the page.
    for (word, x0, y0, x1, y1) in &page {
        assert!(*x0 >= 56.0 && *x1 <= 595.28 - 56.0 && *y0 >= 56.0 && *y1 <= 841.89 - 56.0, "{word} off the text area");
        // The code's dark modules: the quiet zone (4 modules, about 12 points) inside the square.
        let over_qr = *x1 > qr_left + 10.0 && *x0 < qr_right - 10.0 && *y1 > qr_top + 10.0 && *y0 < qr_bottom - 10.0;
        assert!(!over_qr, "{word} over the QR code");
    }
    // The QR codes still read, one a page.
    let pages = pages_by_number(&root.join("public"));
    assert_eq!(decode_page(&pdf, 1), format!("https://cert.example.org/c/{}/", pages["T-0001"]));
    assert_eq!(decode_page(&pdf, 2), format!("https://cert.example.org/c/{}/", pages["T/0002"]));

    // A new signatory is not a change to the certificates already printed.
    std::fs::write(&toml, format!("{settings}\n{}", signed.replace("Ə. Məmmədov", "R. Əliyev"))).unwrap();
    let out = print(root, &["--new", "--out", "new"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("T-0003: not printed yet") && !err.contains("T-0001:"), "{err}");
    assert!(page_texts(&root.join("new/certificates.pdf"))[0].contains("R. Əliyev"));

    // A title too long for its column is an error; nothing is written.
    std::fs::write(&toml, format!("{settings}\n[print]\nsignatory_title = \"{}\"\n", "Şöbə ".repeat(120))).unwrap();
    let out = print(root, &["T-0001", "--out", "long"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("data/site.toml: [print] signatory and signatory_title do not fit beside the QR code"),
        "{}",
        stderr(&out)
    );
    assert!(!root.join("long").exists(), "nothing is written");
}

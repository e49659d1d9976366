//! The paper credential (DESIGN §5): the files the build publishes for it, `certsite print`'s
//! paper QR codes, and `certsite verify --qr` / `--qr-image` reading them back.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

const DATE: &str = "2026-11-23";

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn the_build_publishes_the_paper_files_and_verify_checks_them() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let public = site.path().join("public");
    let table = read_json(&public.join("paper/type-table.json"));
    let did = read_json(&public.join(".well-known/did.json"));
    let did_id = did["id"].as_str().unwrap();
    assert_eq!(table["typeTable"]["url"][did_id], 1);
    let method = did["assertionMethod"][0].as_str().unwrap();
    assert!(table["typeTable"]["url"][method].as_u64().unwrap() >= 256, "{table}");
    let base = table["typeTable"]["context"].as_object().unwrap().iter().find(|(_, n)| **n == 2).unwrap().0.clone();
    assert!(base.ends_with("/paper/v1.jsonld"), "{base}");
    assert_eq!(table["contexts"][&base], base.as_str());
    let context = read_json(&public.join("paper/v1.jsonld"));
    assert_eq!(context["@context"]["certificateNumber"], "https://schema.org/identifier");
    let vc = std::fs::read(public.join("paper/credentials-v2.jsonld")).unwrap();
    assert_eq!(vc, std::fs::read(repo().join("src/sign/contexts/credentials-v2.jsonld")).unwrap());
    let headers = std::fs::read_to_string(public.join("_headers")).unwrap();
    assert!(headers.contains("\n/paper/v1.jsonld\n  Access-Control-Allow-Origin: *\n  Content-Type: application/ld+json\n"), "{headers}");
    assert!(
        headers.contains("\n/paper/type-table.json\n  Access-Control-Allow-Origin: *\n  Content-Type: application/json\n"),
        "{headers}"
    );

    // An incremental rebuild on another day writes the same files, and verify is content.
    let before = tree(&public.join("paper"));
    build(site.path(), "2026-11-24");
    assert_eq!(tree(&public.join("paper")), before);
    let out = certsite(site.path(), &["verify"]);
    assert!(out.status.success(), "{}", stderr(&out));

    // A table that is not the site's, a changed context: named.
    let mut wrong = table.clone();
    wrong["registryEntryId"] = 70000.into();
    std::fs::write(public.join("paper/type-table.json"), serde_json::to_vec_pretty(&wrong).unwrap()).unwrap();
    std::fs::write(public.join("paper/v1.jsonld"), b"{}").unwrap();
    let out = certsite(site.path(), &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.lines().any(|l| l.contains("paper/type-table.json") && l.contains("not the paper credentials' type table")), "{err}");
    assert!(err.lines().any(|l| l.contains("paper/v1.jsonld") && l.contains("not the document certsite publishes")), "{err}");
}

/// Prints `numbers` with `--pdf` (forced: a revoked certificate too) into `<root>/<out>`.
fn print(root: &Path, out: &str, numbers: &[&str]) {
    let mut args = vec!["print", "--pdf", "--force", "--build-date", DATE, "--out", out];
    args.extend_from_slice(numbers);
    let done = certsite(root, &args);
    assert!(done.status.success(), "{}", stderr(&done));
}

/// The paper QR text of `number` in the batch printed into `<root>/<out>`.
fn paper_text(root: &Path, out: &str, number: &str) -> String {
    let batch = std::fs::read_to_string(root.join(out).join("batch.csv")).unwrap();
    let mut lines = batch.lines();
    assert_eq!(lines.next(), Some("number,code,url,status,printed_code,paper_qr"));
    let line = lines.find(|l| l.starts_with(&format!("{number},"))).unwrap();
    line.rsplit(',').next().unwrap().to_owned()
}

/// `certsite verify --qr <text>` on the built site, on the fixture's date.
fn verify_qr(root: &Path, args: &[&str]) -> (Option<i32>, String) {
    let mut all = vec!["verify", "--today", DATE];
    all.extend_from_slice(args);
    let out = certsite(root, &all);
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Page 1 of a PDF as a PNG file at `dpi`, in `dir`.
fn page_png(pdf: &Path, dir: &Path, dpi: u32) -> std::path::PathBuf {
    let prefix = dir.join("page");
    let out = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", &dpi.to_string(), "-f", "1", "-l", "1", "-singlefile", pdf.to_str().unwrap(), prefix.to_str().unwrap()])
        .output()
        .expect("pdftoppm (poppler-utils)");
    assert!(out.status.success());
    dir.join("page.png")
}

#[test]
fn the_printed_paper_qr_code_reads_back_and_verifies() {
    let site = fixture("minimal");
    let root = site.path();
    build(root, DATE);
    print(root, "out", &["T-0001"]);
    let text = paper_text(root, "out", "T-0001");
    assert!(text.starts_with("VC1-R") && text.len() < 420, "{text}");
    assert!(text.bytes().all(|c| certsite::sign::base45::ALPHABET.contains(&c) || c == b'-'), "QR alphanumeric: {text}");

    // The page, rendered, read by rqrr (not the encoder that made it): the paper QR code's
    // version, error correction level and printed size.
    let dir = tempfile::tempdir().unwrap();
    let dpi = 300.0;
    let png = page_png(&root.join("out/certificates.pdf"), dir.path(), dpi as u32);
    let grey = image::open(&png).unwrap().to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(grey);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 2, "the address QR code and the paper QR code");
    let paper = grids.iter().find(|g| g.decode().unwrap().1.starts_with("VC1-R")).expect("a paper QR code");
    let (meta, decoded) = paper.decode().unwrap();
    assert_eq!(decoded, text);
    assert!(meta.version.0 <= 13, "version {}", meta.version.0);
    assert_eq!(meta.ecc_level, 0, "error correction level M (format bits 00)");
    let modules = (17 + 4 * meta.version.0) as f32;
    let b = paper.bounds;
    let side_px = (((b[1].x - b[0].x).pow(2) + (b[1].y - b[0].y).pow(2)) as f32).sqrt();
    let module_mm = side_px / modules / dpi * 25.4;
    let with_quiet_zone_mm = module_mm * (modules + 8.0);
    assert!(module_mm >= 0.4, "modules of {module_mm} mm");
    assert!(with_quiet_zone_mm >= 40.0, "{with_quiet_zone_mm} mm wide with its quiet zone");
    println!("paper QR code: version {}, {modules} modules, {module_mm:.2} mm a module, {with_quiet_zone_mm:.1} mm", meta.version.0);

    // The photo and the text verify, in both languages.
    let (code, out) = verify_qr(root, &["--qr-image", png.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}");
    for want in [
        "verdict: valid (authentic and valid)",
        "holder: Əliyeva Şəbnəm İlqar qızı",
        "profession: Mühasib",
        "certificate number: T-0001",
        "period of validity as issued: 2025-01-10 to 2028-01-09 (inclusive)",
        "status as of 2026-11-23",
    ] {
        assert!(out.contains(want), "no {want:?} in\n{out}");
    }
    let (code, out) = verify_qr(root, &["--qr", &text]);
    assert_eq!((code, out.lines().next().and_then(|l| l.split(" (").next())), (Some(0), Some("verdict: valid")), "{out}");
    let az = certsite_in(root, &["verify", "--today", DATE, "--qr", &text], &[("LC_ALL", "az_AZ.UTF-8")]);
    let az = String::from_utf8_lossy(&az.stdout);
    assert!(az.contains("nəticə: valid (həqiqidir və qüvvədədir)") && az.contains("sahibi: Əliyeva Şəbnəm İlqar qızı"), "{az}");

    // Expired on its dates, whatever the list says.
    let late = certsite(root, &["verify", "--today", "2028-01-10", "--qr", &text]);
    assert_eq!(late.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&late.stdout).starts_with("verdict: expired"));

    // The paper credential points at its page's credential's status entry.
    let code = &pages_by_number(&root.join("public"))["T-0001"];
    let page_credential = read_json(&root.join(format!("public/c/{code}/credential.json")));
    let table = read_json(&root.join("public/paper/type-table.json"));
    let did = read_json(&root.join("public/.well-known/did.json"));
    let paper = certsite::sign::paper::Paper::from_published(did["id"].as_str().unwrap(), &table).unwrap();
    let credential = paper.decode(&text).unwrap();
    assert_eq!(credential["credentialStatus"]["statusListIndex"], page_credential["credentialStatus"]["statusListIndex"]);
    assert_eq!(credential["proof"]["created"], page_credential["proof"][0]["created"]);
}

#[test]
fn changed_unknown_and_revoked_paper_qr_codes_say_so() {
    use certsite::sign::{base45, cborld, paper::Paper};
    let site = fixture("minimal");
    let root = site.path();
    build(root, DATE);
    print(root, "out", &["T-0001", "T-0006"]);
    let text = paper_text(root, "out", "T-0001");
    let bytes = base45::from_qr_text(&text).unwrap();

    // A letter of the name changed (the text still decodes): not authentic.
    let name = "Əliyeva".as_bytes();
    let at = bytes.windows(name.len()).position(|w| w == name).expect("the name travels as text");
    let mut changed = bytes.clone();
    changed[at + 2] = b'i';
    let (code, out) = verify_qr(root, &["--qr", &base45::qr_text(&changed)]);
    assert_eq!((code, out.lines().next().and_then(|l| l.split(" (").next())), (Some(1), Some("verdict: not-authentic")), "{out}");
    assert!(out.contains("holder: Əiiyeva"), "{out}");
    // A byte of the signature changed: not authentic.
    let signature = bytes.windows(3).position(|w| w == [0x58, 0x41, 0x7a]).expect("the proof value as 65 bytes") + 20;
    let mut changed = bytes.clone();
    changed[signature] ^= 0x01;
    let (code, out) = verify_qr(root, &["--qr", &base45::qr_text(&changed)]);
    assert_eq!((code, out.lines().next().and_then(|l| l.split(" (").next())), (Some(1), Some("verdict: not-authentic")), "{out}");
    // One character of the QR text itself changed, inside the signature's bytes: still
    // decodes, not authentic.
    let group = (signature + 2) / 2;
    let at = 5 + 3 * group;
    let letter = text.as_bytes()[at];
    let other = *base45::ALPHABET
        .iter()
        .find(|&&c| c != letter && base45::from_qr_text(&format!("{}{}{}", &text[..at], c as char, &text[at + 1..])).is_some())
        .unwrap();
    let changed = format!("{}{}{}", &text[..at], other as char, &text[at + 1..]);
    let (code, out) = verify_qr(root, &["--qr", &changed]);
    assert_eq!(
        (code, out.lines().next().and_then(|l| l.split(" (").next())),
        (Some(1), Some("verdict: not-authentic")),
        "{changed}: {out}"
    );
    // A change that breaks the decoding: unreadable.
    for broken in
        [text[..text.len() - 7].to_owned(), text.replace("VC1-R", "VC1-Q"), format!("{text}a"), "https://cert.example.org/c/X/".into()]
    {
        let (code, out) = verify_qr(root, &["--qr", &broken]);
        assert_eq!(
            (code, out.lines().next().and_then(|l| l.split(" (").next())),
            (Some(1), Some("verdict: unreadable")),
            "{broken}: {out}"
        );
    }

    // Signed by a key the DID document does not list: unknown key.
    let did = read_json(&root.join("public/.well-known/did.json"));
    let did = did["id"].as_str().unwrap();
    let paper = Paper::from_published(did, &read_json(&root.join("public/paper/type-table.json"))).unwrap();
    let mut credential = paper.decode(&text).unwrap();
    let created = credential.remove("proof").unwrap()["created"].as_str().unwrap().to_owned();
    let stranger = certsite::sign::credential::Signer::new(
        did.into(),
        "X".into(),
        "https://x".into(),
        ed25519_dalek::SigningKey::from_bytes(&[9; 32]),
    );
    let forged = stranger.sign_jcs(credential, &created);
    let forged = paper.encode(&forged).unwrap();
    assert!(cborld::registry_entry_id(&base45::from_qr_text(&forged).unwrap()).is_ok());
    let (code, out) = verify_qr(root, &["--qr", &forged]);
    assert_eq!((code, out.lines().next().and_then(|l| l.split(" (").next())), (Some(1), Some("verdict: unknown-key")), "{out}");

    // Revoked by data/decisions.csv: the paper QR code says so, as of the status list's date.
    let (code, out) = verify_qr(root, &["--qr", &paper_text(root, "out", "T-0006")]);
    assert_eq!((code, out.lines().next().and_then(|l| l.split(" (").next())), (Some(1), Some("verdict: revoked")), "{out}");
    assert!(out.contains("certificate number: T-0006") && out.contains("status: revoked (status as of 2026-11-23"), "{out}");
    // Without the status lists: authentic, valid by its dates, its status not checked.
    std::fs::remove_file(root.join("public/status/status.json")).unwrap();
    let (code, out) = verify_qr(root, &["--qr", &paper_text(root, "out", "T-0006")]);
    assert_eq!((code, out.lines().next().and_then(|l| l.split(" (").next())), (Some(0), Some("verdict: valid")), "{out}");
    assert!(out.contains("authentic: signed by this site's key") && out.contains("revocation and suspension not checked"), "{out}");
}

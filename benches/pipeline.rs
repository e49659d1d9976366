//! Per-certificate cost of the CPU stages of a build: the url code (HMAC), the signed
//! credential (JCS + SHA-256 + Ed25519) and the QR code. Run: `cargo bench --bench pipeline`.
//! Whole builds, disk included, are timed by `scripts/bench`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use std::path::Path;

use certsite::model::code::Coder;
use certsite::sign::credential::{signed_certificate_json, Signer};
use certsite::site::Site;

fn stages(c: &mut Criterion) {
    let date = time::macros::date!(2026 - 11 - 23);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
    let site = Site::load(&root, date).unwrap_or_else(|p| panic!("{}", p.render(false)));
    let cert = &site.certificates.list[0];
    let coder = Coder::new(&[7; 32]);
    let signer = Signer::new(site.did.did.clone(), "Orqan".into(), ed25519_dalek::SigningKey::from_bytes(&[9; 32]));
    let url = site.page_url(coder.code(&cert.number));
    let mut group = c.benchmark_group("per_certificate");
    group.bench_function("url_code", |b| b.iter(|| coder.code(black_box(&cert.number))));
    group.bench_function("signed_credential", |b| {
        b.iter(|| signed_certificate_json(black_box(cert), &url, &signer, &site.config.base_url, 4242, date))
    });
    group.bench_function("qr_svg", |b| b.iter(|| certsite::render::qr::qr_svg(black_box(&url))));
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);

//! CPU cost per certificate of each stage of a build, on a certificate of the bundled sample
//! site (two languages): reading its CSV row, its code, its fingerprint (all a rebuild with
//! nothing changed does per certificate), its signed credential, its QR code, and its two
//! pages. Run: `cargo bench --bench pipeline`. Whole builds, disk included, are timed by
//! `scripts/bench`; `certsite build --timings` gives the same split for a real build.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use std::path::Path;

use certsite::load::csvfile::CsvText;
use certsite::model::code::Coder;
use certsite::sign::credential::{credential_json, day_start, Signer};
use certsite::sign::proof::{Cryptosuite, ProofOptions};
use certsite::site::certs::CertInputs;
use certsite::site::Site;

fn stages(c: &mut Criterion) {
    let date = time::macros::date!(2026 - 11 - 23);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = Site::load(root, date).unwrap_or_else(|p| panic!("{}", p.render(false)));
    let coder = Coder::new(&[7; 32]);
    let signer = Signer::new(
        site.did.did.clone(),
        site.config.issuer.name.clone(),
        site.config.base_url.clone(),
        ed25519_dalek::SigningKey::from_bytes(&[9; 32]),
    );
    let renderers = site.renderers();
    let i = 0;
    let cert = &site.certificates.list[i];
    let code = coder.code(&cert.number);
    let inputs = CertInputs::new(&site, i, site.status(i), code, 4242, |j| (site.certificates.list[j].number.as_str(), code));
    let url = site.routes.cert_url(code);
    let svg = certsite::render::qr::qr_svg(&url).unwrap();
    let csv = CsvText::read(root, "data/certificates.csv").unwrap();
    let rows = site.certificates.list.len();

    let mut group = c.benchmark_group("per_certificate");
    group.bench_function("read_csv_row", |b| {
        // Whole files are parsed: the time of `iters` rows out of `files * rows` parsed.
        b.iter_custom(|iters| {
            let files = iters.div_ceil(rows as u64);
            let start = std::time::Instant::now();
            for _ in 0..files {
                black_box(certsite::load::certificates::parse(&csv, &mut certsite::diag::Problems::new()));
            }
            start.elapsed().mul_f64(iters as f64 / (files * rows as u64) as f64)
        })
    });
    group.bench_function("url_code", |b| b.iter(|| coder.code(black_box(&cert.number))));
    group.bench_function("fingerprint", |b| b.iter(|| black_box(&inputs).fingerprint(1)));
    group.bench_function("signed_credential", |b| {
        b.iter(|| credential_json(inputs.credential(&site, &url, &signer), &signer, &day_start(inputs.proof_created)).unwrap())
    });
    // Each proof of the set on its own (the credential built, not serialized): the canonical
    // form and its hash, then Ed25519.
    let shapes = certsite::sign::rdf::Shapes::default();
    let unsigned = inputs.credential(&site, &url, &signer);
    let key = ed25519_dalek::SigningKey::from_bytes(&[9; 32]);
    let created = day_start(inputs.proof_created);
    let opts = ProofOptions { verification_method: &signer.verification_method, created: &created, proof_purpose: "assertionMethod" };
    for suite in Cryptosuite::ALL {
        group.bench_function(format!("{}_proof", suite.name().replace('-', "_")), |b| {
            b.iter(|| certsite::sign::proof::sign(black_box(&unsigned), &key, &opts, suite, &shapes).unwrap())
        });
    }
    let credential = serde_json::Value::Object(unsigned.clone());
    group.bench_function("rdfc_canonical_credential", |b| b.iter(|| shapes.canonical_nquads(black_box(&credential)).unwrap()));
    group.bench_function("qr_svg", |b| b.iter(|| certsite::render::qr::qr_svg(black_box(&url))));
    group.bench_function("pages_az_en", |b| {
        let mut contexts: Vec<_> = renderers.iter().map(|r| r.context()).collect();
        b.iter(|| {
            let views = inputs.views(&site, &renderers, &url, &svg);
            for ((r, v), ctx) in renderers.iter().zip(&views).zip(&mut contexts) {
                black_box(r.certificate_page_in(ctx, v).unwrap());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);

//! `certsite::render::qr::qr_svg` against the `qrcode` crate's default path
//! (`QrCode::new` + its SVG renderer) on a typical certificate page URL.
//!
//! `cargo bench --bench qr -- --warm-up-time 1 --measurement-time 3`
use certsite::render::qr::qr_svg;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use qrcode::render::svg;
use qrcode::QrCode;

/// A typical certificate page URL: 46 bytes, a version-4 (33×33) symbol at level M.
const URL: &str = "https://sertifikat.example.edu/c/7K2M9QWX4RTB/";

fn bench(c: &mut Criterion) {
    assert_eq!(URL.len(), 46);
    let mut group = c.benchmark_group("qr");
    group.bench_function("certsite_qr_svg", |b| b.iter(|| qr_svg(black_box(URL)).unwrap()));
    group.bench_function("qrcode_default_svg", |b| b.iter(|| QrCode::new(black_box(URL)).unwrap().render::<svg::Color>().build()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

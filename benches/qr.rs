//! `qr_svg` against the `qrcode` crate's default path (`QrCode::new` + SVG renderer).
use certsite::render::qr::qr_svg;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use qrcode::render::svg;
use qrcode::QrCode;

/// A typical certificate page URL (46 bytes).
const URL: &str = "https://sertifikat.example.edu/c/7K2M9QWX4RTB/";

fn bench(c: &mut Criterion) {
    assert_eq!(URL.len(), 46);
    let mut group = c.benchmark_group("qr");
    group.bench_function("certsite_qr_svg", |b| b.iter(|| qr_svg(black_box(URL)).unwrap()));
    group.bench_function("qrcode_default_svg", |b| {
        b.iter(|| QrCode::new(black_box(URL)).unwrap().render::<svg::Color>().build())
    });
    group.bench_function("tmp_fixed_mask", |b| {
        b.iter(|| {
            use qrcode::{bits::encode_auto, canvas::*, ec::construct_codewords, types::*};
            let bits = encode_auto(black_box(URL).as_bytes(), EcLevel::M).unwrap();
            let v = bits.version();
            let (d, e) = construct_codewords(&bits.into_bytes(), v, EcLevel::M).unwrap();
            let mut c = Canvas::new(v, EcLevel::M);
            c.draw_all_functional_patterns();
            c.draw_data(&d, &e);
            c.apply_mask(MaskPattern::Checkerboard);
            c.into_colors()
        })
    });
    group.bench_function("tmp_encode_only", |b| {
        b.iter(|| {
            use qrcode::{bits::encode_auto, canvas::*, ec::construct_codewords, types::*};
            let bits = encode_auto(black_box(URL).as_bytes(), EcLevel::M).unwrap();
            let v = bits.version();
            let (d, e) = construct_codewords(&bits.into_bytes(), v, EcLevel::M).unwrap();
            let mut c = Canvas::new(v, EcLevel::M);
            c.draw_all_functional_patterns();
            c.draw_data(&d, &e);
            c
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! What `certsite publish` does on this machine before it sends anything, at a million
//! certificates: read the build's manifest and the target's record (each a line per
//! certificate), and plan the difference after 10 changed certificates. A publish after a
//! day's changes costs this plus a request a changed file (`scripts/bench --publish` times the
//! whole, to a real S3 server, at sizes whose output this machine's disk holds).
//! Run: `cargo bench --bench publish`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use std::path::Path;

use certsite::model::code::Coder;
use certsite::publish::Plan;
use certsite::state::manifest::{Layout, Manifest};
use certsite::state::published::Record;

const CERTIFICATES: usize = 1_000_000;

fn publish_plan(c: &mut Criterion) {
    let layout = Layout::new(vec!["c/*/index.html".into(), "en/c/*/index.html".into(), "c/*/credential.json".into()]);
    let coder = Coder::new(&[7; 32]);
    let codes: Vec<_> = (0..CERTIFICATES).map(|i| coder.code(&format!("PSM-{i:07}"))).collect();
    let mut built = Manifest::with_capacity(layout.clone(), CERTIFICATES);
    for (i, &code) in codes.iter().enumerate() {
        let h = i as u64 * 3;
        built.put_cert(code, i as u128, &[h, h + 1, h + 2]);
    }
    for page in 0..350 {
        built.put_file(format!("notices/D-{page}/index.html"), page);
    }
    let out = Path::new("/srv/site/public");
    let record_text = Record { held: built.clone() }.to_text("s3://register");
    // Ten certificates changed since the record, spread over the register.
    for k in 0..10 {
        let i = k * CERTIFICATES / 10;
        built.set_cert(codes[i], 1, &[1, 2, 3]);
    }
    let manifest_text = built.to_text(out);

    let mut group = c.benchmark_group("publish_1m");
    group.sample_size(10);
    group.bench_function("read_manifest_and_record_and_plan", |b| {
        b.iter(|| {
            let manifest = Manifest::parse(black_box(&manifest_text), out).unwrap().unwrap();
            let record = Record::parse(black_box(&record_text), "s3://register").unwrap().unwrap();
            let plan = Plan::new(&manifest, &record);
            assert_eq!(plan.send_count(), 30);
            plan
        })
    });
    group.finish();
}

criterion_group!(benches, publish_plan);
criterion_main!(benches);

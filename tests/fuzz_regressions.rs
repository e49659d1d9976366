//! Every input that once crashed a fuzz target (`scripts/fuzz`, fuzz/), kept in
//! `tests/fixtures/fuzz-regressions/<target>/`, read again by that target's function: certsite
//! now reports what is wrong with it, or reads it, and never panics.

#[path = "../fuzz/drivers.rs"]
mod drivers;

use std::path::Path;

#[test]
fn every_input_that_crashed_a_fuzz_target_is_read_without_a_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-regressions");
    let mut replayed = 0;
    for (target, run) in drivers::ALL {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else { continue };
        let mut inputs: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        inputs.sort();
        for input in inputs {
            let data = std::fs::read(&input).unwrap();
            if std::panic::catch_unwind(|| run(&data)).is_err() {
                panic!("{} panics (fuzz target {target})", input.display());
            }
            replayed += 1;
        }
    }
    let folders = std::fs::read_dir(&root).unwrap().count();
    assert!(folders == 0 || replayed > 0, "inputs are kept as tests/fixtures/fuzz-regressions/<target>/<file>");
}

//! Key rotation and retirement, end to end (DESIGN §2, §5): after `keygen --rotate` and a
//! build, everything is signed with the new key and what the old one signed still verifies;
//! after `keygen --retire` of the old key and a build, nothing signed by it remains, did.json
//! no longer lists it, and everything verifies. Bad requests are refused with exit 1.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

const DATE: &str = "2026-11-23";

fn read(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The verification methods of every proof in the output's JSON files.
fn signing_methods(public: &Path) -> std::collections::BTreeSet<String> {
    let mut methods = std::collections::BTreeSet::new();
    for (rel, bytes) in tree(public) {
        if !rel.ends_with(".json") || rel.ends_with("did.json") || rel.starts_with("assets/") {
            continue;
        }
        let doc: Value = serde_json::from_slice(&bytes).unwrap();
        let proofs = match &doc["proof"] {
            Value::Array(set) => set.clone(),
            Value::Object(_) => vec![doc["proof"].clone()],
            _ => continue,
        };
        methods.extend(proofs.iter().map(|p| p["verificationMethod"].as_str().unwrap().to_owned()));
    }
    methods
}

#[test]
fn a_rotated_key_keeps_old_proofs_valid_and_a_retired_one_leaves_nothing_signed() {
    let site = sample();
    build(site.path(), DATE);
    let public = site.path().join("public");
    let did_path = public.join(".well-known/did.json");
    let old_method = read(&did_path)["verificationMethod"][0]["id"].as_str().unwrap().to_owned();
    let code = pages_by_number(&public).into_values().next().unwrap();
    let saved = read(&public.join("c").join(&code).join("credential.json"));
    let shapes = certsite::sign::rdf::Shapes::default();

    let out = certsite(site.path(), &["keygen", "--rotate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).trim().starts_with("z6Mk"));
    let moved: Vec<_> =
        std::fs::read_dir(site.path().join(".certsite")).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert!(moved.iter().any(|n| n.starts_with("signing.key.key-")), "the old key moved aside: {moved:?}");
    build(site.path(), DATE);
    let did = read(&did_path);
    let methods: Vec<&str> = did["verificationMethod"].as_array().unwrap().iter().map(|m| m["id"].as_str().unwrap()).collect();
    assert_eq!(methods.len(), 2);
    assert_eq!(methods[1], old_method, "the old key stays listed");
    let new_method = methods[0].to_owned();
    assert_eq!(signing_methods(&public), [new_method.clone()].into(), "everything is signed with the new key");
    certsite::verify::verify_credential(&saved, &did, &shapes).expect("a credential signed before the rotation still verifies");
    assert!(certsite(site.path(), &["verify"]).status.success());

    // Retiring the current key, or an unknown one, is refused.
    let current = new_method.rsplit_once('#').unwrap().1;
    let out = certsite(site.path(), &["keygen", "--retire", current]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("is the current signing key"), "{}", stderr(&out));
    let out = certsite(site.path(), &["keygen", "--retire", "key-0000000000000000"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no such key"), "{}", stderr(&out));

    // The old key leaked: retired, then a build.
    let out = certsite(site.path(), &["keygen", "--retire", &old_method]);
    assert!(out.status.success(), "{}", stderr(&out));
    build(site.path(), DATE);
    let did = read(&did_path);
    assert_eq!(did["verificationMethod"].as_array().unwrap().len(), 1);
    assert_eq!(did["verificationMethod"][0]["id"], new_method.as_str());
    assert!(!String::from_utf8(std::fs::read(&did_path).unwrap()).unwrap().contains(&old_method));
    assert_eq!(signing_methods(&public), [new_method.clone()].into(), "nothing signed by the retired key remains");
    assert!(certsite::verify::verify_credential(&saved, &did, &shapes).is_err(), "what the retired key signed no longer verifies");
    let out = certsite(site.path(), &["verify"]);
    assert!(out.status.success(), "{}", stderr(&out));

    // The retired key never signs again, even when given.
    let old_file = std::fs::read_dir(site.path().join(".certsite"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with("signing.key.key-"));
    let old_file = old_file.unwrap();
    let out = certsite(site.path(), &["build", "--build-date", DATE, "--key", old_file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("was retired"), "{}", stderr(&out));
    assert!(std::fs::read_to_string(site.path().join(".certsite/keys.txt")).unwrap().contains("retired z6Mk"));

    // A lost key ring would drop keys from did.json silently: refused.
    let ring = site.path().join(".certsite/keys.txt");
    let kept = std::fs::read(&ring).unwrap();
    std::fs::remove_file(&ring).unwrap();
    let before = tree(&public);
    let out = certsite(site.path(), &["build", "--build-date", DATE]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("which the key ring") && stderr(&out).contains("does not hold"), "{}", stderr(&out));
    assert_eq!(before, tree(&public), "nothing published");
    std::fs::write(&ring, kept).unwrap();

    // The only key left cannot be retired.
    let out = certsite(site.path(), &["keygen", "--retire", current]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("only key"), "{}", stderr(&out));
}

#[test]
fn rotating_without_a_key_or_against_a_key_ring_that_does_not_match_is_refused() {
    let site = fixture("minimal");
    let out = certsite(site.path(), &["keygen", "--rotate"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no key to rotate"), "{}", stderr(&out));

    build(site.path(), DATE);
    let ring = site.path().join(".certsite/keys.txt");
    // A key ring edited by hand that lacks the key on disk.
    let other = certsite(site.path(), &["keygen", "--out", "other.key"]);
    let other_key = String::from_utf8(other.stdout).unwrap();
    std::fs::write(&ring, format!("{}\n", other_key.trim())).unwrap();
    let out = certsite(site.path(), &["keygen", "--retire", other_key.trim()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("only key"), "{}", stderr(&out));
    std::fs::write(&ring, format!("{}\n{}\n", other_key.trim(), "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")).unwrap();
    let out = certsite(site.path(), &["keygen", "--retire", other_key.trim()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("does not match the key on disk"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&ring).unwrap().lines().count(), 2, "nothing changed");
}

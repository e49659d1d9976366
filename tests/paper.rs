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

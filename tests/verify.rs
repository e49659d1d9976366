//! `certsite verify` and `certsite keygen`: credentials verify offline against did.json, and
//! any change to what a credential says is caught and named.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

const DATE: &str = "2026-11-23";

fn read(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn write(path: &Path, value: &Value) {
    std::fs::write(path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
}

#[test]
fn a_built_site_verifies_and_every_tampering_is_named() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let out = certsite(site.path(), &["verify"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("ok: 6 credentials verified"), "{}", stderr(&out));

    let public = site.path().join("public");
    let codes: Vec<String> = pages_by_number(&public).into_values().collect();
    type Change = fn(&mut Value);
    let tamper: [(&str, Change); 6] = [
        ("name", |c| c["credentialSubject"]["familyName"] = "Başqası".into()),
        ("date", |c| c["validUntil"] = "2099-12-31T23:59:59Z".into()),
        ("proof removed", |c| {
            c.as_object_mut().unwrap().remove("proof");
        }),
        ("scope added", |c| c["credentialSubject"]["certificate"]["scope"] = serde_json::json!(["Hər şey"])),
        ("issuer", |c| c["issuer"]["id"] = "did:web:evil.example".into()),
        ("key", |c| c["proof"]["verificationMethod"] = "did:web:cert.example.org#key-0000000000000000".into()),
    ];
    let mut tampered = Vec::new();
    for ((what, change), code) in tamper.iter().zip(&codes) {
        let path = public.join("c").join(code).join("credential.json");
        let mut credential = read(&path);
        change(&mut credential);
        write(&path, &credential);
        tampered.push((what, format!("c/{code}/credential.json")));
    }
    let out = certsite(site.path(), &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for (what, file) in &tampered {
        assert!(
            err.lines().any(|l| l.starts_with("FAIL") && l.contains(file.as_str()) && !l.contains("last build")),
            "{what} not caught:\n{err}"
        );
        // And apart from its proof, the manifest of the build tells the file changed.
        assert!(err.lines().any(|l| l.contains(file.as_str()) && l.contains("differs from what the last build wrote")), "{what}:\n{err}");
    }
    assert!(err.contains("error: 12 problem(s); 0 credentials verified"), "{err}");
}

#[test]
fn verify_single_files_and_a_missing_page() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let public = site.path().join("public");
    let code = pages_by_number(&public)["T-0001"].clone();
    let file = public.join("c").join(&code).join("credential.json");
    let out = certsite(site.path(), &["verify", "--site", "public", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::remove_file(public.join("c").join(&code).join("index.html")).unwrap();
    let out = certsite(site.path(), &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("c/{code}/index.html: cannot read")), "{}", stderr(&out));
}

#[test]
fn keygen_writes_a_private_key_and_build_uses_it() {
    let site = fixture("minimal");
    let out = certsite(site.path(), &["keygen", "--out", "keys/issuer.key"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let public_key = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert!(public_key.starts_with("z6Mk"), "{public_key}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(site.path().join("keys/issuer.key")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let again = certsite(site.path(), &["keygen", "--out", "keys/issuer.key"]);
    assert_eq!(again.status.code(), Some(1), "never overwrites a key");

    let out = certsite(site.path(), &["build", "--build-date", DATE, "--key", "keys/issuer.key"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!site.path().join(".certsite/signing.key").exists(), "the given key is used, no other is made");
    let did = read(&site.path().join("public/.well-known/did.json"));
    assert_eq!(did["verificationMethod"][0]["publicKeyMultibase"], public_key.as_str());
    assert_eq!(did["verificationMethod"][0]["type"], "Multikey");
    assert_eq!(did["verificationMethod"][0]["controller"], "did:web:cert.example.org");
    let vm = did["verificationMethod"][0]["id"].as_str().unwrap();
    assert!(vm.starts_with("did:web:cert.example.org#key-"));
    assert_eq!(did["assertionMethod"][0], vm);

    // A new key: the old one stays listed (retired), credentials are re-signed with the new.
    let out = certsite(site.path(), &["build", "--build-date", DATE]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("created a new signing key"), "{}", stderr(&out));
    let did = read(&site.path().join("public/.well-known/did.json"));
    assert_eq!(did["verificationMethod"].as_array().unwrap().len(), 2);
    assert_eq!(did["verificationMethod"][1]["publicKeyMultibase"], public_key.as_str());
    assert!(certsite(site.path(), &["verify"]).status.success());

    let out = certsite(site.path(), &["build", "--key", "missing.key"]);
    assert_eq!(out.status.code(), Some(1), "an explicit key that does not exist is not created");
}

#[test]
fn credentials_follow_vc_2_and_eddsa_jcs_2022() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let public = site.path().join("public");
    let code = pages_by_number(&public)["T/0002"].clone();
    let c = read(&public.join("c").join(&code).join("credential.json"));
    assert_eq!(
        c["@context"],
        serde_json::json!(["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/undefined-terms/v2"])
    );
    assert_eq!(c["type"][0], "VerifiableCredential");
    assert_eq!(c["issuer"]["id"], "did:web:cert.example.org");
    assert_eq!(c["validFrom"], "2022-03-01T00:00:00Z");
    assert_eq!(c["validUntil"], "2025-02-28T23:59:59Z", "valid_until is inclusive");
    assert_eq!(c["credentialSubject"]["certificate"]["number"], "T/0002");
    let proof = &c["proof"];
    assert_eq!(proof["type"], "DataIntegrityProof");
    assert_eq!(proof["cryptosuite"], "eddsa-jcs-2022");
    assert_eq!(proof["proofPurpose"], "assertionMethod");
    assert_eq!(proof["@context"], c["@context"]);
    assert!(proof["proofValue"].as_str().unwrap().starts_with('z'));
    // Verified independently of `certsite verify`, with the library's proof check.
    let did = read(&public.join(".well-known/did.json"));
    certsite::verify::verify_credential(&c, &did).unwrap();
}

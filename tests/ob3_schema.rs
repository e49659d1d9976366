//! Every credential certsite signs is a valid Open Badges 3.0 `AchievementCredential` by
//! 1EdTech's own JSON Schema (`tests/vectors/ob3-schema/`, with its source in SOURCES.md),
//! checked by an independent JSON Schema validator (draft 2019-09): the sample site and every
//! fixture site with certificates, each credential as published.

mod common;

use common::*;
use std::path::Path;

fn validator() -> jsonschema::Validator {
    let path = repo().join("tests/vectors/ob3-schema/ob_v3p0_achievementcredential_schema.json");
    let schema: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    jsonschema::draft201909::new(&schema).expect("1EdTech's schema compiles")
}

/// Validates every `c/<code>/credential.json` below `public`; returns how many there were.
fn check_all(site: &str, public: &Path, validator: &jsonschema::Validator) -> usize {
    let mut count = 0;
    let mut rejected = Vec::new();
    for entry in std::fs::read_dir(public.join("c")).unwrap() {
        let path = entry.unwrap().path().join("credential.json");
        let credential: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let errors: Vec<String> = validator.iter_errors(&credential).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        if !errors.is_empty() {
            rejected.push(format!("{site} {}: {}", path.display(), errors.join("; ")));
        }
        count += 1;
    }
    assert!(rejected.is_empty(), "1EdTech's OB 3.0 schema rejects:\n{}", rejected.join("\n"));
    count
}

#[test]
fn every_credential_of_every_site_passes_1edtech_s_open_badges_3_schema() {
    let validator = validator();
    let mut total = 0;
    for name in ["minimal", "portal"] {
        let site = fixture(name);
        build(site.path(), "2026-11-23");
        total += check_all(name, &site.path().join("public"), &validator);
    }
    let site = sample();
    build(site.path(), "2026-11-23");
    total += check_all("sample", &site.path().join("public"), &validator);
    assert!(total >= 30, "{total} credentials checked");
}

#[test]
fn the_schema_is_a_real_judge() {
    // A credential with a status entry list (as certsite published before) and an
    // IdentifierEntry typed as a list are rejected: the check can fail.
    let validator = validator();
    let site = fixture("minimal");
    build(site.path(), "2026-11-23");
    let dir = std::fs::read_dir(site.path().join("public/c")).unwrap().next().unwrap().unwrap().path();
    let good: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("credential.json")).unwrap()).unwrap();
    assert!(validator.is_valid(&good));
    let mut two_entries = good.clone();
    let entry = two_entries["credentialStatus"].clone();
    two_entries["credentialStatus"] = serde_json::json!([entry.clone(), entry]);
    assert!(!validator.is_valid(&two_entries));
    let mut listed_type = good.clone();
    listed_type["credentialSubject"]["achievement"]["otherIdentifier"][0]["type"] = serde_json::json!(["IdentifierEntry"]);
    assert!(!validator.is_valid(&listed_type));
}

//! Until when the status lists are valid (DESIGN §2, §5): `build` says it in its closing
//! summary, and `certsite verify --lists-expire-within [DAYS]` (the daily monitor) exits 3
//! when they expire within DAYS days (7 when not given) or have expired, saying until when
//! they are valid and what to do, in either language. `--today` sets the day counted from, so
//! that no test depends on the real date.

mod common;

use common::*;

const DATE: &str = "2026-11-23";
/// Build date + 31 days (`[status] max_age_days` by default).
const UNTIL: &str = "2026-12-24";

fn verify(root: &std::path::Path, args: &[&str], lang: &str) -> (Option<i32>, String) {
    let out = certsite_in(root, &[&["verify"], args].concat(), &[("LC_ALL", lang)]);
    (out.status.code(), stderr(&out))
}

#[test]
fn build_says_until_when_the_lists_it_signed_are_valid() {
    let site = fixture("minimal");
    let err = stderr(&build(site.path(), DATE));
    let line = format!("status lists valid until {UNTIL}: rebuild and publish the site before then");
    assert!(err.contains(&line), "{err}");
    // Before the summary of what changed for the public, after the counts.
    assert!(err.find(&line) < err.find("for the public") && err.find("built ./public") < err.find(&line), "{err}");

    let az = stderr(&certsite_in(site.path(), &["build", "--build-date", "2026-12-01"], &[("LC_ALL", "az_AZ.UTF-8")]));
    assert!(az.contains("status siyahıları 2027-01-01 tarixinədək etibarlıdır: o vaxtadək saytı yenidən qurub dərc edin"), "{az}");
    assert!(!az.contains("valid until"), "{az}");

    // `[status] max_age_days` is what counts.
    let toml = site.path().join("data/site.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, text.replace("[issuer]", "[status]\nmax_age_days = 7\n\n[issuer]")).unwrap();
    let err = stderr(&build(site.path(), DATE));
    assert!(err.contains("status lists valid until 2026-11-30:"), "{err}");
}

#[test]
fn verify_tells_the_monitor_when_the_lists_expire() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let root = site.path();

    // Well ahead: exit 0, saying until when.
    let (code, err) = verify(root, &["--lists-expire-within", "--today", "2026-12-01"], "C.UTF-8");
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains(&format!("ok: the status lists are valid until {UNTIL} (24 days left)")), "{err}");
    // Eight days left is outside the default week; seven is within it.
    let (code, err) = verify(root, &["--lists-expire-within", "--today", "2026-12-17"], "C.UTF-8");
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("(8 days left)"), "{err}");
    let (code, err) = verify(root, &["--site", "public", "--lists-expire-within", "--today", "2026-12-18"], "C.UTF-8");
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.contains(&format!("warning: the status lists expire soon: valid until {UNTIL} (7 days left, within the 7 days asked): rebuild the site and publish it before then")),
        "{err}"
    );
    assert!(err.contains("ok: 6 credentials verified"), "everything else verified: {err}");
    // The last day counts as one day left; DAYS is the option's value.
    let (code, err) = verify(root, &["--lists-expire-within=1", "--today", UNTIL], "C.UTF-8");
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("(1 day left, within the 1 day asked)"), "{err}");
    let (code, err) = verify(root, &["--lists-expire-within", "0", "--today", UNTIL], "C.UTF-8");
    assert_eq!(code, Some(0), "{err}");
    // Past: expired, rebuild now.
    let (code, err) = verify(root, &["--lists-expire-within", "0", "--today", "2026-12-25"], "C.UTF-8");
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains(&format!("error: the status lists expired: they were valid until {UNTIL}")), "{err}");
    assert!(err.contains("rebuild the site and publish it now"), "{err}");
    let (code, az) = verify(root, &["--lists-expire-within", "--today", "2026-12-20"], "az_AZ.UTF-8");
    assert_eq!(code, Some(3), "{az}");
    assert!(
        az.contains(&format!("xəbərdarlıq: status siyahılarının müddəti tezliklə bitir: {UNTIL} tarixinədək etibarlıdır (5 gün qalıb")),
        "{az}"
    );

    // Without the option nothing is said of expiry, whatever the day; `--today` needs it.
    let (code, err) = verify(root, &[], "C.UTF-8");
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("status lists"), "{err}");
    let (code, _) = verify(root, &["--today", "2026-12-18"], "C.UTF-8");
    assert_eq!(code, Some(2));

    // Single files: no lists read, so their expiry cannot be told.
    let pages = pages_by_number(&root.join("public"));
    let file = format!("public/c/{}/credential.json", pages["T-0001"]);
    let (code, err) = verify(root, &["--lists-expire-within", "--today", "2026-12-01", &file], "C.UTF-8");
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("no status list with a validUntil was read"), "{err}");

    // Something that does not verify wins over the expiry: exit 1.
    let list = root.join("public/status/status.json");
    let text = std::fs::read_to_string(&list).unwrap();
    std::fs::write(&list, text.replacen("2026-12-24T23:59:59Z", "2027-12-24T23:59:59Z", 1)).unwrap();
    let (code, err) = verify(root, &["--lists-expire-within", "--today", "2026-12-18"], "C.UTF-8");
    assert_eq!(code, Some(1), "{err}");
}

//! Staff read their own language (DESIGN §2 "Language of messages"): `--lang az|en`, else the
//! locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English. Each error case runs in both
//! languages and asserts the words of each, and that the Azerbaijani report has none of the
//! English words.

mod common;

use std::path::Path;

use common::{build, certsite_in, fixture, repo, stderr, tree};

const DATE: &str = "2026-03-15";

/// How a test asks for a language.
const AZ: &[(&str, &str)] = &[("LANG", "az_AZ.UTF-8")];
const EN: &[(&str, &str)] = &[("LANG", "en_GB.UTF-8")];

fn run(root: &Path, args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String, String) {
    let out = certsite_in(root, args, env);
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned(), stderr(&out))
}

#[test]
fn the_locale_or_lang_chooses_the_language() {
    let help = |args: &[&str], env: &[(&str, &str)]| run(&repo(), args, env).1;
    let az = "Nümunələr:";
    let en = "Examples:";
    assert!(help(&["check", "--help"], AZ).contains(az));
    assert!(help(&["check", "--help"], EN).contains(en));
    assert!(help(&["check", "--help"], &[]).contains(en), "no locale: English");
    assert!(help(&["check", "--help"], &[("LANG", "C")]).contains(en));
    assert!(help(&["check", "--help"], &[("LC_MESSAGES", "az_AZ"), ("LANG", "en_US.UTF-8")]).contains(az), "LC_MESSAGES before LANG");
    assert!(help(&["check", "--help"], &[("LC_ALL", "en_US.UTF-8"), ("LC_MESSAGES", "az_AZ")]).contains(en), "LC_ALL first");
    assert!(help(&["check", "--help"], &[("LC_ALL", ""), ("LANG", "az_AZ.UTF-8")]).contains(az), "an empty LC_ALL is not set");
    assert!(help(&["--lang", "en", "check", "--help"], AZ).contains(en), "--lang before the locale");
    assert!(help(&["check", "--lang=az", "--help"], EN).contains(az));
}

#[test]
fn help_is_whole_in_either_language() {
    for command in ["init", "build", "check", "verify", "keygen", "print", "serve"] {
        let (code, az, _) = run(&repo(), &[command, "--help"], AZ);
        assert_eq!(code, Some(0));
        for word in ["İstifadə:", "Seçimlər:", "Nümunələr:", "Çıxış kodları:", "Kömək"] {
            assert!(az.contains(word), "{command} --help lacks {word:?}:\n{az}");
        }
        for english in ["Usage:", "Options:", "Examples:", "Exit codes:", "Print help", "[default"] {
            assert!(!az.contains(english), "{command} --help in Azerbaijani says {english:?}:\n{az}");
        }
        let (_, en, _) = run(&repo(), &[command, "--help"], EN);
        for word in ["Usage:", "Options:", "Examples:", "Exit codes:"] {
            assert!(en.contains(word), "{command} --help lacks {word:?}:\n{en}");
        }
    }
}

#[test]
fn usage_errors_in_both_languages() {
    let cases: &[(&[&str], &str, &str)] = &[
        (&["build", "--bogus"], "error: unknown option \"--bogus\"", "xəta: naməlum seçim \"--bogus\""),
        (&["biuld"], "did you mean \"build\"?", "bunu nəzərdə tuturdunuz: \"build\"?"),
        (&["check", "--build-date", "2026-02-30"], "is not a value of --build-date", "--build-date <BUILD_DATE> üçün düzgün qiymət deyil"),
        (&["keygen", "--rotate", "--retire", "key-x"], "cannot be given together", "birlikdə verilə bilməz"),
        (&[], "Usage: certsite", "İstifadə: certsite"),
    ];
    for (args, en, az) in cases {
        let (code, _, err) = run(&repo(), args, EN);
        assert_eq!(code, Some(2), "{args:?}");
        assert!(err.contains(en), "{args:?}: {err}");
        let (code, _, err) = run(&repo(), args, AZ);
        assert_eq!(code, Some(2), "{args:?}");
        assert!(err.contains(az), "{args:?}: {err}");
        assert!(!err.contains("error:") && !err.contains("Usage:"), "{args:?}: {err}");
    }
}

/// A data error, with its report's labels and the refusal line, in both languages; nothing is
/// published either way.
#[test]
fn a_data_error_in_both_languages() {
    let site = fixture("minimal");
    build(site.path(), DATE);
    let before = tree(&site.path().join("public"));
    let path = site.path().join("data/certificates.csv");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("T-0005,Həsənova,Gülnar,,Aşpaz,,,2026-01-01", "T-0005,Həsənova,Gülnar,,Aşpaz,,,2026-13-01");
    std::fs::write(&path, text).unwrap();
    let args = ["build", "--build-date", DATE];
    let (code, _, en) = run(site.path(), &args, EN);
    assert_eq!(code, Some(1));
    for word in ["╰── here", "help: ", "error: 1 error; nothing was written"] {
        assert!(en.contains(word), "{word:?}: {en}");
    }
    let (code, _, az) = run(site.path(), &args, AZ);
    assert_eq!(code, Some(1));
    for word in ["╰── burada", "məsləhət: ", "xəta: 1 xəta; heç nə yazılmadı"] {
        assert!(az.contains(word), "{word:?}: {az}");
    }
    for english in ["here", "help:", "error", "nothing was written"] {
        assert!(!az.contains(english), "{english:?} in Azerbaijani: {az}");
    }
    assert!(tree(&site.path().join("public")) == before);
}

/// What check, build and print say when all is well, and why print refuses, in both languages.
#[test]
fn summaries_in_both_languages() {
    let site = fixture("minimal");
    let check = ["check", "--build-date", DATE];
    let (code, _, en) = run(site.path(), &check, EN);
    assert_eq!(code, Some(0), "{en}");
    assert!(en.contains("ok: 6 certificates, 2 decisions, 0 interview sessions"), "{en}");
    assert!(en.contains("no earlier build into ./public: a build would publish 6 certificates, 1 notice and 0 result sets"), "{en}");
    let (code, _, az) = run(site.path(), &check, AZ);
    assert_eq!(code, Some(0), "{az}");
    assert!(az.contains("qaydasındadır: 6 sertifikat, 2 qərar, 0 müsahibə sessiyası"), "{az}");
    assert!(az.contains("./public qovluğuna əvvəlki qurma yoxdur: qurma 6 sertifikat, 1 bildiriş və 0 nəticə dəsti dərc edəcək"), "{az}");

    let (code, _, az) = run(site.path(), &["build", "--build-date", DATE], AZ);
    assert_eq!(code, Some(0), "{az}");
    assert!(az.contains("./public qovluğu 2026-03-15 tarixinə görə quruldu: 6 sertifikat"), "{az}");
    assert!(az.contains("ictimaiyyət üçün (bu qovluğa ilk qurma):"), "{az}");
    for english in ["built ", "for the public", "written"] {
        assert!(!az.contains(english), "{english:?}: {az}");
    }

    // D-2 revokes T-0006 from 2026-04-01: print refuses it by number.
    let print = ["print", "--build-date", "2026-05-01", "T-0006"];
    let (code, _, en) = run(site.path(), &print, EN);
    assert_eq!(code, Some(1));
    assert!(en.contains("error: certificate T-0006 is revoked: it must not be handed out (agreement §4 A¶10)"), "{en}");
    let (code, _, az) = run(site.path(), &print, AZ);
    assert_eq!(code, Some(1));
    assert!(az.contains("xəta: T-0006 nömrəli sertifikatın statusu: ləğv edilib; o, verilməməlidir (sazişin §4 A¶10 bəndi)"), "{az}");
    assert!(az.contains("xəta: heç nə çap olunmadı"), "{az}");
}

/// Errors in a CSV file, each with its hint, in both languages: text in a Windows code page
/// refused (with what it probably is and how to save it as UTF-8), a required column
/// misspelled in the header, and a row with a field too many. Nothing is published either way.
#[test]
fn csv_errors_and_their_hints_in_both_languages() {
    /// `text` as Excel's plain "CSV" saves it on a Turkish Windows: ə, which Windows-1254
    /// lacks, becomes `?`.
    fn windows_1254(text: &str) -> Vec<u8> {
        let encoding = encoding_rs::WINDOWS_1254;
        let lossy: String = text.chars().map(|c| if encoding.encode(&c.to_string()).2 { '?' } else { c }).collect();
        encoding.encode(&lossy).0.into_owned()
    }
    /// The report with its lines joined: a long message is wrapped, with a `│` at the margin.
    fn unwrapped(report: &str) -> String {
        report.split_whitespace().filter(|w| *w != "│").collect::<Vec<_>>().join(" ")
    }
    type Change = fn(&str) -> Vec<u8>;
    let cases: &[(&str, Change, &[&str], &[&str])] = &[
        (
            "Windows-1254",
            windows_1254,
            &[
                ": the file is not valid UTF-8 (byte ",
                "it looks like Windows-1254 (Turkish) text, as Excel's plain \"CSV\" saves it",
                "help: certsite reads UTF-8 and UTF-16, in which no letter is lost",
            ],
            &[
                ": fayl düzgün UTF-8 deyil (",
                "nömrəli bayt: 0x",
                "görünür, bu, Excel-in başqa dil üçün qurulmuş Windows-da adi \"CSV\" formatında saxladığı Windows-1254 (türk dili) mətnidir",
                "məsləhət: certsite UTF-8 və UTF-16 kodlaşdırmalarını oxuyur, onlarda heç bir hərf itmir",
            ],
        ),
        (
            "a misspelt column",
            |text| text.replacen(",issued_on,", ",isued_on,", 1).into_bytes(),
            &["required column \"issued_on\" is missing", "help: add a column \"issued_on\" (is \"isued_on\" a misspelling of it?)"],
            &[
                "tələb olunan \"issued_on\" sütunu yoxdur",
                "məsləhət: \"issued_on\" sütununu əlavə edin (\"isued_on\" onun səhv yazılışı deyilmi?)",
            ],
        ),
        (
            "a field too many",
            |text| text.replace("T-0004,Məmmədov,Ülvi,", "T-0004,Məmmədov,Ülvi,Əli,").into_bytes(),
            &[
                "this row has 17 fields, the header has 16",
                "help: check the quoting: a field containing a comma must be in double quotes, and a quote inside it doubled (\"\")",
            ],
            &[
                "bu sətirdə 17 xana var, başlıqda isə 16",
                "məsləhət: dırnaqları yoxlayın: içində vergül olan xana qoşa dırnaq içində yazılmalı, xananın içindəki dırnaq isə qoşa yazılmalıdır (\"\")",
            ],
        ),
    ];
    let args = ["build", "--build-date", DATE];
    for (case, change, en_words, az_words) in cases {
        let site = fixture("minimal");
        build(site.path(), DATE);
        let before = tree(&site.path().join("public"));
        let path = site.path().join("data/certificates.csv");
        std::fs::write(&path, change(&std::fs::read_to_string(&path).unwrap())).unwrap();
        let (code, _, en) = run(site.path(), &args, EN);
        assert_eq!(code, Some(1), "{case}: {en}");
        let en = unwrapped(&en);
        for word in *en_words {
            assert!(en.contains(word), "{case}: {word:?} in {en}");
        }
        let (code, _, az) = run(site.path(), &args, AZ);
        assert_eq!(code, Some(1), "{case}: {az}");
        let az = unwrapped(&az);
        for word in *az_words {
            assert!(az.contains(word), "{case}: {word:?} in {az}");
        }
        for english in ["help:", "is not valid", "looks like", "required column", "misspelling", "this row has", "quoting", "error:"] {
            assert!(!az.contains(english), "{case}: {english:?} in Azerbaijani: {az}");
        }
        assert!(tree(&site.path().join("public")) == before, "{case}: nothing is published");
    }
}

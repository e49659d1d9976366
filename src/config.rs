//! Stage "load", settings: `data/site.toml` (DESIGN §3 "data/site.toml"). Strict: an unknown
//! key is an error naming the file, line and the nearest known key, so a misspelt setting never
//! passes silently. Parsing (serde, `deny_unknown_fields`) is followed by [`Config::check`],
//! which checks meaning (an absolute `base_url`, known languages).

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::diag::{At, Problem, Problems};

/// Where the settings live, relative to the site root.
pub const SITE_TOML: &str = "data/site.toml";

/// A language the pages can be written in (DESIGN §3 `languages`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Azerbaijani, the default.
    Az,
    /// English.
    En,
}

impl Lang {
    /// Every language a site can publish in.
    pub const ALL: [Lang; 2] = [Lang::Az, Lang::En];

    /// The BCP 47 code, used in `lang` attributes and URL prefixes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Az => "az",
            Lang::En => "en",
        }
    }

    fn parse(code: &str) -> Option<Lang> {
        match code {
            "az" => Some(Lang::Az),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// How notices name the holder (DESIGN §3 `[notices] holder_name`; §4 B¶3 and B¶6 of the
/// agreement: publish with reasons, keeping to the privacy policy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum HolderName {
    /// Initials only, given name, patronymic and surname in that order ("G. R. M."): the
    /// default.
    #[default]
    Initials,
    /// The full name as on the certificate.
    Full,
}

/// The certification body that signs the credentials.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Issuer {
    /// Name in Azerbaijani.
    pub name: String,
    /// Name in English, if different.
    pub name_en: Option<String>,
    /// Postal address.
    pub address: Option<String>,
    /// The body's own website.
    pub website: Option<String>,
    /// E-mail for questions and objections (shown where a visitor is told to contact it).
    pub email: Option<String>,
    /// Telephone, likewise.
    pub phone: Option<String>,
    /// The body's logo, an SVG or PNG file, relative to the site root (printed on certificates).
    pub logo: Option<String>,
}

impl Issuer {
    /// The name in `lang`: `name_en` on English pages when given.
    pub fn name_in(&self, lang: Lang) -> &str {
        match (lang, self.name_en.as_deref()) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => en,
            _ => &self.name,
        }
    }

    /// Whether a holder is told anywhere to write or call: an email, a phone or an address
    /// (a notice says where to object, agreement §4 A¶17).
    pub fn has_contact(&self) -> bool {
        [&self.email, &self.phone, &self.address].iter().any(|v| v.as_deref().is_some_and(|v| !v.trim().is_empty()))
    }
}

/// `[status]`: the status lists (DESIGN §5).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StatusLists {
    /// Days the lists are valid for after the build date (their `validUntil`): a verifier
    /// holding lists older than that cannot confirm a status. Rebuild daily, well within it.
    pub max_age_days: u32,
}

impl Default for StatusLists {
    fn default() -> Self {
        StatusLists { max_age_days: 31 }
    }
}

/// `[notices]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Notices {
    /// How a notice names the holder.
    pub holder_name: HolderName,
}

/// `[interviews]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Interviews {
    /// Working days for an appeal after results are published (rule 2.17: 3; annex 2 §2.4
    /// says 5, so it is a setting).
    pub appeal_working_days: u32,
    /// The university whose interviews these are: shown at the head of the interview pages
    /// instead of the certification body (a session's `institution` overrides it).
    pub institution: Option<String>,
    /// Its English name, for the `/en/` pages.
    pub institution_en: Option<String>,
    /// The university's address (and `address_en`): where candidates file an appeal, in the
    /// footer of its pages.
    pub address: Option<String>,
    /// The address in English.
    pub address_en: Option<String>,
    /// Its e-mail address for candidates.
    pub email: Option<String>,
    /// Its telephone number for candidates.
    pub phone: Option<String>,
    /// Its website.
    pub website: Option<String>,
}

impl Interviews {
    /// Whether candidates are told where to file an appeal: an email, phone or address.
    pub fn has_contact(&self) -> bool {
        [&self.email, &self.phone, &self.address].iter().any(|v| v.as_deref().is_some_and(|v| !v.trim().is_empty()))
    }
}

impl Default for Interviews {
    fn default() -> Self {
        Interviews {
            appeal_working_days: 3,
            institution: None,
            institution_en: None,
            address: None,
            address_en: None,
            email: None,
            phone: None,
            website: None,
        }
    }
}

/// `[print]`: the printed certificates (`certsite print --pdf`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PrintSettings {
    /// Who signs the printed certificates, printed under the signature line.
    pub signatory: Option<String>,
    /// Their title ("Direktor"), printed above the signature line.
    pub signatory_title: Option<String>,
    /// The title in English, printed under it.
    pub signatory_title_en: Option<String>,
}

/// `[sheets]`: which sheet of a workbook to read, by table (DESIGN §3 "Excel workbooks"):
/// a table given as `.xlsx` is read from the sheet named here, else from its first sheet.
/// The session tables' names hold for every session.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Sheets {
    /// `data/certificates.xlsx`.
    pub certificates: Option<String>,
    /// `data/decisions.xlsx`.
    pub decisions: Option<String>,
    /// `data/holidays.xlsx`.
    pub holidays: Option<String>,
    /// Each session's `schedule.xlsx`.
    pub schedule: Option<String>,
    /// Each session's `scores.xlsx`.
    pub scores: Option<String>,
    /// Each session's `appeals.xlsx`.
    pub appeals: Option<String>,
}

impl Sheets {
    /// The keys, with their values.
    fn entries(&self) -> [(&'static str, &Option<String>); 6] {
        [
            ("certificates", &self.certificates),
            ("decisions", &self.decisions),
            ("holidays", &self.holidays),
            ("schedule", &self.schedule),
            ("scores", &self.scores),
            ("appeals", &self.appeals),
        ]
    }

    /// The sheet named for the table in file `rel` (by its name without the extension:
    /// `data/interviews/<session>/scores.csv` is `scores`), if any.
    pub fn of(&self, rel: &str) -> Option<&str> {
        let stem = Path::new(rel).file_stem()?.to_str()?;
        self.entries().into_iter().find(|(key, _)| *key == stem).and_then(|(_, sheet)| sheet.as_deref())
    }
}

/// `[publish.<name>]`: a host `certsite publish` sends the site to (DESIGN §2, §3): a folder
/// on a host over ssh (`ssh`) or a bucket of S3-compatible object storage (`bucket`), exactly
/// one of them. Credentials for a bucket never come from here: from the environment or the AWS
/// files.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PublishTarget {
    /// `host:path`: rsync over ssh into `path` on `host`.
    pub ssh: Option<String>,
    /// The user to log in as (else ssh's own choice).
    pub user: Option<String>,
    /// The ssh port (else 22, or ssh's own configuration).
    pub port: Option<u16>,
    /// The private key ssh uses (else ssh's own).
    pub identity_file: Option<String>,
    /// The bucket of S3-compatible object storage.
    pub bucket: Option<String>,
    /// The folder in the bucket the site goes into (slashes at either end are ignored).
    pub prefix: Option<String>,
    /// The bucket's region (else `us-east-1`).
    pub region: Option<String>,
    /// The `http(s)://` address of an S3-compatible store (else AWS).
    pub endpoint: Option<String>,
    /// Deletions in one publish beyond which `--force` is needed.
    #[serde(default = "default_max_deletions")]
    pub max_deletions: usize,
}

fn default_max_deletions() -> usize {
    1000
}

/// The keys of `[publish.<name>]` only an ssh target has.
const SSH_KEYS: [&str; 3] = ["user", "port", "identity_file"];
/// The keys of `[publish.<name>]` only a bucket has.
const BUCKET_KEYS: [&str; 3] = ["prefix", "region", "endpoint"];
/// A bucket's region when `region` is not given.
pub const DEFAULT_REGION: &str = "us-east-1";

impl PublishTarget {
    /// The host and the path of `ssh = "host:path"`, when it has both.
    pub fn host_path(&self) -> Option<(&str, &str)> {
        let (host, path) = self.ssh.as_deref()?.split_once(':')?;
        (!host.trim().is_empty() && !path.trim().is_empty() && !host.contains('/')).then_some((host, path))
    }

    /// The folder in the bucket, without slashes at either end (`""`: the bucket's root).
    pub fn prefix(&self) -> &str {
        self.prefix.as_deref().unwrap_or("").trim_matches('/')
    }

    /// The bucket's region.
    pub fn region(&self) -> &str {
        self.region.as_deref().unwrap_or(DEFAULT_REGION)
    }

    /// Where the target is, for messages and the record of what it holds: `host:path`, or
    /// `s3://bucket/prefix` with the endpoint when one is given.
    pub fn destination(&self) -> String {
        match (&self.ssh, &self.bucket) {
            (Some(ssh), _) => ssh.clone(),
            (None, Some(bucket)) => {
                let prefix = self.prefix();
                let mut text = if prefix.is_empty() { format!("s3://{bucket}") } else { format!("s3://{bucket}/{prefix}") };
                if let Some(endpoint) = &self.endpoint {
                    text.push_str(&format!(" ({})", endpoint.trim_end_matches('/')));
                }
                text
            }
            (None, None) => String::new(),
        }
    }

    /// The keys this target sets, by name, for the checks of a kind's keys.
    fn set_keys(&self) -> Vec<&'static str> {
        let set = [
            ("user", self.user.is_some()),
            ("port", self.port.is_some()),
            ("identity_file", self.identity_file.is_some()),
            ("prefix", self.prefix.is_some()),
            ("region", self.region.is_some()),
            ("endpoint", self.endpoint.is_some()),
        ];
        set.into_iter().filter(|(_, on)| *on).map(|(k, _)| k).collect()
    }

    /// Pushes what is wrong with target `name`'s settings; `at` locates a key of its table.
    fn check(&self, name: &str, text: &str, source: &Arc<str>, problems: &mut Problems) {
        let section = format!("publish.{name}");
        let err = |msg: String, key: &str, help: String| {
            let found = find_section_key(text, &section, key).or_else(|| find_section_key(text, &section, ""));
            let at = found.map_or(At::file(SITE_TOML), |(o, l)| At::offset(SITE_TOML, text, o, l));
            Problem::error(msg).at(at).help(help).with_source(source.clone())
        };
        match (&self.ssh, &self.bucket) {
            (Some(_), Some(_)) => {
                problems.push(err(tr!("config-publish-both", name = name), "bucket", tr!("config-publish-both-help")));
            }
            (None, None) => {
                problems.push(err(tr!("config-publish-neither", name = name), "", tr!("config-publish-neither-help")));
            }
            (Some(ssh), None) => {
                if self.host_path().is_none() {
                    problems.push(err(tr!("config-publish-ssh", value = ssh), "ssh", tr!("config-publish-ssh-help")));
                }
                for key in self.set_keys().into_iter().filter(|k| BUCKET_KEYS.contains(k)) {
                    problems.push(err(tr!("config-publish-not-for-ssh", key = key), key, tr!("config-publish-not-for-ssh-help")));
                }
            }
            (None, Some(bucket)) => {
                if !bucket_name_ok(bucket) {
                    problems.push(err(tr!("config-publish-bucket", value = bucket), "bucket", tr!("config-publish-bucket-help")));
                }
                for key in self.set_keys().into_iter().filter(|k| SSH_KEYS.contains(k)) {
                    problems.push(err(tr!("config-publish-not-for-bucket", key = key), key, tr!("config-publish-not-for-bucket-help")));
                }
                if let Some(region) = &self.region {
                    if region.trim().is_empty() || !region.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                        problems.push(err(tr!("config-publish-region", value = region), "region", tr!("config-publish-region-help")));
                    }
                }
                if let Some(endpoint) = &self.endpoint {
                    let ok = url::Url::parse(endpoint).is_ok_and(|u| {
                        matches!(u.scheme(), "http" | "https")
                            && u.host_str().is_some()
                            && u.username().is_empty()
                            && u.password().is_none()
                            && u.query().is_none()
                            && u.fragment().is_none()
                    });
                    if !ok {
                        problems.push(err(
                            tr!("config-publish-endpoint", value = endpoint),
                            "endpoint",
                            tr!("config-publish-endpoint-help"),
                        ));
                    }
                }
            }
        }
    }
}

/// A bucket name S3 takes: 3 to 63 lowercase letters, digits, dots and hyphens, beginning and
/// ending with a letter or digit.
fn bucket_name_ok(name: &str) -> bool {
    let edge = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    (3..=63).contains(&name.len())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-')
        && edge(name.chars().next())
        && edge(name.chars().last())
}

/// A key whose name says it holds a secret (`secret_access_key`, `aws_session_token`, …): never
/// a setting of site.toml, which is kept with the data and often in version control.
fn is_secret_key(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    ["secret", "password", "token", "access_key", "credential", "private_key"].iter().any(|w| key.contains(w))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawConfig {
    base_url: String,
    title: String,
    title_en: Option<String>,
    languages: Vec<String>,
    issuer: Issuer,
    notices: Notices,
    status: StatusLists,
    interviews: Interviews,
    print: PrintSettings,
    sheets: Sheets,
    publish: std::collections::BTreeMap<String, PublishTarget>,
}

/// The checked settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Absolute site URL without a trailing slash, e.g. `https://example.org/portal`.
    pub base_url: String,
    /// The host (with port, if any) and path segments of `base_url`, for did:web.
    pub url: url::Url,
    /// Site title.
    pub title: String,
    /// Site title in English, if given.
    pub title_en: Option<String>,
    /// Languages, the first being the default (served at `/`).
    pub languages: Vec<Lang>,
    /// The certification body.
    pub issuer: Issuer,
    /// Notice settings.
    pub notices: Notices,
    /// Status list settings.
    pub status: StatusLists,
    /// Interview settings.
    pub interviews: Interviews,
    /// Settings of the printed certificates.
    pub print: PrintSettings,
    /// Which sheet of each workbook is read.
    pub sheets: Sheets,
    /// Where `certsite publish` sends the site, by name.
    pub publish: std::collections::BTreeMap<String, PublishTarget>,
    /// `[issuer] logo`, checked to exist, with where it is set.
    pub logo: Option<Logo>,
}

/// The issuer's logo file (`[issuer] logo`).
#[derive(Debug, Clone)]
pub struct Logo {
    /// The path as written in site.toml, relative to the site root.
    pub path: String,
    /// What the file holds, by its extension.
    pub kind: LogoKind,
    /// Where site.toml sets it, for errors about the file's contents.
    pub at: At,
}

impl Logo {
    /// Where the site publishes it, below the output (shown on the verification page).
    pub fn published_path(&self) -> &'static str {
        match self.kind {
            LogoKind::Svg => "assets/logo.svg",
            LogoKind::Png => "assets/logo.png",
        }
    }
}

/// The formats a logo may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoKind {
    /// `.svg`: drawn as vectors.
    Svg,
    /// `.png`.
    Png,
}

impl Config {
    /// Reads and checks `<root>/data/site.toml`, pushing every problem found.
    pub fn load(root: &Path, problems: &mut Problems) -> Option<Config> {
        let text = match std::fs::read_to_string(root.join(SITE_TOML)) {
            Ok(t) => t,
            Err(e) => {
                problems.push(
                    Problem::error(tr!("config-cannot-read", path = SITE_TOML, error = e.to_string()))
                        .at(At::file(SITE_TOML))
                        .help(tr!("config-no-site-toml-help")),
                );
                return None;
            }
        };
        let mut config = Config::parse(&text, problems)?;
        config.logo = check_logo(root, &text, config.issuer.logo.as_deref(), problems);
        if config.issuer.logo.is_some() && config.logo.is_none() {
            return None;
        }
        Some(config)
    }

    /// Parses and checks the text of a site.toml.
    pub fn parse(text: &str, problems: &mut Problems) -> Option<Config> {
        let source: Arc<str> = Arc::from(text);
        let raw: RawConfig = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(e) => {
                problems.push(toml_problem(SITE_TOML, &source, &e));
                return None;
            }
        };
        let err = |msg: String, key: &str, help: &str| {
            let at = find_key(text, key).map_or(At::file(SITE_TOML), |(o, l)| At::offset(SITE_TOML, text, o, l));
            Problem::error(msg).at(at).help(help.to_owned()).with_source(source.clone())
        };
        let before = problems.error_count();
        let url = match url::Url::parse(&raw.base_url) {
            Ok(u)
                if (u.scheme() == "https" || u.scheme() == "http")
                    && u.host_str().is_some()
                    && u.query().is_none()
                    && u.fragment().is_none()
                    && u.username().is_empty()
                    && u.password().is_none() =>
            {
                Some(u)
            }
            _ => {
                problems.push(err(tr!("config-base-url", url = &raw.base_url), "base_url", &tr!("config-base-url-help")));
                None
            }
        };
        if !(1..=60).contains(&raw.interviews.appeal_working_days) {
            problems.push(err(
                tr!("config-appeal-working-days", value = raw.interviews.appeal_working_days),
                "appeal_working_days",
                &tr!("config-appeal-working-days-help"),
            ));
        }
        for (key, value) in [("institution", &raw.interviews.institution), ("institution_en", &raw.interviews.institution_en)] {
            if value.as_ref().is_some_and(|v| v.trim().is_empty()) {
                problems.push(err(tr!("config-interviews-empty", key = key), key, &tr!("config-interviews-empty-help")));
            }
        }
        let print = &raw.print;
        for (key, value) in [
            ("signatory", &print.signatory),
            ("signatory_title", &print.signatory_title),
            ("signatory_title_en", &print.signatory_title_en),
        ] {
            if value.as_ref().is_some_and(|v| v.trim().is_empty()) {
                problems.push(err(tr!("config-print-empty", key = key), key, &tr!("config-print-empty-help")));
            }
        }
        if print.signatory_title_en.is_some() && print.signatory_title.is_none() {
            problems.push(err(tr!("config-print-title-en-alone"), "signatory_title_en", &tr!("config-print-title-en-alone-help")));
        }
        for (key, sheet) in raw.sheets.entries() {
            if sheet.as_ref().is_some_and(|s| s.trim().is_empty()) {
                problems.push(err(tr!("config-sheets-empty", key = key), key, &tr!("config-sheets-empty-help")));
            }
        }
        for (name, target) in &raw.publish {
            target.check(name, text, &source, problems);
        }
        if !(1..=366).contains(&raw.status.max_age_days) {
            problems.push(err(
                tr!("config-max-age-days", value = raw.status.max_age_days),
                "max_age_days",
                &tr!("config-max-age-days-help"),
            ));
        }
        if raw.title.trim().is_empty() {
            problems.push(err(tr!("config-title-missing"), "title", &tr!("config-title-missing-help")));
        }
        if raw.issuer.name.trim().is_empty() {
            problems.push(err(tr!("config-issuer-name-missing"), "issuer", &tr!("config-issuer-name-missing-help")));
        }
        let mut languages = Vec::new();
        for code in if raw.languages.is_empty() { vec!["az".to_owned()] } else { raw.languages.clone() } {
            match Lang::parse(&code) {
                Some(l) if !languages.contains(&l) => languages.push(l),
                Some(_) => problems.push(err(tr!("config-language-twice", code = &code), "languages", &tr!("config-language-twice-help"))),
                None => problems.push(err(
                    tr!("config-language-unsupported", code = &code),
                    "languages",
                    &tr!("config-language-unsupported-help"),
                )),
            }
        }
        if problems.error_count() > before {
            return None;
        }
        let url = url?;
        let base_url = url.as_str().trim_end_matches('/').to_owned();
        let mut interviews = raw.interviews;
        for name in [&mut interviews.institution, &mut interviews.institution_en] {
            *name = name.as_deref().map(|n| crate::text::normalize(n).into_owned());
        }
        let mut print = raw.print;
        for text in [&mut print.signatory, &mut print.signatory_title, &mut print.signatory_title_en] {
            *text = text.as_deref().map(|t| crate::text::normalize(t).into_owned());
        }
        Some(Config {
            base_url,
            url,
            title: raw.title.trim().to_owned(),
            title_en: raw.title_en.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()),
            languages,
            issuer: raw.issuer,
            notices: raw.notices,
            status: raw.status,
            interviews,
            print,
            sheets: raw.sheets,
            publish: raw.publish,
            logo: None,
        })
    }

    /// The site title in `lang`: `title_en` on English pages when given.
    pub fn title_in(&self, lang: Lang) -> &str {
        match (lang, self.title_en.as_deref()) {
            (Lang::En, Some(en)) => en,
            _ => &self.title,
        }
    }

    /// The default language.
    pub fn default_lang(&self) -> Lang {
        self.languages[0]
    }
}

/// Turns a TOML error into a problem with line and column, and for an unknown key the nearest
/// known key (the `toml` error lists the expected ones).
pub fn toml_problem(path: &str, source: &Arc<str>, e: &toml::de::Error) -> Problem {
    let message = e.message().to_owned();
    let at = match e.span() {
        Some(span) => At::offset(path, source, span.start, span.end - span.start),
        None => At::file(path),
    };
    let mut problem = Problem::error(message.clone()).at(at.clone()).with_source(source.clone());
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (unknown, expected) = rest.split_once('`').unwrap_or((rest, ""));
        if is_secret_key(unknown) {
            // Not shown with the line: it holds the secret.
            return Problem::error(tr!("config-secret-key", key = unknown)).at(at).help(tr!("config-secret-key-help"));
        }
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let nearest = known.iter().map(|k| (strsim::damerau_levenshtein(unknown, k), *k)).min().filter(|(d, k)| *d <= 3.max(k.len() / 3));
        problem.message = tr!("config-unknown-key", key = unknown);
        problem.help = Some(match nearest {
            Some((_, k)) => tr!("config-unknown-key-did-you-mean", nearest = k, known = known.join(", ")),
            None => tr!("config-unknown-key-known", known = known.join(", ")),
        });
    }
    problem
}

/// Checks `[issuer] logo`: an SVG or PNG file that exists below `root`. The logo is read only
/// when printed, but a wrong path is reported by every command, as any wrong setting is.
fn check_logo(root: &Path, text: &str, logo: Option<&str>, problems: &mut Problems) -> Option<Logo> {
    let path = logo?;
    let at = find_key(text, "logo").map_or(At::file(SITE_TOML), |(o, l)| At::offset(SITE_TOML, text, o, l));
    let err = |msg: String, help: &str| Problem::error(msg).at(at.clone()).help(help.to_owned()).with_source(Arc::from(text));
    let extension = Path::new(path).extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let kind = match extension.as_deref() {
        Some("svg") => LogoKind::Svg,
        Some("png") => LogoKind::Png,
        _ => {
            problems.push(err(tr!("config-logo-format", path = path), &tr!("config-logo-format-help")));
            return None;
        }
    };
    let file = root.join(path);
    if !file.is_file() {
        let full = file.display().to_string();
        let message = if file.exists() {
            tr!("config-logo-not-a-file", path = path, full = full)
        } else {
            tr!("config-logo-missing", path = path, full = full)
        };
        problems.push(err(message, &tr!("config-logo-path-help")));
        return None;
    }
    Some(Logo { path: path.to_owned(), kind, at })
}

/// Byte offset and length of `key = …` at the start of a line, to point at a setting.
fn find_key(text: &str, key: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let lead = line.len() - trimmed.len();
        let bare = trimmed.trim_start_matches('[');
        if bare.starts_with(key) && bare[key.len()..].trim_start().starts_with(['=', ']']) {
            return Some((offset + lead, line.trim_end().len() - lead));
        }
        offset += line.len();
    }
    None
}

/// The offset and length of the line that sets `key` in table `[section]` (`key` empty: of the
/// table's header), if any.
fn find_section_key(text: &str, section: &str, key: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    let mut inside = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let lead = line.len() - trimmed.len();
        if let Some(header) = trimmed.strip_prefix('[') {
            let name: String = header.split(']').next().unwrap_or("").chars().filter(|c| !matches!(c, ' ' | '"' | '\'')).collect();
            inside = name == section;
            if inside && key.is_empty() {
                return Some((offset + lead, line.trim_end().len() - lead));
            }
        } else if inside && !key.is_empty() && trimmed.starts_with(key) && trimmed[key.len()..].trim_start().starts_with('=') {
            return Some((offset + lead, line.trim_end().len() - lead));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = "base_url = \"https://example.org/portal/\"\ntitle = \"T\"\n[issuer]\nname = \"Body\"\n";

    #[test]
    fn parses_defaults() {
        let mut p = Problems::new();
        let c = Config::parse(OK, &mut p).unwrap();
        assert_eq!(c.base_url, "https://example.org/portal");
        assert_eq!(c.languages, vec![Lang::Az]);
        assert_eq!(c.notices.holder_name, HolderName::Initials);
        assert_eq!(c.interviews.appeal_working_days, 3);
    }

    #[test]
    fn unknown_key_names_line_and_nearest() {
        let mut p = Problems::new();
        let text = format!("{OK}[notices]\nholder_nme = \"full\"\n");
        assert!(Config::parse(&text, &mut p).is_none());
        let msg = p.iter().next().unwrap().to_string();
        assert!(msg.starts_with("data/site.toml:6:1: unknown key `holder_nme`"), "{msg}");
        assert!(msg.contains("did you mean `holder_name`?"), "{msg}");
    }

    #[test]
    fn unknown_top_level_key() {
        let mut p = Problems::new();
        assert!(Config::parse(&format!("titel = \"x\"\n{OK}"), &mut p).is_none());
        let msg = p.iter().next().unwrap().to_string();
        assert!(msg.contains(":1:1: unknown key `titel`") && msg.contains("`title`"), "{msg}");
    }

    #[test]
    fn base_url_without_query_fragment_or_user() {
        for bad in ["https://x.org/#f", "https://x.org/?a=1", "https://u:p@x.org", "ftp://x.org", "x.org"] {
            let mut p = Problems::new();
            let text = OK.replace("https://example.org/portal/", bad);
            assert!(Config::parse(&text, &mut p).is_none(), "{bad}");
        }
    }

    #[test]
    fn an_empty_institution_is_an_error_at_its_line() {
        let mut p = Problems::new();
        let text = format!("{OK}[interviews]\ninstitution = \"  \"\ninstitution_en = \"Kur University\"\n");
        assert!(Config::parse(&text, &mut p).is_none());
        let msg = p.iter().next().unwrap().to_string();
        assert!(msg.starts_with("data/site.toml:6:1: [interviews] institution is empty"), "{msg}");
        let mut p = Problems::new();
        let c = Config::parse(&text.replace("\"  \"", "\"Kür Universiteti\""), &mut p).unwrap();
        assert_eq!(c.interviews.institution.as_deref(), Some("Kür Universiteti"));
    }

    #[test]
    fn print_settings_are_optional_known_and_not_empty() {
        let mut p = Problems::new();
        assert!(Config::parse(OK, &mut p).unwrap().print.signatory.is_none());
        let text =
            format!("{OK}[print]\nsignatory = \" Ə. Məmmədov \"\nsignatory_title = \"Direktor\"\nsignatory_title_en = \"Director\"\n");
        let c = Config::parse(&text, &mut p).unwrap();
        assert_eq!(c.print.signatory.as_deref(), Some("Ə. Məmmədov"));
        assert_eq!((c.print.signatory_title.as_deref(), c.print.signatory_title_en.as_deref()), (Some("Direktor"), Some("Director")));

        let mut p = Problems::new();
        assert!(Config::parse(&text.replace("signatory_title =", "signatory_titel ="), &mut p).is_none());
        let msg = p.iter().next().unwrap().to_string();
        assert!(
            msg.starts_with("data/site.toml:7:1: unknown key `signatory_titel`") && msg.contains("did you mean `signatory_title`?"),
            "{msg}"
        );

        let mut p = Problems::new();
        assert!(Config::parse(&text.replace("\" Ə. Məmmədov \"", "\"  \""), &mut p).is_none());
        let msg = p.iter().next().unwrap().to_string();
        assert!(msg.starts_with("data/site.toml:6:1: [print] signatory is empty"), "{msg}");

        let mut p = Problems::new();
        assert!(Config::parse(&text.replace("signatory_title = \"Direktor\"\n", ""), &mut p).is_none());
        let msg = p.iter().next().unwrap().to_string();
        assert!(msg.starts_with("data/site.toml:7:1: [print] signatory_title_en is set without signatory_title"), "{msg}");
    }

    #[test]
    fn sheets_are_named_by_table_and_an_unknown_table_is_an_error() {
        let mut p = Problems::new();
        let text = format!("{OK}[sheets]\ncertificates = \"Reyestr\"\nscores = \"Ballar\"\n");
        let c = Config::parse(&text, &mut p).unwrap();
        assert_eq!(c.sheets.of("data/certificates.csv"), Some("Reyestr"));
        assert_eq!(c.sheets.of("data/interviews/2026-03/scores.csv"), Some("Ballar"));
        assert_eq!(c.sheets.of("data/decisions.csv"), None);
        let mut p = Problems::new();
        assert!(Config::parse(&format!("{OK}[sheets]\ncertificate = \"Reyestr\"\n"), &mut p).is_none());
        let msg = p.iter().next().unwrap().to_string();
        assert!(msg.starts_with("data/site.toml:6:1: unknown key `certificate`") && msg.contains("did you mean `certificates`?"), "{msg}");
        let mut p = Problems::new();
        assert!(Config::parse(&format!("{OK}[sheets]\ndecisions = \" \"\n"), &mut p).is_none());
        let msg = p.iter().next().unwrap().to_string();
        assert!(msg.starts_with("data/site.toml:6:1: [sheets] decisions is empty"), "{msg}");
    }

    #[test]
    fn publish_targets_are_strict() {
        let base = "base_url = \"https://x.example\"\ntitle = \"T\"\n[issuer]\nname = \"I\"\n";
        let mut problems = Problems::default();
        let ok = format!("{base}[publish.web]\nssh = \"web.example:/srv/www\"\nport = 2222\n");
        let config = Config::parse(&ok, &mut problems).expect("parses");
        let web = &config.publish["web"];
        assert_eq!((web.host_path(), web.port, web.max_deletions), (Some(("web.example", "/srv/www")), Some(2222), 1000));

        let typo = format!("{base}[publish.web]\nssh = \"web.example:/srv/www\"\nidentity = \"k\"\n");
        let mut problems = Problems::default();
        assert!(Config::parse(&typo, &mut problems).is_none());
        let text = problems.render(false);
        assert!(text.contains(":7:") && text.contains("identity_file"), "{text}");

        let no_path = format!("{base}[publish.web]\nssh = \"web.example\"\n");
        let mut problems = Problems::default();
        assert!(Config::parse(&no_path, &mut problems).is_none());
        assert!(problems.render(false).contains(":6:"), "{}", problems.render(false));
        assert_eq!(web.destination(), "web.example:/srv/www");

        let bucket = format!("{base}[publish.web]\nssh = \"w:/x\"\n[publish.cdn]\nbucket = \"register-site\"\nprefix = \"/a/b/\"\nendpoint = \"http://127.0.0.1:9000/\"\n");
        let config = Config::parse(&bucket, &mut problems).expect("parses");
        let cdn = &config.publish["cdn"];
        assert_eq!((cdn.prefix(), cdn.region()), ("a/b", "us-east-1"));
        assert_eq!(cdn.destination(), "s3://register-site/a/b (http://127.0.0.1:9000)");
        let plain = format!("{base}[publish.cdn]\nbucket = \"register-site\"\n");
        assert_eq!(Config::parse(&plain, &mut problems).expect("parses").publish["cdn"].destination(), "s3://register-site");

        // Each wrong key of a bucket at its own line, in its own table.
        let wrong = format!(
            "{base}[publish.web]\nssh = \"w:/x\"\nport = 22\n[publish.cdn]\nbucket = \"Register_Site\"\nport = 22\nendpoint = \"ftp://x\"\nregion = \" \"\n[publish.none]\nmax_deletions = 5\n"
        );
        let mut problems = Problems::default();
        assert!(Config::parse(&wrong, &mut problems).is_none());
        let text = problems.render(false);
        for (line, what) in [
            (9, "is not a bucket name"),
            (10, "port is a setting of an ssh target"),
            (11, "is not an http(s) address"),
            (12, "is not a region"),
            (13, "[publish.none] names no host"),
        ] {
            assert!(text.contains(&format!("site.toml:{line}:")) && text.contains(what), "{line} {what}: {text}");
        }
        assert_eq!(problems.error_count(), 5, "{text}");
    }

    #[test]
    fn meaning_errors_all_at_once() {
        let mut p = Problems::new();
        let text = "base_url = \"example.org\"\ntitle = \"\"\nlanguages = [\"az\", \"fr\"]\n";
        assert!(Config::parse(text, &mut p).is_none());
        assert_eq!(p.error_count(), 4, "{p:?}");
        assert!(p.iter().next().unwrap().to_string().starts_with("data/site.toml:1:1: base_url"));
    }
}

//! The pipeline, chained: [`Site::load`] reads and checks everything (load → validate →
//! derive) and renders one page of every kind as a preflight, so a broken template fails
//! before any byte is written; [`Site::build`] then signs, renders and writes (DESIGN §6:
//! every check runs before the first byte is written). `certsite check` is `load` alone.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::Mutex;

use anyhow::{anyhow, Context as _};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use tera::Tera;
use time::Date;

use crate::config::{Config, Interviews, Lang};
use crate::diag::{At, Problem, Problems};
use crate::load::{self, content::Page};
use crate::model::calendar::Calendar;
use crate::model::certificate::Certificates;
use crate::model::code::{Coder, CODE_LEN};
use crate::model::decision::{Decision, Decisions};
use crate::model::interview::{Session, SpecialtyResult};
use crate::model::status::{status_of, Derived, Status};
use crate::model::status_index::StatusIndex;
use crate::render::interviews::{self, SessionView};
use crate::render::pages::{self, CertLink, CertPage, CertView, NoticePage, NoticeView, Renderer};
use crate::render::{assets, i18n, qr, templates};
use crate::sign::credential::{certificate_credential, credential_json, day_start, proof_created, Signer};
use crate::sign::did::{self, DidWeb};
use crate::sign::status_list::{self, Bitstring, Purpose};
use crate::sign::{keys, multibase};
use crate::write::{Fingerprints, Output};

/// The files of one certificate below the output, besides its folder `c/<code>/`.
pub const CERT_FILES: [&str; 3] = ["index.html", "credential.json", "qr.svg"];

/// Where private state lives below the site root (never published, git-ignored).
pub const STATE_DIR: &str = ".certsite";

/// Notices per page of `/notices/` (DESIGN §4; the list paginates past 50).
pub const NOTICES_PER_PAGE: usize = 50;

/// Each certificate's place in the status lists (see [`StatusIndex`]), below `.certsite/`.
pub const STATUS_INDEX: &str = "status-index.csv";

/// Digests of each certificate's inputs at the last build (see [`Fingerprints`]).
pub const FINGERPRINTS: &str = "fingerprints";

/// Public keys ever used to sign, one Multikey per line: the DID document lists them all.
pub const KEYRING: &str = ".certsite/keys.txt";

/// Everything read and checked from a site root.
pub struct Site {
    /// The site root.
    pub root: PathBuf,
    /// Settings.
    pub config: Config,
    /// Certificates.
    pub certificates: Certificates,
    /// Decisions on them.
    pub decisions: Decisions,
    /// Markdown pages.
    pub pages: Vec<Page>,
    /// The working-day calendar.
    pub calendar: Calendar,
    /// Interview sessions with their (checked) results, newest first.
    pub sessions: Vec<(Session, Vec<SpecialtyResult>)>,
    /// Templates.
    pub tera: Tera,
    /// Digest of every template's source.
    pub templates_digest: [u8; 32],
    /// The day statuses and deadlines are computed for.
    pub build_date: Date,
    /// The issuer's DID and where its document goes.
    pub did: DidWeb,
    /// Warnings found while loading (printed, not fatal).
    pub warnings: Problems,
}

/// What `build` needs beyond the site.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The output folder.
    pub out: PathBuf,
    /// The signing key file.
    pub key: PathBuf,
    /// Whether a missing key file may be created (only the default path).
    pub create_key: bool,
    /// Rewrite every file even when unchanged.
    pub force: bool,
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Certificates published.
    pub certificates: usize,
    /// Files written.
    pub written: usize,
    /// Files already right.
    pub unchanged: usize,
    /// Stale files removed.
    pub removed: usize,
    /// Notes for the user (a new key was created, …).
    pub notes: Vec<String>,
}

impl Site {
    /// Reads and checks the whole site root. On failure, every problem (errors and warnings).
    pub fn load(root: &Path, build_date: Date) -> Result<Site, Problems> {
        let mut problems = Problems::new();
        let config = Config::load(root, &mut problems);
        let cert_list = load::certificates::load(root, &mut problems).unwrap_or_default();
        let certificates = Certificates::new(cert_list, &mut problems);
        let decision_rows = load::decisions::load(root, &mut problems);
        let decisions = Decisions::new(decision_rows, &certificates, &mut problems);
        let pages = load::content::load(root, &mut problems);
        let calendar = load::interviews::load_calendar(root, &mut problems);
        let appeal_days = config.as_ref().map_or(Interviews::default().appeal_working_days, |c| c.interviews.appeal_working_days);
        let mut sessions: Vec<(Session, Vec<SpecialtyResult>)> =
            load::interviews::load(root, &calendar, appeal_days, build_date, &mut problems)
                .into_iter()
                .filter_map(|s| s.results().ok().map(|r| (s, r)))
                .collect();
        sessions.sort_by(|a, b| (b.0.interview_on, &b.0.id).cmp(&(a.0.interview_on, &a.0.id)));
        let tera = templates::engine(root, &mut problems);
        let (Some(config), Some((tera, templates_digest))) = (config, tera) else {
            problems.sort();
            return Err(problems);
        };
        let did = did::did_web(&config.url);
        if let Some(page) = pages.iter().find(|p| p.path == "did.json" || p.path == ".well-known") {
            problems.push(Problem::error(format!("{} would overwrite the DID document", page.source)).at(At::file(&page.source)));
        }
        let mut site = Site {
            root: root.to_owned(),
            config,
            certificates,
            decisions,
            pages,
            calendar,
            sessions,
            tera,
            templates_digest,
            build_date,
            did,
            warnings: Problems::new(),
        };
        if !problems.has_errors() {
            site.preflight(&mut problems);
        }
        problems.sort();
        if problems.has_errors() {
            return Err(problems);
        }
        site.warnings = problems;
        Ok(site)
    }

    /// Renders one page of every kind (one certificate per status) and checks that a page URL
    /// fits in a QR code, so that rendering cannot fail halfway through writing.
    fn preflight(&self, problems: &mut Problems) {
        let dummy = "0".repeat(CODE_LEN);
        let url = self.page_url(&dummy);
        let mut results = Vec::new();
        for &lang in &self.config.languages {
            let renderer = self.renderer(lang);
            results.extend([renderer.index(self.home(lang)), renderer.plain("verify.html", "verify/"), renderer.plain("404.html", "")]);
            results.extend(self.pages_for(lang).iter().filter(|p| !p.path.is_empty()).map(|p| renderer.page(p)));
            let mut seen: HashSet<Status> = HashSet::new();
            for i in 0..self.certificates.list.len() {
                let derived = self.status(i);
                if seen.insert(derived.status) {
                    results.push(renderer.certificate(self.cert_page(i, derived, &dummy, &url, |_| dummy.clone(), lang)));
                }
            }
            let notices = self.notice_views(&renderer);
            results.extend(notices.first().map(|n| renderer.notice(n)));
            let sessions = self.session_views(&renderer);
            results.extend(sessions.iter().map(|v| renderer.session(v)));
            results.push(renderer.sessions(&sessions.iter().collect::<Vec<_>>()));
            results.push(renderer.notice_list(&notices.iter().take(NOTICES_PER_PAGE).collect::<Vec<_>>(), 1, 1));
        }
        for r in results {
            if let Err(e) = r {
                problems.push(Problem::error(format!("template error: {e}")).at(At::file(templates::DIR)));
            }
        }
        if let Err(e) = qr::qr_svg(&url) {
            problems.push(
                Problem::error(format!("certificate addresses are too long for a QR code: {e}"))
                    .at(At::file(crate::config::SITE_TOML))
                    .help("use a shorter base_url"),
            );
        }
    }

    /// The published notices (decided on or before the build date), newest first
    /// (DESIGN §3: a notice is published from `decided_on`).
    fn notice_views(&self, renderer: &Renderer<'_>) -> Vec<NoticeView> {
        let published = |d: &Decision| d.decided_on <= self.build_date;
        let mut order: Vec<usize> = (0..self.decisions.list.len()).filter(|&i| published(&self.decisions.list[i])).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&self.decisions.list[a], &self.decisions.list[b]);
            (b.decided_on, b.effective_on, &b.id).cmp(&(a.decided_on, a.effective_on, &a.id))
        });
        order
            .into_iter()
            .map(|i| {
                let d = &self.decisions.list[i];
                renderer.notice_view(NoticePage {
                    decision: d,
                    cert: &self.certificates.list[d.certificate],
                    holder_name: self.config.notices.holder_name,
                    today: self.build_date,
                    lifted_by: self.decisions.lifted_by.get(&i).map(|&j| &self.decisions.list[j]).filter(|r| published(r)),
                    lifts: self.decisions.lifts.get(&i).map(|&j| &self.decisions.list[j]),
                })
            })
            .collect()
    }

    fn session_views(&self, renderer: &Renderer<'_>) -> Vec<SessionView> {
        let days = self.config.interviews.appeal_working_days;
        self.sessions.iter().map(|(s, r)| renderer.session_view(s, r, &self.calendar, days, self.build_date)).collect()
    }

    /// The pages of a language: its translation of each page (`about.en.md`), else the
    /// default language's text, so every mirror has every page.
    fn pages_for(&self, lang: Lang) -> Vec<&Page> {
        let default = self.config.default_lang();
        let is_default = |p: &Page| p.lang.is_none_or(|l| l == default);
        let mut pages: Vec<&Page> = self.pages.iter().filter(|p| is_default(p)).collect();
        if lang != default {
            for page in pages.iter_mut() {
                if let Some(t) = self.pages.iter().find(|t| t.path == page.path && t.lang == Some(lang)) {
                    *page = t;
                }
            }
        }
        pages
    }

    fn home(&self, lang: Lang) -> Option<&Page> {
        self.pages_for(lang).into_iter().find(|p| p.path.is_empty())
    }

    fn renderer(&self, lang: Lang) -> Renderer<'_> {
        Renderer::new(&self.tera, &self.config, &self.pages_for(lang), self.did.document_path, lang)
    }

    /// The output folder of a language's pages: "" or "en/".
    fn lang_dir(&self, lang: Lang) -> String {
        let prefix = self.config.lang_prefix(lang);
        if prefix.is_empty() {
            prefix
        } else {
            format!("{}/", &prefix[1..])
        }
    }

    /// The status of certificate `i` on the build date.
    pub fn status(&self, i: usize) -> Derived {
        status_of(i, &self.certificates, &self.decisions, self.build_date)
    }

    /// The public URL of the page with `code`: exactly what the QR code holds.
    pub fn page_url(&self, code: &str) -> String {
        format!("{}/c/{code}/", self.config.base_url)
    }

    fn cert_page<'a>(
        &'a self,
        i: usize,
        derived: Derived,
        code: &'a str,
        url: &'a str,
        code_of: impl Fn(&str) -> String,
        lang: Lang,
    ) -> CertPage<'a> {
        let cert = &self.certificates.list[i];
        let prefix = self.config.lang_prefix(lang);
        let link = |j: usize| {
            let number = &self.certificates.list[j].number;
            CertLink { number: number.clone(), url: format!("{}{prefix}/c/{}/", self.config.base_url, code_of(number)) }
        };
        CertPage {
            cert,
            derived,
            decision: derived.decision.map(|d| &self.decisions.list[d]),
            code,
            url,
            replaces: cert.replaces.as_ref().and_then(|r| self.certificates.by_number.get(r)).map(|&j| link(j)),
            superseded_by: derived.superseded_by.map(link),
        }
    }

    /// Signs, renders and writes the site. Secrets are read (or created) first; then the DID
    /// document, the certificates (in parallel), the other pages, the status lists last of
    /// the published files, and stale files are removed at the very end (DESIGN §6).
    pub fn build(&self, options: &BuildOptions) -> anyhow::Result<BuildReport> {
        let mut report = BuildReport::default();
        keys::check_key_outside(&options.key, &options.out)?;
        let state = self.root.join(STATE_DIR);
        let (signer, secret) = self.secrets(options, &mut report.notes)?;
        let keyring = update_keyring(&self.root.join(KEYRING), &signer.verifying_key())?;
        let out = Output::new(&options.out, options.force).with_context(|| format!("output {}", options.out.display()))?;
        let print = Output::new(&state.join("print"), options.force)?;

        let coder = Coder::new(&secret);
        let codes: Vec<String> = self.certificates.list.par_iter().map(|c| coder.code(&c.number)).collect();
        let status_index = self.status_index(&state.join(STATUS_INDEX), &secret)?;
        let statuses: Vec<Derived> = (0..self.certificates.list.len()).into_par_iter().map(|i| self.status(i)).collect();
        let renderers: Vec<(Lang, Renderer<'_>)> = self.config.languages.iter().map(|&l| (l, self.renderer(l))).collect();
        let fingerprints_path = state.join(FINGERPRINTS);
        let previous = if options.force { Fingerprints::default() } else { Fingerprints::load(&fingerprints_path, out.root()) };
        let certs = Certs { codes: &codes, statuses: &statuses, status_index: &status_index, signer: &signer, renderers: &renderers };

        // Everything is rendered before the first byte is written (DESIGN §6): the pages of
        // changed certificates once, to find errors, and every other file into a plan.
        let (digests, todo) = self.check_certificates(&certs, &previous, &out, &print)?;
        let mut files = SiteFiles::default();
        for (lang, renderer) in &renderers {
            self.plan_pages(*lang, renderer, &mut files)?;
        }
        self.plan_site_files(&renderers[0].1, &mut files)?;
        self.plan_status_lists(&certs, &mut files);

        // Writing. The record of the last build goes first: if this build is interrupted, the
        // next one compares every file instead of trusting it.
        match std::fs::remove_file(&fingerprints_path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e).with_context(|| fingerprints_path.display().to_string()),
            _ => {}
        }
        // The DID document first: credentials signed with a new key must find it.
        out.put(self.did.document_path, &json_bytes(&serde_json::Value::Object(did::document(&self.did.did, &keyring))))?;
        self.write_certificates(&certs, &todo, &out, &print)?;
        self.write_print_list(&codes, &print)?;
        // Pages, then the status lists last: they may only flag certificates whose credentials
        // are out.
        for (path, bytes) in &files.plan {
            out.put(path, bytes).with_context(|| format!("writing {path}"))?;
        }
        files.kept.insert(self.did.document_path.to_owned());

        // Stale files last.
        let code_set: HashSet<&str> = codes.iter().map(String::as_str).collect();
        let mirrors: Vec<String> = self.config.languages[1..].iter().map(|&l| format!("{}c/", self.lang_dir(l))).collect();
        out.remove_stale(|rel| {
            if let Some((code, file)) = rel.strip_prefix("c/").and_then(|rest| rest.split_once('/')) {
                return code_set.contains(code) && CERT_FILES.contains(&file);
            }
            let mirror = mirrors.iter().find_map(|m| rel.strip_prefix(m.as_str())).and_then(|rest| rest.split_once('/'));
            match mirror {
                Some((code, file)) => code_set.contains(code) && file == "index.html",
                None => files.kept.contains(rel),
            }
        })?;
        let stems: HashSet<String> = self.certificates.list.iter().map(|c| format!("qr/{}.svg", c.file_stem())).collect();
        print.remove_stale(|rel| rel == "certificates.csv" || stems.contains(rel))?;

        Fingerprints::save(&fingerprints_path, out.root(), codes.iter().map(String::as_str).zip(&digests))
            .with_context(|| fingerprints_path.display().to_string())?;
        report.certificates = self.certificates.list.len();
        for stats in [&out.stats, &print.stats] {
            report.written += stats.written.load(Ordering::Relaxed);
            report.unchanged += stats.unchanged.load(Ordering::Relaxed);
            report.removed += stats.removed.load(Ordering::Relaxed);
        }
        Ok(report)
    }

    /// The signer and the url secret, each created on first use with a loud note.
    fn secrets(&self, options: &BuildOptions, notes: &mut Vec<String>) -> anyhow::Result<(Signer, Vec<u8>)> {
        let (key, created) =
            keys::load_or_create_key(&options.key, options.create_key).with_context(|| format!("signing key {}", options.key.display()))?;
        if created {
            notes.push(format!(
                "created a new signing key at {}: BACK IT UP and keep it secret. Losing it means re-signing every certificate with a new key; leaking it lets anyone forge certificates.",
                options.key.display()
            ));
        }
        let (secret, created) = keys::load_or_create_url_secret(&self.root.join(keys::URL_SECRET))?;
        if created {
            notes.push(format!(
                "created {}: certificate addresses derive from it; back it up with the key (a new secret changes every address and every printed QR code)",
                keys::URL_SECRET
            ));
        }
        Ok((Signer::new(self.did.did.clone(), self.config.issuer.name.clone(), key), secret))
    }

    /// The views of certificate `i` in every language, with the language's folder ("", "en/").
    fn cert_views<'a>(
        &'a self,
        c: &'a Certs<'a>,
        i: usize,
        url: &'a str,
        code_of: &impl Fn(&str) -> String,
    ) -> Vec<(String, CertView<'a>)> {
        c.renderers
            .iter()
            .map(|(lang, r)| (self.lang_dir(*lang), r.certificate_view(self.cert_page(i, c.statuses[i], &c.codes[i], url, code_of, *lang))))
            .collect()
    }

    fn code_of<'a>(&'a self, codes: &'a [String]) -> impl Fn(&str) -> String + Sync + 'a {
        move |number: &str| self.certificates.by_number.get(number).map(|&j| codes[j].clone()).unwrap_or_default()
    }

    /// Before anything is written: each certificate's digest (its pages' views, its credential
    /// and the shared inputs), whether it must be written (digest new, or a file missing), and
    /// a trial rendering of the pages of those that must, so that a template error on any
    /// certificate stops the build before the first byte.
    fn check_certificates(
        &self,
        c: &Certs<'_>,
        previous: &Fingerprints,
        out: &Output,
        print: &Output,
    ) -> anyhow::Result<(Vec<[u8; 16]>, Vec<bool>)> {
        let code_of = self.code_of(c.codes);
        let shared = {
            let mut h = Sha256::new();
            h.update(concat!(env!("CARGO_PKG_NAME"), " ", env!("CARGO_PKG_VERSION")));
            for (_, renderer) in c.renderers {
                h.update(renderer.fingerprint(&self.templates_digest));
            }
            h.update(&c.signer.verification_method);
            h.update(multibase::encode_public_key(&c.signer.verifying_key()));
            h
        };
        let failures = Mutex::new(Vec::new());
        let checked: Vec<([u8; 16], bool)> = self
            .certificates
            .list
            .par_iter()
            .enumerate()
            .map_init(
                || c.renderers.iter().map(|(_, r)| r.context()).collect::<Vec<_>>(),
                |contexts, (i, cert)| {
                    let code = &c.codes[i];
                    let url = self.page_url(code);
                    let dir = format!("c/{code}");
                    let print_qr = format!("qr/{}.svg", cert.file_stem());
                    let views = self.cert_views(c, i, &url, &code_of);
                    let index = c.status_index.get(&cert.number).expect("every certificate has a status index");
                    let mut h = shared.clone();
                    for (_, view) in &views {
                        h.update(serde_json::to_vec(view).unwrap_or_default());
                    }
                    h.update(
                        serde_json::to_vec(&certificate_credential(cert, &url, c.signer, &self.config.base_url, index)).unwrap_or_default(),
                    );
                    h.update(proof_created(cert, self.build_date));
                    h.update(&print_qr);
                    let digest: [u8; 16] = h.finalize()[..16].try_into().expect("SHA-256 has 32 bytes");
                    let on_disk = || {
                        CERT_FILES.iter().all(|f| out.root().join(&dir).join(f).is_file())
                            && views[1..].iter().all(|(lang_dir, _)| out.root().join(format!("{lang_dir}{dir}/index.html")).is_file())
                            && print.root().join(&print_qr).is_file()
                    };
                    if previous.get(code) == Some(&digest) && on_disk() {
                        return (digest, false);
                    }
                    for (((_, view), (_, renderer)), context) in views.iter().zip(c.renderers).zip(contexts.iter_mut()) {
                        if let Err(e) = renderer.certificate_page_in(context, view) {
                            failures.lock().unwrap_or_else(|p| p.into_inner()).push(format!("{}: {e}", cert.at()));
                        }
                    }
                    (digest, true)
                },
            )
            .collect();
        let failures = failures.into_inner().unwrap_or_default();
        if !failures.is_empty() {
            return Err(anyhow!("{} certificate pages failed to render; nothing was written:\n{}", failures.len(), failures.join("\n")));
        }
        Ok(checked.into_iter().unzip())
    }

    /// The page in every language, credential and QR code (and the QR code for print) of each
    /// certificate marked in `todo`, in parallel; the others are counted as unchanged.
    fn write_certificates(&self, c: &Certs<'_>, todo: &[bool], out: &Output, print: &Output) -> anyhow::Result<()> {
        let code_of = self.code_of(c.codes);
        let contexts = || c.renderers.iter().map(|(_, r)| r.context()).collect::<Vec<_>>();
        self.certificates.list.par_iter().enumerate().try_for_each_init(contexts, |contexts, (i, cert)| -> anyhow::Result<()> {
            if !todo[i] {
                out.skip(CERT_FILES.len() + c.renderers.len() - 1);
                print.skip(1);
                return Ok(());
            }
            let code = &c.codes[i];
            let url = self.page_url(code);
            let dir = format!("c/{code}");
            for (((lang_dir, view), (_, renderer)), context) in
                self.cert_views(c, i, &url, &code_of).iter().zip(c.renderers).zip(contexts.iter_mut())
            {
                let page = renderer.certificate_page_in(context, view).map_err(|e| anyhow!("{}: {e}", cert.at()))?;
                out.put(&format!("{lang_dir}{dir}/index.html"), &page)?;
            }
            let index = c.status_index.get(&cert.number).expect("every certificate has a status index");
            let credential = certificate_credential(cert, &url, c.signer, &self.config.base_url, index);
            out.put(&format!("{dir}/credential.json"), &credential_json(credential, c.signer, &proof_created(cert, self.build_date)))?;
            let svg = qr::qr_svg(&url).map_err(|e| anyhow!("{}: QR code: {e}", cert.at()))?;
            out.put(&format!("{dir}/qr.svg"), svg.as_bytes())?;
            print.put(&format!("qr/{}.svg", cert.file_stem()), svg.as_bytes())?;
            Ok(())
        })
    }

    /// `.certsite/print/certificates.csv` for the printing office (DESIGN §4).
    fn write_print_list(&self, codes: &[String], print: &Output) -> anyhow::Result<()> {
        let mut csv = String::from("number,code,url\n");
        for (cert, code) in self.certificates.list.iter().zip(codes) {
            csv.push_str(&format!("{},{code},{}\n", csv_field(&cert.number), csv_field(&self.page_url(code))));
        }
        print.put("certificates.csv", csv.as_bytes())?;
        Ok(())
    }

    /// A language's pages (at `/` for the default language, `/en/` for English): content
    /// pages, /verify/, notices, interviews and the home page.
    fn plan_pages(&self, lang: Lang, renderer: &Renderer<'_>, files: &mut SiteFiles) -> anyhow::Result<()> {
        let html = |r: Result<Vec<u8>, String>| r.map_err(|e| anyhow!(e));
        let dir = self.lang_dir(lang);
        files.put(format!("assets/words.{}.json", lang.code()), &json_bytes(&i18n::check_words(lang)));
        for page in self.pages_for(lang).iter().filter(|p| !p.path.is_empty()) {
            files.put(format!("{dir}{}/index.html", page.path), &html(renderer.page(page))?);
        }
        files.put(format!("{dir}verify/index.html"), &html(renderer.plain("verify.html", "verify/"))?);

        // Notices (DESIGN §4), newest first, 50 to a page, and the Atom feed.
        let notices = self.notice_views(renderer);
        for n in &notices {
            files.put(format!("{dir}notices/{}/index.html", n.id()), &html(renderer.notice(n))?);
        }
        let refs: Vec<&NoticeView> = notices.iter().collect();
        let chunks: Vec<&[&NoticeView]> = if refs.is_empty() { vec![&[][..]] } else { refs.chunks(NOTICES_PER_PAGE).collect() };
        for (n, chunk) in chunks.iter().enumerate() {
            let path = if n == 0 { format!("{dir}notices/index.html") } else { format!("{dir}notices/page/{}/index.html", n + 1) };
            files.put(path, &html(renderer.notice_list(chunk, n + 1, chunks.len()))?);
        }

        // Interview sessions: the page; the open data (language-neutral) once, at the default.
        let sessions = self.session_views(renderer);
        for view in &sessions {
            files.put(format!("{dir}interviews/{}/index.html", view.id()), &html(renderer.session(view))?);
            if view.results_published() && dir.is_empty() {
                files.put(format!("interviews/{}/results.json", view.id()), &json_bytes(&interviews::results_json(view)));
                files.put(format!("interviews/{}/results.csv", view.id()), &interviews::results_csv(view));
            }
        }
        files.put(format!("{dir}interviews/index.html"), &html(renderer.sessions(&sessions.iter().collect::<Vec<_>>()))?);
        files.put(format!("{dir}index.html"), &html(renderer.index(self.home(lang)))?);
        Ok(())
    }

    /// The files the languages share: assets, 404, the Atom feed (from the default
    /// language's notices), robots.txt and the sitemap of every language's pages.
    fn plan_site_files(&self, renderer: &Renderer<'_>, files: &mut SiteFiles) -> anyhow::Result<()> {
        for (path, bytes) in assets::ASSETS {
            files.put(*path, bytes);
        }
        files.put("404.html", &renderer.plain("404.html", "").map_err(|e| anyhow!(e))?);
        let notices = self.notice_views(renderer);
        let refs: Vec<&NoticeView> = notices.iter().collect();
        let updated = self.decisions.list.iter().map(|d| d.decided_on).filter(|d| *d <= self.build_date).max().unwrap_or(self.build_date);
        files.put("notices/atom.xml", &pages::atom(&self.config.base_url, &self.config.title, &refs, updated));
        let sessions = self.session_views(renderer);
        let mut listed = Vec::new();
        for &lang in &self.config.languages {
            let dir = self.lang_dir(lang);
            listed.push(dir.clone());
            listed.extend(["verify/", "notices/", "interviews/"].map(|p| format!("{dir}{p}")));
            listed.extend(self.pages_for(lang).iter().filter(|p| !p.path.is_empty()).map(|p| format!("{dir}{}/", p.path)));
            listed.extend(sessions.iter().map(|v| format!("{dir}interviews/{}/", v.id())));
            listed.extend(notices.iter().map(|n| format!("{dir}notices/{}/", n.id())));
        }
        let base_path = self.config.url.path().trim_end_matches('/');
        let private: Vec<String> = self.config.languages.iter().map(|&l| format!("{base_path}/{}c/", self.lang_dir(l))).collect();
        files.put("robots.txt", &pages::robots(&self.config.base_url, &private));
        files.put("sitemap.xml", &pages::sitemap(&self.config.base_url, &listed));
        Ok(())
    }

    /// The two signed status lists (DESIGN §5), written after the pages: they may only flag
    /// certificates whose credentials are out.
    fn plan_status_lists(&self, c: &Certs<'_>, files: &mut SiteFiles) {
        for purpose in Purpose::ALL {
            let mut bits = Bitstring::new(c.status_index.len());
            for (i, cert) in self.certificates.list.iter().enumerate() {
                let flagged = match purpose {
                    Purpose::Revocation => c.statuses[i].status == Status::Revoked,
                    Purpose::Suspension => c.statuses[i].status == Status::Suspended,
                };
                if flagged {
                    bits.set(c.status_index.get(&cert.number).expect("assigned before writing") as usize);
                }
            }
            let url = format!("{}/{}", self.config.base_url, purpose.path());
            let date = day_start(self.build_date);
            let list = c.signer.sign(status_list::list_credential(&url, purpose, &bits, &self.did.did, &date), &date);
            files.put(purpose.path(), &json_bytes(&serde_json::Value::Object(list)));
        }
    }
}

/// What writing the certificates needs, computed once per build.
struct Certs<'a> {
    codes: &'a [String],
    statuses: &'a [Derived],
    status_index: &'a StatusIndex,
    signer: &'a Signer,
    /// One renderer per language, the default first.
    renderers: &'a [(Lang, Renderer<'a>)],
}

/// The site's files other than the certificates', rendered before anything is written and
/// remembered, so that stale-file removal keeps exactly them.
#[derive(Default)]
struct SiteFiles {
    plan: Vec<(String, Vec<u8>)>,
    kept: HashSet<String>,
}

impl SiteFiles {
    fn put(&mut self, rel: impl Into<String>, bytes: &[u8]) {
        let rel = rel.into();
        self.kept.insert(rel.clone());
        self.plan.push((rel, bytes.to_vec()));
    }
}

impl Site {
    /// Loads the status list indexes, gives new certificates theirs and saves the file.
    fn status_index(&self, path: &Path, secret: &[u8]) -> anyhow::Result<StatusIndex> {
        let mut index = match std::fs::read_to_string(path) {
            Ok(text) => StatusIndex::parse(&text).map_err(|e| anyhow!("{}: {e}", path.display()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => StatusIndex::default(),
            Err(e) => return Err(e).with_context(|| path.display().to_string()),
        };
        index.assign(self.certificates.list.iter().map(|c| c.number.as_str()), secret);
        if index.changed() {
            let temp = path.with_extension("certsite-tmp");
            std::fs::write(&temp, index.to_text())
                .and_then(|()| std::fs::rename(&temp, path))
                .with_context(|| path.display().to_string())?;
        }
        Ok(index)
    }
}

/// Reads the keyring, adds `current` if it is new, and returns the keys with the current one
/// first (the DID document lists current and retired keys, DESIGN §4).
fn update_keyring(path: &Path, current: &ed25519_dalek::VerifyingKey) -> anyhow::Result<Vec<ed25519_dalek::VerifyingKey>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e).with_context(|| path.display().to_string()),
    };
    let mut retired = Vec::new();
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let key = multibase::decode_public_key(line.trim()).map_err(|e| anyhow!("{}:{}: {e}", path.display(), n + 1))?;
        if key != *current && !retired.contains(&key) {
            retired.push(key);
        }
    }
    let current_line = multibase::encode_public_key(current);
    if !text.lines().any(|l| l.trim() == current_line) {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut new_text = text.clone();
        if !new_text.is_empty() && !new_text.ends_with('\n') {
            new_text.push('\n');
        }
        new_text.push_str(&current_line);
        new_text.push('\n');
        std::fs::write(path, new_text).with_context(|| path.display().to_string())?;
    }
    let mut all = vec![*current];
    all.extend(retired);
    Ok(all)
}

/// Pretty JSON with a final newline.
pub fn json_bytes(value: &serde_json::Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// Quotes a CSV field when needed (RFC 4180).
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

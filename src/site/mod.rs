//! The pipeline, chained (DESIGN §6). [`Site::load`] reads and checks everything (load →
//! validate → derive) and renders one page of every kind as a preflight, so that a broken
//! template fails before anything is written. `certsite check` is `load`, then
//! [`Site::public_update`] read only: what a build would change for the public.
//! [`Site::build`] then runs the build's stages:
//!
//! 1. **state**: secrets, key ring and status list indexes from `.certsite/` ([`crate::state`]);
//!    the manifest of the output's last build (and the journal a killed build left);
//! 2. **plan**: every file other than a certificate's, rendered in memory ([`plan`]);
//! 3. **sign** and **render**: the certificates whose inputs changed since the last build, signed
//!    and rendered once each, their changed files staged ([`certs`]);
//! 4. **write**: the journal, then every staged file installed (the DID document first,
//!    certificates, pages, indexes and status lists last), stale files removed, the new manifest
//!    saved ([`crate::write`]).
//!
//! A build that fails before step 4 leaves the output byte-identical; one killed during step 4
//! leaves whole files only, and the next build finishes its work.

pub mod certs;
pub mod plan;
pub mod untranslated;

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::Arc;

use anyhow::Context as _;
use ed25519_dalek::VerifyingKey;
use rayon::prelude::*;
use time::Date;

use crate::config::{Config, Lang};
use crate::diag::{At, Problem, Problems};
use crate::load::{self, content::Page};
use crate::model::calendar::Calendar;
use crate::model::certificate::Certificates;
use crate::model::code::{Code, Coder};
use crate::model::decision::{Decision, Decisions};
use crate::model::interview::{Session, SpecialtyResult};
use crate::model::status::{status_of, Derived, Status};
use crate::model::status_index::StatusIndex;
use crate::progress::Progress;
use crate::render::interviews::SessionView;
use crate::render::pages::Renderer;
use crate::render::qr;
use crate::render::templates::{self, Templates};
use crate::render::views::{NoticePage, NoticeView};
use crate::routes::Routes;
use crate::sign::credential::Signer;
use crate::sign::did::{self, DidWeb};
use crate::state::keys;
use crate::state::manifest::{Journal, Layout, Manifest};
use crate::state::State;
use crate::write::Output;

use certs::{CertInputs, Certs};
use plan::Plan;

/// Notices per page of `/notices/` (DESIGN §4; the list paginates past 50).
pub const NOTICES_PER_PAGE: usize = 50;

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
    pub templates: Arc<Templates>,
    /// The day statuses and deadlines are computed for.
    pub build_date: Date,
    /// The issuer's DID and where its document goes.
    pub did: DidWeb,
    /// Every path and address of the site.
    pub routes: Routes,
    /// Warnings found while loading (printed, not fatal).
    pub warnings: Problems,
    /// The certificates' page codes, when the site had its url secret already, checked to be
    /// unique (a build reuses them when the secret is still the same).
    codes: Option<PageCodes>,
}

/// The page code of every certificate, in list order, under one url secret.
struct PageCodes {
    secret: Vec<u8>,
    codes: Vec<Code>,
}

/// What `build` needs beyond the site, checked once when made ([`BuildOptions::new`],
/// [`BuildOptions::preview`]): the output cannot hold the site's own files, and the signing key
/// is never inside the output (DESIGN §2).
#[derive(Debug, Clone)]
pub struct BuildOptions {
    out: PathBuf,
    key: PathBuf,
    create_key: bool,
    force: bool,
    /// The state the build reads and writes: the site's `.certsite/`, or the throwaway one of
    /// a preview ([`State::preview`]).
    state: State,
    /// The url secret may be made when missing.
    create_secret: bool,
    /// Signed with a throwaway key and url secret (a preview of a site that has none yet).
    throwaway: bool,
}

/// Why [`BuildOptions::new`] refused a build: a usage error, found before anything is read.
#[derive(Debug)]
pub enum OptionsError {
    /// The output would overwrite or delete the site's own files.
    Output(String),
    /// The signing key is inside the output: it would be published.
    Key(keys::SecretError),
}

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptionsError::Output(why) => f.write_str(&tr!("site-bad-output", why = why)),
            OptionsError::Key(why) => f.write_str(&tr!("site-key-in-output", why = why.to_string(), default = crate::state::DEFAULT_KEY)),
        }
    }
}

impl std::error::Error for OptionsError {}

impl BuildOptions {
    /// The options of a build of the site at `root` into `out` (see [`BuildOptions`]), with
    /// the signing key at `key` (`create_key`: it may be made when missing, only at the
    /// default path); `force` rewrites every file and removes every file the build does not
    /// write (`--clean`).
    pub fn new(root: &Path, out: PathBuf, key: PathBuf, create_key: bool, force: bool) -> Result<BuildOptions, OptionsError> {
        crate::write::check_output_location(root, &out).map_err(OptionsError::Output)?;
        keys::check_key_outside(&key, &out).map_err(OptionsError::Key)?;
        Ok(BuildOptions { out, key, create_key, force, state: State::new(root), create_secret: true, throwaway: false })
    }

    /// The options of a build of the preview (`certsite serve`) of the site at `root`, whose
    /// signing key is at `key` (`$CERTSITE_KEY` or the default). When the site has that key
    /// and its url secret ([`State::has_secrets`]), into the preview's folder
    /// ([`State::serve_dir`]) with them, never making either. Else a throwaway preview: into the
    /// folder of the throwaway state ([`State::preview`]), signed with a key and url secret made
    /// there (mode 0600, outside that output), with the key ring, status indexes and manifest
    /// kept there too; nothing of the site's own state is made or changed, so that only
    /// `certsite build` makes the site's secrets, and its first build is as if no preview had
    /// run.
    pub fn preview(root: &Path, key: PathBuf) -> Result<BuildOptions, OptionsError> {
        let site = State::new(root);
        let (state, key, throwaway) = if site.has_secrets(&key) {
            (site, key, false)
        } else {
            let preview = site.preview();
            let key = preview.default_key();
            (preview, key, true)
        };
        let out = state.serve_dir();
        crate::write::check_output_location(root, &out).map_err(OptionsError::Output)?;
        keys::check_key_outside(&key, &out).map_err(OptionsError::Key)?;
        Ok(BuildOptions { out, key, create_key: throwaway, force: false, state, create_secret: throwaway, throwaway })
    }

    /// The output folder.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// Whether the build signs with a throwaway key and url secret ([`BuildOptions::preview`]).
    pub fn throwaway(&self) -> bool {
        self.throwaway
    }
}

/// What a build did.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Certificates published.
    pub certificates: usize,
    /// Certificates whose inputs changed (signed and rendered).
    pub changed: usize,
    /// Files written (new or changed).
    pub written: usize,
    /// Files already right.
    pub unchanged: usize,
    /// Stale files removed.
    pub removed: usize,
    /// Notes for the user (a new key was created, …).
    pub notes: Vec<String>,
    /// What changed for the public since the last build into the same output.
    pub public: crate::state::public::Changes,
}

impl Site {
    /// Reads and checks the whole site root. On failure, every problem (errors and warnings).
    pub fn load(root: &Path, build_date: Date) -> Result<Site, Problems> {
        let mut problems = Problems::new();
        let config = Config::load(root, &mut problems);
        // Which sheet of each workbook to read (the first, when site.toml did not load).
        let sheets = config.as_ref().map(|c| c.sheets.clone()).unwrap_or_default();
        let (certificates, codes) = {
            // The file's text is kept until the page codes are checked (an error points at a
            // number's cell), then dropped.
            let file = load::certificates::read(root, &sheets, &mut problems);
            let certificates = load::certificates::register_of(root, file.as_ref(), &mut problems);
            let codes = page_codes(root, &certificates, file.as_ref(), &mut problems);
            (certificates, codes)
        };
        let decision_rows = load::decisions::load(root, &sheets, &mut problems);
        let decisions = Decisions::new(decision_rows, &certificates, &mut problems);
        let pages = load::content::load(root, &mut problems);
        let calendar = load::interviews::load_calendar(root, &sheets, &mut problems);
        let mut sessions: Vec<(Session, Vec<SpecialtyResult>)> =
            load::interviews::load(root, &calendar, config.as_ref().map(|c| &c.interviews), &sheets, build_date, &mut problems)
                .into_iter()
                .filter_map(|s| s.results().ok().map(|r| (s, r)))
                .collect();
        sessions.sort_by(|a, b| (b.0.interview_on, &b.0.id).cmp(&(a.0.interview_on, &a.0.id)));
        let templates = templates::engine(root, &mut problems);
        let (Some(config), Some(templates)) = (config, templates) else {
            problems.sort();
            return Err(problems);
        };
        let did = did::did_web(&config.url);
        let routes = Routes::new(&config, did.document_path);
        if let Some(page) = pages.iter().find(|p| p.path == "did.json" || p.path == ".well-known") {
            problems.push(Problem::error(tr!("site-page-over-did", page = &page.source)).at(At::file(&page.source)));
        }
        // A university's page is headed by the university: site.toml must name one.
        if config.interviews.institution.is_none() {
            for page in pages.iter().filter(|p| p.organisation == load::content::Organisation::University && p.organisation_given) {
                problems.push(
                    Problem::error(tr!("content-university-unnamed", path = &page.source, settings = crate::config::SITE_TOML))
                        .at(At::file(&page.source))
                        .help(tr!("content-university-unnamed-help", settings = crate::config::SITE_TOML)),
                );
            }
        }
        // A suspension or revocation notice tells the holder where to object (agreement
        // §4 A¶17): without an email, phone or address it can only name the body.
        let objectable = decisions.list.iter().any(|d| d.action != crate::model::decision::Action::Reinstate);
        if objectable && !config.issuer.has_contact() {
            problems
                .push(Problem::warning(tr!("site-no-contact")).at(At::file(crate::config::SITE_TOML)).help(tr!("site-no-contact-help")));
        }
        // A session's results page tells candidates where to appeal (rule 2.17): without the
        // university's email, phone or address it can only send them to the admissions committee.
        if !sessions.is_empty() && !config.interviews.has_contact() {
            problems.push(
                Problem::warning(tr!("interviews-no-contact"))
                    .at(At::file(crate::config::SITE_TOML))
                    .help(tr!("interviews-no-contact-help", days = config.interviews.appeal_working_days)),
            );
        }
        let mut site = Site {
            root: root.to_owned(),
            config,
            certificates,
            decisions,
            pages,
            calendar,
            sessions,
            templates: Arc::new(templates),
            build_date,
            did,
            routes,
            warnings: Problems::new(),
            codes,
        };
        if !problems.has_errors() {
            site.preflight(&mut problems);
        }
        problems.sort();
        // What the English pages will show in Azerbaijani, once the data is sound: warnings,
        // after the others, together, one per kind.
        if !problems.has_errors() {
            problems.extend(untranslated::warnings(&site.untranslated()));
        }
        if problems.has_errors() {
            return Err(problems);
        }
        site.warnings = problems;
        Ok(site)
    }

    /// Renders one page of every kind (one certificate per status, through the same
    /// [`CertInputs`] a build uses) and checks that a page URL fits in a QR code, so that
    /// rendering cannot fail halfway through a build.
    fn preflight(&self, problems: &mut Problems) {
        let dummy = Code::parse("000000000000").expect("a valid code");
        if let Err(e) = qr::qr_svg(&self.routes.cert_url(dummy)) {
            problems.push(
                Problem::error(tr!("site-url-too-long", why = e.to_string()))
                    .at(At::file(crate::config::SITE_TOML))
                    .help(tr!("site-url-too-long-help")),
            );
            return;
        }
        // The templates as written (a build folds each language's constants into them, to the
        // same bytes); folding them here would cost a check more than it checks.
        let renderers: Vec<Renderer> = self.renderers().into_iter().map(Renderer::unfolded).collect();
        for (_, page) in self.one_of_each(&renderers) {
            if let Err(e) = page {
                problems.push(Problem::error(tr!("config-template-error", error = e.to_string())).at(At::file(templates::DIR)));
            }
        }
    }

    /// One page of every kind in each language of `renderers`, named: a certificate per
    /// status, the home page, /verify/, 404, each content page, a notice, each session and
    /// the lists.
    fn one_of_each(&self, renderers: &[Renderer]) -> Vec<(String, Result<Vec<u8>, String>)> {
        let dummy = Code::parse("000000000000").expect("a valid code");
        let url = self.routes.cert_url(dummy);
        let qr = qr::qr_svg(&url).unwrap_or_default();
        let mut pages = Vec::new();
        let mut seen: HashSet<Status> = HashSet::new();
        for i in 0..self.certificates.list.len() {
            let derived = self.status(i);
            if seen.insert(derived.status) {
                let link = |j: usize| (self.certificates.list[j].number.as_str(), dummy);
                let inputs = CertInputs::new(self, i, derived, dummy, 0, link);
                for (renderer, view) in renderers.iter().zip(inputs.views(self, renderers, &url, &qr)) {
                    pages.push((
                        format!("{} certificate {}", renderer.lang.code(), derived.status.code()),
                        renderer.certificate_page(&view),
                    ));
                }
            }
        }
        for renderer in renderers {
            let lang = renderer.lang;
            let name = |what: &str| format!("{} {what}", lang.code());
            pages.push((name("verify"), renderer.plain("verify.html", crate::routes::Page::Verify)));
            pages.push((name("scan"), renderer.plain("scan.html", crate::routes::Page::Scan)));
            pages.push((name("404"), renderer.not_found(&renderers.iter().collect::<Vec<_>>())));
            for p in self.pages_for(lang).iter().filter(|p| !p.path.is_empty()) {
                pages.push((name(&p.path), renderer.page(p)));
            }
            let notices = self.notice_views(renderer);
            pages.extend(notices.first().map(|n| (name("notice"), renderer.notice(n))));
            let sessions = self.session_views(renderer);
            pages.extend(sessions.iter().map(|v| (name(v.id()), renderer.session(v))));
            pages.push((name("sessions"), renderer.sessions(&sessions.iter().collect::<Vec<_>>())));
            pages.push((name("notices"), renderer.notice_list(&notices.iter().take(NOTICES_PER_PAGE).collect::<Vec<_>>(), 1, 1)));
            pages.push((name("home"), renderer.index(self.home(lang), &sessions, &notices)));
        }
        pages
    }

    /// The published notices (decided on or before the build date), newest first
    /// (DESIGN §3: a notice is published from `decided_on`), with what each needs besides its
    /// decision.
    fn notices(&self) -> Vec<NoticePage<'_>> {
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
                NoticePage {
                    decision: d,
                    cert: &self.certificates.list[d.certificate],
                    holder_name: self.config.notices.holder_name,
                    today: self.build_date,
                    lifted_by: self.decisions.lifted_by.get(&i).map(|&j| &self.decisions.list[j]).filter(|r| published(r)),
                    lifts: self.decisions.lifts.get(&i).map(|&j| &self.decisions.list[j]),
                }
            })
            .collect()
    }

    /// What the English pages will show in Azerbaijani, by kind (nothing when the site is not
    /// published in English).
    pub fn untranslated(&self) -> Vec<untranslated::Untranslated> {
        let sessions: Vec<&Session> = self.sessions.iter().map(|(s, _)| s).collect();
        untranslated::list(&self.root, &self.config, &self.pages, &self.certificates, &self.decisions.list, &sessions)
    }

    /// The views of [`Site::notices`], in `renderer`'s language.
    fn notice_views(&self, renderer: &Renderer) -> Vec<NoticeView> {
        self.notices().iter().map(|p| renderer.notice_view(p)).collect()
    }

    fn session_views(&self, renderer: &Renderer) -> Vec<SessionView> {
        self.sessions.iter().map(|(s, r)| renderer.session_view(s, r, &self.calendar, &self.config.interviews, self.build_date)).collect()
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

    /// One renderer per language, the default first.
    pub fn renderers(&self) -> Vec<Renderer> {
        self.config
            .languages
            .iter()
            .map(|&lang| Renderer::new(&self.templates, &self.config, &self.routes, &self.pages_for(lang), lang, !self.sessions.is_empty()))
            .collect()
    }

    /// The HTTP headers the site needs from its host (DESIGN §4).
    pub fn hosting(&self) -> crate::render::hosting::Hosting<'_> {
        crate::render::hosting::Hosting { routes: &self.routes }
    }

    /// The status of certificate `i` on the build date.
    pub fn status(&self, i: usize) -> Derived {
        status_of(i, &self.certificates, &self.decisions, self.build_date)
    }

    /// The last day the status lists a build signs are valid (DESIGN §5: build date +
    /// `[status] max_age_days`; their `validUntil` is the end of that day).
    pub fn status_lists_until(&self) -> time::Date {
        self.build_date.saturating_add(time::Duration::days(self.config.status.max_age_days.into()))
    }

    /// The status of every certificate on the build date, in list order.
    pub fn statuses(&self) -> Vec<Derived> {
        (0..self.certificates.list.len()).into_par_iter().map(|i| self.status(i)).collect()
    }

    /// What a build of the site into the output folder `out` changes for the public since the
    /// last build into it (statuses, from `statuses`; notices; result sets; certificates added
    /// and removed), against what that build recorded (`.certsite/outputs/<id>/public`): the one
    /// function `build` (which then saves the update) and `check` (which saves nothing) share.
    /// It reads that record and nothing else, and needs neither the key nor the url secret: the
    /// record names certificates by number, not by page code.
    pub fn public_update(&self, out: &Path, statuses: &[Derived]) -> anyhow::Result<crate::state::public::Update> {
        State::new(&self.root).output(out).public_update(&self.public_record(statuses))
    }

    /// The codes of every certificate, in list order.
    pub fn codes(&self, secret: &[u8]) -> Vec<Code> {
        codes_of(&self.certificates, secret)
    }

    /// `.certsite/print/certificates.csv` for the printing office (DESIGN §4): number, code and
    /// page URL of every certificate.
    pub fn print_list(&self, codes: &[Code]) -> Vec<u8> {
        let base = self.routes.base_url();
        let mut csv = String::with_capacity(64 + codes.len() * (base.len() + 48));
        csv.push_str("number,code,url\n");
        let plain = crate::render::csvout::field(base) == *base;
        for (cert, code) in self.certificates.list.iter().zip(codes) {
            crate::render::csvout::push_field(&mut csv, &cert.number);
            csv.push(',');
            csv.push_str(code.as_str());
            csv.push(',');
            if plain {
                // The page URL, without a string per certificate.
                self.routes.push_cert_url(code.as_str(), &mut csv);
            } else {
                crate::render::csvout::push_field(&mut csv, &self.routes.cert_url(code));
            }
            csv.push('\n');
        }
        csv.into_bytes()
    }

    /// Signs, renders and writes the site (see the [module docs](self) for the stages), with
    /// the state of `options` (the site's, or a throwaway preview's). The caller holds the
    /// site's lock ([`State::lock`]).
    pub fn build(&self, options: &BuildOptions, progress: &Progress) -> anyhow::Result<BuildReport> {
        let state = &options.state;
        let mut notes = Vec::new();

        // 1. State: secrets, keys, status list indexes, the output's last manifest.
        let stage = progress.stage("state", 0);
        let signing = self.signing(state, options, &mut notes)?;
        let codes = self.checked_codes(&signing.secret)?;
        // The last manifest before the statuses: reading it needs its whole text for a moment.
        let mut output = Opened::open(state, options, &Layout::new(self.routes.cert_patterns()))?;
        let renderers = self.renderers();
        let mut certs = Certs::new(self, &codes, self.statuses(), &signing, &renderers);
        debug_assert_eq!(certs.layout(), output.old.layout());
        stage.finish(output.old.file_count() as u64);

        // 2. Plan: which certificates changed (their fingerprints against the manifest), and
        // every other file, rendered in memory.
        let stage = progress.stage("plan", 0);
        let diff = certs.diff(&output.old, options.force);
        let plan = Plan::new(self, &renderers, &signing, certs.statuses())?;
        stage.finish(plan.len() as u64 + diff.changed() as u64);

        // 3. Sign and render the certificates whose inputs changed, and stage every file that
        // changed. A failure discards the staging folder: the output is untouched.
        let staged = certs
            .stage(diff, &output.old, &output.out, options.force, progress)
            .and_then(|certs| Ok(Staging { plan: plan.stage(&output.old, &output.out, options.force)?, certs }))
            .inspect_err(|_| {
                let _ = output.out.discard_staging();
            })?;

        // 4. Write. The statuses are dropped before, the last manifest and what was staged
        // there, once used (DESIGN §6: what a build holds at its peak).
        certs.release_statuses();
        let changed = staged.certs.changed();
        let files = self.write(options, &mut output, &certs, &plan, staged, progress)?;

        // What the public sees now, against what it saw after the last build (the statuses
        // made again: cheaper than keeping them through the write).
        let public = self.public_update(options.out(), &self.statuses())?;
        output.store.save_public(&public)?;
        let written = output.out.stats.written.load(Ordering::Relaxed);
        Ok(BuildReport {
            certificates: self.certificates.list.len(),
            changed,
            written,
            unchanged: files.saturating_sub(written),
            removed: output.out.stats.removed.load(Ordering::Relaxed),
            notes,
            public: public.changes,
        })
    }

    /// The signing side of the state (stage 1): the signing key (made on a first build, with a
    /// note to back it up; a throwaway preview's, without), the url secret (likewise), the key
    /// ring the DID document lists and the status list indexes.
    fn signing(&self, state: &State, options: &BuildOptions, notes: &mut Vec<String>) -> anyhow::Result<Signing> {
        let (key, created) = keys::load_or_create_key(&options.key, options.create_key)
            .with_context(|| tr!("site-signing-key", path = options.key.display().to_string()))?;
        if created && !options.throwaway {
            notes.push(format!(
                "created a new signing key at {}: BACK IT UP and keep it secret. Losing it means re-signing every certificate with a new key; leaking it lets anyone forge certificates.",
                options.key.display()
            ));
        }
        let (secret, created) = state.url_secret(options.create_secret)?;
        if created && !options.throwaway {
            notes.push(format!(
                "created {}: certificate addresses derive from it; back it up with the key (a new secret changes every address and every printed QR code)",
                state.url_secret_path().display()
            ));
        }
        let issuer_url = self.config.issuer.website.clone().unwrap_or_else(|| self.config.base_url.clone());
        let signer = Signer::new(self.did.did.clone(), self.config.issuer.name.clone(), issuer_url, key);
        state.check_published_keys(&options.out.join(self.did.document_path))?;
        let keyring = state.update_keyring(&signer.verifying_key())?;
        let paper = self.paper(&state.keyring()?);
        let status_index = state.status_index(&self.certificates, &secret)?;
        Ok(Signing { signer, keyring, paper, status_index, secret })
    }

    /// The paper credentials of the site whose key ring is `ring` (DESIGN §5).
    pub fn paper(&self, ring: &crate::state::Ring) -> crate::sign::paper::Paper {
        let keys: Vec<VerifyingKey> = ring.active.iter().chain(&ring.retired).copied().collect();
        crate::sign::paper::Paper::new(&self.did.did, &self.routes.url(""), &keys)
    }

    /// The page codes under `secret`: those checked when the site was loaded, unless the url
    /// secret was made since (then made and checked now).
    fn checked_codes(&self, secret: &[u8]) -> anyhow::Result<Cow<'_, [Code]>> {
        if let Some(loaded) = self.codes.as_ref().filter(|loaded| loaded.secret == secret) {
            return Ok(Cow::Borrowed(&loaded.codes));
        }
        let codes = self.codes(secret);
        let mut problems = Problems::new();
        crate::model::code::check_unique(&self.certificates, &codes, |c| self.certificates.at(c), &mut problems);
        if problems.has_errors() {
            anyhow::bail!("{}", problems.render(false).trim_end());
        }
        Ok(Cow::Owned(codes))
    }

    /// Stage 4 (DESIGN §6): the journal, then every staged file installed (the DID document
    /// first: credentials signed with a new key must find it; the certificates; pages; indexes
    /// and status lists last: they may only point at what is out), stale files removed, the
    /// new manifest saved, and the files of `.certsite/` that follow the output (the print
    /// list, the hosting snippets; not for a throwaway preview, whose page codes are not the
    /// site's). Returns how many files the output holds. The last manifest (`output.old`, left
    /// empty) and `staged` are dropped as soon as they are used: at a million certificates each
    /// is tens of MiB, and the new manifest and its text come after them.
    fn write(
        &self,
        options: &BuildOptions,
        output: &mut Opened,
        certs: &Certs<'_>,
        plan: &Plan,
        staged: Staging<'_>,
        progress: &Progress,
    ) -> anyhow::Result<usize> {
        let old = std::mem::replace(&mut output.old, Manifest::new(certs.layout().clone()));
        let Opened { store, out, leftover, .. } = &*output;
        let installs = staged.certs.cert_count() + staged.plan.len();
        let stage = progress.stage("write", installs as u64);
        let mut journal = Journal { certs: staged.certs.codes(certs.codes()), files: staged.plan.iter().map(|p| p.rel.clone()).collect() };
        if let Some(leftover) = leftover {
            journal.extend(leftover);
        }
        if !journal.is_empty() {
            store.save_journal(&journal)?;
        }
        let (first, rest): (Vec<&plan::Planned>, Vec<&plan::Planned>) = staged.plan.iter().partition(|p| p.rank == plan::Rank::Did);
        for p in &first {
            out.install(&p.rel).with_context(|| tr!("site-writing", path = &p.rel))?;
            stage.inc(1);
        }
        staged.certs.install(certs, out, &stage)?;
        for p in &rest {
            out.install(&p.rel).with_context(|| tr!("site-writing", path = &p.rel))?;
            stage.inc(1);
        }
        // Nothing changed when every certificate and every planned file matched the manifest
        // and the manifest has no others: then it stays as it is.
        let unchanged = staged.certs.changed() == 0
            && journal.is_empty()
            && !old.has_unknown()
            && old.codes().len() == certs.codes().len()
            && old.files().count() == plan.len();
        let mut files = old.file_count();
        drop(journal);
        let Staging { certs: staged_certs, plan: _ } = staged;
        if !unchanged {
            let new = staged_certs.into_manifest(certs, plan.manifest_entries());
            let stale = stale(&old, &new);
            drop(old);
            for rel in &stale {
                out.remove(rel).with_context(|| tr!("site-removing", path = rel.as_str()))?;
            }
            store.save(&new)?;
            files = new.file_count();
        } else {
            drop((old, staged_certs));
        }
        out.discard_staging().with_context(|| tr!("site-output", path = out.root().display().to_string()))?;
        store.clear_journal()?;
        if !options.throwaway {
            let state = &options.state;
            state.save_print_list(&self.print_list(certs.codes()))?;
            let hosting = self.hosting();
            state.save_hosting(&hosting.nginx(), &hosting.apache())?;
        }
        stage.finish(installs as u64);
        Ok(files)
    }

    /// What a reader of the site sees on the build date: each certificate's status, the
    /// published notices (from `decided_on`, DESIGN §3) and the sessions whose results are out.
    fn public_record(&self, statuses: &[Derived]) -> crate::state::public::Record<'_> {
        crate::state::public::Record::new(
            self.certificates.list.iter().zip(statuses).map(|(cert, derived)| (cert.number.as_str(), derived.status.code())).collect(),
            self.decisions.list.iter().filter(|d| d.decided_on <= self.build_date).map(|d| d.id.as_str()),
            self.sessions.iter().filter(|(s, _)| s.results_published_on.is_some_and(|d| d <= self.build_date)).map(|(s, _)| s.id.as_str()),
        )
    }
}

/// What stage 1 hands on for signing: the signer, the keys the DID document lists, the status
/// list indexes and the url secret the page codes derive from.
pub struct Signing {
    /// Signs credentials, status lists and notices.
    pub signer: Signer,
    /// Every key the site has signed with, the current one included.
    pub keyring: Vec<VerifyingKey>,
    /// The paper credentials' table (its keys in `keys.txt` order, active before retired).
    pub paper: crate::sign::paper::Paper,
    /// Each certificate's place in the status lists.
    pub status_index: StatusIndex,
    /// The url secret.
    secret: Vec<u8>,
}

/// The output as stage 1 found it: its manifest store, the folder (with its staging folder),
/// what it holds by the last build's manifest, and the journal a killed build left.
struct Opened {
    store: crate::state::manifest::Store,
    out: Output,
    old: Manifest,
    leftover: Option<Journal>,
}

impl Opened {
    /// Opens the output of `options` and reads what it holds (see [`last_manifest`]); a
    /// staging folder a failed build left is cleared.
    fn open(state: &State, options: &BuildOptions, layout: &Layout) -> anyhow::Result<Opened> {
        let store = state.output(&options.out);
        let out =
            Output::open(&options.out, &store.staging()).with_context(|| tr!("site-output", path = options.out.display().to_string()))?;
        out.clear_staging().with_context(|| tr!("site-output", path = options.out.display().to_string()))?;
        let (old, leftover) = last_manifest(&store, &out, layout, options.force)?;
        Ok(Opened { store, out, old, leftover })
    }
}

/// What stage 3 staged: the certificates' files and the plan's, in install order.
struct Staging<'p> {
    certs: certs::Staged,
    plan: Vec<&'p plan::Planned>,
}

/// What the output holds: the last build's manifest, with what a killed build's journal
/// lists made unknown (the journal is returned, to be kept until this build is through);
/// without a trustworthy manifest (none, another folder's, the output deleted, `--clean`),
/// a walk of the output with every file unknown. A damaged manifest or journal is an error
/// (`--clean` reads neither).
fn last_manifest(
    store: &crate::state::manifest::Store,
    out: &Output,
    layout: &crate::state::manifest::Layout,
    force: bool,
) -> anyhow::Result<(Manifest, Option<Journal>)> {
    let walked = |out: &Output| -> anyhow::Result<Manifest> {
        let files = out.walk().with_context(|| tr!("site-reading", path = out.root().display().to_string()))?;
        Ok(Manifest::unknown(layout.clone(), files))
    };
    if force {
        return Ok((walked(out)?, None));
    }
    let journal = store.journal()?;
    let manifest = match store.load()? {
        // A manifest that lists files the output lacks (the output was deleted or
        // replaced) is not trusted: one look at a file it lists tells.
        Some(m) if m.files().next().is_none_or(|(rel, _)| out.root().join(rel).exists()) => m,
        _ => walked(out)?,
    };
    let mut manifest = if manifest.layout() == layout {
        manifest
    } else {
        // Languages changed: the certificates' files are laid out anew.
        Manifest::unknown(layout.clone(), manifest_paths(&manifest))
    };
    if let Some(journal) = &journal {
        manifest.apply(journal);
    }
    Ok((manifest, journal))
}

/// The codes of every certificate, in list order.
fn codes_of(certificates: &Certificates, secret: &[u8]) -> Vec<Code> {
    let coder = Coder::new(secret);
    certificates.list.par_iter().map(|c| coder.code(&c.number)).collect()
}

/// The page codes of the certificates when the site has its url secret (the first build makes
/// it), checked to be unique: two certificates with one code are an error at the second one's
/// number in `file` (`certsite check` finds it as `build` does). A secret that is not one is an
/// error too (`build` could not go on); one this user may not read (another user's
/// `.certsite/`, mode 0600) is left to the build.
fn page_codes(
    root: &Path,
    certificates: &Certificates,
    file: Option<&load::csvfile::CsvText>,
    problems: &mut Problems,
) -> Option<PageCodes> {
    let secret = match State::new(root).existing_url_secret() {
        Ok(secret) => secret?,
        Err(e) if e.root_cause().downcast_ref::<std::io::Error>().is_some() => return None,
        Err(e) => {
            problems.push(Problem::error(format!("{e:#}")));
            return None;
        }
    };
    let codes = codes_of(certificates, &secret);
    match file.map(load::certificates::number_cells) {
        Some(cells) => crate::model::code::check_unique(certificates, &codes, |c| cells.at(c.line), problems),
        None => crate::model::code::check_unique(certificates, &codes, |c| certificates.at(c), problems),
    }
    Some(PageCodes { secret, codes })
}

/// Every path a manifest records.
fn manifest_paths(m: &Manifest) -> Vec<String> {
    let layout = m.layout();
    let mut paths: Vec<String> = m.files().map(|(rel, _)| rel.to_owned()).collect();
    for &code in m.codes() {
        paths.extend((0..layout.len()).map(|k| layout.path(k, code)));
    }
    paths
}

/// The files of `old` that `new` does not have.
fn stale(old: &Manifest, new: &Manifest) -> Vec<String> {
    use crate::state::manifest::{CertKnown, Known};
    let mut stale: Vec<String> = old.files().filter(|(rel, _)| new.file(rel) == Known::Absent).map(|(rel, _)| rel.to_owned()).collect();
    let layout = old.layout();
    // Looked up at the same row first: a register that keeps its order needs no index.
    for (row, &code) in old.codes().iter().enumerate() {
        if new.cert_at(code, row) == CertKnown::Absent {
            stale.extend((0..layout.len()).map(|k| layout.path(k, code)));
        }
    }
    stale
}

/// Pretty JSON with a final newline.
pub fn json_bytes(value: &serde_json::Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_certificate_flattened_has_the_fields_and_values_of_cert() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let site = Site::load(root, time::macros::date!(2026 - 11 - 23)).unwrap_or_else(|p| panic!("{}", p.render(false)));
        let renderers = site.renderers();
        let code = Code::parse("000000000000").expect("a valid code");
        let i = (0..site.certificates.list.len()).find(|&i| site.status(i).decision.is_some()).expect("a decided certificate");
        let inputs = CertInputs::new(&site, i, site.status(i), code, 0, |j| (site.certificates.list[j].number.as_str(), code));
        let url = site.routes.cert_url(code);
        for view in inputs.views(&site, &renderers, &url, "<svg/>") {
            let mut flat = tera::Context::new();
            view.insert_flat(&mut flat);
            let flat = flat.into_json();
            let nested = serde_json::to_value(&view).expect("serializes");
            let nested: serde_json::Map<String, serde_json::Value> = nested
                .as_object()
                .expect("an object")
                .iter()
                .map(|(k, v)| (format!("{}{k}", crate::render::templates::FLAT_CERT), v.clone()))
                .collect();
            assert_eq!(flat.as_object().expect("an object"), &nested);
        }
    }

    #[test]
    fn folded_templates_render_every_page_byte_for_byte_as_written() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for date in [time::macros::date!(2026 - 11 - 23), time::macros::date!(2026 - 03 - 20)] {
            let site = Site::load(root, date).unwrap_or_else(|p| panic!("{}", p.render(false)));
            assert!(site.templates.fold(), "the sample's templates are folded");
            let folded: Vec<Renderer> = site.renderers().into_iter().map(Renderer::folded).collect();
            assert!(folded.iter().all(Renderer::reads_cert_flat), "certificate pages read cert's fields flattened");
            let folded = site.one_of_each(&folded);
            let unfolded: Vec<Renderer> = site.renderers().into_iter().map(Renderer::unfolded).collect();
            let unfolded = site.one_of_each(&unfolded);
            assert!(folded.len() > 20, "{}", folded.len());
            assert_eq!(folded.len(), unfolded.len());
            for ((name, a), (_, b)) in folded.iter().zip(&unfolded) {
                let (a, b) = (a.as_ref().unwrap(), b.as_ref().unwrap());
                assert!(a == b, "{name}:\n{}\n---\n{}", String::from_utf8_lossy(a), String::from_utf8_lossy(b));
            }
        }
    }
}

//! The plan of a build: every published file other than a certificate's, rendered in memory
//! before anything is written (DESIGN §6). They are few (pages, notices, interview sessions,
//! indexes, feeds, the DID document, the status lists), so each build renders them all and
//! stages those whose bytes differ from the manifest's record. Each has a [`Rank`] that orders
//! the install: the DID document first, indexes and status lists last.

use anyhow::anyhow;

use crate::config::Lang;
use crate::model::date;
use crate::model::decision::notice_holder_name;
use crate::model::notice::NoticeDocument;
use crate::model::status::{Derived, Status};
use crate::render::pages::Renderer;
use crate::render::views::NoticeView;
use crate::render::{assets, feeds, i18n, interviews, scan};
use crate::routes::{self, Page, Routes};
use crate::sign::credential::{day_end, day_start, Signer};
use crate::sign::did;
use crate::sign::status_list::{self, message_index, Bitstring, Purpose, Standing};
use crate::site::{json_bytes, Signing, Site, NOTICES_PER_PAGE};
use crate::state::manifest::{file_hash, Known, Manifest};
use crate::write::Output;

/// When a planned file is installed, relative to the others and to the certificates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// The DID document: before any credential that its new key signed.
    Did,
    /// Pages, assets and open data (after the certificates).
    Page,
    /// Lists and feeds that link to pages: after the pages.
    Index,
    /// The status lists: last, they may only flag credentials that are out.
    StatusList,
}

impl Rank {
    /// The rank of the planned file at `rel` (below the output), told by its path alone:
    /// `certsite publish` orders what it sends as a build installs it, from the manifest.
    pub fn of_path(rel: &str) -> Rank {
        let below = match rel.split_once('/') {
            Some((lang, rest)) if ["az", "en"].contains(&lang) => rest,
            _ => rel,
        };
        let index = below == "index.html"
            || below == "interviews/index.html"
            || (below.starts_with("notices/")
                && (below == "notices/index.html" || below == "notices/atom.xml" || below.starts_with("notices/page/")));
        if rel == "did.json" || rel.ends_with("/did.json") {
            Rank::Did
        } else if rel.starts_with("status/") && rel.ends_with(".json") {
            Rank::StatusList
        } else if index || [routes::ROBOTS, routes::SITEMAP, routes::HEADERS].contains(&rel) {
            Rank::Index
        } else {
            Rank::Page
        }
    }
}

/// One file of the plan.
#[derive(Debug)]
pub struct Planned {
    /// Its path below the output.
    pub rel: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// When it is installed.
    pub rank: Rank,
}

/// Every file of a build but the certificates'.
#[derive(Debug, Default)]
pub struct Plan {
    files: Vec<Planned>,
    /// The pages the sitemap lists: (language's place, [`Page::sitemap_rank`], path below the
    /// output's root).
    listed: Vec<(usize, u8, String)>,
}

impl Plan {
    /// Renders every file of the plan.
    pub fn new(site: &Site, renderers: &[Renderer], signing: &Signing, statuses: &[Derived]) -> anyhow::Result<Plan> {
        let mut plan = Plan::default();
        let did_document = did::document(&site.did.did, &signing.keyring);
        plan.put(Rank::Did, site.routes.did_document(), json_bytes(&serde_json::Value::Object(did_document)));
        for (k, renderer) in renderers.iter().enumerate() {
            plan.pages(site, k, renderer, &signing.signer)?;
        }
        plan.site_files(site, renderers)?;
        plan.status_lists(site, signing, statuses)?;
        for (rel, bytes) in signing.paper.files() {
            plan.put(Rank::Page, rel, bytes);
        }
        // Last: its version is a hash of the files it keeps, the paper/ files among them.
        plan.scan_worker(site);
        Ok(plan)
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when there is no file.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    fn put(&mut self, rank: Rank, rel: impl Into<String>, bytes: Vec<u8>) {
        let rel = rel.into();
        debug_assert_eq!(Rank::of_path(&rel), rank, "{rel}: publish would send it out of order");
        self.files.push(Planned { rel, bytes, rank });
    }

    /// Puts a page of the `k`-th language, and lists it for the sitemap when it is listed.
    fn put_page(&mut self, site: &Site, k: usize, lang: Lang, page: Page<'_>, rank: Rank, bytes: Vec<u8>) {
        if let Some(order) = page.sitemap_rank() {
            self.listed.push((k, order, format!("{}{}", site.routes.lang_dir(lang), page.path())));
        }
        self.put(rank, site.routes.page_file(lang, page), bytes);
    }

    /// Stages the files whose bytes differ from what `old` records (or from the disk, for
    /// files it does not know), or every file when `force`. Returns them in install order.
    pub fn stage(&self, old: &Manifest, out: &Output, force: bool) -> anyhow::Result<Vec<&Planned>> {
        let mut staged = Vec::new();
        for file in &self.files {
            let write = force
                || match old.file(&file.rel) {
                    Known::Absent => true,
                    Known::Hash(h) => h != file_hash(&file.bytes),
                    Known::Unknown => out.read(&file.rel)?.as_deref() != Some(&file.bytes[..]),
                };
            if write {
                out.stage(&file.rel, &file.bytes)
                    .map_err(|e| anyhow!(tr!("write-staging-failed", path = &file.rel, error = e.to_string())))?;
                staged.push(file);
            }
        }
        staged.sort_by_key(|f| f.rank);
        Ok(staged)
    }

    /// What the manifest records of each file.
    pub fn manifest_entries(&self) -> impl Iterator<Item = (String, u64)> + '_ {
        self.files.iter().map(|f| (f.rel.clone(), file_hash(&f.bytes)))
    }

    /// The `k`-th language's pages (at `/` for the default language, `/en/` for English):
    /// content pages, /verify/, notices, interviews and the home page.
    fn pages(&mut self, site: &Site, k: usize, renderer: &Renderer, signer: &Signer) -> anyhow::Result<()> {
        let html = |r: Result<Vec<u8>, String>| r.map_err(|e| anyhow!(e));
        let lang = renderer.lang;
        let default = k == 0;
        self.put(Rank::Page, Routes::words(lang), json_bytes(&i18n::check_words_with_contact(lang, &site.config.issuer)));
        if default {
            self.put(Rank::Page, routes::UPDATED_CSS, assets::updated_css(site.build_date, &site.config.languages));
        }
        for page in site.pages_for(lang).iter().filter(|p| !p.path.is_empty()) {
            self.put_page(site, k, lang, Page::Content(&page.path), Rank::Page, html(renderer.page(page))?);
        }
        self.put_page(site, k, lang, Page::Verify, Rank::Page, html(renderer.plain("verify.html", Page::Verify))?);
        // The offline verifier (DESIGN §4): its page and manifest; its service worker comes last.
        self.put_page(site, k, lang, Page::Scan, Rank::Page, html(renderer.plain("scan.html", Page::Scan))?);
        self.put(Rank::Page, site.routes.scan_manifest(lang), scan::manifest(&site.routes, lang));

        // Notices (DESIGN §4), newest first, 50 to a page.
        let published = site.notices();
        let notices: Vec<NoticeView> = published.iter().map(|p| renderer.notice_view(p)).collect();
        for (p, n) in published.iter().zip(&notices) {
            self.put_page(site, k, lang, Page::Notice(n.id()), Rank::Page, html(renderer.notice(n))?);
            if default {
                // The notice as data, signed (DESIGN §4, §5), once: it holds both languages.
                let holder = notice_holder_name(p.cert, p.holder_name);
                let document = NoticeDocument::new(p.decision, p.cert, holder, p.lifts, p.lifted_by);
                let signed = signer.sign_jcs(json_object(&document)?, &day_start(p.decision.decided_on));
                self.put(Rank::Page, Routes::notice_json(n.id()), json_bytes(&serde_json::Value::Object(signed)));
            }
        }
        let refs: Vec<&NoticeView> = notices.iter().collect();
        // The language's Atom feed (DESIGN §4): updated when the latest entry is.
        let updated = notices.iter().filter_map(|n| date::parse_date(n.updated_iso()).ok()).max().unwrap_or(site.build_date);
        let feed_title = site.config.title_in(lang);
        self.put(Rank::Index, site.routes.notices_feed(lang), feeds::atom(&site.routes, lang, feed_title, &refs, updated));
        let chunks: Vec<&[&NoticeView]> = if refs.is_empty() { vec![&[][..]] } else { refs.chunks(NOTICES_PER_PAGE).collect() };
        for (n, chunk) in chunks.iter().enumerate() {
            self.put_page(site, k, lang, Page::Notices(n + 1), Rank::Index, html(renderer.notice_list(chunk, n + 1, chunks.len()))?);
        }

        // Interview sessions: the page; the open data (language-neutral) once, at the default.
        let sessions = site.session_views(renderer);
        for view in &sessions {
            self.put_page(site, k, lang, Page::Session(view.id()), Rank::Page, html(renderer.session(view))?);
            if view.results_published() && default {
                let signed = match interviews::results_json(view) {
                    serde_json::Value::Object(map) => {
                        let created = format!("{}T00:00:00Z", view.results_published_on_iso().unwrap_or_default());
                        serde_json::Value::Object(signer.sign_jcs(map, &created))
                    }
                    other => other,
                };
                self.put(Rank::Page, Routes::results_json(view.id()), json_bytes(&signed));
                self.put(Rank::Page, Routes::results_csv(view.id()), interviews::results_csv(view));
            }
        }
        let all: Vec<&_> = sessions.iter().collect();
        self.put_page(site, k, lang, Page::Sessions, Rank::Index, html(renderer.sessions(&all))?);
        self.put_page(site, k, lang, Page::Home, Rank::Index, html(renderer.index(site.home(lang), &sessions, &notices))?);
        Ok(())
    }

    /// The files the languages share: assets, 404, robots.txt, the hosting rules and the
    /// sitemap of the pages listed (each language's Atom feed is with its pages).
    fn site_files(&mut self, site: &Site, renderers: &[Renderer]) -> anyhow::Result<()> {
        let renderer = &renderers[0];
        for (path, bytes) in assets::ASSETS {
            self.put(Rank::Page, *path, bytes.to_vec());
        }
        if let Some(logo) = &site.config.logo {
            let bytes = std::fs::read(site.root.join(&logo.path)).map_err(|e| anyhow!("{}: {e}", logo.path))?;
            self.put(Rank::Page, logo.published_path(), bytes);
        }
        let others: Vec<&Renderer> = renderers.iter().collect();
        self.put(Rank::Page, routes::NOT_FOUND, renderer.not_found(&others).map_err(|e| anyhow!(e))?);
        self.put(Rank::Index, routes::ROBOTS, feeds::robots(&site.routes));
        self.put(Rank::Index, routes::HEADERS, site.hosting().netlify());
        // Each language's pages together, in the order of their ranks.
        self.listed.sort_by_key(|(k, order, _)| (*k, *order));
        let listed: Vec<&str> = self.listed.iter().map(|(_, _, path)| path.as_str()).collect();
        self.put(Rank::Index, routes::SITEMAP, feeds::sitemap(&site.routes, &listed));
        Ok(())
    }

    /// The offline verifier's service worker in each language (DESIGN §4), once every file it
    /// keeps is planned: its version is a hash of their bytes, so a build that changes one of
    /// them replaces the cache.
    fn scan_worker(&mut self, site: &Site) {
        let (precache, network_first, files) = scan::worker_files(&site.routes);
        let mut all = Vec::new();
        for rel in &files {
            all.extend_from_slice(rel.as_bytes());
            if let Some(file) = self.files.iter().find(|f| &f.rel == rel) {
                all.extend_from_slice(&file_hash(&file.bytes).to_le_bytes());
            }
        }
        let worker = scan::worker(&precache, &network_first, file_hash(&all));
        for lang in site.routes.languages() {
            self.put(Rank::Page, site.routes.scan_worker(lang), worker.clone());
        }
    }

    /// The signed status lists (DESIGN §5): the message list every credential points into, and
    /// the two one-bit lists of credentials signed before it, kept current.
    fn status_lists(&mut self, site: &Site, signing: &Signing, statuses: &[Derived]) -> anyhow::Result<()> {
        let (index, signer) = (&signing.status_index, &signing.signer);
        for purpose in Purpose::ALL {
            let mut bits = Bitstring::new(purpose.entries(index.len()) * purpose.status_size());
            for (i, derived) in statuses.iter().enumerate() {
                let slot = index.get(i);
                match (purpose, derived.status) {
                    (Purpose::Message, Status::Revoked) => bits.set_standing(message_index(slot), Standing::Revoked),
                    (Purpose::Message, Status::Suspended) => bits.set_standing(message_index(slot), Standing::Suspended),
                    (Purpose::Revocation, Status::Revoked) | (Purpose::Suspension, Status::Suspended) => bits.set(slot as usize),
                    _ => {}
                }
            }
            let url = site.routes.status_list_url(purpose);
            let date = day_start(site.build_date);
            // Fresh for `max_age_days` (DESIGN §5): a verifier holding an older list cannot
            // confirm a status, since a decision may have come since.
            let until = site.status_lists_until();
            let unsigned = status_list::list_credential(&url, purpose, &bits, &site.did.did, &date, &day_end(until));
            let list = signer.sign(unsigned, &date)?;
            self.put(Rank::StatusList, Routes::status_list(purpose), json_bytes(&serde_json::Value::Object(list)));
        }
        Ok(())
    }
}

/// `document` as a JSON object, for [`Signer::sign_jcs`].
fn json_object(document: &impl serde::Serialize) -> anyhow::Result<serde_json::Map<String, serde_json::Value>> {
    match serde_json::to_value(document)? {
        serde_json::Value::Object(map) => Ok(map),
        other => Err(anyhow!("not a JSON object: {other}")),
    }
}

//! The certificate pass of a build: for each certificate, its inputs ([`CertInputs`]), from
//! which alone its pages (one per language) and its credential are made, for checking and for
//! writing alike; the fingerprint of those inputs; and the staging of what changed.
//!
//! A certificate whose fingerprint matches the manifest's is not signed, rendered or looked at
//! on disk. One whose inputs changed is signed once ("sign") and rendered once per language
//! ("render"), and only the files whose bytes differ from the manifest's record are staged.
//! The QR code is drawn once and put inline in each language's page (DESIGN §4, `data-qr`).

use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use anyhow::anyhow;
use rayon::prelude::*;
use serde_json::{Map, Value};
use time::Date;
use xxhash_rust::xxh3::Xxh3;

use crate::config::Lang;
use crate::model::certificate::Certificate;
use crate::model::code::Code;
use crate::model::decision::{Decision, Decisions};
use crate::model::notice::{self, NoticeState};
use crate::model::status::Derived;
use crate::model::status_index::StatusIndex;
use crate::progress::{Progress, Stage};
use crate::render::pages::Renderer;
use crate::render::qr;
use crate::render::views::{CertLink, CertPage, CertView};
use crate::routes::Page;
use crate::sign::credential::{certificate_credential, credential_json, day_start, proof_date, Signer};
use crate::sign::status_list::Purpose;
use crate::site::{Signing, Site};
use crate::state::manifest::{file_hash, CertKnown, Layout, Manifest};
use crate::write::folders::FolderThreads;
use crate::write::Output;

/// Everything one certificate's published files depend on besides what every page shares
/// (site, words, templates, key): the views and the credential are made from these alone, so
/// their fingerprint says whether anything of the certificate changed.
#[derive(Debug, Clone, Copy)]
pub struct CertInputs<'a> {
    /// The certificate (public columns).
    pub cert: &'a Certificate,
    /// Its code.
    pub code: Code,
    /// Its status on the build date.
    pub derived: Derived,
    /// The decision in effect, if any.
    pub decision: Option<&'a Decision>,
    /// A decision published but not yet in effect, if any.
    pub announced: Option<&'a Decision>,
    /// Its decisions (indexes into `decisions`, in the order they take effect), published or
    /// not: [`CertInputs::history`] keeps those published on the build date.
    pub own: &'a [usize],
    /// All decisions of the site.
    pub decisions: &'a Decisions,
    /// The build date.
    pub today: Date,
    /// Its place in the status lists.
    pub status_index: u32,
    /// Number and code of the certificate it replaces.
    pub replaces: Option<(&'a str, Code)>,
    /// Number and code of the certificate that supersedes it.
    pub superseded_by: Option<(&'a str, Code)>,
    /// The date of its credential's proof.
    pub proof_created: Date,
}

impl<'a> CertInputs<'a> {
    /// The inputs of certificate `i` of `site`, with status `derived`, code `code` and status
    /// list index `status_index`; `link(j)` gives the number and code of certificate `j`.
    pub fn new(site: &'a Site, i: usize, derived: Derived, code: Code, status_index: u32, link: impl Fn(usize) -> (&'a str, Code)) -> Self {
        let cert = &site.certificates.list[i];
        CertInputs {
            cert,
            code,
            derived,
            decision: derived.decision.map(|d| &site.decisions.list[d as usize]),
            announced: derived.announced.map(|d| &site.decisions.list[d as usize]),
            own: site.decisions.by_certificate.get(&i).map(Vec::as_slice).unwrap_or_default(),
            decisions: &site.decisions,
            today: site.build_date,
            status_index,
            replaces: cert.replaces.as_ref().and_then(|r| site.certificates.index(r)).map(&link),
            superseded_by: derived.superseded_by.map(|j| link(j as usize)),
            proof_created: proof_date(cert, site.build_date),
        }
    }

    /// Its decisions published on the build date (their notices are out, DESIGN §3), in the
    /// order they take effect, with where each stands.
    pub fn history(&self) -> Vec<(&'a Decision, NoticeState)> {
        let decisions = self.decisions;
        self.own
            .iter()
            .map(|&d| (d, &decisions.list[d]))
            .filter(|(_, d)| d.decided_on <= self.today)
            .map(|(i, d)| {
                let lifted_by = decisions.lifted_by.get(&i).map(|&r| &decisions.list[r]).filter(|r| r.decided_on <= self.today);
                (d, notice::state(d, lifted_by, self.today))
            })
            .collect()
    }

    /// The page in each language of `renderers` (with the page's `url` and the QR code's SVG).
    pub fn views(&self, site: &Site, renderers: &'a [Renderer], url: &'a str, qr_svg: &'a str) -> Vec<CertView<'a>> {
        renderers
            .iter()
            .map(|r| {
                let link = |(number, code): (&str, Code)| CertLink {
                    number: number.to_owned(),
                    url: site.routes.page_url(r.lang, Page::Certificate(code.as_str())),
                };
                r.certificate_view(CertPage {
                    cert: self.cert,
                    derived: self.derived,
                    decision: self.decision,
                    announced: self.announced,
                    history: self.history(),
                    code: self.code,
                    url,
                    replaces: self.replaces.map(link),
                    superseded_by: self.superseded_by.map(link),
                    qr_svg,
                })
            })
            .collect()
    }

    /// The unsigned credential.
    pub fn credential(&self, site: &Site, url: &str, signer: &Signer) -> Map<String, Value> {
        certificate_credential(self.cert, url, signer, &site.routes.status_list_url(Purpose::Message), self.status_index)
    }

    /// The fingerprint of these inputs with `shared` (the digest of what every certificate
    /// shares).
    pub fn fingerprint(&self, shared: u128) -> u128 {
        // The inputs are gathered in a buffer and hashed in one call: faster than feeding a
        // streaming hasher thirty small pieces.
        let mut bytes = Bytes(Vec::with_capacity(512));
        bytes.0.extend_from_slice(&shared.to_le_bytes());
        self.hash(&mut bytes);
        xxhash_rust::xxh3::xxh3_128(&bytes.0)
    }
}

impl Hash for CertInputs<'_> {
    /// Every field that can show on a page or in a credential. The destructuring lists every
    /// field, so a field added later does not compile until it is hashed or set aside here.
    fn hash<H: Hasher>(&self, h: &mut H) {
        let CertInputs {
            cert,
            code,
            derived,
            decision,
            announced,
            own: _,       // hashed as the history, below
            decisions: _, // likewise
            today: _,     // likewise: only where each decision stands shows
            status_index,
            replaces,
            superseded_by,
            proof_created,
        } = self;
        let Certificate {
            number,
            surname,
            given_name,
            patronymic,
            profession,
            profession_en,
            scope,
            scope_en,
            issued_on,
            valid_until,
            replaces: replaced_number,
            line: _, // where the row is, not what it says
        } = cert;
        (number, surname, given_name, patronymic, profession, profession_en, scope, scope_en, issued_on, valid_until, replaced_number)
            .hash(h);
        code.hash(h);
        // The decision and replacement are hashed by content below, not by list position.
        let Derived { status, since, decision: _, superseded_by: _, announced: _ } = derived;
        (status, since).hash(h);
        for decision in [decision, announced] {
            decision.is_some().hash(h);
            if let Some(Decision { id, certificate: _, action, decided_on, effective_on, until, grounds, reason, reason_en, at: _ }) =
                decision
            {
                (id, action, decided_on, effective_on, until, reason, reason_en).hash(h);
                grounds.iter().for_each(|g| g.code.hash(h));
            }
        }
        let history = self.history();
        history.len().hash(h);
        for (d, state) in history {
            (&d.id, d.action, d.decided_on, d.effective_on, d.until, state).hash(h);
        }
        (status_index, replaces, superseded_by, proof_created).hash(h);
    }
}

/// A [`Hasher`] that only gathers the bytes it is given.
struct Bytes(Vec<u8>);

impl Hasher for Bytes {
    fn write(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    fn finish(&self) -> u64 {
        xxhash_rust::xxh3::xxh3_64(&self.0)
    }
}

/// What the certificate pass needs, computed once per build.
pub struct Certs<'a> {
    site: &'a Site,
    codes: &'a [Code],
    /// Each certificate's status, until [`Certs::release_statuses`].
    statuses: Vec<Derived>,
    status_index: &'a StatusIndex,
    signer: &'a Signer,
    renderers: &'a [Renderer],
    layout: Layout,
    /// Digest of what every certificate's files share.
    shared: u128,
}

impl<'a> Certs<'a> {
    /// The pass over `site`'s certificates.
    pub fn new(site: &'a Site, codes: &'a [Code], statuses: Vec<Derived>, signing: &'a Signing, renderers: &'a [Renderer]) -> Certs<'a> {
        let (status_index, signer) = (&signing.status_index, &signing.signer);
        let layout = Layout::new(site.routes.cert_patterns());
        let mut h = Xxh3::new();
        h.update(concat!(env!("CARGO_PKG_NAME"), " ", env!("CARGO_PKG_VERSION"), "\0").as_bytes());
        for r in renderers {
            h.update(&r.fingerprint(&site.templates.digest));
        }
        for text in [&signer.verification_method, &signer.issuer_name, &signer.did, &site.config.base_url] {
            h.update(text.as_bytes());
            h.update(b"\0");
        }
        h.update(signer.verifying_key().as_bytes());
        h.update(layout_text(&layout).as_bytes());
        // How credentials are made and signed: a version of certsite that changes it signs every
        // certificate again. (Made from bundled contexts and fixed values: it cannot fail unless
        // every credential would.)
        let (sample_url, status_list) = (site.routes.cert_url("0"), site.routes.status_list_url(Purpose::Message));
        h.update(&crate::sign::credential::sample_signed(signer, &sample_url, &status_list).unwrap_or_default());
        Certs { site, codes, statuses, status_index, signer, renderers, layout, shared: h.digest128() }
    }

    /// Each certificate's status on the build date, in list order (empty once released).
    pub fn statuses(&self) -> &[Derived] {
        &self.statuses
    }

    /// Drops the statuses once the certificates are staged: the write stage needs none, and at
    /// a million certificates they are 36 MB beside the new manifest's text.
    /// [`Certs::inputs`] cannot be called after.
    pub fn release_statuses(&mut self) {
        self.statuses = Vec::new();
    }

    /// Where each certificate's files go.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Each certificate's page code, in list order.
    pub fn codes(&self) -> &'a [Code] {
        self.codes
    }

    /// The inputs of certificate `i`.
    pub fn inputs(&self, i: usize) -> CertInputs<'a> {
        let site = self.site;
        let codes = self.codes;
        let index = self.status_index.get(i);
        CertInputs::new(site, i, self.statuses[i], codes[i], index, |j| (site.certificates.list[j].number.as_str(), codes[j]))
    }

    /// Fingerprints every certificate and compares it with `old`: which certificates changed
    /// (all of them when `force`). The unchanged ones keep the file hashes `old` records.
    pub fn diff(&self, old: &Manifest, force: bool) -> Staged {
        let n = self.layout.len();
        let count = self.codes.len();
        let fingerprints: Vec<u128> = (0..count).into_par_iter().map(|i| self.inputs(i).fingerprint(self.shared)).collect();
        let mut hashes = vec![0u64; count * n];
        let mut marks: Vec<Mark> = vec![0; count];
        let mut changed = 0;
        for (i, &code) in self.codes.iter().enumerate() {
            match old.cert_at(code, i) {
                CertKnown::Known { fingerprint, files } if !force && fingerprint == fingerprints[i] => {
                    hashes[i * n..(i + 1) * n].copy_from_slice(files);
                }
                CertKnown::Absent => {
                    marks[i] = TODO | FRESH;
                    changed += 1;
                }
                _ => {
                    marks[i] = TODO;
                    changed += 1;
                }
            }
        }
        Staged { fingerprints, hashes, marks, changed }
    }

    /// Signs and renders the certificates `diff` found changed, staging their files whose
    /// bytes differ from what `old` records (every file when `force`). Every certificate that
    /// fails is reported, and the caller then discards the staging folder.
    pub fn stage(&self, diff: Staged, old: &Manifest, out: &Output, force: bool, progress: &Progress) -> anyhow::Result<Staged> {
        let Staged { fingerprints, mut hashes, mut marks, changed } = diff;
        let n = self.layout.len();
        let site = self.site;
        // The credential follows a page per language (`Routes::cert_patterns`).
        let cred = self.renderers.len();
        let ctx = FileCtx { old, out, force, layout: &self.layout };

        // The folders of new certificates are made by the write stage's threads beside the
        // signing and rendering; the certificates are signed, then rendered, in their order, in
        // chunks, so that each finds its folders made.
        let folders = CertFolders::new(&self.layout, self.codes, &marks, out)?;
        let dir = |kind: usize, n: usize| self.layout.dir(folders.kinds[kind], folders.fresh[n]);
        let threads = FolderThreads::new(out, folders.kinds.len(), folders.fresh.len(), &dir);
        threads.alongside(|| {
            // Sign: the credential of each changed certificate.
            let stage = progress.stage("sign", changed as u64);
            let failures = Mutex::new(Vec::new());
            in_order(&mut hashes, &mut marks, n).for_each(|chunk| {
                self.each_changed(chunk, &failures, &stage, |i, inputs, url, hashes, mark| {
                    let created = day_start(inputs.proof_created);
                    let bytes = credential_json(inputs.credential(site, url, self.signer), self.signer, &created)?;
                    folders.wait(&threads, cred, i)?;
                    ctx.put(i, inputs.code, cred, &bytes, hashes, mark)
                })
            });
            stage.finish(changed as u64);
            fail_if_any(failures, |count, failures| tr!("write-credentials-failed", count = count, failures = failures))?;

            // Render: each changed certificate's page in every language, with its QR code inline.
            let stage = progress.stage("render", changed as u64);
            let failures = Mutex::new(Vec::new());
            let contexts = || self.renderers.iter().map(|r| r.context()).collect::<Vec<_>>();
            in_order(&mut hashes, &mut marks, n).for_each_init(contexts, |contexts, chunk| {
                self.each_changed(chunk, &failures, &stage, |i, inputs, url, hashes, mark| {
                    let svg = qr::qr_svg(url).map_err(|e| anyhow!(tr!("write-qr-failed", error = e.to_string())))?;
                    let views = inputs.views(site, self.renderers, url, &svg);
                    for (k, ((renderer, view), context)) in self.renderers.iter().zip(&views).zip(contexts.iter_mut()).enumerate() {
                        let page = renderer.certificate_page_in(context, view).map_err(|e| anyhow!(e))?;
                        folders.wait(&threads, k, i)?;
                        ctx.put(i, inputs.code, k, &page, hashes, mark)?;
                    }
                    Ok(())
                })
            });
            stage.finish(changed as u64);
            fail_if_any(failures, |count, failures| tr!("write-pages-failed", count = count, failures = failures))
        })?;
        Ok(Staged { fingerprints, hashes, marks, changed })
    }

    /// Runs `f` on each changed certificate of a chunk from [`in_order`]: with its row, inputs
    /// and page URL, its file hashes and mark. A failure is recorded with the certificate's
    /// row in `failures`.
    fn each_changed(
        &self,
        (first, hashes, marks): (usize, &mut [u64], &mut [Mark]),
        failures: &Mutex<Vec<String>>,
        stage: &Stage<'_>,
        mut f: impl FnMut(usize, &CertInputs<'a>, &str, &mut [u64], &mut Mark) -> anyhow::Result<()>,
    ) {
        for (j, (hashes, mark)) in hashes.chunks_mut(self.layout.len()).zip(marks.iter_mut()).enumerate() {
            if *mark & TODO == 0 {
                continue;
            }
            let inputs = self.inputs(first + j);
            let url = self.site.routes.cert_url(inputs.code);
            if let Err(e) = f(first + j, &inputs, &url, hashes, mark) {
                failures.lock().unwrap_or_else(|p| p.into_inner()).push(format!("{}: {e:#}", self.site.certificates.at(inputs.cert)));
            }
            stage.inc(1);
        }
    }

    /// The folders of a certificate's files, each once.
    fn dirs(&self, code: Code) -> Vec<String> {
        let mut dirs: Vec<String> = Vec::with_capacity(2);
        for k in 0..self.layout.len() {
            let dir = self.layout.dir(k, code);
            if !dirs.contains(&dir) {
                dirs.push(dir);
            }
        }
        dirs
    }
}

/// The layout as one line, for the shared digest.
fn layout_text(layout: &Layout) -> String {
    let zero = Code::parse("000000000000").expect("a code");
    (0..layout.len()).map(|k| layout.path(k, zero)).collect::<Vec<_>>().join(" ")
}

/// Fails with every collected failure, if there is any: `message(count, failures)` says how
/// many failed, each on a line of its own.
fn fail_if_any(failures: Mutex<Vec<String>>, message: impl Fn(usize, String) -> String) -> anyhow::Result<()> {
    let mut failures = failures.into_inner().unwrap_or_else(|p| p.into_inner());
    if failures.is_empty() {
        return Ok(());
    }
    failures.sort();
    Err(anyhow!(message(failures.len(), failures.join("\n"))))
}

/// Certificates a worker of the certificate passes takes at a time, in order.
const CHUNK: usize = 16;

/// The certificates' per-file hashes (`n` a certificate) and marks, in chunks of [`CHUNK`]
/// certificates handed to the workers in certificate order (each chunk with the row of its
/// first certificate), so the passes follow the folder threads.
fn in_order<'h>(
    hashes: &'h mut [u64],
    marks: &'h mut [u8],
    n: usize,
) -> impl ParallelIterator<Item = (usize, &'h mut [u64], &'h mut [u8])> {
    hashes.chunks_mut(n * CHUNK).zip(marks.chunks_mut(CHUNK)).enumerate().map(|(c, (h, m))| (c * CHUNK, h, m)).par_bridge()
}

/// The folders of the new certificates (`c/CODE`, `en/c/CODE`: none of their files is in the
/// output yet), made by the write stage's folder threads ([`FolderThreads`]) while the workers
/// sign and render: which folders, and which one a certificate's file waits for.
struct CertFolders {
    /// The new certificates' codes, in order.
    fresh: Vec<Code>,
    /// For each certificate row, its place in `fresh` (`u32::MAX`: not new).
    place: Vec<u32>,
    /// A file slot of each kind of folder.
    kinds: Vec<usize>,
    /// For each file slot, its kind of folder.
    kind_of: Vec<usize>,
}

impl CertFolders {
    /// The folders to make for the certificates marked [`FRESH`]; their parent folders (`c`,
    /// `en/c`) are staged now.
    fn new(layout: &Layout, codes: &[Code], marks: &[Mark], out: &Output) -> anyhow::Result<CertFolders> {
        let zero = Code::parse("000000000000").expect("a code");
        let (mut fresh, mut place) = (Vec::new(), vec![u32::MAX; marks.len()]);
        for (i, (&mark, &code)) in marks.iter().zip(codes).enumerate() {
            if mark & FRESH != 0 {
                place[i] = fresh.len() as u32;
                fresh.push(code);
            }
        }
        let (mut kinds, mut kind_of): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
        for k in 0..layout.len() {
            match kinds.iter().position(|&j| layout.dir(j, zero) == layout.dir(k, zero)) {
                Some(kind) => kind_of.push(kind),
                None => {
                    kind_of.push(kinds.len());
                    kinds.push(k);
                }
            }
        }
        if !fresh.is_empty() {
            for &k in &kinds {
                if let Some((parent, _)) = layout.dir(k, zero).rsplit_once('/') {
                    out.stage_dir(parent).map_err(|e| anyhow!(tr!("write-staging-failed", path = parent, error = e.to_string())))?;
                }
            }
        }
        Ok(CertFolders { fresh, place, kinds, kind_of })
    }

    /// Waits until the folder of file slot `k` of certificate row `i` is made.
    fn wait(&self, threads: &FolderThreads<'_>, k: usize, i: usize) -> anyhow::Result<()> {
        match self.place[i] {
            u32::MAX => Ok(()),
            place => threads.wait(self.kind_of[k], place as usize),
        }
    }
}

/// A certificate's mark in the certificate pass: [`TODO`], [`FRESH`], and bit `k` for file `k`
/// of its [`Layout`] when that file is staged ([`STAGED`]).
type Mark = u8;
/// The inputs must be signed and rendered.
const TODO: Mark = 0x80;
/// None of its files is in the output: its folders move in whole.
const FRESH: Mark = 0x40;
/// The bits of the staged files: a page per language and the credential.
const STAGED: Mark = FRESH - 1;
const _: () =
    assert!(Lang::ALL.len() < STAGED.count_ones() as usize, "a mark has a bit for each page (one per language) and for the credential");

/// The bit of file `k` in a [`Mark`].
fn staged(k: usize) -> Mark {
    1 << k
}

/// How a file of a changed certificate is compared and staged.
struct FileCtx<'a> {
    old: &'a Manifest,
    out: &'a Output,
    force: bool,
    layout: &'a Layout,
}

impl FileCtx<'_> {
    /// Records file `k` of certificate `code` (row `i`) and stages it if its bytes changed.
    fn put(&self, i: usize, code: Code, k: usize, bytes: &[u8], hashes: &mut [u64], mark: &mut Mark) -> anyhow::Result<()> {
        let hash = file_hash(bytes);
        hashes[k] = hash;
        let rel = self.layout.path(k, code);
        let write = self.force
            || match self.old.cert_at(code, i) {
                CertKnown::Absent => true,
                CertKnown::Known { files, .. } => files[k] != hash,
                CertKnown::Unknown => self.out.read(&rel)?.as_deref() != Some(bytes),
            };
        if write {
            self.out.stage(&rel, bytes).map_err(|e| anyhow!(tr!("write-staging-failed", path = &rel, error = e.to_string())))?;
            *mark |= staged(k);
        }
        Ok(())
    }
}

/// What the certificate pass staged.
pub struct Staged {
    fingerprints: Vec<u128>,
    hashes: Vec<u64>,
    /// Per certificate: [`TODO`], [`FRESH`] and bit k for each staged file k.
    marks: Vec<Mark>,
    changed: usize,
}

impl Staged {
    /// Certificates whose inputs changed (signed and rendered).
    pub fn changed(&self) -> usize {
        self.changed
    }

    /// Certificates with a staged file.
    pub fn cert_count(&self) -> usize {
        self.marks.iter().filter(|&&m| m & STAGED != 0).count()
    }

    /// The codes of the certificates with a staged file.
    pub fn codes(&self, codes: &[Code]) -> Vec<Code> {
        self.marks.iter().zip(codes).filter(|(&m, _)| m & STAGED != 0).map(|(_, &c)| c).collect()
    }

    /// Installs every staged certificate file: into an output that has no certificate folder
    /// yet (a first build), the staged `c/` (and `en/c/`) in one rename each; else a new
    /// certificate's folders in one rename each, and a changed file over the old one.
    pub fn install(&self, certs: &Certs<'_>, out: &Output, stage: &Stage<'_>) -> anyhow::Result<()> {
        let layout = &certs.layout;
        let zero = Code::parse("000000000000").expect("a code");
        // The folders that hold the certificates' folders: "c", "en/c".
        let mut parents: Vec<(String, usize)> = Vec::new();
        for k in 0..layout.len() {
            let dir = layout.dir(k, zero);
            let parent = dir.rsplit_once('/').map_or(String::new(), |(p, _)| p.to_owned());
            let staged = self.marks.iter().filter(|&&m| m & staged(k) != 0).count();
            match parents.iter_mut().find(|(p, _)| *p == parent) {
                Some((_, n)) => *n += staged,
                None => parents.push((parent, staged)),
            }
        }
        let mut whole = Vec::new();
        for (parent, files) in parents {
            if files > 0 && !parent.is_empty() && !out.root().join(&parent).exists() {
                out.install_dir(&parent, files).map_err(|e| anyhow!(tr!("write-install-failed", path = &parent, error = e.to_string())))?;
                whole.push(format!("{parent}/"));
            }
        }
        let moved = |rel: &str| whole.iter().any(|p| rel.starts_with(p.as_str()));
        for (i, &mark) in self.marks.iter().enumerate() {
            if mark & STAGED == 0 {
                continue;
            }
            let code = certs.codes[i];
            let staged: Vec<usize> = (0..layout.len()).filter(|&k| mark & staged(k) != 0 && !moved(&layout.path(k, code))).collect();
            let mut loose = staged.clone();
            if mark & FRESH != 0 {
                loose.clear();
                for dir in certs.dirs(code) {
                    let files: Vec<usize> = staged.iter().copied().filter(|&k| layout.dir(k, code) == dir).collect();
                    if !files.is_empty()
                        && !out
                            .install_dir(&dir, files.len())
                            .map_err(|e| anyhow!(tr!("write-install-failed", path = &dir, error = e.to_string())))?
                    {
                        loose.extend(files);
                    }
                }
            }
            for k in loose {
                let rel = layout.path(k, code);
                out.install(&rel).map_err(|e| anyhow!(tr!("write-install-failed", path = &rel, error = e.to_string())))?;
            }
            stage.inc(1);
        }
        Ok(())
    }

    /// The new manifest: every certificate with its fingerprint and file hashes (moved, not
    /// copied: at a million certificates they are tens of MiB), and `files`.
    pub fn into_manifest(self, certs: &Certs<'_>, files: impl Iterator<Item = (String, u64)>) -> Manifest {
        let Staged { fingerprints, hashes, marks, .. } = self;
        drop(marks);
        let mut m = Manifest::of_certs(certs.layout.clone(), certs.codes.to_vec(), fingerprints, hashes);
        for (rel, hash) in files {
            m.put_file(rel, hash);
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn site() -> Site {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        Site::load(root, time::macros::date!(2026 - 11 - 23)).unwrap_or_else(|p| panic!("{}", p.render(false)))
    }

    fn fingerprint(site: &Site, i: usize) -> u128 {
        let code = Code::parse("0123456789AB").unwrap();
        let link = |j: usize| (site.certificates.list[j].number.as_str(), code);
        CertInputs::new(site, i, site.status(i), code, 7, link).fingerprint(1)
    }

    #[test]
    fn every_public_field_moves_the_fingerprint_and_the_row_line_does_not() {
        let mut site = site();
        let before = fingerprint(&site, 0);
        assert_eq!(before, fingerprint(&site, 0), "stable");
        site.certificates.list[0].line += 10;
        assert_eq!(before, fingerprint(&site, 0), "moving a row changes nothing it publishes");
        let edits: [fn(&mut Certificate); 7] = [
            |c| c.surname = "X".into(),
            |c| c.given_name = "X".into(),
            |c| c.patronymic = None,
            |c| c.profession_en = Some("X".into()),
            |c| c.scope = vec!["X".into()].into(),
            |c| c.valid_until = c.valid_until.next_day().unwrap(),
            |c| c.number.push('X'),
        ];
        for (n, edit) in edits.iter().enumerate() {
            let mut site = self::site();
            edit(&mut site.certificates.list[0]);
            assert_ne!(before, fingerprint(&site, 0), "edit {n}");
        }
        let (a, b) = {
            let code = Code::parse("0123456789AB").unwrap();
            let link = |j: usize| (site.certificates.list[j].number.as_str(), code);
            let inputs = CertInputs::new(&site, 0, site.status(0), code, 7, link);
            (inputs.fingerprint(1), CertInputs { status_index: 8, ..inputs }.fingerprint(1))
        };
        assert_ne!(a, b, "the status list index is in the credential");
    }
}

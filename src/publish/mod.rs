//! `certsite publish` (DESIGN §2): sends what the last build into `<root>/public` changed to
//! the hosts of `[publish.<name>]`, from the record of what each holds (`state::published`),
//! never by listing the remote. The plan is the difference between the build's manifest and
//! that record, in the local install's order ([`Group`]), one transfer per group, the record
//! saved after each; deletions last.

mod s3;
mod ssh;

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::model::code::Code;
use crate::site::plan::Rank;
use crate::state::manifest::{CertKnown, Known, Manifest};
use crate::state::published::{Change, Record, Store};

/// One step of a publish, in the order a build installs files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    /// The DID document: before any credential its new key signed.
    Did,
    /// The certificates' pages and credentials.
    Certificates,
    /// Pages, assets and open data.
    Pages,
    /// Lists and feeds that link to pages.
    Indexes,
    /// The status lists: they may only flag credentials that are out.
    StatusLists,
    /// Files the build no longer has: last.
    Deletions,
}

impl Group {
    /// Every group, in order.
    pub const ALL: [Group; 6] = [Group::Did, Group::Certificates, Group::Pages, Group::Indexes, Group::StatusLists, Group::Deletions];

    /// Its name for staff, in their language.
    pub fn word(self) -> String {
        match self {
            Group::Did => tr!("publish-group-did"),
            Group::Certificates => tr!("publish-group-certificates"),
            Group::Pages => tr!("publish-group-pages"),
            Group::Indexes => tr!("publish-group-indexes"),
            Group::StatusLists => tr!("publish-group-status-lists"),
            Group::Deletions => tr!("publish-group-deletions"),
        }
    }
}

/// What one publish sends: the files whose bytes the target lacks, in the install order, and
/// what it holds that the build no longer has. Certificates are kept as codes with a bit per
/// file of the layout (a first publish of a million certificates plans in tens of megabytes).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Files other than certificates' to send, per group, in order (none empty).
    pub files: Vec<(Group, Vec<String>)>,
    /// Certificates some of whose files to send: the code and a bit per file of the layout.
    pub certs: Vec<(Code, u64)>,
    /// Files to delete (not certificates').
    pub gone_files: Vec<String>,
    /// Certificates whose files to delete.
    pub gone_certs: Vec<Code>,
    /// Files a certificate has.
    per_cert: usize,
}

impl Plan {
    /// The difference between what the build wrote (`manifest`) and what the target holds
    /// (`record`, in the manifest's layout: [`Record::into_layout`]).
    pub fn new(manifest: &Manifest, record: &Record) -> Plan {
        let held = &record.held;
        let layout = manifest.layout();
        debug_assert_eq!(held.layout(), layout, "the record is in the build's layout");
        let mut files: Vec<(Group, Vec<String>)> = Vec::new();
        for (rel, known) in manifest.files() {
            let Known::Hash(h) = known else { continue };
            if held.file(rel) == Known::Hash(h) {
                continue;
            }
            let group = match Rank::of_path(rel) {
                Rank::Did => Group::Did,
                Rank::Page => Group::Pages,
                Rank::Index => Group::Indexes,
                Rank::StatusList => Group::StatusLists,
            };
            match files.iter_mut().find(|(g, _)| *g == group) {
                Some((_, list)) => list.push(rel.to_owned()),
                None => files.push((group, vec![rel.to_owned()])),
            }
        }
        files.sort_by_key(|(g, _)| *g);
        let mut certs = Vec::new();
        for (i, &code) in manifest.codes().iter().enumerate() {
            let CertKnown::Known { files: wanted, .. } = manifest.cert_at(code, i) else { continue };
            let mask = match held.cert_at(code, i) {
                CertKnown::Known { files: has, .. } => {
                    wanted.iter().zip(has).enumerate().filter(|(_, (w, h))| w != h).fold(0u64, |m, (k, _)| m | 1 << k)
                }
                _ => (1u64 << wanted.len()) - 1,
            };
            if mask != 0 {
                certs.push((code, mask));
            }
        }
        let kept_by_cert = |rel: &str| layout.classify(rel).is_some_and(|(_, code)| matches!(manifest.cert(code), CertKnown::Known { .. }));
        let gone_files = held
            .files()
            .filter(|(rel, _)| manifest.file(rel) == Known::Absent && !kept_by_cert(rel))
            .map(|(rel, _)| rel.to_owned())
            .collect();
        let gone_certs = held.codes().iter().copied().filter(|&code| manifest.cert(code) == CertKnown::Absent).collect();
        Plan { files, certs, gone_files, gone_certs, per_cert: layout.len() }
    }

    /// Files to send, per group, in order (groups with nothing left out).
    pub fn groups(&self) -> Vec<(Group, usize)> {
        let mut groups: Vec<(Group, usize)> = self.files.iter().map(|(g, list)| (*g, list.len())).collect();
        let certs: usize = self.certs.iter().map(|(_, mask)| mask.count_ones() as usize).sum();
        if certs > 0 {
            groups.push((Group::Certificates, certs));
        }
        if self.deletion_count() > 0 {
            groups.push((Group::Deletions, self.deletion_count()));
        }
        groups.sort_by_key(|(g, _)| *g);
        groups
    }

    /// Number of files to send.
    pub fn send_count(&self) -> usize {
        self.groups().iter().filter(|(g, _)| *g != Group::Deletions).map(|(_, n)| n).sum()
    }

    /// Number of files to delete.
    pub fn deletion_count(&self) -> usize {
        self.gone_files.len() + self.gone_certs.len() * self.per_cert
    }

    /// True when the target holds the build already.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty() && self.certs.is_empty() && self.gone_files.is_empty() && self.gone_certs.is_empty()
    }

    /// The plan in batches of at most about `size` files, in order: each batch's group, its
    /// paths and the changes the record takes once it is done.
    fn batches<'a>(&'a self, manifest: &'a Manifest, size: usize) -> impl Iterator<Item = Batch> + 'a {
        let size = size.max(1);
        let layout = manifest.layout();
        let file_batches = move |group: Group, list: &'a [String], gone: bool| {
            list.chunks(size).map(move |chunk| Batch {
                group,
                paths: chunk.to_vec(),
                changes: chunk
                    .iter()
                    .map(|rel| match (gone, manifest.file(rel)) {
                        (false, Known::Hash(h)) => Change::File(rel.clone(), h),
                        _ => Change::Gone(rel.clone()),
                    })
                    .collect(),
            })
        };
        let per_batch = (size / self.per_cert.max(1)).max(1);
        let cert_batches = self.certs.chunks(per_batch).map(move |chunk| {
            let mut batch = Batch { group: Group::Certificates, paths: Vec::new(), changes: Vec::with_capacity(chunk.len()) };
            for &(code, mask) in chunk {
                if let CertKnown::Known { fingerprint, files } = manifest.cert(code) {
                    batch.paths.extend((0..files.len()).filter(|k| mask & 1 << k != 0).map(|k| layout.path(k, code)));
                    batch.changes.push(Change::Cert(code, fingerprint, files.to_vec()));
                }
            }
            batch
        });
        let gone_cert_batches = self.gone_certs.chunks(per_batch).map(move |chunk| Batch {
            group: Group::Deletions,
            paths: chunk.iter().flat_map(|&code| (0..layout.len()).map(move |k| layout.path(k, code))).collect(),
            changes: chunk.iter().map(|&code| Change::GoneCert(code)).collect(),
        });
        let before = self.files.iter().filter(|(g, _)| *g < Group::Certificates).flat_map(move |(g, list)| file_batches(*g, list, false));
        let after = self.files.iter().filter(|(g, _)| *g > Group::Certificates).flat_map(move |(g, list)| file_batches(*g, list, false));
        before.chain(cert_batches).chain(after).chain(file_batches(Group::Deletions, &self.gone_files, true)).chain(gone_cert_batches)
    }
}

/// One transfer of a publish.
struct Batch {
    group: Group,
    paths: Vec<String>,
    changes: Vec<Change>,
}

/// Why a publish to one target stopped.
#[derive(Debug)]
pub enum Stop {
    /// Refused before anything was sent (too many deletions): exit 1.
    Refused(String),
    /// A transfer failed after its retries: what is and is not published.
    Failed {
        /// The groups sent in full.
        published: Vec<Group>,
        /// The groups not (or not fully) sent.
        not_published: Vec<Group>,
        /// The error of the last attempt.
        error: String,
    },
}

/// What a publish to one target did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Sent {
    /// Files sent.
    pub files: usize,
    /// Files deleted.
    pub deleted: usize,
    /// Requests made to the host, when its transport counts them.
    pub requests: u64,
}

pub use s3::S3;
pub use ssh::Ssh;

/// A kind of host: how files reach it and leave it. A call either does all it was given or
/// fails (it is then retried whole: sending a file twice, or deleting one that is gone, is
/// harmless).
pub trait Transport {
    /// Sends the files `paths` (below `out`, where the build wrote them) to the host, each
    /// with the headers its kind is served with where the host keeps headers.
    fn send(&self, out: &Path, paths: &[String]) -> anyhow::Result<()>;
    /// Deletes `paths` on the host (a path already gone is no error).
    fn delete(&self, paths: &[String]) -> anyhow::Result<()>;
    /// How many files one call is given at most (a batch; the record is logged after each).
    fn batch(&self) -> usize {
        10_000
    }
    /// Requests made so far, for the report (0 when the transport does not count them).
    fn requests(&self) -> u64 {
        0
    }
}

/// How a publish runs: retries and (for tests) where to stop.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Send even when there are more deletions than the target allows.
    pub force: bool,
    /// Waits between attempts of a transfer (after the first, second, … failure).
    pub backoff: Vec<Duration>,
    /// Stop (as if killed: the log is not folded into the record) after this many transfers:
    /// `$CERTSITE_PUBLISH_STOP_AFTER`, tests.
    pub stop_after: Option<usize>,
    /// Files a transfer at most, in place of the transport's: `$CERTSITE_PUBLISH_BATCH`, tests.
    pub batch: Option<usize>,
}

/// Publishes `out` (whose manifest is `manifest`) to one target through `transport`, logging
/// each batch in `store` as it is done and folding the log into the record at the end. `say`
/// prints a line of progress.
pub fn publish(
    out: &Path,
    manifest: &Manifest,
    store: &Store,
    transport: &dyn Transport,
    max_deletions: usize,
    options: &Options,
    say: &mut dyn FnMut(String),
) -> Result<Sent, Stop> {
    let fail =
        |error: anyhow::Error| Stop::Failed { published: Vec::new(), not_published: Group::ALL.to_vec(), error: format!("{error:#}") };
    let mut record = store.load(manifest.layout()).map_err(fail)?;
    let plan = Plan::new(manifest, &record);
    if plan.deletion_count() > max_deletions && !options.force {
        return Err(Stop::Refused(tr!("publish-too-many-deletions", count = plan.deletion_count(), max = max_deletions)));
    }
    let groups = plan.groups();
    let mut sent = Sent::default();
    let mut done_in_group = 0;
    let mut published: Vec<Group> = Vec::new();
    let mut line = String::new();
    let batch_size = options.batch.unwrap_or_else(|| transport.batch());
    for (n, batch) in plan.batches(manifest, batch_size).enumerate() {
        let not_published = || groups.iter().map(|(g, _)| *g).filter(|g| !published.contains(g)).collect::<Vec<_>>();
        if options.stop_after.is_some_and(|s| n >= s) {
            return Err(Stop::Failed { published: published.clone(), not_published: not_published(), error: tr!("publish-stopped") });
        }
        let delete = batch.group == Group::Deletions;
        let mut attempt = 0;
        let result = loop {
            let result = if delete { transport.delete(&batch.paths) } else { transport.send(out, &batch.paths) };
            match result {
                Ok(()) => break Ok(()),
                Err(e) if attempt < options.backoff.len() => {
                    let wait = options.backoff[attempt];
                    say(tr!(
                        "publish-retry",
                        group = batch.group.word(),
                        seconds = format!("{:.1}", wait.as_secs_f64()),
                        error = format!("{e:#}")
                    ));
                    std::thread::sleep(wait);
                    attempt += 1;
                }
                Err(e) => break Err(e),
            }
        };
        if let Err(e) = result {
            let stop = Stop::Failed { published: published.clone(), not_published: not_published(), error: format!("{e:#}") };
            // What was done is kept: the next publish resumes after it.
            return Err(match store.save(&record) {
                Ok(()) => stop,
                Err(save) => {
                    Stop::Failed { published: published.clone(), not_published: not_published(), error: format!("{e:#}; {save:#}") }
                }
            });
        }
        line.clear();
        for change in &batch.changes {
            record.log_line(change, &mut line);
            record.apply(change);
        }
        store.log(&line).map_err(|e| Stop::Failed {
            published: published.clone(),
            not_published: not_published(),
            error: format!("{e:#}"),
        })?;
        if delete {
            sent.deleted += batch.paths.len();
        } else {
            sent.files += batch.paths.len();
        }
        done_in_group += batch.paths.len();
        let total = groups.iter().find(|(g, _)| *g == batch.group).map_or(0, |(_, n)| *n);
        if done_in_group >= total {
            say(tr!("publish-group-sent", group = batch.group.word(), count = total));
            published.push(batch.group);
            done_in_group = 0;
        }
    }
    sent.requests = transport.requests();
    if !plan.is_empty() || store.has_log() {
        store.save(&record).map_err(fail)?;
    }
    Ok(sent)
}

/// The folder the site is published from: `<root>/public`.
pub fn output(root: &Path) -> PathBuf {
    root.join("public")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::manifest::Layout;

    #[test]
    fn the_plan_is_the_difference_in_install_order_with_deletions_last() {
        let layout = Layout::new(vec!["c/*/index.html".into(), "c/*/credential.json".into()]);
        let mut m = Manifest::new(layout.clone());
        for (rel, h) in [("index.html", 1), ("verify/index.html", 2), ("did.json", 3), ("status/status.json", 4), ("notices/atom.xml", 5)] {
            m.put_file(rel.into(), h);
        }
        let code = Code::parse("ABCDEFGHJKMN").expect("a code");
        m.put_cert(code, 7, &[10, 11]);
        let mut record = Record::empty(layout.clone());
        let first = Plan::new(&m, &record);
        let groups: Vec<Group> = first.groups().iter().map(|(g, _)| *g).collect();
        assert_eq!(groups, [Group::Did, Group::Certificates, Group::Pages, Group::Indexes, Group::StatusLists]);
        assert_eq!(first.send_count(), 7);
        assert_eq!(first.deletion_count(), 0);
        let batches: Vec<(Group, Vec<String>)> = first.batches(&m, 1).map(|b| (b.group, b.paths)).collect();
        assert_eq!(batches[0], (Group::Did, vec!["did.json".to_owned()]));
        assert_eq!(
            batches[1],
            (Group::Certificates, vec!["c/ABCDEFGHJKMN/index.html".to_owned(), "c/ABCDEFGHJKMN/credential.json".to_owned()]),
            "a certificate's files travel together"
        );
        for batch in first.batches(&m, 1) {
            batch.changes.iter().for_each(|c| record.apply(c));
        }
        assert!(Plan::new(&m, &record).is_empty(), "nothing changed, nothing sent");

        record.held.put_file("old/index.html".into(), 9);
        record.held.put_file("verify/index.html".into(), 99);
        let gone = Code::parse("ZZZZZZZZZZZZ").expect("a code");
        record.held.put_cert(gone, 1, &[1, 2]);
        record.held.set_cert(code, 7, &[10, 12]);
        let next = Plan::new(&m, &record);
        assert_eq!(next.files, vec![(Group::Pages, vec!["verify/index.html".to_owned()])]);
        assert_eq!(next.certs, vec![(code, 0b10)], "only the file that changed");
        assert_eq!((next.gone_files.clone(), next.gone_certs.clone()), (vec!["old/index.html".to_owned()], vec![gone]));
        assert_eq!(next.deletion_count(), 3);
        let last: Vec<(Group, Vec<String>)> = next.batches(&m, 100).map(|b| (b.group, b.paths)).collect();
        assert_eq!(
            last,
            [
                (Group::Certificates, vec!["c/ABCDEFGHJKMN/credential.json".to_owned()]),
                (Group::Pages, vec!["verify/index.html".to_owned()]),
                (Group::Deletions, vec!["old/index.html".to_owned()]),
                (Group::Deletions, vec!["c/ZZZZZZZZZZZZ/index.html".to_owned(), "c/ZZZZZZZZZZZZ/credential.json".to_owned()]),
            ]
        );
    }
}

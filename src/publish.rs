//! `certsite publish` (DESIGN §2): sends what the last build into `<root>/public` changed to
//! the hosts of `[publish.<name>]`, from the record of what each holds (`state::published`),
//! never by listing the remote. The plan is the difference between the build's manifest and
//! that record, in the local install's order ([`Group`]), one transfer per group, the record
//! saved after each; deletions last.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{anyhow, bail};

use crate::config::PublishTarget;
use crate::site::plan::Rank;
use crate::state::manifest::{CertKnown, Known, Manifest};
use crate::state::published::{Record, Store};

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

    /// The name of its list file in the target's state folder.
    fn file(self) -> &'static str {
        match self {
            Group::Did => "did.list",
            Group::Certificates => "certificates.list",
            Group::Pages => "pages.list",
            Group::Indexes => "indexes.list",
            Group::StatusLists => "status-lists.list",
            Group::Deletions => "deletions.list",
        }
    }
}

/// What one publish sends: per group the files (path, hash) whose bytes the target lacks, and
/// the paths it holds that the build no longer has.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Files to send, per group, in order (no group twice, none empty).
    pub sends: Vec<(Group, Vec<(String, u64)>)>,
    /// Paths to delete.
    pub deletions: Vec<String>,
}

impl Plan {
    /// The difference between what the build wrote (`manifest`) and what the target holds.
    pub fn new(manifest: &Manifest, record: &Record) -> Plan {
        let mut wanted: Vec<(Group, String, u64)> = Vec::with_capacity(manifest.file_count());
        for (rel, known) in manifest.files() {
            if let Known::Hash(h) = known {
                let group = match Rank::of_path(rel) {
                    Rank::Did => Group::Did,
                    Rank::Page => Group::Pages,
                    Rank::Index => Group::Indexes,
                    Rank::StatusList => Group::StatusLists,
                };
                wanted.push((group, rel.to_owned(), h));
            }
        }
        let layout = manifest.layout();
        for &code in manifest.codes() {
            if let CertKnown::Known { files, .. } = manifest.cert(code) {
                for (k, &h) in files.iter().enumerate() {
                    wanted.push((Group::Certificates, layout.path(k, code), h));
                }
            }
        }
        let kept: std::collections::HashSet<&str> = wanted.iter().map(|(_, rel, _)| rel.as_str()).collect();
        let deletions = record.files.keys().filter(|rel| !kept.contains(rel.as_str())).cloned().collect();
        let mut plan = Plan { sends: Vec::new(), deletions };
        wanted.retain(|(_, rel, h)| record.files.get(rel) != Some(h));
        wanted.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        for (group, rel, h) in wanted {
            match plan.sends.last_mut() {
                Some((g, files)) if *g == group => files.push((rel, h)),
                _ => plan.sends.push((group, vec![(rel, h)])),
            }
        }
        plan
    }

    /// Number of files to send.
    pub fn send_count(&self) -> usize {
        self.sends.iter().map(|(_, f)| f.len()).sum()
    }

    /// True when the target holds the build already.
    pub fn is_empty(&self) -> bool {
        self.sends.is_empty() && self.deletions.is_empty()
    }
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
}

/// The `ssh` target: rsync over ssh into `path` on `host`.
#[derive(Debug, Clone)]
pub struct Ssh {
    destination: String,
    /// `[user@]host`.
    login: String,
    /// The folder on the host.
    path: String,
    /// The ssh command and its options, word by word.
    shell: Vec<String>,
}

impl Ssh {
    /// The target of `settings`; `ssh` is the ssh command (`$CERTSITE_SSH`, else `ssh`).
    pub fn new(settings: &PublishTarget, ssh: &str) -> anyhow::Result<Ssh> {
        let (host, path) = settings.host_path().ok_or_else(|| anyhow!(tr!("config-publish-ssh", value = &settings.ssh)))?;
        let user = settings.user.as_deref().map(|u| format!("{u}@")).unwrap_or_default();
        let path = if path.ends_with('/') { path.to_owned() } else { format!("{path}/") };
        let mut shell: Vec<String> = ssh.split_whitespace().map(str::to_owned).collect();
        shell.extend(["-o".into(), "BatchMode=yes".into()]);
        if let Some(port) = settings.port {
            shell.extend(["-p".into(), port.to_string()]);
        }
        if let Some(identity) = &settings.identity_file {
            shell.extend(["-i".into(), identity.clone()]);
        }
        Ok(Ssh { destination: format!("{user}{host}:{path}"), login: format!("{user}{host}"), path, shell })
    }

    /// Deletes exactly the paths listed in `list` on the host (`rm -f`, over ssh: the list on
    /// its standard input, so any number fits), then the folders they leave empty.
    fn delete(&self, list: &Path) -> anyhow::Result<()> {
        // `~/…` and relative paths are below the login's home, where ssh starts.
        let folder = self.path.strip_prefix("~/").unwrap_or(&self.path);
        let folder = if folder.is_empty() { ".".to_owned() } else { quote_always(folder) };
        let script = format!(
            "cd -- {folder} && f=$(mktemp) && cat >\"$f\" && xargs -d '\\n' -r rm -f -- <\"$f\"; s=$?; \
             [ -n \"$f\" ] && sed -n 's|/[^/]*$||p' \"$f\" | sort -ru | xargs -d '\\n' -r rmdir -p --ignore-fail-on-non-empty -- 2>/dev/null; \
             rm -f -- \"$f\"; exit $s"
        );
        let mut ssh = Command::new(&self.shell[0]);
        ssh.args(&self.shell[1..]).arg("--").arg(&self.login).arg(script);
        let output =
            ssh.stdin(std::fs::File::open(list)?).output().map_err(|e| anyhow!(tr!("publish-rsync-missing", error = e.to_string())))?;
        if !output.status.success() {
            bail!("ssh: {}: {}", output.status, String::from_utf8_lossy(&output.stderr).trim());
        }
        Ok(())
    }

    /// Sends the paths listed in `list` (below `out`); with `delete`, deletes them instead
    /// (they are missing from `out`).
    fn transfer(&self, out: &Path, list: &Path, delete: bool) -> anyhow::Result<()> {
        if delete {
            return self.delete(list);
        }
        let shell: Vec<String> = self.shell.iter().map(|w| quote(w)).collect();
        let mut rsync = Command::new("rsync");
        rsync.args(["--archive", "--mkpath", "--files-from"]).arg(list).arg("-e").arg(shell.join(" "));
        let source = format!("{}/", out.display());
        let output =
            rsync.arg(source).arg(&self.destination).output().map_err(|e| anyhow!(tr!("publish-rsync-missing", error = e.to_string())))?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            bail!("rsync: {}: {}", output.status, stderr.trim());
        }
        Ok(())
    }
}

/// A word of an ssh command line, quoted for rsync's `-e` when it holds a space.
fn quote(word: &str) -> String {
    if word.contains([' ', '\'', '"']) {
        format!("'{}'", word.replace('\'', "'\\''"))
    } else {
        word.to_owned()
    }
}

/// A word for the host's shell, single-quoted.
fn quote_always(word: &str) -> String {
    format!("'{}'", word.replace('\'', "'\\''"))
}

/// How a publish runs: retries and (for tests) where to stop.
#[derive(Debug, Clone)]
pub struct Options {
    /// Send even when there are more deletions than the target allows.
    pub force: bool,
    /// Waits between attempts of a transfer (after the first, second, … failure).
    pub backoff: Vec<Duration>,
    /// Stop (as if killed) after this many transfers: `$CERTSITE_PUBLISH_STOP_AFTER`, tests.
    pub stop_after: Option<usize>,
}

/// Publishes `out` (whose manifest is `manifest`) to one target, saving `store`'s record after
/// each group. `say` prints a line of progress.
pub fn publish(
    out: &Path,
    manifest: &Manifest,
    store: &Store,
    ssh: &Ssh,
    max_deletions: usize,
    options: &Options,
    say: &mut dyn FnMut(String),
) -> Result<Sent, Stop> {
    let fail =
        |error: anyhow::Error| Stop::Failed { published: Vec::new(), not_published: Group::ALL.to_vec(), error: format!("{error:#}") };
    let mut record = store.load().map_err(fail)?;
    let plan = Plan::new(manifest, &record);
    if plan.deletions.len() > max_deletions && !options.force {
        return Err(Stop::Refused(tr!("publish-too-many-deletions", count = plan.deletions.len(), max = max_deletions)));
    }
    let mut steps: Vec<(Group, Vec<String>)> =
        plan.sends.iter().map(|(g, files)| (*g, files.iter().map(|(rel, _)| rel.clone()).collect())).collect();
    if !plan.deletions.is_empty() {
        steps.push((Group::Deletions, plan.deletions.clone()));
    }
    let mut sent = Sent::default();
    let mut done: Vec<Group> = Vec::new();
    for (n, (group, paths)) in steps.iter().enumerate() {
        if options.stop_after.is_some_and(|s| n >= s) {
            let not_published = steps[n..].iter().map(|(g, _)| *g).collect();
            return Err(Stop::Failed { published: done, not_published, error: tr!("publish-stopped") });
        }
        let refs: Vec<&str> = paths.iter().map(String::as_str).collect();
        let list = store.save_list(group.file(), &refs).map_err(fail)?;
        let delete = *group == Group::Deletions;
        let mut attempt = 0;
        let result = loop {
            match ssh.transfer(out, &list, delete) {
                Ok(()) => break Ok(()),
                Err(e) if attempt < options.backoff.len() => {
                    let wait = options.backoff[attempt];
                    say(tr!(
                        "publish-retry",
                        group = group.word(),
                        seconds = format!("{:.1}", wait.as_secs_f64()),
                        error = format!("{e:#}")
                    ));
                    std::thread::sleep(wait);
                    attempt += 1;
                }
                Err(e) => break Err(e),
            }
        };
        store.remove_list(&list);
        if let Err(e) = result {
            let not_published = steps[n..].iter().map(|(g, _)| *g).collect();
            return Err(Stop::Failed { published: done, not_published, error: format!("{e:#}") });
        }
        if delete {
            for rel in paths {
                record.files.remove(rel);
            }
            sent.deleted += paths.len();
        } else {
            let files = &plan.sends.iter().find(|(g, _)| g == group).expect("a group of the plan").1;
            record.files.extend(files.iter().cloned());
            sent.files += paths.len();
        }
        store.save(&record).map_err(|e| Stop::Failed {
            published: done.clone(),
            not_published: steps[n..].iter().map(|(g, _)| *g).collect(),
            error: format!("{e:#}"),
        })?;
        say(tr!("publish-group-sent", group = group.word(), count = paths.len()));
        done.push(*group);
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
    use crate::model::code::Code;
    use crate::state::manifest::Layout;

    #[test]
    fn the_plan_is_the_difference_in_install_order_with_deletions_last() {
        let layout = Layout::new(vec!["c/*/index.html".into(), "c/*/credential.json".into()]);
        let mut m = Manifest::new(layout);
        for (rel, h) in [("index.html", 1), ("verify/index.html", 2), ("did.json", 3), ("status/status.json", 4), ("notices/atom.xml", 5)] {
            m.put_file(rel.into(), h);
        }
        let code = Code::parse("ABCDEFGHJKMN").expect("a code");
        m.put_cert(code, 7, &[10, 11]);
        let first = Plan::new(&m, &Record::default());
        let groups: Vec<Group> = first.sends.iter().map(|(g, _)| *g).collect();
        assert_eq!(groups, [Group::Did, Group::Certificates, Group::Pages, Group::Indexes, Group::StatusLists]);
        assert_eq!(first.send_count(), 7);
        assert!(first.deletions.is_empty());

        let mut record = Record::default();
        for (_, files) in &first.sends {
            record.files.extend(files.iter().cloned());
        }
        assert!(Plan::new(&m, &record).is_empty(), "nothing changed, nothing sent");
        record.files.insert("old/index.html".into(), 9);
        record.files.insert("verify/index.html".into(), 99);
        let next = Plan::new(&m, &record);
        assert_eq!(next.sends, vec![(Group::Pages, vec![("verify/index.html".to_owned(), 2)])]);
        assert_eq!(next.deletions, ["old/index.html"]);
    }
}

//! The `ssh` target of `certsite publish`: rsync over ssh, given exactly the paths to send
//! (`--files-from`), and `rm` over ssh of exactly the paths to delete.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{anyhow, bail, Context as _};

use crate::config::PublishTarget;

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
    /// Where the list of paths of a transfer is written.
    lists: PathBuf,
}

impl Ssh {
    /// The target of `settings`; `ssh` is the ssh command (`$CERTSITE_SSH`, else `ssh`).
    pub fn new(settings: &PublishTarget, ssh: &str, lists: &Path) -> anyhow::Result<Ssh> {
        let (host, path) =
            settings.host_path().ok_or_else(|| anyhow!(tr!("config-publish-ssh", value = settings.ssh.as_deref().unwrap_or_default())))?;
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
        Ok(Ssh { destination: format!("{user}{host}:{path}"), login: format!("{user}{host}"), path, shell, lists: lists.to_owned() })
    }

    /// Deletes exactly the paths listed in `list` on the host (`rm -f`, over ssh: the list on
    /// its standard input, so any number fits), then the folders they leave empty.
    fn remove(&self, list: &Path) -> anyhow::Result<()> {
        // `~/…` and relative paths are below the login's home, where ssh starts.
        let folder = self.path.strip_prefix("~/").unwrap_or(&self.path);
        let folder = if folder.is_empty() { ".".to_owned() } else { quote_always(folder) };
        let script = format!(
            "cd -- {folder} && f=$(mktemp) && cat >\"$f\" && xargs -0 -r rm -f -- <\"$f\"; s=$?; \
             [ -n \"$f\" ] && sed -z -n 's|/[^/]*$||p' \"$f\" | sort -zru | xargs -0 -r rmdir -p --ignore-fail-on-non-empty -- 2>/dev/null; \
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

    /// Writes the paths of one transfer into the list file `name`, each ended by a NUL byte
    /// (a path may hold any other character).
    fn list(&self, name: &str, paths: &[String]) -> anyhow::Result<PathBuf> {
        std::fs::create_dir_all(&self.lists).with_context(|| self.lists.display().to_string())?;
        let path = self.lists.join(name);
        let mut text = String::with_capacity(paths.len() * 40);
        for p in paths {
            text.push_str(p);
            text.push('\0');
        }
        std::fs::write(&path, text).with_context(|| path.display().to_string())?;
        Ok(path)
    }

    /// Sends the paths listed in `list` (below `out`).
    fn rsync(&self, out: &Path, list: &Path) -> anyhow::Result<()> {
        let shell: Vec<String> = self.shell.iter().map(|w| quote(w)).collect();
        let mut rsync = Command::new("rsync");
        rsync.args(["--archive", "--mkpath", "--from0", "--files-from"]).arg(list).arg("-e").arg(shell.join(" "));
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

impl super::Transport for Ssh {
    fn send(&self, out: &Path, paths: &[String]) -> anyhow::Result<()> {
        let list = self.list("send.list", paths)?;
        let result = self.rsync(out, &list);
        let _ = std::fs::remove_file(&list);
        result
    }

    fn delete(&self, paths: &[String]) -> anyhow::Result<()> {
        let list = self.list("delete.list", paths)?;
        let result = self.remove(&list);
        let _ = std::fs::remove_file(&list);
        result
    }

    fn batch(&self) -> usize {
        // One ssh connection a batch: large ones (a first publish of a million certificates
        // makes some 150).
        20_000
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

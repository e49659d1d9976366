//! The private state of a site root, `.certsite/` (DESIGN §3: never published, git-ignored).
//! This module names every file in it and is the only code that writes there. Each file is
//! written atomically (a temporary file in the same folder, flushed to disk, then renamed into
//! place), so a build killed at any moment leaves each one whole, in its old or its new version.
//! Other modules ask for what they need by method (the preview's folder, the default key, the
//! print folder), never by a path of their own. The printing office's folder, `print/` at the
//! site root (outside `.certsite/`: it is handed out, and the signing key is not), is written
//! here too ([`PrintFolder`]); what was printed is state, `printed.csv`.
//!
//! | file | what |
//! |---|---|
//! | `signing.key` | the Ed25519 key (Multikey `z3u2…`), mode 0600, created once, never overwritten |
//! | `signing.key.<key id>` | a key `keygen --rotate` moved aside, still 0600 |
//! | `url.secret` | the HMAC secret of certificate codes (DESIGN §4), mode 0600, created once |
//! | `keys.txt` | every public key that has signed, one Multikey a line: the DID document lists them all; a key retired by `keygen --retire` stays as `retired z6Mk…` and is never listed again |
//! | `status-index.csv` | each certificate's place in the status lists ([`StatusIndex`]) |
//! | `outputs/<id>/manifest` | what the last build wrote into one output folder ([`manifest`]) |
//! | `outputs/<id>/journal` | what a build is installing; present only while it does ([`manifest::Journal`]) |
//! | `outputs/<id>/staging/` | the files a build writes before moving them into the output, when that is on the same file system ([`manifest::Store::staging`]); present only while a build runs |
//! | `outputs/<id>/public` | what the last build into that folder showed the public: statuses, notices, result sets ([`public`]); `check` reads it |
//! | `lock` | held while a build runs ([`lock`]); `certsite publish` holds it too |
//! | `publish.lock` | held while `certsite publish` runs: one publish of a site at a time |
//! | `publish/<name>/record` | what the publish target `<name>` held when a publish last ended: the hash of each file, in the manifest's form ([`published`]) |
//! | `publish/<name>/log` | what a publish has sent or deleted since, a line per file or certificate, appended after each batch; folded into the record when the publish ends |
//! | `publish/<name>/send.list`, `delete.list` | the paths of one rsync or rm transfer (`ssh` targets); present only while it runs |
//! | `printed.csv` | which certificates `certsite print` has written, when, and a fingerprint of what was printed ([`printed`]) |
//! | `print/certificates.csv` | the number, code and URL of every certificate, kept current by each build (the print batches themselves go to the site's `print/`, [`PrintFolder`]) |
//! | `serve/` | the output of `certsite serve` (the preview) of a site that has its signing key and url secret, built like any output (its manifest in `outputs/`) |
//! | `preview/` | the throwaway state of `certsite serve` on a site that has no signing key or url secret yet ([`State::preview`]): the same files (`signing.key`, `url.secret`, `keys.txt`, `status-index.csv`, `outputs/`, and its output `serve/`), made by the preview only, read by no other command, removed by the preview once the site has its own |
//! | `hosting/` | the site's HTTP headers for hosts configured by hand: `nginx.conf`, `.htaccess` (Apache); rewritten by each build when they change |

pub mod keys;
pub mod lock;
pub mod manifest;
pub mod printed;
pub mod public;
pub mod published;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context as _};
use ed25519_dalek::VerifyingKey;

use crate::model::certificate::Certificates;
use crate::model::status_index::StatusIndex;
use crate::sign::multibase;
pub use printed::Printed;

/// The folder, below the site root.
pub const DIR: &str = ".certsite";
/// The default signing key, below the site root (DESIGN §2 "Key"), as the user is told it.
pub const DEFAULT_KEY: &str = ".certsite/signing.key";
/// The default signing key ([`DEFAULT_KEY`]), in the folder.
const SIGNING_KEY: &str = "signing.key";
/// The url secret.
const URL_SECRET: &str = "url.secret";
/// The key ring (`keys.txt`).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Ring {
    /// Keys the DID document lists.
    pub active: Vec<VerifyingKey>,
    /// Keys retired by `keygen --retire`: never listed, never to sign again.
    pub retired: Vec<VerifyingKey>,
}

impl Ring {
    /// Reads the text of a key ring, `path` naming it in errors: one Multikey a line, a
    /// retired key as `retired z6Mk…`; blank lines are skipped, a key listed twice counts once
    /// and a retired key is never active. A line that is not a key is an error naming the file
    /// and line.
    pub fn parse(text: &str, path: &Path) -> anyhow::Result<Ring> {
        let mut ring = Ring::default();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let (retired, encoded) = match line.trim().strip_prefix("retired ") {
                Some(rest) => (true, rest.trim()),
                None => (false, line.trim()),
            };
            let key = multibase::decode_public_key(encoded).map_err(|e| {
                anyhow!(tr!("state-keyring-bad-line", path = path.display().to_string(), line = n + 1, error = e.to_string()))
            })?;
            let list = if retired { &mut ring.retired } else { &mut ring.active };
            if !list.contains(&key) {
                list.push(key);
            }
        }
        ring.active.retain(|k| !ring.retired.contains(k));
        Ok(ring)
    }

    /// The text [`Ring::parse`] reads: active keys, then retired ones.
    pub fn to_text(&self) -> String {
        let mut text: String = self.active.iter().map(|k| format!("{}\n", multibase::encode_public_key(k))).collect();
        text.extend(self.retired.iter().map(|k| format!("retired {}\n", multibase::encode_public_key(k))));
        text
    }
}

/// What `keygen --rotate` did.
#[derive(Debug)]
pub struct Rotation {
    /// The key that signed until now (kept in the key ring).
    pub old: VerifyingKey,
    /// The new current key.
    pub new: VerifyingKey,
    /// Where the old private key was moved.
    pub old_file: PathBuf,
}

/// Public keys ever used to sign.
const KEYRING: &str = "keys.txt";
/// Status list indexes.
const STATUS_INDEX: &str = "status-index.csv";
/// Manifests and journals, one folder per output.
const OUTPUTS: &str = "outputs";
/// The build lock.
const LOCK: &str = "lock";
/// The publish lock.
const PUBLISH_LOCK: &str = "publish.lock";
/// The records of publish targets, one folder per target.
const PUBLISH: &str = "publish";
/// The record of printed certificates.
const PRINTED: &str = "printed.csv";
/// The folder of the build's list of every certificate, in `.certsite/`.
const PRINT: &str = "print";
/// The build's list of every certificate, kept current by each build.
const PRINT_LIST: &str = "certificates.csv";
/// The printing office's folder, at the site root (the default `--out` of `certsite print`).
pub const PRINT_FOLDER: &str = "print";
/// The folder of a print batch's QR codes (`qr/<number>.svg`), in a printing office's folder.
const PRINT_QR: &str = "qr";
/// The list of a print batch, in a printing office's folder.
const PRINT_BATCH: &str = "batch.csv";
/// The printable pages of a print batch (`certsite print --pdf`), in a printing office's folder.
pub const PRINT_PDF: &str = "certificates.pdf";
/// The web server snippets (`nginx.conf`, `.htaccess`) with the site's HTTP headers.
const HOSTING: &str = "hosting";
/// The preview's output (`certsite serve`).
const SERVE: &str = "serve";
/// The throwaway state of a preview of a site without secrets ([`State::preview`]).
const PREVIEW: &str = "preview";
/// The nginx snippet, in [`HOSTING`].
const HOSTING_NGINX: &str = "nginx.conf";
/// The Apache snippet, in [`HOSTING`].
const HOSTING_APACHE: &str = ".htaccess";

/// The `.certsite/` folder of one site root.
#[derive(Debug, Clone)]
pub struct State {
    dir: PathBuf,
}

impl State {
    /// The state of the site at `root` (nothing is read or created yet).
    pub fn new(root: &Path) -> State {
        State { dir: root.join(DIR) }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The path of a state file.
    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// The default signing key (`keygen` and `build` without `--key` or `$CERTSITE_KEY`).
    pub fn default_key(&self) -> PathBuf {
        self.path(SIGNING_KEY)
    }

    /// The url secret's file (for messages).
    pub fn url_secret_path(&self) -> PathBuf {
        self.path(URL_SECRET)
    }

    /// The build lock's file (for messages).
    pub fn lock_path(&self) -> PathBuf {
        self.path(LOCK)
    }

    /// Takes the build lock (see [`lock`]): at once, or waiting for the build that holds it.
    pub fn lock(&self, wait: bool) -> io::Result<Result<lock::Lock, lock::Held>> {
        fs::create_dir_all(&self.dir)?;
        lock::acquire(&self.path(LOCK), wait)
    }

    /// Takes the publish lock (see [`lock`]) at once: `Ok(Err(Held))` while another publish
    /// of the site runs.
    pub fn publish_lock(&self) -> io::Result<Result<lock::Lock, lock::Held>> {
        fs::create_dir_all(&self.dir)?;
        lock::acquire(&self.path(PUBLISH_LOCK), false)
    }

    /// The publish lock's file (for messages).
    pub fn publish_lock_path(&self) -> PathBuf {
        self.path(PUBLISH_LOCK)
    }

    /// The record of what the publish target `name` (destination `target`) holds.
    pub fn published(&self, name: &str, target: &str) -> published::Store {
        published::Store::new(self.path(PUBLISH).join(name), target)
    }

    /// The url secret, created (mode 0600) when missing and `create` is true (else a missing
    /// one is an error). The bool says whether it was created.
    pub fn url_secret(&self, create: bool) -> anyhow::Result<(Vec<u8>, bool)> {
        if let Some(secret) = self.existing_url_secret()? {
            return Ok((secret, false));
        }
        let path = self.path(URL_SECRET);
        if !create {
            bail!(tr!("state-url-secret-missing", path = path.display().to_string()));
        }
        let secret = keys::random32()?;
        create_private(&path, format!("{}\n", encode_hex(&secret)).as_bytes()).with_context(|| path.display().to_string())?;
        Ok((secret.to_vec(), true))
    }

    /// The url secret, if the site has one yet.
    pub fn existing_url_secret(&self) -> anyhow::Result<Option<Vec<u8>>> {
        let path = self.path(URL_SECRET);
        let Some(text) = read_optional(&path)? else { return Ok(None) };
        let hex = text.trim();
        let bytes = (hex.len() == 64).then(|| decode_hex(hex)).flatten();
        bytes.map(Some).ok_or_else(|| anyhow!(tr!("state-url-secret-bad", path = path.display().to_string())))
    }

    /// Reads the key ring, adds `current` if it is new, and returns the keys with the current
    /// one first (the DID document lists current and older keys, DESIGN §4). A retired key
    /// cannot sign again.
    pub fn update_keyring(&self, current: &VerifyingKey) -> anyhow::Result<Vec<VerifyingKey>> {
        let Ring { mut active, retired } = self.keyring()?;
        if retired.contains(current) {
            bail!(tr!("state-key-retired-signs", key = crate::sign::did::key_id(current), ring = self.path(KEYRING).display().to_string()));
        }
        if !active.contains(current) {
            active.push(*current);
            self.write_keyring(&Ring { active: active.clone(), retired })?;
        }
        let mut all = vec![*current];
        all.extend(active.into_iter().filter(|k| k != current));
        Ok(all)
    }

    /// Holds the DID document an earlier build published (`did_json`, if there is one) against
    /// the key ring: a key it lists that the ring neither holds nor retired means the ring was
    /// lost or replaced, and building would silently drop that key, and with it everything it
    /// signed. Refused.
    pub fn check_published_keys(&self, did_json: &Path) -> anyhow::Result<()> {
        let Some(text) = read_optional(did_json)? else { return Ok(()) };
        let Ok(document) = serde_json::from_str::<serde_json::Value>(&text) else { return Ok(()) };
        let ring = self.keyring()?;
        for method in document["verificationMethod"].as_array().into_iter().flatten() {
            let Some(key) = method["publicKeyMultibase"].as_str().and_then(|k| multibase::decode_public_key(k).ok()) else { continue };
            if !ring.active.contains(&key) && !ring.retired.contains(&key) {
                bail!(tr!(
                    "state-did-key-not-in-ring",
                    did = did_json.display().to_string(),
                    key = crate::sign::did::key_id(&key),
                    ring = self.path(KEYRING).display().to_string()
                ));
            }
        }
        Ok(())
    }

    /// The key ring: active keys and retired ones, in file order.
    pub fn keyring(&self) -> anyhow::Result<Ring> {
        let path = self.path(KEYRING);
        Ring::parse(&read_optional(&path)?.unwrap_or_default(), &path)
    }

    fn write_keyring(&self, ring: &Ring) -> anyhow::Result<()> {
        let path = self.path(KEYRING);
        write_atomic(&path, ring.to_text().as_bytes()).with_context(|| path.display().to_string())
    }

    /// `keygen --rotate`: the key at `key_file` is moved aside (`<file>.<key id>`, still 0600)
    /// and a new one written in its place; both are in the key ring, so that the DID document
    /// keeps the old one and what it signed still verifies.
    pub fn rotate_key(&self, key_file: &Path) -> anyhow::Result<Rotation> {
        if !key_file.exists() {
            bail!(tr!("state-rotate-no-key", path = key_file.display().to_string()));
        }
        let old = keys::read_key(key_file)?.verifying_key();
        let mut ring = self.keyring()?;
        if ring.retired.contains(&old) {
            bail!(tr!("state-rotate-retired", path = key_file.display().to_string()));
        }
        if !ring.active.contains(&old) {
            ring.active.push(old);
        }
        let name = key_file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let old_file = key_file.with_file_name(format!("{name}.{}", crate::sign::did::key_id(&old)));
        if old_file.exists() {
            bail!(tr!("state-rotate-aside-exists", path = old_file.display().to_string()));
        }
        // The ring first: a key that signed is never lost from it, whatever happens next.
        self.write_keyring(&ring)?;
        fs::rename(key_file, &old_file).with_context(|| tr!("state-rotate-moving-aside", path = key_file.display().to_string()))?;
        let new = match keys::create_key(key_file) {
            Ok(k) => k.verifying_key(),
            Err(e) => {
                let _ = fs::rename(&old_file, key_file);
                return Err(e.into());
            }
        };
        ring.active.push(new);
        self.write_keyring(&ring)?;
        Ok(Rotation { old, new, old_file })
    }

    /// `keygen --retire`: removes the key `id` names (`key-…`, `did:…#key-…` or its Multikey
    /// `z6Mk…`) from the key ring. Refused for a key the ring does not hold, the only key, and
    /// the key at `key_file` (it signs the site: rotate it first); and when the ring does not
    /// list the key on disk (it does not match: build once with that key first).
    pub fn retire_key(&self, key_file: &Path, id: &str) -> anyhow::Result<VerifyingKey> {
        let mut ring = self.keyring()?;
        let ring_path = self.path(KEYRING);
        let id = id.trim();
        let fragment = id.rsplit_once('#').map_or(id, |(_, f)| f);
        let named = |k: &VerifyingKey| crate::sign::did::key_id(k) == fragment || multibase::encode_public_key(k) == id;
        if ring.retired.iter().any(named) {
            bail!(tr!("state-retire-already", id = id));
        }
        let Some(&key) = ring.active.iter().find(|k| named(k)) else {
            let known: Vec<String> = ring.active.iter().map(crate::sign::did::key_id).collect();
            let file = ring_path.display().to_string();
            bail!(if known.is_empty() {
                tr!("state-retire-unknown-empty", id = id, ring = file)
            } else {
                tr!("state-retire-unknown", id = id, ring = file, keys = known.join(", "))
            });
        };
        if ring.active.len() == 1 {
            bail!(tr!("state-retire-only-key", id = id, ring = ring_path.display().to_string()));
        }
        let current = keys::read_key(key_file)?.verifying_key();
        if !ring.active.contains(&current) {
            bail!(tr!(
                "state-retire-ring-mismatch",
                ring = ring_path.display().to_string(),
                path = key_file.display().to_string(),
                key = crate::sign::did::key_id(&current)
            ));
        }
        if key == current {
            bail!(tr!("state-retire-current", id = id, path = key_file.display().to_string()));
        }
        ring.active.retain(|k| *k != key);
        ring.retired.push(key);
        self.write_keyring(&ring)?;
        Ok(key)
    }

    /// Loads the status list indexes, gives the certificates without one theirs and saves the
    /// file when anything was added.
    pub fn status_index(&self, certificates: &Certificates, secret: &[u8]) -> anyhow::Result<StatusIndex> {
        let path = self.path(STATUS_INDEX);
        let mut index = match read_optional(&path)? {
            Some(text) => StatusIndex::parse(&text, certificates)
                .map_err(|e| anyhow!(tr!("state-status-index-bad", path = path.display().to_string(), error = e.to_string())))?,
            None => StatusIndex::default(),
        };
        index.assign(certificates, secret);
        if index.changed() {
            write_atomic(&path, index.to_text(certificates).as_bytes()).with_context(|| path.display().to_string())?;
        }
        Ok(index)
    }

    /// The manifest and journal of the output folder `out`.
    pub fn output(&self, out: &Path) -> manifest::Store {
        manifest::Store::new(&self.path(OUTPUTS), out)
    }

    /// The folder `certsite print` writes a batch into: `out` when given, else `print/` at the
    /// site root (beside `.certsite/`, not in it).
    pub fn print_folder(&self, out: Option<&Path>) -> PrintFolder {
        match out {
            Some(out) => PrintFolder { dir: out.to_owned(), default: false },
            None => PrintFolder { dir: self.root().join(PRINT_FOLDER), default: true },
        }
    }

    /// The site root.
    fn root(&self) -> &Path {
        self.dir.parent().unwrap_or(Path::new("."))
    }

    /// Saves the list of every certificate, `.certsite/print/certificates.csv` (left as it is
    /// when it holds `csv` already).
    pub fn save_print_list(&self, csv: &[u8]) -> anyhow::Result<()> {
        write_if_changed(&self.path(PRINT).join(PRINT_LIST), csv)
    }

    /// The output folder of the preview (`certsite serve`): with [`State::preview`]'s, the only
    /// outputs that may be inside `.certsite/`.
    pub fn serve_dir(&self) -> PathBuf {
        self.path(SERVE)
    }

    /// Whether the site has its own signing key at `key` and its url secret: files that exist
    /// (or that cannot be looked at: a build then says why). Only `certsite build` makes them.
    pub fn has_secrets(&self, key: &Path) -> bool {
        [key, &self.path(URL_SECRET)].iter().all(|path| path.try_exists().unwrap_or(true))
    }

    /// The throwaway state of a preview (`certsite serve`) of a site that has no signing key or
    /// url secret yet: `preview/`, a state folder of its own with the same files, so that the
    /// preview's throwaway key and url secret (and the key ring, status indexes and manifests
    /// made with them) never mix with the site's: no other command reads it, and the site's
    /// own are made by its first `certsite build` as if no preview had run.
    pub fn preview(&self) -> State {
        State { dir: self.path(PREVIEW) }
    }

    /// Removes the throwaway state of [`State::preview`], when there is one (the site has its
    /// own secrets now). The bool says whether there was one.
    pub fn remove_preview(&self) -> io::Result<bool> {
        match fs::remove_dir_all(self.path(PREVIEW)) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Saves the web server snippets with the site's HTTP headers, `hosting/nginx.conf` and
    /// `hosting/.htaccess` (each left as it is when it holds its bytes already).
    pub fn save_hosting(&self, nginx: &[u8], apache: &[u8]) -> anyhow::Result<()> {
        let dir = self.path(HOSTING);
        write_if_changed(&dir.join(HOSTING_NGINX), nginx)?;
        write_if_changed(&dir.join(HOSTING_APACHE), apache)
    }

    /// The record of printed certificates (empty when none was printed).
    pub fn printed(&self) -> anyhow::Result<Printed> {
        let path = self.path(PRINTED);
        match read_optional(&path)? {
            Some(text) => Printed::parse(&text, &path),
            None => Ok(Printed::default()),
        }
    }

    /// Saves the record of printed certificates.
    pub fn save_printed(&self, printed: &Printed) -> anyhow::Result<()> {
        let path = self.path(PRINTED);
        write_atomic(&path, printed.to_text().as_bytes()).with_context(|| path.display().to_string())
    }
}

/// A folder that `certsite print` writes a batch into: `print/` at the site root or the one
/// `--out` names. A batch is `qr/<number>.svg` for each certificate (`/` in a number becomes
/// `_`), `certificates.pdf` with `--pdf`, and `batch.csv` listing them; each file is written
/// atomically, files of an earlier batch are left as they are. The default folder also gets a
/// `.gitignore` of `*` (when it has none), so that git ignores it even in a site whose own
/// `.gitignore` is older than the folder: its files hold the codes of the certificates'
/// verification pages.
#[derive(Debug, Clone)]
pub struct PrintFolder {
    dir: PathBuf,
    default: bool,
}

impl PrintFolder {
    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the batch's PDF goes.
    pub fn pdf_path(&self) -> PathBuf {
        self.dir.join(PRINT_PDF)
    }

    /// Writes a batch: the QR code of each certificate (`(file stem, SVG)`), the PDF if there
    /// is one, then `batch.csv`.
    pub fn save_batch(&self, qr_codes: &[(String, String)], pdf: Option<&[u8]>, csv: &[u8]) -> anyhow::Result<()> {
        let qr_dir = self.dir.join(PRINT_QR);
        let qr_files = qr_codes.iter().map(|(stem, svg)| (qr_dir.join(format!("{stem}.svg")), svg.as_bytes()));
        for (path, bytes) in qr_files.chain(pdf.map(|pdf| (self.pdf_path(), pdf))) {
            write_atomic(&path, bytes).with_context(|| path.display().to_string())?;
        }
        let path = self.dir.join(PRINT_BATCH);
        write_atomic(&path, csv).with_context(|| path.display().to_string())?;
        let ignore = self.dir.join(".gitignore");
        if self.default && !ignore.exists() {
            write_atomic(&ignore, b"# certsite print: files for the printing office; they hold the certificates' codes\n*\n")
                .with_context(|| ignore.display().to_string())?;
        }
        Ok(())
    }
}

/// Reads a state file that may not exist yet.
fn read_optional(path: &Path) -> anyhow::Result<Option<String>> {
    match fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| path.display().to_string()),
    }
}

/// Replaces `path` with `bytes` atomically ([`write_atomic`]), unless it holds them already.
fn write_if_changed(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if holds(path, bytes) {
        return Ok(());
    }
    write_atomic(path, bytes).with_context(|| path.display().to_string())
}

/// Whether the file at `path` holds exactly `bytes` (false when it cannot be read): compared a
/// piece at a time, without a second copy of a big file (the print list of a million
/// certificates is some 70 MB).
fn holds(path: &Path, bytes: &[u8]) -> bool {
    use std::io::Read;
    let Ok(mut file) = fs::File::open(path) else { return false };
    if file.metadata().map_or(true, |m| m.len() != bytes.len() as u64) {
        return false;
    }
    let mut piece = vec![0; 64 * 1024];
    let mut rest = bytes;
    loop {
        match file.read(&mut piece) {
            Ok(0) => return rest.is_empty(),
            Ok(n) if n <= rest.len() && piece[..n] == rest[..n] => rest = &rest[n..],
            Ok(_) => return false,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
}

/// The temporary name beside `path` used while writing it.
fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.certsite-tmp"))
}

/// Writes `bytes` to a new temporary file beside `path` (mode `mode` on Unix), flushed to disk.
fn write_temp(path: &Path, bytes: &[u8], mode: u32) -> io::Result<PathBuf> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    let temp = temp_path(path);
    let _ = fs::remove_file(&temp); // left by a killed build
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    let mut file = options.open(&temp)?;
    file.write_all(bytes).and_then(|()| file.sync_all()).inspect_err(|_| {
        let _ = fs::remove_file(&temp);
    })?;
    Ok(temp)
}

/// Replaces (or creates) `path` with `bytes` atomically: a reader, or a build killed at any
/// moment, sees the old file or the new one, whole.
fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    crate::disk::checkpoint();
    let temp = write_temp(path, bytes, 0o644)?;
    fs::rename(&temp, path).inspect_err(|_| {
        let _ = fs::remove_file(&temp);
    })
}

/// Creates `path` with `bytes`, mode 0600, atomically and never over an existing file (for
/// secrets: a key is never overwritten, and never left half written).
fn create_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    crate::disk::checkpoint();
    let temp = write_temp(path, bytes, 0o600)?;
    let linked = fs::hard_link(&temp, path);
    let _ = fs::remove_file(&temp);
    linked
}

/// Lower-case hexadecimal.
pub fn encode_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads hexadecimal digits (an even number of them).
pub fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len() / 2).map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_writes_replace_and_private_files_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b.txt");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let secret = dir.path().join("s");
        create_private(&secret, b"x").unwrap();
        assert!(create_private(&secret, b"y").is_err());
        assert_eq!(fs::read(&secret).unwrap(), b"x");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&secret).unwrap().permissions().mode() & 0o777, 0o600);
        }
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 2, "no temporary file is left: {names:?}");
    }

    #[test]
    fn the_default_key_is_the_one_users_are_told() {
        let state = State::new(Path::new("site"));
        assert_eq!(state.default_key(), Path::new("site").join(DEFAULT_KEY));
    }

    #[test]
    fn the_preview_keeps_its_throwaway_secrets_apart_and_outside_its_output() {
        let dir = tempfile::tempdir().unwrap();
        let state = State::new(dir.path());
        let preview = state.preview();
        assert_eq!(preview.dir(), dir.path().join(".certsite/preview"));
        for secret in [preview.default_key(), preview.url_secret_path()] {
            assert!(secret.starts_with(preview.dir()) && !secret.starts_with(preview.serve_dir()), "{}", secret.display());
            assert_ne!(secret.parent(), Some(state.dir()), "never where the site's own are");
        }
        assert!(!state.has_secrets(&state.default_key()));
        preview.url_secret(true).unwrap();
        keys::create_key(&preview.default_key()).unwrap();
        assert!(!state.has_secrets(&state.default_key()), "the preview's are not the site's");
        assert!(state.remove_preview().unwrap());
        assert!(!preview.dir().exists());
        assert!(!state.remove_preview().unwrap());
        state.url_secret(true).unwrap();
        assert!(!state.has_secrets(&state.default_key()), "a url secret without a key");
        keys::create_key(&state.default_key()).unwrap();
        assert!(state.has_secrets(&state.default_key()));
    }

    #[test]
    fn keyring_keeps_old_keys_and_puts_the_current_first() {
        let dir = tempfile::tempdir().unwrap();
        let state = State::new(dir.path());
        let a = ed25519_dalek::SigningKey::from_bytes(&[1; 32]).verifying_key();
        let b = ed25519_dalek::SigningKey::from_bytes(&[2; 32]).verifying_key();
        assert_eq!(state.update_keyring(&a).unwrap(), vec![a]);
        assert_eq!(state.update_keyring(&b).unwrap(), vec![b, a]);
        assert_eq!(state.update_keyring(&a).unwrap(), vec![a, b]);
        assert_eq!(fs::read_to_string(state.path(KEYRING)).unwrap().lines().count(), 2);
    }

    #[test]
    fn url_secret_round_trips_and_garbage_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let state = State::new(dir.path());
        assert!(state.url_secret(false).is_err(), "not created unless asked");
        assert!(!state.url_secret_path().exists());
        let (a, created) = state.url_secret(true).unwrap();
        assert!(created);
        assert_eq!(state.url_secret(true).unwrap(), (a.clone(), false));
        assert_eq!(state.url_secret(false).unwrap(), (a, false));
        fs::write(state.path(URL_SECRET), "zz").unwrap();
        assert!(state.url_secret(true).is_err());
    }

    #[test]
    fn print_list_and_hosting_are_rewritten_only_when_they_change() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let state = State::new(dir.path());
        let inode = |rel: &str| fs::metadata(state.dir().join(rel)).unwrap().ino();
        state.save_print_list(b"number,code,url\n").unwrap();
        state.save_hosting(b"nginx", b"apache").unwrap();
        assert_eq!(fs::read(state.dir().join("print/certificates.csv")).unwrap(), b"number,code,url\n");
        assert_eq!(fs::read(state.dir().join("hosting/nginx.conf")).unwrap(), b"nginx");
        assert_eq!(fs::read(state.dir().join("hosting/.htaccess")).unwrap(), b"apache");
        let before = [inode("print/certificates.csv"), inode("hosting/nginx.conf"), inode("hosting/.htaccess")];
        state.save_print_list(b"number,code,url\n").unwrap();
        state.save_hosting(b"nginx", b"apache 2").unwrap();
        assert_eq!(before[..2], [inode("print/certificates.csv"), inode("hosting/nginx.conf")], "same bytes: not rewritten");
        assert_ne!(before[2], inode("hosting/.htaccess"));
        assert_eq!(fs::read(state.dir().join("hosting/.htaccess")).unwrap(), b"apache 2");
        // Longer than a piece of the comparison, and changed in its last byte only.
        let big: Vec<u8> = (0..200_000u32).map(|i| b'a' + (i % 26) as u8).collect();
        state.save_print_list(&big).unwrap();
        let before = inode("print/certificates.csv");
        state.save_print_list(&big).unwrap();
        assert_eq!(before, inode("print/certificates.csv"), "same bytes: not rewritten");
        let mut changed = big.clone();
        *changed.last_mut().unwrap() = b'!';
        state.save_print_list(&changed).unwrap();
        assert_eq!(fs::read(state.dir().join("print/certificates.csv")).unwrap(), changed);
        state.save_print_list(&big[1..]).unwrap();
        assert_eq!(fs::read(state.dir().join("print/certificates.csv")).unwrap(), &big[1..]);
    }

    #[test]
    fn printed_record_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let state = State::new(dir.path());
        let mut printed = state.printed().unwrap();
        assert!(printed.records.is_empty());
        let on = time::macros::date!(2026 - 11 - 30);
        let mut content = printed::Fingerprint::default();
        content.insert("holder", 42);
        printed.records.insert("PSM/1".into(), printed::Record { on, content: Some(content) });
        state.save_printed(&printed).unwrap();
        assert_eq!(state.printed().unwrap(), printed);
    }

    #[test]
    fn the_printing_office_folder_is_at_the_site_root_and_ignored_by_git() {
        let dir = tempfile::tempdir().unwrap();
        let state = State::new(dir.path());
        let folder = state.print_folder(None);
        assert_eq!(folder.dir(), dir.path().join("print"));
        folder.save_batch(&[("T-1".into(), "<svg/>".into())], None, b"number\n").unwrap();
        assert_eq!(fs::read_to_string(dir.path().join("print/.gitignore")).unwrap().lines().last(), Some("*"));
        fs::write(dir.path().join("print/.gitignore"), "mine").unwrap();
        folder.save_batch(&[], None, b"number\n").unwrap();
        assert_eq!(fs::read_to_string(dir.path().join("print/.gitignore")).unwrap(), "mine", "never overwritten");
        let elsewhere = state.print_folder(Some(&dir.path().join("usb")));
        elsewhere.save_batch(&[], None, b"number\n").unwrap();
        assert!(!dir.path().join("usb/.gitignore").exists(), "a folder of the user's own is left alone");
        assert!(!state.dir().exists(), "nothing in .certsite/");
    }
}

//! State, secrets: the Ed25519 signing key file (DESIGN §2 "Key"). It lives outside the
//! output, is created on first use with mode 0600 (atomically, never over an existing file),
//! and holds the Multikey `privateKeyMultibase` form (`z3u2…`) on one line.

use std::path::{Path, PathBuf};

use ed25519_dalek::SigningKey;

use crate::sign::multibase;

/// Why a secret could not be had.
#[derive(Debug)]
pub enum SecretError {
    /// Reading or creating the file failed.
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file exists but does not hold a key.
    BadKey {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// The operating system's random source failed.
    Random(String),
    /// A key path inside the output directory would get published.
    KeyInOutput {
        /// The key path.
        key: PathBuf,
        /// The output directory.
        out: PathBuf,
    },
}

impl std::fmt::Display for SecretError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            SecretError::Io { path, source } => format!("{}: {source}", path.display()),
            SecretError::BadKey { path, reason } => tr!("state-key-bad", path = path.display().to_string(), reason = reason),
            SecretError::Random(e) => tr!("state-key-no-randomness", error = e),
            SecretError::KeyInOutput { key, out } => {
                tr!("state-key-in-output", key = key.display().to_string(), out = out.display().to_string())
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for SecretError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SecretError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// 32 bytes from the operating system's random source.
pub fn random32() -> Result<[u8; 32], SecretError> {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes).map_err(|e| SecretError::Random(e.to_string()))?;
    Ok(bytes)
}

/// A new random signing key.
pub fn generate() -> Result<SigningKey, SecretError> {
    Ok(SigningKey::from_bytes(&random32()?))
}

/// Writes a new key to `path` (mode 0600, refusing to overwrite) and returns it.
pub fn create_key(path: &Path) -> Result<SigningKey, SecretError> {
    let key = generate()?;
    super::create_private(path, format!("{}\n", multibase::encode_secret_key(&key)).as_bytes())
        .map_err(|source| SecretError::Io { path: path.to_owned(), source })?;
    Ok(key)
}

/// Reads a key file.
pub fn read_key(path: &Path) -> Result<SigningKey, SecretError> {
    let text = std::fs::read_to_string(path).map_err(|source| SecretError::Io { path: path.to_owned(), source })?;
    multibase::decode_secret_key(text.trim()).map_err(|e| SecretError::BadKey { path: path.to_owned(), reason: e.to_string() })
}

/// Reads the key at `path`, or creates it when `create` is true and it does not exist. The
/// bool says whether it was created (the caller warns loudly: back it up).
pub fn load_or_create_key(path: &Path, create: bool) -> Result<(SigningKey, bool), SecretError> {
    if path.exists() || !create {
        return read_key(path).map(|k| (k, false));
    }
    create_key(path).map(|k| (k, true))
}

/// Refuses a key path inside the output directory (DESIGN §2: never under the output).
pub fn check_key_outside(key: &Path, out: &Path) -> Result<(), SecretError> {
    let (k, o) = (crate::disk::absolute(key), crate::disk::absolute(out));
    if k.starts_with(&o) {
        return Err(SecretError::KeyInOutput { key: key.to_owned(), out: out.to_owned() });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_is_created_0600_read_back_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".certsite/signing.key");
        let (key, created) = load_or_create_key(&path, true).unwrap();
        assert!(created);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        let (again, created) = load_or_create_key(&path, true).unwrap();
        assert!(!created);
        assert_eq!(key.to_bytes(), again.to_bytes());
        assert!(create_key(&path).is_err());
    }

    #[test]
    fn key_inside_output_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        assert!(check_key_outside(&out.join("k.key"), &out).is_err());
        assert!(check_key_outside(&dir.path().join("other/../public/x/k.key"), &out).is_err());
        assert!(check_key_outside(&dir.path().join(".certsite/signing.key"), &out).is_ok());
        assert!(check_key_outside(&dir.path().join("public2/k"), &out).is_ok());
    }
}

# The site's private state, .certsite/: the key ring (keys.txt), the signing key, the URL
# secret, the status list indexes, the build lock, and the manifest and journal of each output
# folder.

# A line of the key ring (.certsite/keys.txt) is not a public key.
state-keyring-bad-line = { $path }:{ $line }: { $error }; restore the key ring from a backup (a copy of .certsite/): did.json must keep listing every key that signed
state-url-secret-missing = { $path }: no url secret (only `certsite build` creates it)
state-url-secret-bad = { $path }: expected 64 hexadecimal digits; restore it from a backup (a copy of .certsite/): every certificate's address and printed QR code derives from it
# A build with a key that `certsite keygen --retire` took out of the key ring ($ring).
state-key-retired-signs = the signing key { $key } was retired (`certsite keygen --retire`, { $ring }): it must never sign again; use another key (`certsite keygen --rotate`)
# The published did.json ($did) names a key that the key ring ($ring) lost.
state-did-key-not-in-ring = { $did } lists { $key }, which the key ring { $ring } does not hold: restore the key ring (a copy of .certsite/), or retire the key with `certsite keygen --retire { $key }` if that is meant

# certsite keygen --rotate.
state-rotate-no-key = { $path }: no key to rotate (`certsite keygen` makes a first one)
state-rotate-retired = { $path }: this key was retired; a new one is made by `certsite keygen --out` in its place
# The file the old key is moved to exists already.
state-rotate-aside-exists = { $path } exists: move it away first
# Followed by the system's reason why the old key file could not be renamed.
state-rotate-moving-aside = moving { $path } aside

# certsite keygen --retire KEY_ID.
state-retire-already = { $id } is retired already
# $keys: the key ids the key ring holds, comma-separated.
state-retire-unknown = { $id }: no such key in { $ring } (it holds: { $keys })
state-retire-unknown-empty = { $id }: no such key in { $ring } (it holds: none)
state-retire-only-key = { $id } is the only key of { $ring }: nothing would verify the site (rotate first, then retire the old key)
state-retire-ring-mismatch = { $ring } does not list the signing key { $path } ({ $key }): the key ring does not match the key on disk
state-retire-current = { $id } is the current signing key ({ $path }): `certsite keygen --rotate` first, then retire it

# .certsite/status-index.csv cannot be read; $error starts with the line number.
state-status-index-bad = { $path }:{ $error }; restore it from a backup (a copy of .certsite/): a certificate's place in the status lists must never change once its credential is out

# The signing key file.
state-key-bad = { $path }: not an Ed25519 key in Multikey form (z3u2…): { $reason }
state-key-no-randomness = no randomness available: { $error }
state-key-in-output = the key { $key } is inside the output directory { $out }: it would be published

# The build lock: another certsite process is building this site.
state-lock-held = another build holds this site
state-lock-held-by = another build holds this site (pid { $pid })
# $started: a date and time, e.g. 2026-03-01 09:15:00 UTC.
state-lock-held-since = another build holds this site (pid { $pid }, started { $started })

# What is wrong with a line of a manifest (.certsite/outputs/<id>/manifest: what the last build
# wrote into an output folder) or of a journal (what a build was installing when it stopped).
# The words in quotes are the line's format: the keywords output, layout, file and cert stay as
# they are.
state-manifest-expected-magic = expected "{ $magic }"
state-manifest-expected-output = expected "output <folder>"
state-manifest-expected-layout = expected "layout <patterns>"
state-manifest-bad-pattern = "{ $pattern }" is not a pattern with one `*` folder
state-manifest-expected-file = expected "file <hash> <path>"
state-manifest-expected-cert = expected "cert <code> <fingerprint>" and { $count } file hashes
state-manifest-cert-twice = certificate code { $code } is recorded twice
state-manifest-expected-line = expected a line "file …" or "cert …"
state-journal-expected-line = expected "cert <code>" or "file <path>"
# $error: one of the messages above; $out: the output folder.
state-manifest-damaged = { $path }:{ $line }: { $error }: the record of what the last build wrote into { $out } is damaged; run `certsite build --clean`, which rewrites the output and this record
state-journal-damaged = { $path }:{ $line }: { $error }: the journal of a build of { $out } that was stopped is damaged; run `certsite build --clean`, which rewrites the output without it
state-publish-record-damaged = { $path }:{ $line }: expected { $wanted }: the record of what this publish target holds is damaged; remove the file and the next publish sends every file to the target again

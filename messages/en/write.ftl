# Writing a site: the output folder, the staging of files before they are installed, signing
# (keys, proofs, JSON-LD, status lists) and certsite init.

# The output folder (--out) may not hold or sit inside the site's own files.
write-output-holds-site = the output { $out } holds { $path }: building there would delete the site's own files
# $folder: data, content or templates.
write-output-in-input = the output { $out } is inside the site's { $folder }/ folder, which certsite reads
write-output-in-state = the output { $out } is inside .certsite/, which holds the site's private state

# A file or folder could not be written into the staging folder, or moved from it into the
# output. $path: below the output folder; $error: the system's reason.
write-staging-failed = staging { $path }: { $error }
write-install-failed = writing { $path }: { $error }
# A certificate's file whose folder could not be made (the folder's own error is reported).
write-folder-not-made = its folder was not made
write-nothing-written = { $error }; nothing was written
# $failures: one line per certificate, "file:line: why".
write-credentials-failed =
    { $count } certificate credentials failed to sign; nothing was written:
    { $failures }
write-pages-failed =
    { $count } certificate pages failed to render; nothing was written:
    { $failures }
write-qr-failed = QR code: { $error }

# Keys in Multikey form (public z6Mk…, secret z3u2…), as a key file or did.json holds them.
write-key-not-base58btc = not a base58btc multibase value: it must start with 'z', found { $found }
write-key-not-base58btc-empty = not a base58btc multibase value: it must start with 'z', found an empty string
write-key-invalid-base58 = invalid base58btc: { $error }
# $expected and $found: one of the write-key-expected-… and write-key-found-… messages.
write-key-wrong-kind = wrong kind of key: expected { $expected }, found { $found }
write-key-expected-ed25519-public = an Ed25519 public key (Multikey header 0xed01, z6Mk…)
write-key-expected-ed25519-secret = an Ed25519 secret key (Multikey header 0x8026, z3u2…)
write-key-found-ed25519-public = an Ed25519 public key (header 0xed01)
write-key-found-ed25519-secret = an Ed25519 secret key (header 0x8026)
write-key-found-x25519-public = an X25519 public key (header 0xec01)
write-key-found-secp256k1-public = a secp256k1 public key (header 0xe701)
write-key-found-p256-public = a P-256 public key (header 0x8024)
write-key-found-p384-public = a P-384 public key (header 0x8124)
write-key-found-nothing = no bytes at all
write-key-found-byte = the single byte { $byte }
write-key-found-unknown = the unknown header { $header }
write-key-public-wrong-length = wrong length: Ed25519 public key must be { $expected } bytes, found { $found }
write-key-secret-wrong-length = wrong length: Ed25519 secret key must be { $expected } bytes, found { $found }
write-key-not-a-point = not a valid Ed25519 public key: the bytes are not a point of the curve
write-key-weak = weak Ed25519 public key (a small-order point): refused

# Why a signed document's proof (its signature) does not verify. Member names (proof, created,
# verificationMethod, @context) and the values in quotes stay as they are.
write-proof-missing = the document has no proof: it is not signed
# $error: one of the write-proof-… messages below that say what is malformed.
write-proof-malformed = the proof is malformed: { $error }
write-proof-set-member-not-object = a proof of the set is not an object
write-proof-not-object = `proof` is not an object
write-proof-bad-created = `created` is not an XML Schema dateTime: { $value }
write-proof-no-method = `verificationMethod` is missing or not a string
write-proof-wrong-type = the proof's type is not "DataIntegrityProof"
write-proof-wrong-cryptosuite = the proof's cryptosuite is not "eddsa-jcs-2022" or "eddsa-rdfc-2022"
write-proof-wrong-purpose = the proof's purpose is not "assertionMethod": it does not assert this document
write-proof-context-mismatch = the proof's @context does not match the document's @context
# $method: the key the proof names, in quotes.
write-proof-unknown-method = unknown verification method { $method }: no such key is published by the issuer
write-proof-bad-value = the proof value is missing or is not a base58btc-encoded Ed25519 signature
write-proof-bad-signature = the signature does not match: the document or its proof was altered, or signed with another key
write-proof-not-json-ld = the document cannot be read as JSON-LD: { $error }

# A document cannot be turned into RDF (to sign or verify it with eddsa-rdfc-2022).
write-rdf-json-ld = JSON-LD: { $error }
write-rdf-undefined = the member "{ $member }" is defined by no context of the document
write-rdf-canonical = RDF canonicalization: { $error }
# A fault of certsite itself, never of the data.
write-rdf-mismatch = the compiled RDF of a document differs from its JSON-LD processing
# Nothing is downloaded: only the JSON-LD contexts bundled in certsite are known.
write-rdf-context-not-bundled = { $url } is not a bundled context (nothing is fetched)

# A status list's encodedList (the bits, GZIP-compressed, in base64url with a 'u' prefix).
write-status-list-no-prefix = encodedList is not multibase base64url (no 'u' prefix)
write-status-list-not-base64url = encodedList is not base64url: { $error }
write-status-list-not-gzip = encodedList is not GZIP: { $error }

# certsite init [DIR].
write-init-not-empty = { $dir } is not empty (it holds { $entry })
write-init-not-folder = { $path } exists and is not a folder
write-init-cannot-write = cannot write { $path }: { $error }

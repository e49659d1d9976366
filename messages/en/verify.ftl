# certsite verify: why a file of a built site, or a credential file, did not verify. Each is
# printed after the file's name (FAIL <file>: <reason>). "it" is the credential being checked.
# JSON member names (issuer, statusPurpose, credentialStatus, validFrom, …), type names
# (BitstringStatusListCredential, BitstringStatusListEntry) and status codes stay as they are.

verify-cannot-read = cannot read: { $error }
verify-not-json = not JSON: { $error }
verify-not-object = not a JSON object
verify-did-no-id = the DID document has no id
verify-wrong-issuer = issuer is "{ $issuer }", not the site's DID { $did }
# $suite: a cryptosuite, eddsa-jcs-2022 or eddsa-rdfc-2022.
verify-no-proof-of-suite = it has no { $suite } proof
verify-no-did-document = { $path }: no DID document (.well-known/did.json or did.json): is this a built site?
# $expected: the path the credential's id should end with, e.g. /c/7K2M9QWX4RTB/.
verify-id-not-folder = its id is not the address of its folder ({ $expected })

# A status list (a signed list of bits, one entry per certificate).
verify-not-status-list = not a BitstringStatusListCredential
verify-wrong-purpose = statusPurpose is { $found }, not { $expected }
# $min: 131072, the smallest list the Bitstring Status List specification allows.
verify-too-few-entries = { $count } entries, fewer than the { $min } the specification requires

# A credential's status entries, which point into the status lists. $purpose: message,
# revocation or suspension.
verify-status-not-entry = its status entry is not a BitstringStatusListEntry of purpose "message"
verify-status-size = its status entry's statusSize is { $size }, not 2
verify-status-messages = its status entry's statusMessage is not certsite's (0x0 clear, 0x1 suspended, 0x2 revoked)
verify-status-index = its status index { $index } is not one certsite gives
verify-no-status-entry = no { $purpose } status entry
verify-index-not-number = its { $purpose } index is not a number
verify-indexes-differ = its two status entries have different indexes
verify-status-not-entry-or-list = credentialStatus is neither an entry nor a list of entries
verify-entry-elsewhere = its { $purpose } entry does not point into { $url }
verify-index-outside = its { $purpose } index is not inside the list
# The message list holds two bits per certificate: 0 clear, 1 suspended, 2 revoked.
verify-entry-holds-3 = entry { $entry } holds 3, a value certsite never writes
verify-one-bit-disagrees = the one-bit reading of entry { $entry } disagrees with its two bits
# $list: the message list's file; $status: suspended or revoked.
verify-lists-disagree = { $list } says it is { $status }, the one-bit lists disagree

# A file held against the record of what the last build wrote.
verify-file-differs = differs from what the last build wrote (edited by hand, or copied in part?)
verify-file-missing = missing: the last build wrote it
verify-file-stray = not written by the last build (a stray or hand-made file)

# A certificate's verification page. $found and $expected: revoked or suspended.
verify-page-not-certificate = the page does not show certificate { $number }
verify-page-no-qr = the page has no QR code (an inline SVG in the element marked data-qr)
verify-page-status = the page says "{ $found }", the status lists say { $expected }
verify-page-status-none = the page says "{ $found }", the status lists flag nothing

# The status lists compared with the site's data (certsite verify in a site root).
verify-valid-from = validFrom is not a date
# $errors: the data's errors, as check prints them.
verify-data-errors =
    { $path }: the data has errors:
    { $errors }
verify-not-in-data = certificate { $number } is not in the data
# $found: the bits of the list (a number); $status: the status the data gives (valid, suspended, …).
verify-bits-differ = entry { $entry } of certificate { $number } is { $found }, but the data says it is { $status } on { $date }
verify-paper-changed = not the document certsite publishes here (DESIGN §4)
verify-paper-table = not the paper credentials' type table of { $did } and the keys of its DID document
cmd-verify-qr-verdict = verdict: { $verdict } ({ $verdict ->
        [valid] authentic and valid
        [suspended] authentic, but suspended
        [revoked] authentic, but revoked
        [expired] authentic, but expired
        [not-yet-valid] authentic, not valid yet
        [not-authentic] not authentic
        [unknown-key] not signed by this site
       *[unreadable] unreadable
    })
cmd-verify-qr-unreadable = not a paper QR code of this site that can be read: { $why }
cmd-verify-qr-unknown-key = signed by a key this site's DID document does not list (a retired key, or another issuer's)
cmd-verify-qr-not-authentic = NOT AUTHENTIC: the signature does not match what the code says (something was changed)
cmd-verify-qr-authentic = authentic: signed by this site's key
cmd-verify-qr-holder = holder: { $holder }
cmd-verify-qr-profession = profession: { $profession }
cmd-verify-qr-number = certificate number: { $number }
cmd-verify-qr-dates = period of validity as issued: { $from } to { $until } (inclusive)
cmd-verify-qr-status = status: { $status ->
        [suspended] suspended
        [revoked] revoked
        [expired] expired
        [not-yet-valid] not valid yet
       *[valid] valid
    } (status as of { $day }, the date of the site's status list)
cmd-verify-qr-status-unchecked = status: { $status ->
        [suspended] suspended
        [revoked] revoked
        [expired] expired
        [not-yet-valid] not valid yet
       *[valid] valid
    } (revocation and suspension not checked: no status list that verifies)
cmd-verify-qr-image-unreadable = cannot read the image { $path }: { $why }
cmd-verify-qr-image-format = { $path } is neither a PNG nor a JPEG image
cmd-verify-qr-image-none = no paper QR code (VC1-R…) found in { $path }
cmd-verify-qr-status-undated = status: { $status ->
        [suspended] suspended
        [revoked] revoked
        [expired] expired
        [not-yet-valid] not valid yet
       *[valid] valid
    } (by the site's status list, which has no date)

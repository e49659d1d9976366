# What the commands say on the terminal: summaries, what was written, why a command stopped.

warning = warning
cmd-epoch-not-seconds = SOURCE_DATE_EPOCH="{ $value }" is not a number of seconds
cmd-epoch-out-of-range = SOURCE_DATE_EPOCH: { $why }
# One file's blank rows, in the list after "skipped".
cmd-blank-rows-in = { $count ->
        [one] 1 blank row
       *[other] { $count } blank rows
    } in { $path }
cmd-blank-rows-skipped = skipped { $files }
cmd-lock-held = error: { $held }; wait for it to finish, then run this again
cmd-lock-failed = error: cannot lock { $path }: { $why }
cmd-wrote = wrote { $path }
# After certsite init; $cd is "  cd DIR" and a line break, or nothing.
cmd-init-next =
    next steps (the example site checks and builds as it is):
    { $cd }  certsite check    # validate everything, write nothing
      certsite build    # write public/; the first build creates the signing key in .certsite/: back it up
      certsite serve    # preview at http://127.0.0.1:8080/
    then make it yours: the lines marked CHANGE in data/site.toml (base_url before printing any certificate), your rows in data/certificates.csv and data/decisions.csv in place of the examples, your pages in content/
cmd-init-not-empty = error: { $why }; certsite init writes a new site only into an empty or new folder and never overwrites a file: give a new one, e.g. certsite init my-site
cmd-init-incomplete = error: { $why }; the site is incomplete: remove what was written and run certsite init again
cmd-check-ok = ok: { $certificates ->
        [one] 1 certificate
       *[other] { $certificates } certificates
    }, { $decisions ->
        [one] 1 decision
       *[other] { $decisions } decisions
    }, { $sessions ->
        [one] 1 interview session
       *[other] { $sessions } interview sessions
    }, { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    } checked for { $date }{ $warnings ->
        [0] {""}
        [one] {" "}(1 warning)
       *[other] {" "}({ $warnings } warnings)
    }
# What check read of a data file: "read data/x.csv: UTF-8 with BOM, cells separated by ';'".
cmd-check-read = read { $file }: { $format }
cmd-check-no-preview = warning: cannot tell what a build would change for the public: { $why }
cmd-check-first = no earlier build into { $out }: a build would publish { $certificates ->
        [one] 1 certificate
       *[other] { $certificates } certificates
    }, { $notices ->
        [one] 1 notice
       *[other] { $notices } notices
    } and { $results ->
        [one] 1 result set
       *[other] { $results } result sets
    }
cmd-check-nothing = a build would change nothing for the public since the last build into { $out }
cmd-check-changes = a build would change for the public, since the last build into { $out }:
# "built <folder> for <date>: …": scripts/bench reads it (in English).
cmd-built = built { $out } for { $date }: { $certificates } certificates ({ $changed } signed and rendered); { $written ->
        [one] 1 file
       *[other] { $written } files
    } written, { $unchanged } unchanged, { $removed } removed in { $time }
cmd-built-lists-until = status lists valid until { $until }: rebuild and publish the site before then (certsite verify --lists-expire-within warns a week ahead)
cmd-preview-removed = removed { $path }: the throwaway signing key, URL secret and build of the preview; it uses the site's own now
cmd-preview-not-removed = warning: cannot remove { $path }: { $why }
cmd-public-nothing = for the public: nothing changed since the last build
cmd-public-first = for the public (first build into this folder):
cmd-public-since = for the public, since the last build:
cmd-verify-fail = FAIL { $path }: { $why }
cmd-verify-manifest = files held against the manifest of the build into { $out }
cmd-verify-documents = ok: { $count } signed documents (results.json, notice.json) verified
cmd-verify-ok = ok: { $count } credentials verified against { $site }
cmd-verify-failed = error: { $problems ->
        [one] 1 problem
       *[other] { $problems } problems
    }; { $passed } credentials verified
cmd-verify-lists-ok = ok: the status lists are valid until { $until } ({ $days ->
        [one] 1 day left
       *[other] { $days } days left
    })
cmd-verify-lists-expire = warning: the status lists expire soon: valid until { $until } ({ $days ->
        [one] 1 day left
       *[other] { $days } days left
    }, within the { $within ->
        [one] 1 day
       *[other] { $within } days
    } asked): rebuild the site and publish it before then, or verification pages will say its statuses cannot be confirmed
cmd-verify-lists-expired = error: the status lists expired: they were valid until { $until }, and verification pages say no status can be confirmed; rebuild the site and publish it now
cmd-verify-lists-unknown = error: no status list with a validUntil was read, so its expiry cannot be told (verify the whole site, not single files)
cmd-keygen-exists = error: { $path } exists; certsite never overwrites a key (move it away first)
cmd-keygen-wrote = wrote { $path } (mode 0600): back it up and keep it secret
cmd-rotated = rotated: { $key } is the current key, written to { $path } (mode 0600): back it up and keep it secret
cmd-rotated-old = { $key } stays in did.json, so everything it signed still verifies; the next build signs everything with the new key
cmd-rotated-old-file = the old private key is now { $path }: keep it offline, or delete it
cmd-retired = retired { $key }: the next build removes it from did.json; what it signed no longer verifies, and the build signs everything with the current key
cmd-print-unknown = error: certificate { $number } is not in { $file }
cmd-print-refused = error: certificate { $number } is { $status }: it must not be handed out (agreement §4 A¶10); add --force to print it anyway
cmd-print-nothing = error: nothing was printed
cmd-print-not-printed = { $number }: not printed yet
cmd-print-changed = { $number }: { $parts } changed since it was printed on { $date }
cmd-print-left-out = left out { $number }: { $status } (agreement §4 A¶10)
cmd-print-left-out-unused = left out { $number }: { $status }, no longer in use (name its number to print it all the same)
cmd-print-fingerprinted = { $count ->
        [one] 1 certificate
       *[other] { $count } certificates
    } printed by an earlier version of certsite had no record of what was printed: taken as printed unchanged, their content is recorded now, so that --new prints them when it changes
cmd-printed = printed { $count ->
        [one] 1 certificate
       *[other] { $count } certificates
    } into { $out }
cmd-printed-pdf = wrote { $path } ({ $count ->
        [one] 1 page
       *[other] { $count } pages
    }, A4)
cmd-printed-no-pdf = no certificate to print: { $file } was not written

# A certificate's status in messages (the pages have their own words).
status-valid = valid
status-suspended = suspended
status-revoked = revoked
status-expired = expired
status-superseded = superseded
status-not-yet-valid = not yet valid

# What a build would change, or changed, for the public; $list is ": A, B" when there are few.
public-statuses = { $count ->
        [one] 1 credential
       *[other] { $count } credentials
    } changed status{ $list }
public-notices = { $count ->
        [one] 1 new notice
       *[other] { $count } new notices
    } published{ $list }
public-results = { $count ->
        [one] 1 result set
       *[other] { $count } result sets
    } published{ $list }
public-added = { $count ->
        [one] 1 certificate
       *[other] { $count } certificates
    } added{ $list }
public-removed = { $count ->
        [one] 1 certificate
       *[other] { $count } certificates
    } no longer published{ $list }

# The command line: each command's description, examples and exit codes, each option's help
# (cli-<command>-<option>), the headings of --help, and what is wrong with a command line.

cli-usage = Usage:
cli-options = Options
cli-arguments = Arguments
cli-commands = Commands
cli-command = COMMAND
cli-help = Print help (--help: with examples and exit codes)
cli-version = Print the version
cli-lang = The language of messages: az or en [default: the locale's, from LC_ALL, LC_MESSAGES or LANG; az… is Azerbaijani; else en]

cli-about = Publishes verifiable certificates, interview results and reasoned notices as a static site
    .examples =
        Examples:
          certsite init my-site   # a new site to start from
          certsite check && certsite build
          certsite serve
          certsite <command> --help   # each command's examples
          certsite --lang az check    # messages in Azerbaijani

# The exit codes of the commands that read the data.
cli-codes =
    Exit codes:
      0  success
      1  the data or content has errors (each printed with file:line:column); nothing is published
      2  wrong usage, or another build holds the site

cli-root = The site root [default: the current folder]
cli-build-date = The day statuses and deadlines are computed for [default: $SOURCE_DATE_EPOCH, else today, UTC]

cli-init = Write a new site root: a commented data/site.toml, an example certificate, decision and page, and a .gitignore (.certsite/, public/, print/); it checks and builds as it is
    .more = DIR is created if missing and must otherwise be empty: init never overwrites a file.
    .examples =
        Examples:
          certsite init my-site && cd my-site && certsite check && certsite build
          certsite init                            # into the current folder, if empty
    .codes =
        Exit codes:
          0  the site was written
          1  a file could not be written (those written before it are named)
          2  wrong usage: DIR is not empty, or is not a folder
cli-init-dir = Where to write the site: a new or empty folder [default: the current folder]

cli-build = Check the data, then sign, render and write the site
    .examples =
        Examples:
          certsite build
          certsite build --root site --build-date 2026-12-01
          certsite build --out /srv/www --key /media/usb/signing.key
          certsite build --clean --timings
cli-build-root = { cli-root }
cli-build-out = The output folder [default: <root>/public]
cli-build-key = The signing key [default: $CERTSITE_KEY, else <root>/.certsite/signing.key]
cli-build-build-date = { cli-build-date }
cli-build-clean = Rewrite every file, even those whose bytes are already right, and remove every file of the output that the build does not write (undoes hand edits)
cli-build-quiet = No progress bars (there are none either when stderr is not a terminal)
cli-build-timings = Print the wall and CPU time of each stage

cli-check = Validate everything and write nothing; end with what a build would change for the public
    .more = Compares with what the last build into the output showed (statuses, notices, result sets, certificates), as build's own summary does after the fact.
    .examples =
        Examples:
          certsite check
          certsite check --root site --build-date 2026-12-01   # as of another day
          certsite check --out /srv/www             # against the last build into /srv/www
cli-check-root = { cli-root }
cli-check-out = The output whose last build to compare with [default: <root>/public]
cli-check-build-date = { cli-build-date }

cli-verify = Verify a built site or credential files, offline
    .examples =
        Examples:
          certsite verify                          # ./public against ./data
          certsite verify --site /srv/www
          certsite verify credential.json           # a holder's copy, offline
          certsite verify --site /srv/www --lists-expire-within   # daily: do the status lists expire within 7 days?
          certsite verify --qr-image photo.jpg      # a printed certificate's paper QR code, offline
    .codes =
        Exit codes:
          0  every credential, signed document and status list verified; with --qr or --qr-image: the paper QR code is authentic and valid
          1  something did not verify (each failure printed as FAIL, with its file and why), or the folder is not a built site; with --qr or --qr-image: any other verdict
          2  wrong usage
          3  with --lists-expire-within: everything verified, but the status lists expire within the days given, or have expired: rebuild and publish the site
cli-verify-root = { cli-root }
cli-verify-site = The built site [default: <root>/public]
cli-verify-files = Credential files to verify instead of the whole site
cli-verify-lists-expire-within = Exit 3 when the status lists expire within DAYS days, or have expired, saying until when they are valid [DAYS when not given: 7]
cli-verify-today = The day to count from, with --lists-expire-within, --qr or --qr-image [default: $SOURCE_DATE_EPOCH, else today, UTC]
cli-verify-qr = A paper QR code's text (VC1-R…) to verify offline against the site: prints the verdict, the holder, profession, number and dates, and the status as of the status list's date; exit 0 only when authentic and valid
cli-verify-qr-image = A photo or scan (PNG or JPEG) holding a paper QR code, verified as --qr does (of several QR codes, the one that starts with VC1-R)

cli-keygen = Create a new Ed25519 signing key (mode 0600) and print its public key; or rotate the site's key, or retire a leaked one
    .more =
        --rotate makes a new current key; the old one stays in did.json, so that everything it signed still verifies, and the next build signs with the new one. --retire KEY_ID (a leaked key, as did.json names it: key-…) drops a key that no longer signs from did.json at the next build.
    .examples =
        Examples:
          certsite keygen                          # .certsite/signing.key
          certsite keygen --rotate
          certsite keygen --retire key-6Mkq3P
    .codes =
        Exit codes:
          0  the key was written, rotated or retired
          1  nothing changed: the key file exists (a key is never overwritten), the key cannot be retired, or a file could not be written
          2  wrong usage, or another build holds the site
cli-keygen-root = The site root (its .certsite/ holds the key ring; default: the current folder)
cli-keygen-out = The key file [default: <root>/.certsite/signing.key]
cli-keygen-rotate = Replace the current key with a new one, keeping the old one in did.json
cli-keygen-retire = Remove a key from did.json (a leaked one): key-…, or its full id did:web:…#key-…

cli-print = Write QR codes, and with --pdf the printable certificates, for the printing office
    .more =
        Writes qr/<number>.svg for each certificate asked, and batch.csv listing them, into print/ at the site root (or --out), and records in .certsite/printed.csv what was printed and when. With --pdf also certificates.pdf: an A4 portrait page per certificate with the issuer (and its logo, [issuer] logo in site.toml), holder, number, profession, approved scope, dates, the QR code of its verification page with the code under it, and a signature line and place for the seal ([print] signatory), in Azerbaijani and English. --all prints the certificates in use (valid or not yet valid); --new those of them not printed yet or whose printed content (holder name, profession, scope, dates, QR code) changed since, saying why. Both name the certificates they leave out: suspended, revoked, expired, superseded. Asked by number, suspended and revoked certificates are refused (exit 1) unless --force; expired and superseded ones print.
    .examples =
        Examples:
          certsite print --new
          certsite print --new --pdf              # certificates.pdf, an A4 page each
          certsite print --all --out /media/usb/print
          certsite print PSM-2024-0029 PSM-2025-0063
          certsite print --force PSM-2024-0088   # a revoked one, knowingly
cli-print-root = { cli-root }
cli-print-out = Where to write [default: <root>/print]
cli-print-all = Every certificate in use: valid or not yet valid
cli-print-new = The certificates in use not printed yet, or changed since they were printed
cli-print-force = Print suspended or revoked certificates asked by number
cli-print-pdf = Also write certificates.pdf: an A4 page per certificate, ready to print
cli-print-build-date = The day statuses are computed for [default: $SOURCE_DATE_EPOCH, else today, UTC]
cli-print-numbers = Certificate numbers

cli-publish = Send what the last build changed to the hosts of [publish.<name>] in site.toml
    .more =
        Sends only the files of <root>/public that changed since the last publish to each target, from the record of what it holds in .certsite/publish/<name>/ (the remote is never listed), in the order a build installs them: the DID document, certificates, pages, indexes, status lists, then deletions. An ssh target (ssh = "host:path") is sent with rsync over ssh ($CERTSITE_SSH, else ssh). A publish stopped at any moment goes on where it stopped on the next run; a failed transfer is tried again after 1, 2 and 4 s, then the command says what is and is not published (exit 1).
    .examples =
        Examples:
          certsite build && certsite publish
          certsite publish --target web --dry-run   # what would be sent
          certsite publish --force                  # more deletions than max_deletions, knowingly
cli-publish-root = { cli-root }
cli-publish-target = The target [publish.NAME] to send to [default: each]
cli-publish-dry-run = Say what would be sent and deleted; send nothing
cli-publish-force = Delete more files than the target's max_deletions

cli-serve = Preview the site locally; rebuilds and reloads on change
    .more =
        A build error shows on every page (and on stderr) until it is fixed. Links to base_url stay in the preview; the output in .certsite/serve/ is the real build's. It never creates the site's signing key or URL secret: until `certsite build` has, it signs with throwaway ones kept in .certsite/preview/ (building into .certsite/preview/serve/), and every page and the terminal say so. It listens on 127.0.0.1, answers only to Host 127.0.0.1, localhost or [::1] (else 421), and serves only files inside the folder it built.
    .examples =
        Examples:
          certsite serve                           # http://127.0.0.1:8080/
          certsite serve --root site --port 8000
          certsite serve --build-date 2027-01-15    # the site as of that day
cli-serve-root = { cli-root }
cli-serve-port = The port on 127.0.0.1 [default: 8080]
cli-serve-build-date = Preview the site as of this day: statuses, schedules, results [default: $SOURCE_DATE_EPOCH, else today, UTC, taken again at each rebuild]

# What is wrong with a command line.
error = error
cli-error-unknown-argument = unknown option "{ $arg }"
cli-error-unknown-command = unknown command "{ $command }"
cli-error-invalid-value = "{ $value }" is not a value of { $arg }: it takes { $valid }
cli-error-value = "{ $value }" is not a value of { $arg }: { $why }
cli-error-missing = { $arg } is required
cli-error-no-command = a command is required
cli-error-conflict = { $arg } and { $other } cannot be given together
cli-error-did-you-mean = did you mean "{ $suggested }"?
cli-error-more = For more, try "--help".

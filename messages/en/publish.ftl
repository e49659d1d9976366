publish-group-did = DID document
publish-group-certificates = certificates
publish-group-pages = pages, assets and open data
publish-group-indexes = indexes and feeds
publish-group-status-lists = status lists
publish-group-deletions = deletions
publish-none = nothing
publish-no-targets = { $file } names no [publish.<name>] target: nothing to publish to
    .help = add one, e.g. [publish.web] with ssh = "web.example.org:/srv/www/register", or [publish.cdn] with bucket = "register-site" for S3-compatible object storage
publish-unknown-target = no target [publish.{ $name }] in data/site.toml; the targets are: { $known }
publish-lock-held = another publish of this site is running: wait until it ends
publish-lock-held-by = another publish of this site is running (pid { $pid }, since { $started }): wait until it ends
publish-no-build = no build into { $out } is recorded: run `certsite build` first
publish-unfinished-build = the last build into { $out } did not finish: run `certsite build` again, then publish
publish-plan = { $name } ({ $target }): { $files } files to send, { $deletions } to delete (dry run: nothing sent)
publish-too-many-deletions = { $count } files would be deleted, more than max_deletions ({ $max }): nothing sent; check the build, then publish with --force
publish-retry = sending { $group } failed, trying again in { $seconds } s: { $error }
publish-group-sent = { $group }: { $count } sent
publish-stopped = stopped as CERTSITE_PUBLISH_STOP_AFTER asks
publish-up-to-date = { $name } ({ $target }): up to date, nothing sent
publish-done = { $name } ({ $target }): { $files } files sent, { $deleted } deleted
publish-requests = { $count } requests made
publish-failed = { $name } ({ $target }): publishing failed: { $error }
    published: { $published }
    not published: { $missing }
    Run `certsite publish` again: it sends what is not published yet.
publish-rsync-missing = cannot run rsync ({ $error }): install rsync (and ssh)
publish-s3-settings = the bucket's settings are not usable
publish-s3-no-profile = no profile [{ $profile }] with aws_access_key_id and aws_secret_access_key in { $path } (AWS_PROFILE names it)

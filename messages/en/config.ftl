# The settings (data/site.toml) and the templates (templates/*.html).

# $error: what the system said (in its own words).
config-cannot-read = cannot read { $path }: { $error }
config-no-site-toml-help = create data/site.toml with at least base_url, title and [issuer] name
config-base-url = base_url "{ $url }" is not an absolute http(s) URL
config-base-url-help = write it like base_url = "https://sertifikat.example.az"; every link and QR code derives from it
config-appeal-working-days = appeal_working_days = { $value } is not between 1 and 60
config-appeal-working-days-help = the rules give 3 working days (rule 2.17; annex 2 §2.4 says 5)
# $key: institution or institution_en.
config-interviews-empty = [interviews] { $key } is empty
config-interviews-empty-help = name the university whose interviews these are, or leave the key out
config-max-age-days = max_age_days = { $value } is not between 1 and 366
config-max-age-days-help = the status lists are valid this many days after a build (default 31); rebuild daily
config-title-missing = title is missing
config-title-missing-help = add title = "…"
config-issuer-name-missing = [issuer] name is missing
config-issuer-name-missing-help = add [issuer] name = "…": the certification body named in every credential
config-language-twice = language "{ $code }" is listed twice
config-language-twice-help = list each once
config-language-unsupported = language "{ $code }" is not supported
config-language-unsupported-help = certsite has pages in "az" and "en"

# A key that is not a setting (in data/site.toml, a page's front matter or a session.toml):
# $nearest is the known key it was probably meant as, $known every key of that table.
config-unknown-key = unknown key `{ $key }`
config-unknown-key-did-you-mean = did you mean `{ $nearest }`? Known keys here: { $known }
config-unknown-key-known = known keys here: { $known }

# [print]: $key is signatory, signatory_title or signatory_title_en.
config-print-empty = [print] { $key } is empty
config-print-empty-help = write what the printed certificates are to say, or leave the key out
config-print-title-en-alone = [print] signatory_title_en is set without signatory_title
config-print-title-en-alone-help = give the title in Azerbaijani too (signatory_title = "…"): the printed certificate gives it first

# [issuer] logo: $path as written in site.toml, $full the file it names.
config-logo-format = logo "{ $path }" is neither an .svg nor a .png file
config-logo-format-help = give the logo as SVG (best: it prints sharp at any size) or PNG
config-logo-not-a-file = logo "{ $path }" is not a file ({ $full })
config-logo-missing = logo "{ $path }" does not exist ({ $full })
config-logo-path-help = the logo's path is relative to the site root, e.g. logo = "content/logo.svg"

# Where an error of a template compiled into certsite is reported, instead of a file: $name
# is the template's name (base.html).
config-template-built-in = (built-in) { $name }
# $error: what the template engine said (in English).
config-template-error = template error: { $error }
config-sheets-empty = [sheets] { $key } is empty
config-sheets-empty-help = name the sheet of the workbook to read, as on its tab, or leave the key out to read the first sheet
config-publish-ssh = [publish] ssh = "{ $value }" is not host:path
config-publish-ssh-help = write the host and the folder on it, as rsync takes them: ssh = "web.example.org:/srv/www/register"
config-publish-both = [publish.{ $name }] has both ssh and bucket
config-publish-both-help = a target is either a folder on a host (ssh = "host:path") or a bucket (bucket = "name"): keep one, and make the other a target of its own
config-publish-neither = [publish.{ $name }] names no host: it has neither ssh nor bucket
config-publish-neither-help = add ssh = "web.example.org:/srv/www/register" for a host reached over ssh, or bucket = "register-site" for S3-compatible object storage
config-publish-not-for-ssh = { $key } is a setting of a bucket, not of an ssh target
config-publish-not-for-ssh-help = prefix, region and endpoint go with bucket = "…"; remove the key
config-publish-not-for-bucket = { $key } is a setting of an ssh target, not of a bucket
config-publish-not-for-bucket-help = user, port and identity_file go with ssh = "host:path"; a bucket's credentials come from the environment or ~/.aws/credentials
config-publish-bucket = [publish] bucket = "{ $value }" is not a bucket name
config-publish-bucket-help = a bucket name has 3 to 63 lowercase letters, digits, dots and hyphens, e.g. bucket = "register-site"; a folder in it goes in prefix = "…"
config-publish-region = [publish] region = "{ $value }" is not a region
config-publish-region-help = write the bucket's region as its host names it, e.g. region = "eu-central-1", or leave the key out for us-east-1
config-publish-endpoint = [publish] endpoint = "{ $value }" is not an http(s) address
config-publish-endpoint-help = write the address of the S3-compatible store, e.g. endpoint = "https://s3.example.org", without user, password or query; leave it out for AWS
config-secret-key = site.toml may not hold secrets: `{ $key }`
config-secret-key-help = remove the line: a bucket's credentials come from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) or from ~/.aws/credentials (AWS_PROFILE chooses the profile), never from site.toml, which is kept with the data

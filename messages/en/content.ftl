# The Markdown pages (content/**/*.md) and their front matter.

# $error: what the system said (in its own words).
content-cannot-read-folder = cannot read the content folder: { $error }
content-cannot-read = cannot read { $path }: { $error }
# $byte: how many bytes from the start of the file are valid.
content-not-utf8 = { $path } is not valid UTF-8 (at byte { $byte })
# A page whose address is one certsite publishes itself: $address is the page's (/verify/),
# $name the reserved folder (verify).
content-reserved = { $path } would be published at { $address }, which certsite uses for "{ $name }"
# $names: the reserved names but the last, separated by commas.
content-reserved-help = rename the file; { $names } and { $last } are reserved
# Two files for one page (about.md and about/index.md): $first is the other file.
content-same-address = { $path } and { $first } are both published at { $address }
content-same-address-help = keep one file per page
content-no-front-matter = the page has no front matter
content-no-front-matter-help = start the file with +++, a line title = "…", and +++
content-front-matter-not-closed = the front matter is not closed
content-front-matter-not-closed-help = close it with a line of +++
content-no-title = the page has no title
content-no-title-help = add title = "…" to the front matter
# A translation (about.en.md) whose front matter names another organisation than its original
# (about.md): $organisation is the original's (body or university).
content-organisation-differs = this translation names another organisation than { $original } (organisation = "{ $organisation }")
content-organisation-differs-help = a page and its translation belong to one organisation: give { $original }'s, or leave organisation out of the translation
# A page with organisation = "university" on a site whose site.toml names no university.
content-university-unnamed = { $path } is the university's page (organisation = "university"), but { $settings } names no university
content-university-unnamed-help = add institution = "…" (and institution_en) under [interviews] in { $settings }

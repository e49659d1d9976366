# What the English pages will show in Azerbaijani (certsite check and build, when languages
# has "en"): one warning per kind. $count: how many; $items: the first few, named (with
# untranslated-more when there are more); $file: where the English goes.

untranslated-pages = the English pages will show { $count ->
        [one] 1 content page
       *[other] { $count } content pages
    } in Azerbaijani, with no English version: { $items }
untranslated-pages-help = write a page's English in a file beside it named like it, with .en.md (content/about.md → content/about.en.md)
untranslated-settings = the English pages will show { $count ->
        [one] 1 setting
       *[other] { $count } settings
    } of { $file } in Azerbaijani, with no English key: { $items }
untranslated-settings-help = add each key named, in English, beside its Azerbaijani one (title_en beside title, name_en beside [issuer] name)
untranslated-professions = the English pages will show the profession of { $count ->
        [one] 1 certificate
       *[other] { $count } certificates
    } in Azerbaijani, with no profession_en: { $items }
untranslated-professions-help = fill in the profession_en column of { $file }
untranslated-scopes = the English pages will show the approved scope of { $count ->
        [one] 1 certificate
       *[other] { $count } certificates
    } in Azerbaijani, with no scope_en: { $items }
untranslated-scopes-help = fill in the scope_en column of { $file }, its parts separated by ; as in scope
untranslated-reasons = the English notices will show the reasoning of { $count ->
        [one] 1 decision
       *[other] { $count } decisions
    } in Azerbaijani, with no reason_en: { $items }
untranslated-reasons-help = fill in the reason_en column of { $file }
untranslated-institutions = the English pages will show the university of { $count ->
        [one] 1 interview session
       *[other] { $count } interview sessions
    } in Azerbaijani, with no institution_en: { $items }
untranslated-institutions-help = add institution_en beside institution in the session's session.toml
untranslated-sessions = the English pages will show the title or the venue of { $count ->
        [one] 1 interview session
       *[other] { $count } interview sessions
    } in Azerbaijani: { $items }
untranslated-sessions-help = add each key named, in English, beside its Azerbaijani one in the session's session.toml (title_en beside title, place_en beside place)
untranslated-specialties = the English pages will show { $count ->
        [one] 1 specialty
       *[other] { $count } specialties
    } in Azerbaijani, with no specialty_en: { $items }
untranslated-specialties-help = add specialty_en beside specialty in the vacancy's [[vacancies]] table of the session's session.toml
# The first few items, then how many more: "T-0001, T-0002, T-0003, T-0004, T-0005 and 95 more".
untranslated-more = { $items } and { $count } more

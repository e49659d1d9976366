# The interview sessions (data/interviews/<session>/: session.toml, scores.csv,
# schedule.csv, appeals.csv) and the working-day calendar (data/holidays.csv). "rule 2.6"
# cites the interview rules, "annex 2" their appeal rules.

## data/holidays.csv

interviews-holiday-type = type "{ $value }" is not known
interviews-holiday-type-help = expected holiday (the default) or workday

## session.toml

# A date of session.toml written as a TOML date with a time of day ($value).
interviews-toml-date-with-time = { $value } is not a date (no time of day here)
interviews-folder-name = session folder "{ $folder }" has characters other than letters, digits, '-' and '_'
interviews-folder-name-help = the folder name becomes the address /interviews/<session>/
# $key: institution or institution_en.
interviews-institution-empty = { $key } is empty
interviews-institution-empty-help = name the university holding the interviews, or leave the key out to use [interviews] institution of data/site.toml
interviews-no-institution = no institution for this session
interviews-no-institution-help = the interview pages are the university's: add institution = "…" here, or [interviews] institution = "…" to data/site.toml
# $error: what the system said (in its own words).
interviews-cannot-read = cannot read { $path }: { $error }
interviews-cannot-read-help = each session folder has a session.toml
interviews-vacancy = specialty "{ $specialty }" has { $seats ->
        [one] 1 seat
       *[other] { $seats } seats
    } or is listed twice
interviews-vacancy-help = list each specialty once under [[vacancies]] with seats ≥ 1 (rule 2.3)
interviews-tie-breaks-unknown = tie_breaks for "{ $specialty }" names "{ $candidate }", who is not a candidate of that specialty
# Candidates with the same final score ($score) across the last seat of a specialty.
interviews-tie = candidates { $candidates } of "{ $specialty }" tie at { $score } across the last seat
# Followed by the lines to add to session.toml ([tie_breaks] …).
interviews-tie-help = the commission decides a tie (rule 2.3); record its order in { $path }:

## Timings missed (warnings).

interviews-schedule-late = the schedule was posted on { $posted }, fewer than { $days ->
        [one] 1 day
       *[other] { $days } days
    } before the interview on { $interview } (rule 2.6)
# $due: the last day results were due.
interviews-results-late = results published on { $published }, later than { $days ->
        [one] 1 working day
       *[other] { $days } working days
    } after the interview ({ $due }; rule 2.11)
interviews-appeal-filed-late = the appeal of { $candidate } was filed on { $filed }, after the deadline { $deadline } (rule 2.17)
interviews-appeal-decided-late = the appeal of { $candidate } was decided on { $decided }, later than { $days ->
        [one] 1 working day
       *[other] { $days } working days
    } after filing ({ $due }; annex 2 §2.6)
# $name: the candidate's name in parentheses after a space (" (Işıqlı Kamal)"), or nothing.
# $due: the last day to decide the appeal.
interviews-appeal-overdue = the appeal of { $candidate }{ $name } is overdue: still pending on { $today }, its limit was { $due } (annex 2 §2.6)
# $file: the appeals table, appeals.csv.
interviews-appeal-overdue-help = an appeal is decided within { $days ->
        [one] 1 working day
       *[other] { $days } working days
    } of filing (filed on { $filed }); record the decision in { $file } (decided_on, and outcome upheld or annulled)

## scores.csv, schedule.csv and appeals.csv: hints for an empty cell, and errors.

interviews-surname-help = every candidate has a surname
interviews-given-name-help = every candidate has a given name
interviews-specialty-help = the specialty applied for
interviews-candidate-help = the candidate's id
interviews-member-help = the commission member (M1…M5)
interviews-score-help = a score from 0 to { $max }
interviews-starts-at-help = a time as HH:MM
interviews-outcome-help = pending, upheld or annulled
interviews-specialty-unknown = specialty "{ $specialty }" has no vacancies in session.toml
# $known: the specialties of session.toml, separated by commas.
interviews-specialty-unknown-help = add a [[vacancies]] entry for it, or use one of: { $known }
# $column: language, knowledge or outlook.
interviews-score = { $column } "{ $value }" is not a score from 0 to { $max } in whole or half points
interviews-score-rule = rule 2.13: { $column } is scored 0–{ $max }, e.g. 17 or 17.5
interviews-two-specialties = candidate { $candidate } is in two specialties: "{ $first }" and "{ $second }"
interviews-two-specialties-help = a candidate applies for one specialty; the first row is at { $at }
interviews-member-twice = member { $member } scores candidate { $candidate } twice
interviews-member-twice-help = each of the five members scores a candidate once (rule 2.1, 2.15)
# $members: how many members a commission has (5).
interviews-member-count = candidate { $candidate } has scores from { $count ->
        [one] 1 member
       *[other] { $count } members
    }, not { $members }
interviews-member-count-help = the commission has five members and each scores every candidate (rule 2.1)
interviews-starts-at = starts_at "{ $value }" is not a time
interviews-starts-at-example = expected HH:MM, e.g. 10:15
# $scores: the scores table, scores.csv.
interviews-appeal-unknown-candidate = appeal for candidate "{ $candidate }", who has no scores in { $scores }
interviews-appeal-unknown-candidate-help = an appeal names a candidate of this session
interviews-two-appeals = candidate { $candidate } has two appeals
interviews-two-appeals-help = record one appeal per candidate and update its outcome
interviews-outcome = outcome "{ $value }" is not known
interviews-outcome-expected = expected pending, upheld or annulled (annex 2 §3.2)
interviews-decided-on-empty = decided_on is empty for a decided appeal
interviews-decided-on-empty-help = give the date of the decision (annex 2 §2.6)
interviews-decided-before-filed = decided_on is before filed_on
interviews-no-contact = the results pages cannot say where to file an appeal: [interviews] has no email, phone or address
interviews-no-contact-help = add email = "…", phone = "…" or address = "…" under [interviews] in data/site.toml (rule 2.17: candidates have { $days } working days to appeal); until then the pages tell candidates to ask the admissions committee

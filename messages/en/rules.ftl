# The checks of the data's meaning (src/model): certificate numbers, dates, decisions, page
# codes and the status list indexes.

## Certificate numbers (data/certificates.csv).

rules-number-too-long = "{ $number }" is longer than 64 characters
# $character: the character as Rust writes it, in single quotes ('x', ' ', '\t').
rules-number-bad-character = "{ $number }" contains { $character }; a number has letters, digits, '-' and '/' only
rules-number-empty-part = "{ $number }" has an empty part between '/'
rules-certificate-twice = certificate number "{ $number }" appears twice
# $first: where the first one is, file:line:column.
rules-certificate-twice-help = numbers are unique (compared without regard to case); the first is at { $first }
rules-certificate-replaces-itself = certificate { $number } replaces itself
# $file: the register, data/certificates.csv.
rules-replaces-unknown = replaces "{ $number }", which is not in { $file }
rules-replaces-unknown-help = `replaces` names the number of an earlier certificate of the same file

## Page codes: two certificates whose codes (the unguessable part of their address) are equal.

rules-same-page-code = certificates "{ $first }" and "{ $second }" have the same page code
# $at: where the first certificate's number is, file:line:column.
rules-same-page-code-help = "{ $first }" is at { $at }. A page code is 60 bits of HMAC(.certsite/url.secret, number): two numbers share one only by an extraordinary chance or with a secret chosen for it. Renumber one of the two (a new url secret would change every certificate's address and printed QR code)

## Dates as the data files write them.

rules-date-not-a-date = "{ $text }" is not a date
rules-date-year-out-of-range = "{ $text }" has year { $year }, outside 1900–2999
rules-date-no-such-month = "{ $text }" has month { $month }, which does not exist
# A day the month does not have: $month is its number (1–12), $days the days it has in $year.
rules-date-no-such-day = "{ $text }" has day { $day }, but { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year } has { $days } days
# The hint under every date error.
rules-date-hint = expected a date as YYYY-MM-DD or DD.MM.YYYY

## Decisions (data/decisions.csv): the rules that span rows.

rules-decision-twice = decision id "{ $id }" appears twice
rules-decision-twice-help = each decision is a public notice with its own id; the first is at { $first }
# $id: the later decision, $revocation: the revocation before it.
rules-after-revocation = decision { $id } comes after revocation { $revocation } of certificate { $number }
rules-after-revocation-help = a revocation is final: issue a new certificate instead
rules-reinstatement-nothing-to-lift = reinstatement { $id } has no suspension of certificate { $number } to lift on { $date }
rules-reinstatement-nothing-to-lift-help = a reinstatement lifts a suspension that is in effect on its effective_on
# $file: the register, data/certificates.csv.
rules-certificate-unknown = certificate "{ $number }" is not in { $file }
rules-certificate-unknown-help = a decision names the number of an existing certificate
# $near: a number of the register that the one written was probably meant as.
rules-certificate-unknown-did-you-mean = did you mean "{ $near }"? a decision names the number of an existing certificate

## .certsite/status-index.csv, a line that cannot be read (after "<file>:<line>:").

rules-status-index-expected = expected number,index
rules-status-index-not-an-index = "{ $value }" is not an index
rules-status-index-twice = { $number } or index { $index } appears twice

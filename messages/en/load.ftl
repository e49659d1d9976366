# Reading the data tables (data/certificates.csv, data/decisions.csv and every other table read
# the same way): CSV files as Excel saves them, workbooks (.xlsx) given instead, and the checks
# of each row of the certificate register and of the decisions.

## How a CSV file was read, as `certsite check` says it (after "read <file>: ", cmd-check-read).

# The encodings certsite reads (BOM: the byte order mark Excel's "CSV UTF-8" starts with).
load-encoding-utf-8 = UTF-8
load-encoding-utf-8-bom = UTF-8 with BOM
load-encoding-utf-16-le = UTF-16 (little-endian)
load-encoding-utf-16-be = UTF-16 (big-endian)
# $encoding: one of the load-encoding-* names; $separator: tab, or the character between the
# cells (, or ;).
load-format = { $encoding }, cells separated by { $separator ->
        [tab] tabs
       *[other] '{ $separator }'
    }
# What `certsite check` says of a workbook a table was read from: the sheet it read.
load-sheet-read = sheet "{ $name }"

## A file that is not UTF-8 or UTF-16.

# The code page a file probably is in: $name is its name (Windows-1254, KOI8-U, …), followed by
# the language or script it is made for.
load-code-page-turkish = { $name } (Turkish)
load-code-page-cyrillic = { $name } (Cyrillic)
load-code-page-western = { $name } (Western European)
load-code-page-central = { $name } (Central European)
# $offset: where the first byte that is not UTF-8 is (0 is the first byte of the file); $byte:
# that byte in hexadecimal (0xC6); $encoding: what the file probably is (a load-code-page-*).
load-not-utf-8 = the file is not valid UTF-8 (byte { $offset } is { $byte }): it looks like { $encoding } text, as Excel's plain "CSV" saves it on a Windows set up for another language
load-not-utf-8-help = certsite reads UTF-8 and UTF-16, in which no letter is lost (ə has no place in Windows-1254): in Excel, File → Save As → "CSV UTF-8 (Comma delimited) (*.csv)"
# A file that starts with a UTF-16 byte order mark; $encoding: load-encoding-utf-16-le or -be.
load-not-utf-16 = the file starts as { $encoding } text but is not valid { $encoding }
load-not-utf-16-help = save it again from Excel as "CSV UTF-8 (Comma delimited) (*.csv)"

## The header row.

load-file-empty = the file is empty: a header row is needed
load-sheet-empty = the sheet is empty: a header row is needed
load-column-twice = column "{ $name }" appears twice in the header
load-column-twice-help = keep one column of each name
load-column-missing = required column "{ $name }" is missing
# $nearest: a column of the header that is not read, probably the missing one misspelled.
load-column-missing-misspelled = add a column "{ $name }" (is "{ $nearest }" a misspelling of it?)
# $header: the names in the header row, separated by ", ".
load-column-missing-help = add a column "{ $name }"; the header has: { $header }

## Data rows.

# A row with another number of cells ($count) than the header row ($fields).
load-row-fields = this row has { $count ->
        [one] 1 field
       *[other] { $count } fields
    }, the header has { $fields }
# $separator: comma, semicolon or tab, whichever separates the file's cells.
load-row-fields-help = check the quoting: a field containing a { $separator ->
        [semicolon] semicolon
        [tab] tab
       *[comma] comma
    } must be in double quotes, and a quote inside it doubled ("")
# $error: what the CSV reader said (in English).
load-not-csv = the file cannot be read as CSV: { $error }
# A cell of a column of published words ($column) where a letter was lost to a "?" ($value: the
# cell's text).
load-lost-letter = { $column } "{ $value }" has a "?" where a letter should be
load-lost-letter-help = a spreadsheet saved in an encoding without that letter wrote "?" for it (Windows-1254 has no ə): type the letter again, and save from Excel as "CSV UTF-8 (Comma delimited) (*.csv)"
# $column: the column's name in the header (issued_on).
load-cell-empty = { $column } is empty
# What is wrong with a cell ($error) after the name of its column (issued_on: "2029-13-45" has
# month 13, …).
load-cell-error = { $column }: { $error }

## Workbooks (.xlsx) given for a table instead of its CSV file.

# $csv: the table's CSV file (data/decisions.csv), $workbook: its workbook (data/decisions.xlsx).
load-table-twice = { $csv } and { $workbook } are the same table given twice
load-table-twice-help = keep one of the two files: a table is read from a .csv file or from an .xlsx workbook, not both
# $error: what the workbook reader said (in English).
load-sheet-unreadable = sheet "{ $name }" of the workbook cannot be read: { $error }
load-sheet-out-of-order = the cells of sheet "{ $name }" are not stored row by row, left to right
# The hint under load-sheet-unreadable and load-sheet-out-of-order.
load-save-workbook-again = open the workbook in Excel and save it again as "Excel Workbook (*.xlsx)"
# $error: what the workbook reader said (in English).
load-not-a-workbook = the file cannot be read as an Excel workbook: { $error }
load-not-a-workbook-help = save it from Excel as "Excel Workbook (*.xlsx)" (not protected by a password), or as "CSV UTF-8 (Comma delimited) (*.csv)"
load-no-such-sheet = the workbook has no sheet "{ $name }"
# $sheets: the workbook's sheets, each in quotes, separated by ", ".
load-no-such-sheet-help = [sheets] of data/site.toml names the sheet to read; this workbook has { $sheets }
# A workbook whose sheets are all hidden or charts.
load-no-worksheet = the workbook has no worksheet to read
load-no-worksheet-help = its sheets: { $sheets }

## data/certificates.csv

# The hint under "<column> is empty".
load-certificate-needs = every certificate needs a { $column }
load-valid-until-not-after = valid_until { $until } is not after issued_on { $from }
load-valid-until-not-after-help = valid_until is the last day of validity and comes after issued_on
# $count: the parts of scope_en, $scope: the parts of scope.
load-scope-en-parts = scope_en has { $count ->
        [one] 1 part
       *[other] { $count } parts
    }, scope has { $scope }
load-scope-en-parts-help = scope_en is the English of scope, part by part: the same number of ;-separated parts, in the same order

## data/decisions.csv

# The hints under "<column> is empty", for the columns id, certificate, action, grounds and
# reason.
load-decision-id-empty-help = each decision needs a notice id such as D-2026-007
load-decision-certificate-empty-help = name the certificate number
load-decision-action-empty-help = suspend, revoke or reinstate
load-decision-grounds-empty-help = cite at least one ground code
load-decision-reason-empty-help = the reasoning is published with the notice (agreement §4 B¶3: decisions are published with reasons)
load-decision-id = id "{ $id }" has characters other than letters, digits, '-' and '_'
load-decision-id-help = the id becomes the notice's address /notices/<id>/
load-decision-action = action "{ $action }" is not known
load-decision-action-help = expected suspend, revoke or reinstate
# $code: a code of the grounds column that is not a ground's.
load-decision-ground = ground "{ $code }" is not known
# $known: every ground code, separated by ", ".
load-decision-ground-help = expected one or more of: { $known } (separated by ';')
# $grounds: the grounds cell, which holds only separators.
load-decision-no-ground = grounds "{ $grounds }" lists no code
load-decision-no-ground-help = cite one or more ground codes, separated by ';'
load-decision-until-not-suspension = until is only for a suspension
load-decision-until-not-suspension-help = leave until empty
load-decision-until-before = until { $until } is before effective_on { $effective }
load-decision-until-before-help = until is the last day of the suspension, on or after effective_on

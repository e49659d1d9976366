# Messages every command shares: the error report's labels and counts.

# The label under the marked text of an error report.
report-here = here
# The heading of a report's hint.
report-help = help
errors-count = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
warnings-count = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}

# The last line of a report when the data has errors.
build-refused = error: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    }; nothing was written

# Where a problem is in a workbook, as Excel names it.
report-sheet = { $path }, sheet "{ $sheet }"
report-sheet-row = { $path }, sheet "{ $sheet }", row { $row }
report-sheet-cell = { $path }, sheet "{ $sheet }", cell { $cell }

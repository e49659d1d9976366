# Bütün əmrlərin ortaq mesajları: xəta hesabatının yazıları və saylar.

# Xəta hesabatında işarələnmiş mətnin altındakı yazı.
report-here = burada
# Hesabatdakı məsləhətin başlığı.
report-help = məsləhət
errors-count = { $count ->
    [one] 1 xəta
   *[other] { $count } xəta
}
warnings-count = { $count ->
    [one] 1 xəbərdarlıq
   *[other] { $count } xəbərdarlıq
}

# Məlumatlarda xəta olanda hesabatın son sətri.
build-refused = xəta: { $errors } xəta{ $warnings ->
        [0] {""}
       *[other] , { $warnings } xəbərdarlıq
    }; heç nə yazılmadı

# Problemin iş kitabında yeri, Excel-in adlandırdığı kimi.
report-sheet = { $path }, vərəq "{ $sheet }"
report-sheet-row = { $path }, vərəq "{ $sheet }", sətir { $row }
report-sheet-cell = { $path }, vərəq "{ $sheet }", xana { $cell }

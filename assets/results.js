// An interview session's page (/interviews/<session>/): a filter to find one's own row by name
// or candidate number. Matching ignores letter case and the Azerbaijani letters' marks
// ("sebnem" finds "Şəbnəm", "isiqli" finds "Işıqlı"); rows that do not match are hidden, a
// specialty with none left is hidden, and a live count says how many are shown. The row a
// link points at (#<candidate>, highlighted by :target) is always shown. Without JavaScript
// the filter stays hidden and the page is whole.
"use strict";

(function () {
  const box = document.querySelector("[data-filter]");
  if (!box) return;
  const input = box.querySelector("input");
  const count = box.querySelector(".filter-count");
  const none = box.querySelector("[data-filter-none]");
  const rows = Array.from(document.querySelectorAll("tr[data-candidate]"));
  if (!input || rows.length === 0) return;

  const LETTERS = { "ə": "e", "ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u" };
  function fold(text) {
    return text
      .toLowerCase()
      .replace(/[əışçğöü]/g, (c) => LETTERS[c])
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[\s\u2010-\u2015-]+/g, " ")
      .trim();
  }

  // What each row can be found by: its name and candidate number.
  const keys = rows.map((row) => {
    const head = row.querySelector("th .who") || row.querySelector("th");
    return fold(`${head ? head.textContent : ""} ${row.dataset.candidate}`);
  });

  function targeted() {
    const id = decodeURIComponent(location.hash.slice(1));
    return id ? document.getElementById(id) : null;
  }

  function apply() {
    const query = fold(input.value);
    const words = query ? query.split(" ") : [];
    const target = targeted();
    let shown = 0;
    rows.forEach((row, i) => {
      const match = row === target || words.every((w) => keys[i].includes(w));
      row.hidden = !match;
      if (match) shown += 1;
    });
    // A specialty with no row left is hidden with its heading.
    document.querySelectorAll("section.specialty").forEach((section) => {
      section.hidden = !section.querySelector("tr[data-candidate]:not([hidden])");
    });
    count.textContent = box.dataset.count.replace("{shown}", String(shown)).replace("{total}", String(rows.length));
    if (none) none.hidden = shown !== 0;
  }

  input.addEventListener("input", apply);
  // Following a row's link shows that row, whatever was typed.
  window.addEventListener("hashchange", () => {
    const target = targeted();
    if (target && rows.includes(target)) {
      apply();
      target.scrollIntoView({ block: "center" });
    }
  });
  box.hidden = false;
  apply();
  const target = targeted();
  if (target && rows.includes(target)) target.scrollIntoView({ block: "center" });
})();

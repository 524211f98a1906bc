// Suggestions for the site's search box while a reader types: titles and authors from GET /api/books/suggest,
// offered through the input's <datalist>. The box works the same without this script (a plain GET form).
(function () {
  "use strict";
  var input = document.getElementById("site-search");
  var list = document.getElementById("site-search-suggestions");
  if (!input || !list || !window.fetch) {
    return;
  }
  var timer = null;
  var asked = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(suggest, 150);
  });

  function suggest() {
    var typed = input.value.trim();
    if (typed.length < 2 || typed === asked) {
      return;
    }
    asked = typed;
    fetch("/api/books/suggest?q=" + encodeURIComponent(typed), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (found) {
        if (!found || typed !== input.value.trim()) {
          return;
        }
        list.replaceChildren();
        found.forEach(function (suggestion) {
          add(suggestion.text, suggestion.kind === "author" ? "Author" : "Book");
        });
      })
      .catch(function () { /* no suggestions: the search itself still works */ });
  }

  function add(value, kind) {
    var option = document.createElement("option");
    option.value = value;
    option.label = kind;
    list.appendChild(option);
  }
})();

// Storyline UI: the only script (served as a file; the CSP forbids inline scripts).
// Highlight layers on the article page can be switched off and on.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var text = document.getElementById("article-text");
  if (!text) return;
  document.querySelectorAll("#layers input[data-layer]").forEach(function (box) {
    box.addEventListener("change", function () {
      text.classList.toggle("hide-" + box.dataset.layer, !box.checked);
    });
  });
});

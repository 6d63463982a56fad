// Records every script error on the root element (data-js-errors), before any other
// script runs, so a reader or a headless-browser test sees that something went wrong.
window.addEventListener("error", function (event) {
  var root = document.documentElement;
  var seen = root.getAttribute("data-js-errors") || "";
  root.setAttribute("data-js-errors", seen + (event.message || "error") + "\n");
});

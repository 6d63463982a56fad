// whosaid review report: one document at a time by URL hash, a filter for the index, and
// a panel with a quote's rule, cue and confidence on click. No network, no libraries.
(function () {
  "use strict";
  var root = document.documentElement;
  var info = document.getElementById("info");
  var current = null;

  // "#d2" shows the second document; "#d2:q3" also opens the panel of its third quote.
  function show() {
    var hash = location.hash.slice(1);
    try {
      hash = decodeURIComponent(hash);
    } catch (malformed) {
      // A hand-typed "#%" is no document: show the index.
    }
    var parts = hash.split(":");
    var section = parts[0] ? document.getElementById(parts[0]) : null;
    if (section && !section.classList.contains("doc")) section = null;
    if (current) current.classList.remove("current");
    current = section;
    document.body.classList.toggle("viewing", !!section);
    info.hidden = true;
    if (!section) return;
    section.classList.add("current");
    var mark = /^q[0-9]+$/.test(parts[1] || "")
      ? section.querySelector('mark.q[data-i="' + parts[1].slice(1) + '"]')
      : null;
    if (mark) {
      describe(mark);
      mark.scrollIntoView({ block: "center" });
    } else {
      window.scrollTo(0, 0);
    }
  }

  function step(delta) {
    if (!current) return;
    var target = document.getElementById("d" + (Number(current.id.slice(1)) + delta));
    if (target) location.hash = target.id;
  }

  var FIELDS = [["speaker", "speaker"], ["mention", "mention"], ["kind", "kind"],
    ["rule", "rule"], ["cue", "cue"], ["conf", "confidence"]];

  function describe(mark) {
    var list = info.querySelector("dl");
    list.textContent = "";
    FIELDS.forEach(function (field) {
      var value = mark.getAttribute("data-" + field[0]);
      if (value === null) {
        if (field[0] !== "speaker") return;
        value = "unattributed";
      }
      var dt = document.createElement("dt");
      dt.textContent = field[1];
      var dd = document.createElement("dd");
      dd.textContent = value;
      list.appendChild(dt);
      list.appendChild(dd);
    });
    var selected = document.querySelector("mark.q.selected");
    if (selected) selected.classList.remove("selected");
    mark.classList.add("selected");
    info.hidden = false;
  }

  document.addEventListener("click", function (event) {
    var mark = event.target.closest ? event.target.closest("mark.q") : null;
    if (!mark) return;
    describe(mark);
    if (current && current.contains(mark)) {
      // The address of this quote, to share; replaceState fires no hashchange.
      history.replaceState(null, "", "#" + current.id + ":q" + mark.getAttribute("data-i"));
    }
  });
  document.getElementById("info-close").addEventListener("click", function () {
    info.hidden = true;
  });
  document.addEventListener("keydown", function (event) {
    if (event.target.tagName === "INPUT") return;
    if (event.key === "ArrowRight" || event.key === "j") step(1);
    else if (event.key === "ArrowLeft" || event.key === "k") step(-1);
    else if (event.key === "Escape") info.hidden = true;
  });

  var rows = Array.prototype.slice.call(document.querySelectorAll("#index tbody tr"));
  document.getElementById("filter").addEventListener("input", function (event) {
    var wanted = event.target.value.toLowerCase();
    rows.forEach(function (row) {
      row.hidden = wanted !== "" && row.textContent.toLowerCase().indexOf(wanted) < 0;
    });
  });

  window.addEventListener("hashchange", show);
  show();
  root.setAttribute("data-quotes", String(document.querySelectorAll("mark.q").length));
  root.setAttribute("data-ready", "yes");
})();

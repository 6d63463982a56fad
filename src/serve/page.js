// whosaid serve: the page to try the extractor. Sends the text to /v1/report and shows the
// report's rendering of it (the report's own stylesheet and script do the highlighting
// and the quote panel). No network beyond this server, no libraries.
(function () {
  "use strict";
  var root = document.documentElement;
  var form = document.getElementById("try");
  var text = document.getElementById("text");
  var file = document.getElementById("file");
  var explain = document.getElementById("explain");
  var status = document.getElementById("status");
  var result = document.getElementById("d1");
  var passages = document.getElementById("non-speech");

  function say(message, failed) {
    status.textContent = message;
    status.classList.toggle("error", !!failed);
  }

  // The quoted passages judged not to be speech, each with its reason.
  function listNonSpeech() {
    var list = passages.querySelector("ul");
    list.textContent = "";
    var spans = result.querySelectorAll("span.ns");
    Array.prototype.forEach.call(spans, function (span) {
      var item = document.createElement("li");
      var quoted = document.createElement("q");
      quoted.textContent = span.textContent;
      item.appendChild(quoted);
      item.appendChild(document.createTextNode(" — " +
        (span.getAttribute("title") || "").replace(/^not speech: /, "")));
      list.appendChild(item);
    });
    passages.hidden = !explain.checked;
    passages.querySelector("h3").textContent = spans.length === 1
      ? "1 passage that is not speech" : spans.length + " passages that are not speech";
  }

  function run() {
    root.removeAttribute("data-ready");
    say("Looking for quotes…");
    var request = { id: "your text", text: text.value, explain: explain.checked };
    fetch("v1/report", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request)
    }).then(function (response) {
      return response.text().then(function (body) {
        if (!response.ok) {
          var message = body;
          try {
            message = JSON.parse(body).error.message;
          } catch (notJson) {
            // Keep the body as it came.
          }
          throw new Error(response.status + ": " + message);
        }
        return body;
      });
    }).then(function (html) {
      // The server escapes every piece of the text in this HTML (see whosaid::report).
      result.innerHTML = html;
      result.hidden = false;
      listNonSpeech();
      var quotes = result.querySelectorAll("mark.q").length;
      say(quotes === 1 ? "1 quote. Click it for its rule, cue and confidence."
        : quotes + " quotes. Click one for its rule, cue and confidence.");
      root.setAttribute("data-quotes", String(quotes));
      root.setAttribute("data-ready", "yes");
    }).catch(function (error) {
      say(String(error.message || error), true);
      root.setAttribute("data-ready", "failed");
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  explain.addEventListener("change", function () {
    if (!result.hidden) run();
  });

  function load(chosen) {
    if (!chosen) return;
    chosen.text().then(function (content) {
      text.value = content;
      run();
    });
  }
  file.addEventListener("change", function () {
    load(file.files[0]);
  });
  text.addEventListener("dragover", function (event) {
    event.preventDefault();
  });
  text.addEventListener("drop", function (event) {
    if (!event.dataTransfer || !event.dataTransfer.files.length) return;
    event.preventDefault();
    load(event.dataTransfer.files[0]);
  });

  // "?text=…" fills the box and runs at once (a link to share an example); "&explain=1"
  // also lists the passages that are not speech.
  var params = new URLSearchParams(location.search);
  if (params.get("explain") === "1") explain.checked = true;
  if (params.has("text")) {
    text.value = params.get("text");
    run();
  } else {
    root.setAttribute("data-ready", "yes");
  }
})();

// Vigil console: keyboard navigation and live queue updates. Plain DOM, no library, no inline handlers (CSP).
(function () {
  "use strict";
  var table = document.getElementById("queue");
  var help = document.getElementById("help");
  var selected = -1;
  var pendingG = false;

  function rows() { return table ? Array.prototype.slice.call(table.querySelectorAll("tbody tr[data-id]")) : []; }

  function select(index) {
    var all = rows();
    if (all.length === 0) { selected = -1; return; }
    selected = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (row, i) { row.classList.toggle("sel", i === selected); });
    all[selected].scrollIntoView({ block: "nearest" });
  }

  function current() { var all = rows(); return selected >= 0 && selected < all.length ? all[selected] : null; }

  function typing(target) {
    return target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (typing(event.target)) {
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    var row;
    if (pendingG) {
      pendingG = false;
      if (event.key === "q") { window.location.href = "/queue"; }
      else if (event.key === "a") { window.location.href = "/approvals"; }
      else if (event.key === "m") { window.location.href = "/dashboard"; }
      return;
    }
    switch (event.key) {
      case "j": select(selected + 1); event.preventDefault(); break;
      case "k": select(selected - 1); event.preventDefault(); break;
      case "Enter":
        row = current();
        if (row) { window.location.href = row.getAttribute("data-href"); event.preventDefault(); }
        break;
      case "x":
        row = current();
        if (row) { var box = row.querySelector("input[type=checkbox]"); box.checked = !box.checked; }
        break;
      case "a":
        row = current();
        var form = document.getElementById("assign-one");
        if (row && form) { form.querySelector("input[name=ids]").value = row.getAttribute("data-id"); form.submit(); }
        break;
      case "/":
        var search = document.getElementById("q");
        if (search) { search.focus(); event.preventDefault(); }
        break;
      case "g": pendingG = true; break;
      case "?": if (help) { help.classList.toggle("on"); } break;
      case "Escape": if (help) { help.classList.remove("on"); } break;
    }
  });

  if (table) {
    table.addEventListener("click", function (event) {
      var row = event.target.closest("tr[data-id]");
      if (row && event.target.tagName !== "A" && event.target.tagName !== "INPUT") { select(rows().indexOf(row)); }
    });

    // Live updates: re-read this page's rows every 10 s and swap them in when they changed, keeping the
    // selection and the ticked boxes. The server renders (and escapes) the rows; nothing here builds markup.
    var url = table.getAttribute("data-rows-url");
    var separator = url.indexOf("?") >= 0 ? "&" : "?";
    var body = table.querySelector("tbody");
    var last = null;
    setInterval(function () {
      if (document.hidden) { return; }
      fetch(url + separator + "handler=Rows", { credentials: "same-origin", headers: { "Accept": "text/html" } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html === null || html === last) { return; }
          last = html;
          var keepId = current() ? current().getAttribute("data-id") : null;
          var ticked = Array.prototype.slice.call(body.querySelectorAll("input[type=checkbox]:checked")).map(function (b) { return b.value; });
          var parsed = new DOMParser().parseFromString("<table><tbody>" + html + "</tbody></table>", "text/html");
          var fresh = parsed.querySelector("tbody");
          body.replaceChildren.apply(body, Array.prototype.slice.call(fresh.childNodes));
          ticked.forEach(function (id) { var box = body.querySelector("input[value='" + CSS.escape(id) + "']"); if (box) { box.checked = true; } });
          if (keepId) { var i = rows().findIndex(function (r) { return r.getAttribute("data-id") === keepId; }); select(i >= 0 ? i : selected); }
          table.setAttribute("data-updated", String(Date.now()));
        })
        .catch(function () { /* offline for a moment: try again at the next tick */ });
    }, 10000);
  }
})();

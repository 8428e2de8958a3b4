/* policyparse comparison report — inlined into the HTML by policyparse.compare.html.
   Every element with data-src opens #source-panel with its provenance (click, Enter or Space);
   Esc, the close button or a click outside closes it. No network, no libraries. */
(function () {
  "use strict";
  var dataEl = document.getElementById("pp-sources");
  var SOURCES = dataEl ? JSON.parse(dataEl.textContent || "{}") : {};
  var panel = document.getElementById("source-panel");
  var titleEl = panel.querySelector(".sp-title");
  var subEl = panel.querySelector(".sp-sub");
  var listEl = panel.querySelector(".sp-sources");
  var closeBtn = panel.querySelector(".sp-close");
  var current = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  function fill(entry) {
    titleEl.textContent = "";
    titleEl.appendChild(document.createTextNode(entry.label));
    titleEl.appendChild(el("span", "value", entry.display));
    subEl.textContent = entry.notice + " · " + entry.key;
    listEl.textContent = "";
    (entry.sources || []).forEach(function (src) {
      var li = el("li", "sp-source");
      li.setAttribute("data-document", src.document);
      var where = el("div", "sp-where");
      where.appendChild(el("span", "notice", src.notice));
      where.appendChild(el("span", "section", src.section ? "§ " + src.section : "§ —"));
      li.appendChild(where);
      (src.sentences || []).forEach(function (segments) {
        /* a "sentence" that is the fact alone (a name in a contact table) reads better inline */
        var bare = segments.length === 1 && segments[0][1];
        var p = el("p", bare ? "sp-sentence bare" : "sp-sentence");
        segments.forEach(function (seg) {
          p.appendChild(seg[1] ? el("mark", null, seg[0]) : document.createTextNode(seg[0]));
        });
        li.appendChild(p);
      });
      listEl.appendChild(li);
    });
    if (!entry.sources || !entry.sources.length) {
      listEl.appendChild(el("li", "sp-source none", "无出处 No source recorded."));
    }
  }

  function place(trigger) {
    var r = trigger.getBoundingClientRect();
    var vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
    var pw = panel.offsetWidth, ph = panel.offsetHeight, gap = 6;
    var top = r.bottom + gap;
    if (top + ph > vh - 8 && r.top - gap - ph >= 8) top = r.top - gap - ph;
    top = Math.max(8, Math.min(top, vh - ph - 8));
    var left = Math.max(8, Math.min(r.left, vw - pw - 8));
    panel.style.top = top + "px";
    panel.style.left = left + "px";
  }

  function open(trigger) {
    var entry = SOURCES[trigger.getAttribute("data-src")];
    if (!entry) return;
    if (current && current !== trigger) current.setAttribute("aria-expanded", "false");
    current = trigger;
    fill(entry);
    panel.hidden = false;
    trigger.setAttribute("aria-expanded", "true");
    place(trigger);
    panel.focus({ preventScroll: true });
  }

  function close(restoreFocus) {
    if (panel.hidden) return;
    panel.hidden = true;
    if (current) {
      current.setAttribute("aria-expanded", "false");
      if (restoreFocus) current.focus({ preventScroll: true });
    }
    current = null;
  }

  document.addEventListener("click", function (ev) {
    var trigger = ev.target.closest ? ev.target.closest("[data-src]") : null;
    if (trigger) {
      if (trigger === current && !panel.hidden) close(false); else open(trigger);
      return;
    }
    if (!panel.hidden && !panel.contains(ev.target)) close(false);
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" || ev.key === "Esc") {
      if (!panel.hidden) { ev.preventDefault(); close(true); }
      return;
    }
    var trigger = ev.target.closest ? ev.target.closest("[data-src]") : null;
    if (trigger && (ev.key === "Enter" || ev.key === " " || ev.key === "Spacebar")) {
      ev.preventDefault();
      open(trigger);
    }
  });

  closeBtn.addEventListener("click", function (ev) { ev.stopPropagation(); close(true); });
  window.addEventListener("resize", function () { if (current && !panel.hidden) place(current); });
  document.addEventListener("scroll", function () { if (current && !panel.hidden) place(current); }, true);

  /* matrix filters: text over label and key, and "slots in ≥2 notices" */
  var filter = document.getElementById("row-filter");
  var sharedOnly = document.getElementById("shared-only");
  var emptyMsg = document.getElementById("matrix-empty");
  function applyFilter() {
    var q = (filter && filter.value || "").trim().toLowerCase();
    var needShared = sharedOnly && sharedOnly.checked;
    var visibleByGroup = {}, anyVisible = false;
    var rows = document.querySelectorAll("table.matrix tbody tr.row");
    Array.prototype.forEach.call(rows, function (tr) {
      var text = (tr.querySelector("th.slot") || tr).textContent.toLowerCase();
      var show = (!q || text.indexOf(q) >= 0) && (!needShared || +tr.getAttribute("data-shared") >= 2);
      tr.hidden = !show;
      if (show) { visibleByGroup[tr.getAttribute("data-category")] = true; anyVisible = true; }
    });
    Array.prototype.forEach.call(document.querySelectorAll("table.matrix tbody tr.group"), function (tr) {
      tr.hidden = !visibleByGroup[tr.getAttribute("data-category")];
    });
    if (emptyMsg) emptyMsg.hidden = anyVisible;
    if (current && !panel.hidden && current.closest("tr[hidden]")) close(false);
  }
  if (filter) filter.addEventListener("input", applyFilter);
  if (sharedOnly) sharedOnly.addEventListener("change", applyFilter);
})();

/* newsevents report: filters, timeline and tooltips. Reads only the embedded JSON data block and
   writes untrusted strings with textContent / setAttribute, never as HTML. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var DATA = JSON.parse(document.getElementById("ne-data").textContent);
  var EVENTS = DATA.events;
  function $(id) { return document.getElementById(id); }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  var rowOf = {};
  each(document.querySelectorAll("tr.ev"), function (tr) { rowOf[tr.getAttribute("data-i")] = tr; });
  var sections = document.querySelectorAll("section.article");
  var tocItems = document.querySelectorAll("ol.toc li");
  var ctl = { q: $("f-q"), ent: $("f-ent"), type: $("f-type"), spk: $("f-spk"), from: $("f-from"), to: $("f-to") };

  function state() {
    return {
      terms: ctl.q.value.toLowerCase().split(/\s+/).filter(Boolean),
      ent: ctl.ent.value, type: ctl.type.value, spk: ctl.spk.value,
      from: ctl.from.value, to: ctl.to.value
    };
  }
  function isActive(st) { return st.terms.length > 0 || !!(st.ent || st.type || st.spk || st.from || st.to); }

  function matches(ev, st) {
    if (st.type && ev.t !== st.type) { return false; }
    if (st.ent && ev.k.indexOf(st.ent) < 0) { return false; }
    if (st.spk && ev.s !== st.spk) { return false; }
    if (st.from || st.to) {
      if (!ev.d0) { return false; }
      if (st.from && ev.d1 < st.from) { return false; }
      if (st.to && ev.d0 > st.to) { return false; }
    }
    for (var i = 0; i < st.terms.length; i++) {
      if (ev.x.indexOf(st.terms[i]) < 0) { return false; }
    }
    return true;
  }

  function apply() {
    var st = state(), active = isActive(st), shown = [], perArticle = {};
    EVENTS.forEach(function (ev, i) {
      var ok = matches(ev, st), row = rowOf[i];
      if (row) { row.hidden = !ok; }
      if (ok) { shown.push(ev); perArticle[ev.a] = (perArticle[ev.a] || 0) + 1; }
    });
    each(sections, function (sec) {
      var n = perArticle[sec.getAttribute("data-a")] || 0;
      sec.hidden = active && n === 0;
      var c = sec.querySelector(".ev-count");
      if (c) { c.textContent = String(n); }
    });
    each(tocItems, function (li) {
      var n = perArticle[li.getAttribute("data-a")] || 0;
      li.hidden = active && n === 0;
      var c = li.querySelector(".badge");
      if (c) { c.textContent = String(n); }
    });
    $("f-count").textContent = shown.length + " of " + EVENTS.length + " events";
    drawTimeline(shown, st);
  }

  /* ---------------------------------------------------------------- timeline */
  var DAY = 86400000;
  function ms(iso) { return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)); }
  function iso(t) { return new Date(t).toISOString().slice(0, 10); }
  function lastDay(y, m) { return iso(Date.UTC(y, m, 0)); } /* m is 1-based: day 0 of next month */

  /* Bins are made for the events shown, so clicking a bar (which filters to its dates) zooms in:
     year -> month -> day. Over a long span, the earliest and latest 10% are counted at the edges
     instead of stretching the axis (a "14th-century" date must not squash the news into one bar). */
  function makeBins(dates) {
    var n = dates.length, lo = dates[0], hi = dates[n - 1], before = 0, after = 0;
    if ((ms(hi) - ms(lo)) / DAY > 6 * 366 && n >= 10) {
      lo = dates[Math.floor(0.1 * (n - 1))];
      hi = dates[Math.ceil(0.9 * (n - 1))];
    }
    var span = (ms(hi) - ms(lo)) / DAY, bins = [], y = +lo.slice(0, 4), m = +lo.slice(5, 7), t;
    var grain = span <= 62 ? "day" : (span <= 10 * 366 ? "month" : "year");
    if (grain === "day") {
      for (t = ms(lo); t <= ms(hi); t += DAY) { bins.push({ key: iso(t), from: iso(t), to: iso(t) }); }
    } else if (grain === "month") {
      while (y * 100 + m <= +hi.slice(0, 4) * 100 + +hi.slice(5, 7)) {
        var k = y + "-" + (m < 10 ? "0" : "") + m;
        bins.push({ key: k, from: k + "-01", to: lastDay(y, m) });
        m += 1; if (m > 12) { m = 1; y += 1; }
      }
    } else {
      for (; y <= +hi.slice(0, 4); y++) { bins.push({ key: String(y), from: y + "-01-01", to: y + "-12-31" }); }
    }
    var counts = bins.map(function () { return 0; }), first = bins[0].from, last = bins[bins.length - 1].to;
    dates.forEach(function (d) {
      if (d < first) { before += 1; return; }
      if (d > last) { after += 1; return; }
      var i = 0, j = bins.length - 1;  /* binary search: the last bin starting on or before d */
      while (i < j) { var mid = (i + j + 1) >> 1; if (bins[mid].from <= d) { i = mid; } else { j = mid - 1; } }
      counts[i] += 1;
    });
    return { bins: bins, counts: counts, grain: grain, before: before, after: after };
  }

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function drawTimeline(shown, st) {
    var box = $("timeline"), note = $("timeline-note");
    while (box.firstChild) { box.removeChild(box.firstChild); }
    /* an event is placed at the start of its when.range, or at the start of the date filter */
    var dates = shown.filter(function (ev) { return !!ev.d0; })
      .map(function (ev) { return st.from && ev.d0 < st.from ? st.from : ev.d0; }).sort();
    if (!dates.length) {
      note.textContent = EVENTS.some(function (ev) { return !!ev.d0; })
        ? "None of the " + shown.length + " shown events has a resolved date."
        : "No event has a resolved date (when.range) in this folder.";
      return;
    }
    var tl = makeBins(dates), BINS = tl.bins, counts = tl.counts;
    var W = 900, H = 200, L = 34, R = 8, T = 10, B = 34;
    var max = Math.max.apply(null, counts.concat([1]));
    var bw = (W - L - R) / BINS.length, ph = H - T - B;
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "Events by resolved date" }, box);
    el("line", { "class": "axis", x1: L, y1: H - B, x2: W - R, y2: H - B }, svg);
    el("line", { "class": "axis", x1: L, y1: T, x2: L, y2: H - B }, svg);
    [[0, H - B + 4], [max, T + 8]].forEach(function (p) {
      el("text", { x: L - 5, y: p[1], "text-anchor": "end" }, svg).textContent = String(p[0]);
    });
    var step = Math.max(1, Math.ceil(BINS.length / 9));
    BINS.forEach(function (b, i) {
      var x = L + i * bw;
      var yearly = tl.grain === "month" && BINS.length > 24;  /* label each January with its year */
      if (yearly ? b.key.slice(5) === "01" : i % step === 0) {
        el("text", { x: yearly ? x : x + bw / 2, y: H - B + 16, "text-anchor": yearly ? "start" : "middle" }, svg)
          .textContent = yearly ? b.key.slice(0, 4) : b.key;
      }
      if (!counts[i]) { return; }
      var h = Math.max(2, ph * counts[i] / max);
      var r = el("rect", {
        "class": "bar", x: x + Math.min(1, bw * 0.1), y: H - B - h, width: Math.max(1, bw - Math.min(2, bw * 0.2)),
        height: h, "data-bin": b.key, "data-count": counts[i]
      }, svg);
      el("title", {}, r).textContent = b.key + ": " + counts[i] + " event" + (counts[i] === 1 ? "" : "s") + " (click to zoom in)";
      r.addEventListener("click", function () { ctl.from.value = b.from; ctl.to.value = b.to; apply(); });
    });
    if (tl.before) { el("text", { x: L + 4, y: H - 4 }, svg).textContent = "\u25c2 " + tl.before + " earlier"; }
    if (tl.after) { el("text", { x: W - R, y: H - 4, "text-anchor": "end" }, svg).textContent = tl.after + " later \u25b8"; }
    note.textContent = dates.length + " of " + shown.length + " shown events have a resolved date; bars count events by the "
      + tl.grain + " their when.range starts (" + BINS[0].from + " to " + BINS[BINS.length - 1].to + ")"
      + (tl.before || tl.after ? "; " + tl.before + " earlier and " + tl.after + " later events are outside the chart" : "")
      + ". Click a bar to zoom in.";
  }

  /* ---------------------------------------------------------------- tooltips */
  var tip = $("ne-tip");
  function tipText(node) {
    var parts = [];
    for (var n = node; n && n.classList; n = n.parentNode) {
      if (!n.classList.contains("hl")) { continue; }
      if (n.hasAttribute("title")) { n.setAttribute("data-tip", n.getAttribute("title")); n.removeAttribute("title"); }
      if (n.getAttribute("data-tip")) { parts.push(n.getAttribute("data-tip")); }
    }
    return parts.join("\n\n");
  }
  document.addEventListener("mouseover", function (e) {
    var hl = e.target.closest ? e.target.closest(".hl") : null;
    if (!hl) { tip.hidden = true; return; }
    var text = tipText(hl);
    if (!text) { tip.hidden = true; return; }
    tip.textContent = text;
    var r = hl.getBoundingClientRect();
    tip.style.left = Math.max(4, r.left + window.scrollX) + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
    tip.hidden = false;
  });
  document.addEventListener("mouseout", function (e) {
    if (!e.relatedTarget || !e.relatedTarget.closest || !e.relatedTarget.closest(".hl")) { tip.hidden = true; }
  });

  /* ---------------------------------------------------------------- wiring */
  function setEntity(key) {
    ctl.ent.value = key;
    if (ctl.ent.value !== key) { return; } /* not a filterable entity */
    apply();
    $("filters").scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("click", function (e) {
    var t = e.target.closest ? e.target.closest("[data-ent], .hl.ent") : null;
    if (t) { setEntity(t.getAttribute("data-ent") || t.getAttribute("data-key")); }
  });
  ctl.q.addEventListener("input", apply);
  ["ent", "type", "spk", "from", "to"].forEach(function (k) {
    ctl[k].addEventListener("change", apply);
    ctl[k].addEventListener("input", apply);
  });
  $("f-reset").addEventListener("click", function () {
    ctl.q.value = ""; ctl.ent.value = ""; ctl.type.value = ""; ctl.spk.value = ""; ctl.from.value = ""; ctl.to.value = "";
    apply();
  });
  apply();
  document.documentElement.setAttribute("data-ready", "1");
})();

"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("report-data").textContent);
  const el = (tag, props, text) => { const e = document.createElement(tag); Object.assign(e, props || {}); if (text !== undefined) e.textContent = text; return e; };
  // Plotly renders a subset of HTML in labels: corpus strings go in escaped, as the Python side does.
  const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  // Article text (titles, stories) is shown as written; where it shares a line with other text it
  // goes between first-strong isolates that no bidirectional control inside it can end, so an
  // override in it cannot reorder the page around it. The same as isolate in framing/report/names.py.
  const CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
  const isolatePart = function (part) {
    if (!CONTROL.test(part)) return part;
    let open = 0, stray = 0;
    for (const ch of part) {
      if (ch === "\u2066" || ch === "\u2067" || ch === "\u2068") open += 1;
      else if (ch === "\u2069") { if (open) open -= 1; else stray += 1; }
    }
    return "\u2068".repeat(stray + 1) + part + "\u2069".repeat(open + 1);
  };
  const isolate = function (s) {
    return String(s).split(/([\n\r\u001c-\u001e\u0085\u2029])/).map(function (p, i) { return i % 2 ? p : isolatePart(p); }).join("");
  };
  // Right-to-left text: the direction of a string is that of its first strong character (a letter,
  // or a directional mark), as dir="auto" decides it; Hebrew, Arabic and the other scripts written
  // from the right (Syriac, Thaana, N'Ko..., their presentation forms) are right to left.
  const STRONG = /[\p{L}\u061c\u200e\u200f]/u;
  const RIGHT_TO_LEFT = /[\u0590-\u08ff\u061c\u200f\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
  const direction = function (s) { const m = STRONG.exec(s); return m ? (RIGHT_TO_LEFT.test(m[0]) ? "rtl" : "ltr") : ""; };
  // A CSV cell that a spreadsheet would read as a formula gets a leading "'" (framing/output.py safe_cells).
  const FORMULA = /^[=+\-@\t\r]/;

  // Figures
  const plots = {};
  document.querySelectorAll("script[data-figure]").forEach(function (node) {
    const id = node.getAttribute("data-figure");
    const fig = JSON.parse(node.textContent);
    const div = document.getElementById(id);
    plots[id] = div;
    Plotly.newPlot(div, fig.data, fig.layout, {responsive: true, displaylogo: false, modeBarButtonsToRemove: ["sendDataToCloud"]});
  });
  window.__framingFirstFigure = performance.now();

  // CSV downloads (blob: URLs, no network)
  document.querySelectorAll("button[data-csv]").forEach(function (b) {
    b.addEventListener("click", function () {
      const blob = new Blob([DATA.csv[b.getAttribute("data-csv")]], {type: "text/csv"});
      const a = el("a", {href: URL.createObjectURL(blob), download: b.getAttribute("data-csv") + ".csv"});
      document.body.appendChild(a); a.click(); a.remove();
    });
  });

  // Blind key: its cells, like every other, in the direction of their text.
  document.querySelectorAll("#blind-key th, #blind-key td").forEach(function (c) { c.dir = "auto"; });
  const reveal = document.getElementById("reveal-key");
  if (reveal) reveal.addEventListener("click", function () { document.getElementById("blind-key").hidden = false; reveal.disabled = true; });

  // Groups drawn in the heat maps and contrast charts: the largest (and the pooled rest) until the reader picks.
  const heat = plots["fig-heatmap"];
  let heatGroups = DATA.heatmap ? DATA.heatmap.groups.slice() : [];
  function drawHeatmap(groups) {
    if (!heat) return;
    const A = DATA.heatmap.all, at = groups.map(function (g) { return A.groups.indexOf(g); });
    const z = A.rate.map(function (row) { return at.map(function (j) { return row[j]; }); });
    const text = A.count.map(function (row) { return at.map(function (j) { return row[j]; }); });
    const custom = A.count.map(function (row) { return at.map(function (j) { return [row[j], A.tokens[j]]; }); });
    const trace = Object.assign({}, heat.data[0], {x: groups.map(esc), z: z, text: text, customdata: custom});
    Plotly.react(heat, [trace], heat.layout);
    heatGroups = groups;
  }
  function drawContrast(groups) {
    (DATA.contrast || []).forEach(function (c) {
      const div = plots[c.id], A = c.all;
      if (!div) return;
      const at = groups.map(function (g) { return A.groups.indexOf(g); });
      const pick = function (row, fill) { return at.map(function (j) { return j < 0 ? fill : row[j]; }); };
      const traces = div.data.map(function (t, i) {
        const counts = pick(A.count[i], 0), low = pick(A.low[i], 0), high = pick(A.high[i], 1);
        const total = at.map(function (j) { return j < 0 ? 0 : A.total[j]; });
        const raw = A.terms[i];
        return Object.assign({}, t, {y: groups.map(esc), x: pick(A.share[i], 0),
          text: counts.map(function (n) { return n ? String(n) : ""; }),
          customdata: counts.map(function (n, k) { return [esc(raw), n, total[k], low[k], high[k], raw]; })});
      });
      const layout = Object.assign({}, div.layout, {height: 150 + 30 * groups.length});
      Plotly.react(div, traces, layout);
    });
  }
  const pickerSelect = document.getElementById("picker-groups");
  if (pickerSelect) {
    const filter = document.getElementById("picker-filter"), status = document.getElementById("picker-status");
    const fillPicker = function () {
      const q = filter.value.trim().toLowerCase();
      const chosen = new Set([...pickerSelect.selectedOptions].map(function (o) { return o.value; }));
      pickerSelect.textContent = "";
      DATA.groups.forEach(function (g) {
        if (q && g.toLowerCase().indexOf(q) < 0 && !chosen.has(g)) return;
        const o = el("option", {value: g, dir: "auto"}, g); o.selected = chosen.has(g); pickerSelect.appendChild(o);
      });
    };
    fillPicker();
    filter.addEventListener("input", fillPicker);
    document.getElementById("picker-apply").addEventListener("click", function () {
      const chosen = [...pickerSelect.selectedOptions].map(function (o) { return o.value; }).slice(0, 40);
      if (!chosen.length) { status.textContent = "choose at least one group"; return; }
      const ordered = DATA.groups.filter(function (g) { return chosen.indexOf(g) >= 0; });
      drawHeatmap(ordered); drawContrast(ordered);
      status.textContent = "drawing " + ordered.length + " chosen group" + (ordered.length > 1 ? "s" : "");
    });
    document.getElementById("picker-reset").addEventListener("click", function () {
      drawHeatmap(DATA.heatmap.groups); drawContrast(DATA.heatmap.groups); status.textContent = "";
    });
  }

  // Fightin' Words: one comparison at a time, drawn from its points.
  const sel = document.getElementById("comparison-select");
  const fw = plots["fig-fightin-words"];
  const Z = 1.96;
  let fwDraws = 0;
  function fwTrace(c) {
    // New point ids on every draw: Plotly keeps (and never refills) the text node of a point drawn
    // unlabelled, so a point labelled in the new comparison would otherwise lose its label.
    fwDraws += 1;
    const ids = c.x.map(function (_, k) { return fwDraws + ":" + k; });
    return {x: c.x, y: c.z, ids: ids, mode: "markers+text", text: c.text, cliponaxis: false, textfont: {size: 11},
            textposition: c.z.map(function (v) { return v >= 0 ? "top center" : "bottom center"; }),
            marker: {color: c.z.map(function (v) { return v >= Z ? DATA.palette[0] : v <= -Z ? DATA.palette[1] : "#BBBBBB"; }),
                     size: c.lexicon.map(function (l) { return l ? 10 : 7; }),
                     symbol: c.lexicon.map(function (l) { return l ? "diamond" : "circle"; }), line: {width: 0}},
            customdata: c.custom, hovertemplate: fw.data[0].hovertemplate, type: "scatter"};
  }
  if (sel && fw) {
    DATA.fw.forEach(function (c, i) { sel.appendChild(el("option", {value: String(i), dir: "ltr"}, c.label)); });
    sel.addEventListener("change", function () {
      const c = DATA.fw[Number(sel.value)];
      const layout = Object.assign({}, fw.layout);
      layout.yaxis = Object.assign({}, fw.layout.yaxis, {title: {text: c.y_title}});
      Plotly.react(fw, [fwTrace(c)], layout);
    });
  }

  // Keyword in context
  const K = DATA.kwic, col = {}; K.columns.forEach(function (c, i) { col[c] = i; });
  const f = {group: document.getElementById("kwic-group"), category: document.getElementById("kwic-category"),
             term: document.getElementById("kwic-term"), voice: document.getElementById("kwic-voice"),
             search: document.getElementById("kwic-search")};
  const kwicTable = document.getElementById("kwic-table");
  // One article per group (the seeds): the group column would repeat the document.
  const groupIsDocument = DATA.groups.length === DATA.docs.total;
  if (kwicTable && groupIsDocument) kwicTable.classList.add("no-group");
  function fill(select, values) { [...new Set(values)].sort().forEach(function (v) { select.appendChild(el("option", {value: v, dir: "auto"}, v)); }); }
  if (f.group) {
    fill(f.group, K.rows.map(function (r) { return r[col.group]; }));
    fill(f.category, K.rows.map(function (r) { return r[col.category]; }));
    fill(f.term, K.rows.map(function (r) { return r[col.term]; }));
  }
  const LIMIT = 300;
  let wordRows = null, wordNote = "";
  // A context cell: its text in an isolate of the row's direction, in a cell laid out from its side
  // next to the match (its `dir`), so that the words nearest the match show and the far end is clipped.
  function contextCell(className, text, cellDir, textDir) {
    const td = el("td", {className: className, dir: cellDir});
    td.appendChild(el("span", {dir: textDir}, text));
    return td;
  }
  // [before | match | after] from left to right; a right-to-left row reads from the right: its
  // before-context to the right of the match, its after-context to the left.
  function row(r) {
    const d = direction(r[4]) || direction(r[3] + r[4] + r[5]) || "ltr", rtl = d === "rtl";
    const tr = el("tr", {dir: d});
    const before = contextCell((rtl ? "right" : "left") + " before", r[3], rtl ? "ltr" : "rtl", d);
    const after = contextCell((rtl ? "left" : "right") + " after", r[5], d, d);
    tr.appendChild(el("td", {className: "c-group", title: r[0], dir: "auto"}, r[0]));
    tr.appendChild(el("td", {className: "c-doc", title: r[1], dir: "auto"}, r[1]));
    tr.appendChild(el("td", {dir: "auto"}, r[2]));
    tr.appendChild(rtl ? after : before);
    tr.appendChild(el("td", {className: "hit", dir: d}, r[4]));
    tr.appendChild(rtl ? before : after);
    tr.appendChild(el("td", {dir: "ltr"}, r[6] ? "quoted" : ""));
    return tr;
  }
  function selectedRows() {
    if (wordRows) return wordRows;
    const q = f.search.value.trim().toLowerCase();
    return K.rows.filter(function (r) {
      if (f.group.value && r[col.group] !== f.group.value) return false;
      if (f.category.value && r[col.category] !== f.category.value) return false;
      if (f.term.value && r[col.term] !== f.term.value) return false;
      if (f.voice.value !== "" && String(r[col.quoted]) !== f.voice.value) return false;
      if (q && (r[col.left] + r[col.match] + r[col.right]).toLowerCase().indexOf(q) < 0 && r[col.term].toLowerCase().indexOf(q) < 0) return false;
      return true;
    }).map(function (r) { return [r[col.group], r[col.document], r[col.term], r[col.left], r[col.match], r[col.right], r[col.quoted]]; });
  }
  function renderKwic() {
    const body = document.querySelector("#kwic-table tbody");
    if (!body) return;
    body.textContent = "";
    const status = document.getElementById("kwic-status");
    const show = function (rows) {
      rows.forEach(function (r) { body.appendChild(row(r)); });
      // The headers say which side is which in a right-to-left row when the table shows one.
      kwicTable.classList.toggle("has-rtl", body.querySelector("tr[dir='rtl']") !== null);
    };
    if (wordRows) {
      show(wordRows);
      status.textContent = wordNote;
      return;
    }
    const rows = selectedRows(), shown = Math.min(rows.length, LIMIT);
    show(rows.slice(0, LIMIT));
    let text = shown + " of " + rows.length + " matching contexts shown; 'download these contexts' saves all " + rows.length;
    if (K.sampled) text += ". The page holds a sample of " + K.rows.length + " of all " + K.total + " matches (framing matches CORPUS writes every one)";
    status.textContent = text;
  }
  if (f.group) {
    Object.values(f).forEach(function (x) { x.addEventListener(x.tagName === "INPUT" ? "input" : "change", function () { wordRows = null; renderKwic(); }); });
    document.getElementById("kwic-clear").addEventListener("click", function () { wordRows = null; Object.values(f).forEach(function (x) { x.value = ""; }); renderKwic(); });
    renderKwic();
  }
  const download = document.getElementById("kwic-download");
  if (download) download.addEventListener("click", function () {
    const quote = function (v) {
      const t = typeof v === "string" && FORMULA.test(v) ? "'" + v : String(v);
      return /[",\n\r]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
    };
    const lines = [["group", "document", "term", "before", "match", "after", "quoted"].join(",")];
    selectedRows().forEach(function (r) { lines.push(r.map(quote).join(",")); });
    const blob = new Blob([lines.join("\n") + "\n"], {type: "text/csv"});
    const a = el("a", {href: URL.createObjectURL(blob), download: "contexts.csv"});
    document.body.appendChild(a); a.click(); a.remove();
  });
  function showContexts(filters) {
    if (!f.group) return;
    wordRows = null;
    Object.values(f).forEach(function (x) { x.value = ""; });
    Object.keys(filters).forEach(function (k) {
      const x = f[k];
      if (x.tagName === "SELECT" && ![...x.options].some(function (o) { return o.value === filters[k]; })) { f.search.value = filters[k]; }
      else x.value = filters[k];
    });
    renderKwic();
    document.getElementById("contexts").scrollIntoView();
  }
  // A word outside the lexicon: its own occurrences, never lexicon matches that contain it.
  function showWord(term, total) {
    if (!f.group) return;
    Object.values(f).forEach(function (x) { x.value = ""; });
    let rows = (DATA.words || {})[term], where = "in the whole corpus";
    // An empty list is no answer either (a longer phrase took every match of the word): search the articles.
    if (!rows || !rows.length) {
      const words = term.split(" ").map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
      const re = new RegExp("(^|[^\\w'-])(" + words.join("\\s+") + ")(?:'s)?(?![\\w-])", "gi");
      rows = [];
      DATA.docs.documents.forEach(function (d) {
        let m;
        re.lastIndex = 0;
        while ((m = re.exec(d.text)) !== null && rows.length < 50) {
          const s = m.index + m[1].length, e = s + m[2].length;
          rows.push([d.group, d.name, term, d.text.slice(Math.max(0, s - 90), s).replace(/\s+/g, " "), d.text.slice(s, e), d.text.slice(e, e + 90).replace(/\s+/g, " "), 0]);
        }
      });
      where = "in the " + DATA.docs.documents.length + " articles the page holds (quotation marks not tracked here)";
    } else {
      rows = rows.map(function (r) { return [r[0], r[1], term, r[2], r[3], r[4], r[5]]; });
    }
    wordRows = rows;
    wordNote = rows.length + " of " + total + " uses of the word '" + term + "' shown, found " + where + "; clear the filters to return to the lexicon matches";
    renderKwic();
    document.getElementById("contexts").scrollIntoView();
  }
  // A term clicked in any figure leads to its contexts.
  if (heat) heat.on("plotly_click", function (ev) {
    const p = ev.points[0], g = heatGroups[p.pointIndex[1]];
    const filters = {category: DATA.heatmap.categories[p.pointIndex[0]]};
    if (g !== DATA.pooled) filters.group = g;
    showContexts(filters);
  });
  if (fw) fw.on("plotly_click", function (ev) {
    const c = ev.points[0].customdata;
    if (c[6]) showContexts({term: String(c[5])}); else showWord(String(c[5]), c[1] + c[2]);
  });
  Object.keys(plots).filter(function (k) { return k.indexOf("fig-contrast-") === 0; }).forEach(function (k) {
    plots[k].on("plotly_click", function (ev) {
      const p = ev.points[0], g = heatGroups[p.pointIndex], filters = {term: String(p.customdata[5])};
      if (g !== DATA.pooled) filters.group = g;
      showContexts(filters);
    });
  });

  // Annotated reading
  const docs = DATA.docs.documents, cats = {};
  // Palette colours at 40% opacity, so black text stays readable on every highlight.
  DATA.categories.forEach(function (c, i) { cats[c.name] = {note: c.note, color: DATA.palette[i % DATA.palette.length] + "66"}; });
  const legend = document.getElementById("read-legend");
  if (legend) Object.keys(cats).forEach(function (name) { const s = el("span", {title: cats[name].note, dir: "auto"}, name); s.style.background = cats[name].color; legend.appendChild(s); });
  function renderDoc(target, d) {
    target.textContent = "";
    if (!d) return;
    // Each line above the article its own paragraph, in the direction of its own text; the id, which
    // has none of its own, in the article's.
    const line = function (node, dir) { const p = el("div", {className: "head", dir: dir || "auto"}); p.appendChild(node); target.appendChild(p); };
    // The date in a left-to-right isolate: after a right-to-left name, 2024-01-02 would read 02-01-2024.
    const about = [];
    if (!groupIsDocument) about.push(document.createTextNode(d.group));
    if (d.date) about.push(el("span", {dir: "ltr"}, d.date));
    if (d.story) about.push(document.createTextNode("story: " + isolate(d.story)));
    const heading = el("strong", {}, isolate(d.name));
    about.forEach(function (n, i) { heading.appendChild(document.createTextNode(i ? ", " : " (")); heading.appendChild(n); });
    if (about.length) heading.appendChild(document.createTextNode(")"));
    heading.normalize();
    line(heading);
    if (d.title && d.title !== d.name) line(el("em", {}, isolate(d.title)));
    line(el("span", {className: "note"}, d.id), direction(d.text));
    // The article in a block of its own: nothing in it can reorder the lines above, and a
    // right-to-left article reads right to left.
    const body = el("div", {className: "text", dir: "auto"});
    target.appendChild(body);
    target = body;
    let at = 0, last = null;
    d.spans.forEach(function (s) {
      if (s[0] < at) {  // inside the previous mark (another category's match): named in its hover
        if (last) last.title += "\nalso " + s[2] + " / " + s[3];
        return;
      }
      target.appendChild(document.createTextNode(d.text.slice(at, s[0])));
      const m = el("mark", {title: s[2] + " / " + s[3] + (s[4] ? " (quoted)" : "") + "\n" + (cats[s[2]] ? cats[s[2]].note : "")}, d.text.slice(s[0], s[1]));
      if (s[4]) m.className = "quoted";
      m.style.background = cats[s[2]] ? cats[s[2]].color : "#ddd";
      target.appendChild(m);
      at = s[1];
      last = m;
    });
    target.appendChild(document.createTextNode(d.text.slice(at)));
    if (d.truncated) target.appendChild(el("p", {className: "note", dir: "ltr"}, "(article shortened for the page)"));
  }
  const ra = document.getElementById("read-a"), rb = document.getElementById("read-b");
  if (ra) {
    docs.forEach(function (d, i) {
      const label = (groupIsDocument ? "" : d.group + ": ") + isolate(d.name) + (d.story ? " [" + isolate(d.story) + "]" : "");
      ra.appendChild(el("option", {value: String(i), dir: "auto"}, label)); rb.appendChild(el("option", {value: String(i), dir: "auto"}, label));
    });
    rb.value = docs.length > 1 ? "1" : "0";
    const update = function () { renderDoc(document.getElementById("article-a"), docs[Number(ra.value)]); renderDoc(document.getElementById("article-b"), docs[Number(rb.value)]); };
    ra.addEventListener("change", update); rb.addEventListener("change", update); update();
  }
})();

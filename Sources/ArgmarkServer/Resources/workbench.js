// argmark workbench: the corpus, article and curation pages. Served by `argmark serve` from the
// binary; no build step, no library, nothing from the network. Every change is a POST to the
// JSON API with the access token in a header; the server validates and writes it atomically.
"use strict";

const meta = (name) => { const el = document.querySelector(`meta[name="${name}"]`); return el ? el.content : null; };
const TOKEN = meta("argmark-token");
const PAGE = meta("argmark-page");
const NAME = meta("argmark-name");
const UNIT_TYPES = ["position", "claim", "counterclaim", "rebuttal", "evidence"];
const TYPE_KEYS = { p: "position", c: "claim", x: "counterclaim", r: "rebuttal", e: "evidence" };
const RELATION_KEYS = { s: "supports", a: "attacks", b: "rebuts", t: "restates", u: "undercuts" };

// ---------- small helpers ----------

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function status(text, kind) {
  const el = document.getElementById("status");
  el.textContent = text || "";
  el.className = kind || "";
}

async function api(method, path, body) {
  const options = { method, headers: { "X-Argmark-Token": TOKEN }, credentials: "same-origin" };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  let data = null;
  try { data = await response.json(); } catch (_) { data = { error: `HTTP ${response.status}` }; }
  return { status: response.status, ok: response.ok, data };
}

const short = (text, limit) => { const t = text.replace(/\s+/g, " ").trim(); return t.length > limit ? t.slice(0, limit - 1) + "…" : t; };
const percent = (value) => `${Math.round(value * 100)}%`;
const score = (value) => (value === null || value === undefined ? "–" : value.toFixed(2));

// ---------- corpus page ----------

async function corpusPage() {
  const [listing, info] = await Promise.all([api("GET", "/api/articles"), api("GET", "/api/info")]);
  const main = document.getElementById("main");
  main.replaceChildren();
  if (!listing.ok) { main.append(h("p", { class: "refusal" }, listing.data.error)); return; }
  const rows = listing.data.articles;
  const annotators = info.ok ? info.data.annotators : [];
  const columns = [
    ["name", "article"], ["title", "title"], ["outlet", "outlet"], ["units", "units"], ["relations", "relations"],
    ["coverage", "annotated"], ["errors", "validation"], ["suggestions", "suggestions"],
  ];
  let sortKey = "name", ascending = true;
  const table = h("table", { class: "corpus", id: "corpus" });
  const render = () => {
    const sorted = [...rows].sort((a, b) => {
      const x = a[sortKey] ?? "", y = b[sortKey] ?? "";
      const order = typeof x === "number" ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
      return ascending ? order : -order;
    });
    const head = h("tr", {}, columns.map(([key, label]) => h("th", {
      class: key === sortKey ? (ascending ? "sorted-asc" : "sorted-desc") : null, dataset: { key },
      onclick: () => { if (sortKey === key) ascending = !ascending; else { sortKey = key; ascending = true; } render(); },
    }, label)), annotators.length ? h("th", {}, "curation") : null);
    const body = sorted.map((row) => h("tr", { dataset: { name: row.name } },
      h("td", {}, h("a", { href: `/article/${encodeURIComponent(row.name)}` }, row.name)),
      h("td", {}, row.title || ""), h("td", {}, row.outlet || ""),
      h("td", { class: "num" }, row.units), h("td", { class: "num" }, row.relations),
      h("td", {}, h("span", { class: "bar" }, barFill(row.coverage)), percent(row.coverage)),
      h("td", { class: row.errors ? "invalid" : "valid" }, row.errors ? `${row.errors} error${row.errors === 1 ? "" : "s"}` : (row.warnings ? `valid, ${row.warnings} warning${row.warnings === 1 ? "" : "s"}` : "valid")),
      h("td", { class: "num" }, row.suggestions),
      annotators.length ? h("td", {}, h("a", { href: `/curate/${encodeURIComponent(row.name)}` }, "curate")) : null));
    table.replaceChildren(h("thead", {}, head), h("tbody", {}, body));
  };
  render();
  main.append(h("h1", {}, `${rows.length} article${rows.length === 1 ? "" : "s"}`),
    h("p", { class: "muted" }, listing.data.annotator ? `Your copies as annotator ${listing.data.annotator}. ` : "", "Click a column to sort; open an article to annotate it."),
    table);
  if (annotators.length) main.append(h("p", { class: "muted" }, `Annotators: ${annotators.join(", ")}.`));
  status("");
}

function barFill(share) {
  const fill = h("i", {});
  fill.style.width = `${Math.round(share * 100)}%`; // CSSOM, not a style attribute: allowed by the CSP
  return fill;
}

// ---------- article page ----------

const state = {
  article: null,   // the API's article object
  selected: null,  // { kind: "unit" | "relation", id }
  mode: null,      // { relation: "supports", from: "u3" } while choosing a relation's target
  pending: [],     // fragments collected with f for a discontinuous unit: [{start, end}]
  speaker: null,   // speaker for new units (sticky)
  busy: false,
  message: null,   // a refusal to show in the panel
  model: null,     // the corpus model's status (GET /api/model)
  modelTimer: null,
};

async function articlePage() {
  await loadArticle();
  refreshModel();
  document.addEventListener("keydown", onKey);
  document.addEventListener("visibilitychange", () => { if (!document.hidden) checkForOutsideChanges(); });
  setInterval(checkForOutsideChanges, 3000);
}

async function loadArticle(note) {
  const started = performance.now();
  // The map is asked for after the text is shown: on a long article drawing it takes longer
  // than everything else, and the text with its units is what the annotator works on.
  const result = await api("GET", `/api/articles/${encodeURIComponent(NAME)}?map=0`);
  const loaded = performance.now();
  if (!result.ok) {
    document.getElementById("main").replaceChildren(h("p", { class: "refusal" }, result.data.error),
      h("ul", {}, (result.data.diagnostics || []).map((d) => h("li", {}, `${d.line ? `line ${d.line}: ` : ""}${d.message} [${d.rule}]`))));
    return;
  }
  state.article = result.data;
  if (state.selected && !findSelected()) state.selected = null;
  if (!state.speaker || !state.article.speakers.some((s) => s.id === state.speaker)) {
    const author = state.article.speakers.find((s) => (s.role || "").startsWith("author"));
    state.speaker = author ? author.id : (state.article.speakers[0] ? state.article.speakers[0].id : "");
  }
  renderArticle();
  // For the bench and for scripts: how long fetching and showing the article took.
  document.body.dataset.timing = JSON.stringify({ fetch: Math.round(loaded - started), render: Math.round(performance.now() - loaded) });
  if (note) status(note.text, note.kind);
  fetchMap();
}

/// Asks for the argument map of the version shown and draws it, unless the page moved on.
async function fetchMap() {
  const version = state.article.version;
  const result = await api("GET", `/api/articles/${encodeURIComponent(NAME)}/map`);
  if (!result.ok || !state.article || state.article.version !== version || result.data.version !== version) return;
  state.article.map = result.data.map;
  renderMap();
  document.body.dataset.mapVersion = version;
}

async function checkForOutsideChanges() {
  if (!state.article || state.busy || document.hidden) return;
  const result = await api("GET", `/api/articles/${encodeURIComponent(NAME)}/version`);
  if (result.ok && result.data.version !== state.article.version && !state.busy) {
    await loadArticle({ text: "The file changed outside this page; reloaded.", kind: "" });
  }
}

function findSelected() {
  if (!state.selected || !state.article) return null;
  const list = state.selected.kind === "unit" ? state.article.units : state.article.relations;
  return list.find((item) => item.id === state.selected.id) || null;
}

/// Sends edits; on success shows the new article; 409 reloads; a refusal is shown with its findings.
async function edit(edits, okText) {
  if (state.busy) return null;
  state.busy = true;
  document.body.dataset.busy = "1";
  status("saving…");
  try {
    const result = await api("POST", `/api/articles/${encodeURIComponent(NAME)}/edits`, { version: state.article.version, edits });
    return await settle(result, okText);
  } finally { state.busy = false; document.body.dataset.busy = "0"; }
}

async function settle(result, okText) {
  if (result.ok) {
    const article = result.data.article;
    // An edit's answer leaves out the text (an edit never changes it) and the map (asked for next).
    if (article.textDigest !== state.article.textDigest) { await loadArticle({ text: okText, kind: "ok" }); return result.data; }
    article.text = state.article.text;
    article.map = state.article.map;
    state.article = article;
    state.message = null;
    renderArticle();
    fetchMap();
    const warnings = result.data.warnings || [];
    status(warnings.length ? `${okText}; warning: ${warnings[0].message}` : okText, warnings.length ? "" : "ok");
    return result.data;
  }
  if (result.status === 409) {
    state.message = null;
    await loadArticle({ text: result.data.error, kind: "bad" });
    return null;
  }
  state.message = result.data;
  renderPanel();
  status(result.data.error, "bad");
  return null;
}

async function undoRedo(redo) {
  const history = state.article.history;
  if ((redo ? history.redo : history.undo) === 0 || state.busy) { status(redo ? "nothing to redo" : "nothing to undo"); return; }
  state.busy = true;
  document.body.dataset.busy = "1";
  try {
    const result = await api("POST", `/api/articles/${encodeURIComponent(NAME)}/${redo ? "redo" : "undo"}`, { version: state.article.version });
    await settle(result, redo ? "redone" : "undone");
  } finally { state.busy = false; document.body.dataset.busy = "0"; }
}

// Code points <-> UTF-16: the API counts code points, the DOM counts UTF-16 units.
function codePointLength(text) { let n = 0; for (const _ of text) n++; return n; }

function unitPieces(unit) {
  if (unit.start === null) return [];
  return unit.fragments.length ? unit.fragments.map(([start, end]) => ({ start, end })) : [{ start: unit.start, end: unit.end }];
}

function renderArticle() {
  const article = state.article;
  const main = document.getElementById("main");
  // For scripts and tests driving the page: what it shows now.
  document.body.dataset.version = article.version;
  document.body.dataset.units = article.units.length;
  document.body.dataset.relations = article.relations.length;
  document.getElementById("crumb").textContent = `${NAME}${article.meta.title && article.meta.title !== NAME ? " · " + article.meta.title : ""}`;
  let textpane = document.getElementById("text");
  if (!textpane) {
    main.replaceChildren(
      h("div", { class: "toolbar" },
        h("button", { id: "undo", onclick: () => undoRedo(false), title: "z or Ctrl+Z" }, "Undo"),
        h("button", { id: "redo", onclick: () => undoRedo(true), title: "Z or Ctrl+Shift+Z" }, "Redo"),
        h("label", {}, "Speaker of new units ", h("select", { id: "new-speaker", onchange: (event) => { state.speaker = event.target.value; event.target.blur(); } })),
        h("button", { id: "suggest", onclick: runSuggest }, "Run suggest"),
        h("button", { id: "retrain", onclick: retrainModel, title: "Learn the corpus's own model from its annotations now" }, "Retrain model"),
        h("span", { id: "model-status", class: "muted" }),
        h("button", { id: "implicit", onclick: () => showImplicitForm() }, "Implicit unit… (i)"),
        h("span", { id: "counts", class: "muted" }),
        h("a", { href: `/curate/${encodeURIComponent(NAME)}`, id: "curate-link" }, "curate")),
      h("div", { class: "keys", id: "keys" },
        h("span", {}, "Select text, then: ", ...Object.entries(TYPE_KEYS).flatMap(([key, type]) => [h("kbd", {}, key), ` ${type} `])),
        h("span", {}, h("kbd", {}, "f"), " add selection as a fragment"),
        h("span", {}, "With a unit selected: ", ...Object.entries(RELATION_KEYS).flatMap(([key, type]) => [h("kbd", {}, key), ` ${type} `]), "then click the target"),
        h("span", {}, h("kbd", {}, "Del"), " delete ", h("kbd", {}, "y"), "/", h("kbd", {}, "n"), " accept/reject suggestion ", h("kbd", {}, "j"), "/", h("kbd", {}, "k"), " next/previous unit ", h("kbd", {}, "z"), "/", h("kbd", {}, "Z"), " undo/redo ", h("kbd", {}, "Esc"), " cancel")),
      h("div", { class: "workspace" },
        h("div", {},
          h("div", { id: "mode", class: "mode hidden" }),
          textpane = h("div", { id: "text", class: "textpane", tabindex: "0" }),
          h("div", { id: "map", class: "mapbox" })),
        h("aside", { id: "panel", class: "panel" })));
    textpane.addEventListener("click", onTextClick);
    document.getElementById("map").addEventListener("click", onMapClick);
  }
  const speakerSelect = document.getElementById("new-speaker");
  speakerSelect.replaceChildren(h("option", { value: "" }, "(none)"),
    ...article.speakers.map((s) => h("option", { value: s.id, selected: s.id === state.speaker }, `${s.name} (${s.id})`)));
  document.getElementById("undo").disabled = article.history.undo === 0;
  document.getElementById("redo").disabled = article.history.redo === 0;
  const gold = article.units.filter((u) => u.status === "gold").length;
  const suggested = article.units.length - gold;
  document.getElementById("counts").textContent = `${gold} units, ${article.relations.length} relations${suggested ? `, ${suggested} suggestions` : ""}; ${article.errors ? article.errors + " errors" : "valid"}`;
  renderText(textpane);
  renderMap();
  renderPanel();
  renderMode();
}

/// Text pieces of about this many code points (ending at a line break) are laid out as blocks
/// the browser may skip while they are off screen (`content-visibility: auto`): a long article
/// then costs the layout of what is visible, not of the whole text.
const CHUNK = 3000;

/// The text's code point -> UTF-16 index table and its chunk breaks, computed once per text.
function textIndex(text) {
  if (state.index && state.index.text === text) return state.index;
  const utf16 = new Uint32Array(codePointLength(text) + 1);
  const breaks = [];
  let cp = 0, index = 0, last = 0;
  for (const char of text) {
    utf16[cp] = index;
    cp++; index += char.length;
    if (char === "\n" && cp - last >= CHUNK && cp < utf16.length - 1) { breaks.push(cp); last = cp; }
  }
  utf16[cp] = index;
  state.index = { text, utf16, breaks };
  return state.index;
}

function renderText(pane) {
  const article = state.article;
  const text = article.text;
  const { utf16, breaks } = textIndex(text);
  const findingSubjects = new Set(article.diagnostics.map((d) => d.subject).filter(Boolean));
  // Boundaries in code points: every unit's pieces, the pending fragments and the chunk breaks.
  const bounds = new Set([0, article.length, ...breaks]);
  const pieces = [];
  for (const unit of article.units) {
    for (const piece of unitPieces(unit)) { bounds.add(piece.start); bounds.add(piece.end); pieces.push({ unit, ...piece }); }
  }
  for (const piece of state.pending) { bounds.add(piece.start); bounds.add(piece.end); }
  const sorted = [...bounds].filter((b) => b >= 0 && b <= article.length).sort((a, b) => a - b);
  const breakSet = new Set(breaks);
  // Which units cover each segment: sweep over starts and ends.
  const starts = new Map(), ends = new Map();
  for (const piece of pieces) {
    (starts.get(piece.start) || starts.set(piece.start, []).get(piece.start)).push(piece);
    (ends.get(piece.end) || ends.set(piece.end, []).get(piece.end)).push(piece);
  }
  const firstPiece = new Map();
  for (const unit of article.units) { const p = unitPieces(unit); if (p.length) firstPiece.set(unit.id, p[0].start); }
  const open = new Set();
  const fragment = document.createDocumentFragment();
  const newChunk = (from) => {
    const chunk = document.createElement("div");
    chunk.className = "chunk";
    // A first guess of its height until it is laid out (the browser then remembers the real one).
    chunk.style.containIntrinsicBlockSize = `auto ${Math.max(1, Math.round(from / 90)) * 26}px`;
    fragment.append(chunk);
    return chunk;
  };
  let chunk = null, chunkStart = 0;
  const selectedID = state.selected && state.selected.kind === "unit" ? state.selected.id : null;
  const pendingSpans = state.pending;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i], end = sorted[i + 1];
    if (!chunk || breakSet.has(start)) {
      if (chunk) chunk.style.containIntrinsicBlockSize = `auto ${Math.max(1, Math.round((start - chunkStart) / 90) + (text.slice(utf16[chunkStart], utf16[start]).split("\n").length - 1)) * 26}px`;
      chunk = newChunk(CHUNK);
      chunkStart = start;
    }
    for (const piece of ends.get(start) || []) open.delete(piece);
    const starting = starts.get(start);
    if (starting) {
      for (const piece of starting) open.add(piece);
      for (const piece of starting) if (firstPiece.get(piece.unit.id) === start) chunk.append(tag(piece.unit, findingSubjects));
    }
    const span = document.createElement("span");
    span.dataset.s = start;
    span.textContent = text.slice(utf16[start], utf16[end]);
    if (open.size) {
      // The innermost (shortest) unit colours the segment; gold before suggestions.
      const covering = [...open].map((p) => p.unit);
      if (covering.length > 1) covering.sort((a, b) => (a.status === "gold" ? 0 : 1) - (b.status === "gold" ? 0 : 1) || spanLength(a) - spanLength(b));
      const inner = covering[0];
      span.dataset.u = covering.length > 1 ? covering.map((u) => u.id).join(" ") : inner.id;
      span.className = `t-${inner.type}${inner.status === "suggested" ? " suggested" : ""}${covering.some((u) => u.id === selectedID) ? " sel" : ""}${covering.some((u) => findingSubjects.has(u.id)) ? " finding" : ""}`;
    }
    if (pendingSpans.length && pendingSpans.some((p) => p.start <= start && end <= p.end)) span.classList.add("pending");
    chunk.append(span);
  }
  if (chunk) chunk.style.containIntrinsicBlockSize = `auto ${Math.max(1, Math.round((article.length - chunkStart) / 90) + (text.slice(utf16[chunkStart]).split("\n").length - 1)) * 26}px`;
  // Reading or setting the scroll position forces a layout: only when there is one to keep.
  const scroll = pane.firstChild ? pane.scrollTop : 0;
  pane.replaceChildren(fragment);
  if (scroll) pane.scrollTop = scroll;
}

function spanLength(unit) { return unit.start === null ? 0 : unit.end - unit.start; }

function speakerName(id) {
  const speaker = state.article.speakers.find((s) => s.id === id);
  return speaker ? speaker.name : id;
}

function tag(unit, findingSubjects) {
  return h("sup", { class: `tag t-${unit.type}${unit.status === "suggested" ? " suggested" : ""}`, dataset: { unit: unit.id }, title: `${unit.type} ${unit.id}${unit.speaker ? " — " + speakerName(unit.speaker) : ""}` },
    `${unit.id}`, unit.speaker ? h("span", { class: "spk" }, ` ${unit.speaker}`) : null,
    unit.status === "suggested" ? ` ${unit.confidence !== null ? unit.confidence.toFixed(2) : "?"}` : null,
    findingSubjects.has(unit.id) ? h("span", { class: "warn" }, " ⚠") : null);
}

function renderMap() {
  const box = document.getElementById("map");
  if (state.article.map === undefined) { if (!box.firstChild) box.textContent = "drawing the argument map…"; return; }
  // The SVG is the report's renderer output: every text in it is escaped by the server.
  if (box.drawnMap !== state.article.map) { // redrawn only when the map changed, not on every selection
    box.innerHTML = state.article.map;
    box.drawnMap = state.article.map;
  }
  for (const node of box.querySelectorAll("g.node.sel")) node.classList.remove("sel");
  box.classList.toggle("target-relation", !!(state.mode && state.mode.relation === "undercuts"));
  if (state.selected && state.selected.kind === "unit") {
    for (const link of box.querySelectorAll("a")) {
      if (link.getAttribute("href") === `#unit-${state.selected.id}`) link.closest("g.node")?.classList.add("sel");
    }
  }
}

function renderMode() {
  const el = document.getElementById("mode");
  if (state.mode) {
    el.textContent = `${state.mode.from} ${state.mode.relation} …: click the ${state.mode.relation === "undercuts" ? "relation (in the map or the panel)" : "unit"} it points to (Esc cancels)`;
    el.classList.remove("hidden");
  } else if (state.pending.length) {
    el.textContent = `${state.pending.length} fragment${state.pending.length === 1 ? "" : "s"} collected: select the last piece and press a type key, or press a type key now (Esc cancels)`;
    el.classList.remove("hidden");
  } else {
    el.classList.add("hidden");
  }
}

// ---------- selection and keys ----------

/// The code-point offset of a DOM position inside the text pane.
function offsetOf(node, offset) {
  const pane = document.getElementById("text");
  const segmentIn = (el) => (el.nodeType !== Node.ELEMENT_NODE ? null : el.dataset.s !== undefined ? el : el.querySelector("[data-s]"));
  // The start of the first segment after `el` in the pane, or the end of the text.
  const after = (el) => {
    for (let at = el; at && at !== pane; at = at.parentElement) {
      for (let sibling = at.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
        const segment = segmentIn(sibling);
        if (segment) return Number(segment.dataset.s);
      }
    }
    return state.article.length;
  };
  if (node.nodeType === Node.TEXT_NODE) {
    const span = node.parentElement.closest("[data-s]");
    if (!span) return after(node.parentElement.closest("sup") || node.parentElement); // inside a tag
    return Number(span.dataset.s) + codePointLength(node.data.slice(0, offset));
  }
  if (node !== pane && node.dataset && node.dataset.s !== undefined) {
    return Number(node.dataset.s) + (offset > 0 ? codePointLength(node.textContent) : 0);
  }
  // A position between children of the pane, a chunk or a tag: the next segment's start.
  for (let i = offset; i < node.childNodes.length; i++) {
    const segment = segmentIn(node.childNodes[i]);
    if (segment) return Number(segment.dataset.s);
  }
  return node === pane ? state.article.length : after(node);
}

/// The selected text as a code-point span, trimmed of surrounding white space; null if none.
function selectionSpan() {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const pane = document.getElementById("text");
  if (!pane.contains(range.startContainer) || !pane.contains(range.endContainer)) return null;
  let start = offsetOf(range.startContainer, range.startOffset);
  let end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null || start >= end) return null;
  const chars = Array.from(state.article.text.slice(...utf16Range(start, end)));
  let a = 0, b = chars.length;
  while (a < b && /\s/u.test(chars[a])) a++;
  while (b > a && /\s/u.test(chars[b - 1])) b--;
  if (a === b) return null;
  return { start: start + a, end: start + b };
}

function utf16Range(start, end) {
  const { utf16 } = textIndex(state.article.text);
  return [utf16[start], utf16[end]];
}

function typing(event) {
  const el = event.target;
  return el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
}

async function onKey(event) {
  if (!state.article || typing(event) || event.altKey || event.metaKey) return;
  const key = event.key;
  if (event.ctrlKey) {
    if (key === "z" || key === "Z") { event.preventDefault(); await undoRedo(event.shiftKey); }
    else if (key === "y") { event.preventDefault(); await undoRedo(true); }
    return;
  }
  if (key === "Escape") { state.mode = null; state.pending = []; window.getSelection().removeAllRanges(); renderArticle(); status(""); return; }
  const span = selectionSpan();
  if (TYPE_KEYS[key] && (span || state.pending.length)) {
    event.preventDefault();
    const pieces = [...state.pending, ...(span ? [span] : [])].sort((a, b) => a.start - b.start);
    const op = { op: "add", type: TYPE_KEYS[key], as: "new" };
    if (pieces.length === 1) { op.start = pieces[0].start; op.end = pieces[0].end; }
    else op.fragments = pieces.map((p) => [p.start, p.end]);
    if (state.speaker) op.speaker = state.speaker;
    state.pending = [];
    window.getSelection().removeAllRanges();
    const result = await edit([op], `${TYPE_KEYS[key]} added`);
    if (result) { state.selected = { kind: "unit", id: result.labels.new }; renderArticle(); }
    return;
  }
  if (key === "f" && span) {
    event.preventDefault();
    state.pending.push(span);
    window.getSelection().removeAllRanges();
    renderArticle();
    return;
  }
  if (key === "i") { event.preventDefault(); showImplicitForm(); return; }
  if (key === "z" || key === "Z") { event.preventDefault(); await undoRedo(key === "Z"); return; }
  if (key === "j" || key === "k") { event.preventDefault(); moveSelection(key === "j" ? 1 : -1); return; }
  const selected = findSelected();
  if (!selected) return;
  if (state.selected.kind === "unit" && RELATION_KEYS[key]) {
    event.preventDefault();
    state.mode = { relation: RELATION_KEYS[key], from: selected.id };
    renderMode();
    renderMap();
    status(`${RELATION_KEYS[key]}: click the target`);
    return;
  }
  if (key === "Delete" || key === "Backspace") {
    event.preventDefault();
    const id = selected.id;
    state.selected = null;
    await edit([{ op: "remove", id, cascade: true }], `${id} deleted`);
    return;
  }
  if (state.selected.kind === "unit" && selected.status === "suggested" && (key === "y" || key === "n")) {
    event.preventDefault();
    await review(selected.id, key === "y");
  }
}

/// Accepts or rejects suggestion `id`, then offers the next least sure one.
async function review(id, accept) {
  const result = await edit([{ op: accept ? "accept" : "reject", ids: [id] }], accept ? `${id} accepted` : `${id} rejected`);
  if (result) { moveToNextSuggestion(id); refreshModel(); }
}

function orderedUnits() {
  return [...state.article.units].sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || (a.end ?? 0) - (b.end ?? 0));
}

function moveSelection(step) {
  const units = orderedUnits();
  if (!units.length) return;
  const current = state.selected && state.selected.kind === "unit" ? units.findIndex((u) => u.id === state.selected.id) : -1;
  const next = current < 0 ? (step > 0 ? 0 : units.length - 1) : Math.min(units.length - 1, Math.max(0, current + step));
  select("unit", units[next].id);
}

/// After a review, the next suggestion to offer: the one the model is least sure of (the
/// server's review order), so each decision teaches the next training the most.
function moveToNextSuggestion(afterID) {
  const next = (state.article.review || []).find((id) => id !== afterID);
  if (!next) { state.selected = state.article.units.some((u) => u.id === afterID) ? { kind: "unit", id: afterID } : null; renderArticle(); return; }
  select("unit", next);
}

async function runSuggest() {
  const result = await edit([{ op: "suggest" }], "suggestions added");
  if (result && (state.article.review || []).length) select("unit", state.article.review[0]);
}

// ---------- the corpus's own model ----------

async function refreshModel() {
  const result = await api("GET", "/api/model");
  if (!result.ok) return;
  const wasTraining = state.model && state.model.training;
  state.model = result.data;
  if (wasTraining && !result.data.training) {
    status(result.data.problem ? `the model was not retrained: ${result.data.problem}` : "the corpus's model was retrained; Run suggest uses it", result.data.problem ? "bad" : "ok");
  }
  renderModel();
  clearTimeout(state.modelTimer);
  if (result.data.training) state.modelTimer = setTimeout(refreshModel, 1000);
}

async function retrainModel() {
  const result = await api("POST", "/api/model/train");
  if (!result.ok) { status(result.data.error, "bad"); return; }
  state.model = result.data;
  renderModel();
  status("retraining the corpus's model in the background", "");
  clearTimeout(state.modelTimer);
  state.modelTimer = setTimeout(refreshModel, 500);
}

function modelText(model) {
  if (!model) return "";
  const source = model.trained ? `corpus model (${model.articles} article${model.articles === 1 ? "" : "s"}, ${model.units} units)` : "shipped model";
  const next = model.training ? (model.queued ? "retraining, once more queued…" : "retraining…")
    : model.retrainAfter ? `retrains after ${Math.max(0, model.retrainAfter - model.reviews)} more review${model.retrainAfter - model.reviews === 1 ? "" : "s"}` : "retrains on the button";
  return `Suggestions: ${source}; ${next}${model.problem ? `; ${model.problem}` : ""}`;
}

function renderModel() {
  const el = document.getElementById("model-status");
  if (!el || !state.model) return;
  el.textContent = modelText(state.model);
  document.body.dataset.modelGeneration = state.model.generation;
  document.body.dataset.modelTraining = state.model.training ? "1" : "0";
  document.getElementById("retrain").disabled = !!state.model.training && !!state.model.queued;
}

/// The suggestions waiting for review, least sure first, for the panel.
function reviewList() {
  const review = state.article.review || [];
  if (!review.length) return [];
  const byID = new Map(state.article.units.map((u) => [u.id, u]));
  const selectedID = state.selected && state.selected.kind === "unit" ? state.selected.id : null;
  return [
    h("h2", {}, `Suggestions to review (${review.length}), least sure first`),
    h("p", { class: "muted hint" }, "y accepts, n rejects, then the next least sure one is selected; the model learns from your decisions."),
    h("ol", { id: "review", class: "review" }, review.slice(0, 50).map((id) => {
      const unit = byID.get(id);
      return h("li", { class: id === selectedID ? "sel" : null, dataset: { unit: id } },
        h("span", { class: `chip t-${unit.type} suggested` }, unit.type),
        h("span", { class: "conf" }, unit.confidence !== null ? unit.confidence.toFixed(2) : "?"),
        h("span", { class: "grow", onclick: () => select("unit", id) }, `${id} ${short(unit.quote, 60)}`));
    })),
    review.length > 50 ? h("p", { class: "muted" }, `and ${review.length - 50} more`) : null,
  ];
}

function select(kind, id) {
  state.selected = id ? { kind, id } : null;
  renderText(document.getElementById("text"));
  renderMap();
  renderPanel();
  if (kind === "unit" && id) {
    const el = document.querySelector(`#text sup[data-unit="${CSS.escape(id)}"]`);
    if (el) el.scrollIntoView({ block: "nearest" });
  }
}

async function chooseTarget(kind, id) {
  const mode = state.mode;
  state.mode = null;
  renderMode();
  if (mode.relation === "undercuts" && kind !== "relation") { status("undercuts points to a relation: click an arrow in the map or a relation in the panel", "bad"); state.mode = mode; renderMode(); return; }
  if (mode.relation !== "undercuts" && kind !== "unit") { status(`${mode.relation} points to a unit`, "bad"); state.mode = mode; renderMode(); return; }
  const result = await edit([{ op: "relate", from: mode.from, type: mode.relation, to: id, as: "rel" }], `${mode.from} ${mode.relation} ${id}`);
  if (result) { state.selected = { kind: "unit", id: mode.from }; renderArticle(); }
}

function onTextClick(event) {
  if (!window.getSelection().isCollapsed) return; // the end of a drag, not a click
  const tagEl = event.target.closest("sup[data-unit]");
  const segment = event.target.closest("span[data-u]");
  let id = tagEl ? tagEl.dataset.unit : null;
  if (!id && segment) {
    const ids = segment.dataset.u.split(" ");
    const current = state.selected && state.selected.kind === "unit" ? ids.indexOf(state.selected.id) : -1;
    // The innermost first; clicking again steps to the next unit over the same text.
    const byLength = ids.map((x) => state.article.units.find((u) => u.id === x)).sort((a, b) => spanLength(a) - spanLength(b)).map((u) => u.id);
    id = current >= 0 && !state.mode ? byLength[(byLength.indexOf(state.selected.id) + 1) % byLength.length] : byLength[0];
  }
  if (state.mode) { if (id) chooseTarget("unit", id); return; }
  select("unit", id);
}

function onMapClick(event) {
  const link = event.target.closest("a");
  if (link) {
    event.preventDefault();
    const id = (link.getAttribute("href") || "").replace(/^#unit-/, "");
    if (state.mode) chooseTarget("unit", id); else select("unit", id);
    return;
  }
  const edge = event.target.closest("g.edge");
  if (edge) {
    const title = edge.querySelector("title");
    const id = title ? title.textContent.split(":")[0] : null;
    if (!id) return;
    if (state.mode) chooseTarget("relation", id); else select("relation", id);
  }
}

// ---------- side panel ----------

function renderPanel() {
  const panel = document.getElementById("panel");
  if (!panel) return;
  const article = state.article;
  const parts = [];
  if (state.message) {
    parts.push(h("div", { class: "refusal", id: "refusal" }, h("b", {}, "Not changed: "), state.message.error,
      h("ul", {}, (state.message.diagnostics || []).map((d) => h("li", {}, `${d.message} [${d.rule}]`)))));
  }
  const selected = findSelected();
  // While suggestions wait, the queue comes first: the ones the model is least sure of on top.
  parts.push(...reviewList());
  if (selected && state.selected.kind === "unit") parts.push(...unitPanel(selected));
  else if (selected) parts.push(...relationPanel(selected));
  else parts.push(h("h2", {}, "Nothing selected"), h("p", { class: "muted" }, "Select text and press a type key to mark a unit, or click a unit to edit it."));
  parts.push(h("h2", {}, "Findings"));
  if (!article.diagnostics.length) parts.push(h("p", { class: "muted", id: "findings" }, "The article is valid."));
  else parts.push(h("ul", { id: "findings" }, article.diagnostics.map((d) => h("li", { class: d.severity },
    h("span", { class: "grow", onclick: () => d.subject && select(d.subject.startsWith("r") && article.relations.some((r) => r.id === d.subject) ? "relation" : "unit", d.subject) },
      `${d.subject ? d.subject + ": " : ""}${d.message} [${d.rule}]`)))));
  parts.push(h("h2", {}, "Speakers"), h("ul", { id: "speakers" }, article.speakers.map((s) => h("li", {}, h("span", { class: "grow" }, `${s.name} `, h("span", { class: "muted" }, `${s.id}${s.role ? ", " + s.role : ""}`))))),
    speakerForm());
  parts.push(h("h2", {}, "Relations"), h("ul", { id: "relations" }, article.relations.map((r) => h("li", { class: state.selected && state.selected.id === r.id ? "sel" : null },
    h("span", { class: "grow", dataset: { relation: r.id }, onclick: () => (state.mode ? chooseTarget("relation", r.id) : select("relation", r.id)) }, `${r.id}: ${r.from} ${r.type} ${r.to}`)))));
  parts.push(h("h2", {}, "Vocabulary (corpus.xml)"), targetForm(), propositionForm());
  panel.replaceChildren(...parts.filter((part) => part !== null && part !== undefined && part !== false));
}

function options(list, current, label) {
  return [h("option", { value: "" }, "(none)"), ...list.map((item) => h("option", { value: item.id, selected: item.id === current }, label(item)))];
}

function unitPanel(unit) {
  const article = state.article;
  const set = (field) => (event) => edit([{ op: "set", unit: unit.id, [field]: event.target.value || null }], `${unit.id} ${field} changed`);
  const outgoing = article.relations.filter((r) => r.from === unit.id);
  const incoming = article.relations.filter((r) => r.to === unit.id);
  const findings = article.diagnostics.filter((d) => d.subject === unit.id);
  return [
    h("h2", { id: "selected-unit", dataset: { unit: unit.id } }, h("span", { class: `chip t-${unit.type}` }, unit.type), ` ${unit.id}`, unit.status === "suggested" ? h("span", { class: "muted" }, ` suggested (${unit.confidence})`) : null),
    h("div", { class: "quote" }, unit.implicit ? `implicit: ${unit.quote}` : short(unit.quote, 400)),
    h("div", { class: "muted" }, unit.implicit ? "no span" : unit.fragments.length ? `fragments ${unit.fragments.map(([a, b]) => `${a}-${b}`).join(", ")}` : `${unit.start}-${unit.end}`),
    unit.status === "suggested" ? h("div", { class: "row" },
      h("button", { class: "primary", id: "accept", onclick: () => review(unit.id, true) }, "Accept (y)"),
      h("button", { id: "reject", onclick: () => review(unit.id, false) }, "Reject (n)")) : null,
    h("label", {}, "type", h("select", { id: "unit-type", onchange: (event) => edit([{ op: "set", unit: unit.id, type: event.target.value }], `${unit.id} is now ${event.target.value}`) },
      UNIT_TYPES.map((t) => h("option", { value: t, selected: t === unit.type }, t)))),
    h("label", {}, "speaker", h("select", { id: "unit-speaker", onchange: set("speaker") }, options(article.speakers, unit.speaker, (s) => `${s.name} (${s.id})`))),
    h("label", {}, "stance", h("select", { id: "unit-stance", onchange: (event) => stanceChange(unit, event.target.value, unit.target) },
      [h("option", { value: "" }, "(none)"), ...["favor", "against", "neutral"].map((s) => h("option", { value: s, selected: s === unit.stance }, s))])),
    h("label", {}, "target", h("select", { id: "unit-target", onchange: (event) => stanceChange(unit, unit.stance || "favor", event.target.value) }, options(article.corpus.targets, unit.target, (t) => t.name))),
    h("label", {}, "proposition", h("select", { id: "unit-proposition", onchange: set("proposition") }, options(article.corpus.propositions, unit.proposition, (p) => short(p.statement, 50)))),
    h("label", {}, "note", h("input", { id: "unit-note", value: unit.note || "", onchange: set("note") })),
    h("div", { class: "row" },
      h("button", { id: "delete", onclick: () => { state.selected = null; edit([{ op: "remove", id: unit.id, cascade: true }], `${unit.id} deleted`); } }, "Delete (Del)"),
      ...Object.entries(RELATION_KEYS).map(([key, type]) => h("button", { onclick: () => { state.mode = { relation: type, from: unit.id }; renderMode(); renderMap(); } }, `${type} (${key})`))),
    findings.length ? h("div", { class: "refusal" }, findings.map((d) => h("div", {}, `${d.message} [${d.rule}]`))) : null,
    h("h2", {}, "Relations of ", unit.id),
    h("ul", {}, [...outgoing, ...incoming].map((r) => h("li", {}, h("span", { class: "grow", onclick: () => select("relation", r.id) }, `${r.id}: ${r.from} ${r.type} ${r.to}`),
      h("button", { onclick: () => edit([{ op: "remove", id: r.id, cascade: true }], `${r.id} deleted`) }, "×")))),
  ];
}

function stanceChange(unit, stance, target) {
  if (!stance || !target) {
    if (!stance && !target) return;
    if (!stance) return edit([{ op: "set", unit: unit.id, stance: null, target: null }], `${unit.id} stance cleared`);
    if (!target) { status("choose a target for the stance", ""); return; }
  }
  return edit([{ op: "set", unit: unit.id, stance, target }], `${unit.id} ${stance} ${target}`);
}

function relationPanel(relation) {
  return [
    h("h2", { id: "selected-relation" }, `relation ${relation.id}`),
    h("p", {}, `${relation.from} ${relation.type} ${relation.to}`),
    h("label", {}, "type", h("select", { id: "relation-type", onchange: (event) => edit([{ op: "set-relation", relation: relation.id, type: event.target.value }], `${relation.id} is now ${event.target.value}`) },
      Object.values(RELATION_KEYS).map((t) => h("option", { value: t, selected: t === relation.type }, t)))),
    h("div", { class: "row" }, h("button", { id: "delete", onclick: () => { state.selected = null; edit([{ op: "remove", id: relation.id, cascade: true }], `${relation.id} deleted`); } }, "Delete (Del)")),
  ];
}

function formOf(id, title, fields, submit) {
  const form = h("form", { id, class: "hidden" }, ...fields, h("div", { class: "row" }, h("button", { type: "submit", class: "primary" }, "Add"), h("button", { type: "button", onclick: () => form.classList.add("hidden") }, "Cancel")));
  form.addEventListener("submit", (event) => { event.preventDefault(); submit(Object.fromEntries(new FormData(form))); });
  const opener = h("button", { id: `${id}-open`, onclick: () => { form.classList.remove("hidden"); form.querySelector("input, textarea")?.focus(); } }, title);
  return h("div", {}, opener, form);
}

function speakerForm() {
  return formOf("speaker-form", "New speaker…", [
    h("input", { name: "id", placeholder: "id, e.g. burke", required: true }),
    h("input", { name: "name", placeholder: "name, e.g. Tarana Burke", required: true }),
    h("input", { name: "role", placeholder: "role: author, quoted, …" }),
  ], async (values) => {
    const op = { op: "speaker", id: values.id.trim(), name: values.name.trim() };
    if (values.role.trim()) op.role = values.role.trim();
    const result = await edit([op], `speaker ${op.id} added`);
    if (result) { state.speaker = op.id; renderArticle(); }
  });
}

async function corpusEdit(edits, okText) {
  const result = await api("POST", "/api/corpus/edits", { edits });
  if (!result.ok) { state.message = result.data; renderPanel(); status(result.data.error, "bad"); return; }
  await loadArticle({ text: okText, kind: "ok" });
}

function targetForm() {
  return formOf("target-form", "New target…", [
    h("input", { name: "id", placeholder: "id, e.g. metoo", required: true }),
    h("input", { name: "name", placeholder: "name, e.g. the #MeToo movement", required: true }),
  ], (values) => corpusEdit([{ op: "target", id: values.id.trim(), name: values.name.trim() }], `target ${values.id} added`));
}

function propositionForm() {
  return formOf("proposition-form", "New proposition…", [
    h("input", { name: "id", placeholder: "id, e.g. no-model-survivor", required: true }),
    h("textarea", { name: "text", placeholder: "the statement", required: true, rows: "2" }),
    h("select", { name: "target" }, options(state.article.corpus.targets, null, (t) => t.name)),
    h("select", { name: "stance" }, [h("option", { value: "" }, "(no stance)"), ...["favor", "against", "neutral"].map((s) => h("option", { value: s }, s))]),
  ], (values) => {
    const op = { op: "proposition", id: values.id.trim(), text: values.text.trim() };
    if (values.target && values.stance) { op.target = values.target; op.stance = values.stance; }
    return corpusEdit([op], `proposition ${values.id} added`);
  });
}

function showImplicitForm() {
  const panel = document.getElementById("panel");
  let form = document.getElementById("implicit-form");
  if (!form) {
    form = h("form", { id: "implicit-form" },
      h("h2", {}, "Implicit unit"),
      h("select", { name: "type" }, UNIT_TYPES.map((t) => h("option", { value: t, selected: t === "claim" }, t))),
      h("textarea", { name: "paraphrase", placeholder: "the unstated premise or conclusion, in your words", required: true, rows: "3" }),
      h("div", { class: "row" }, h("button", { type: "submit", class: "primary" }, "Add"), h("button", { type: "button", onclick: () => form.remove() }, "Cancel")));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const values = Object.fromEntries(new FormData(form));
      const op = { op: "add", type: values.type, implicit: values.paraphrase.trim(), as: "new" };
      if (state.speaker) op.speaker = state.speaker;
      const result = await edit([op], "implicit unit added");
      if (result) { state.selected = { kind: "unit", id: result.labels.new }; renderArticle(); }
    });
    panel.prepend(form);
  }
  form.querySelector("textarea").focus();
}

// ---------- curation page ----------

async function curationPage() {
  const result = await api("GET", `/api/curation/${encodeURIComponent(NAME)}`);
  const main = document.getElementById("main");
  if (!result.ok) { main.replaceChildren(h("p", { class: "refusal" }, result.data.error)); return; }
  const data = result.data;
  const gold = data.gold;
  const parts = [h("h1", {}, `Curate ${NAME}`)];
  if (data.problem) {
    parts.push(h("p", { class: "refusal", id: "problem" }, data.problem));
    main.replaceChildren(...parts);
    return;
  }
  const pair = data.agreement && data.agreement.pairs ? data.agreement.pairs[0] : null;
  parts.push(h("div", { class: "figures", id: "figures" },
    h("div", {}, h("b", {}, data.agreedUnits), "units agreed"),
    h("div", {}, h("b", {}, data.agreedRelations), "relations agreed"),
    h("div", {}, h("b", {}, data.conflicts.length), "conflicts"),
    h("div", {}, h("b", {}, score(data.agreement?.labels?.krippendorffAlpha)), "Krippendorff's α (labels)"),
    h("div", {}, h("b", {}, score(data.agreement?.unitizedAlpha?.overall)), "unitized α"),
    pair ? h("div", {}, h("b", {}, score(pair.units.exact.micro.f1)), "F1 exact (first pair)") : null,
    pair ? h("div", {}, h("b", {}, score(pair.units.overlap.micro.f1)), "F1 overlap") : null,
    pair ? h("div", {}, h("b", {}, score(pair.labels.cohenKappa)), "Cohen's κ") : null,
    pair ? h("div", {}, h("b", {}, score(pair.relations.typed.f1)), "relations F1") : null),
    h("div", { class: "toolbar" },
      h("button", { class: "primary", id: "merge-agreed", onclick: () => curationPost("merge", { version: gold.version }, "agreed units and relations merged into the gold article") }, "Merge everything agreed into the gold article"),
      h("a", { href: `/article/${encodeURIComponent(NAME)}` }, "open the gold article")));
  const columns = data.versions.map((version) => h("div", { class: "col", dataset: { annotator: version.annotator } },
    h("h2", {}, version.annotator),
    h("ul", {}, version.units.map((unit) => h("li", { class: `${unit.agreed ? "agreed" : "conflict"}${unit.inGold ? " ingold" : ""}`, dataset: { unit: unit.id } },
      h("span", { class: `chip t-${unit.type}` }, unit.type),
      h("span", { class: "grow" }, `${unit.id} `, h("span", { class: "muted" }, unit.implicit ? "implicit" : `${unit.start}-${unit.end}`), ` ${short(unit.quote, 70)}`, unit.speakerName ? h("i", { class: "muted" }, ` — ${unit.speakerName}`) : null),
      unit.inGold ? h("span", { class: "muted" }, "in gold") : h("button", { class: "take", onclick: () => curationPost("take", { version: gold.version, annotator: version.annotator, id: unit.id }, `${version.annotator}'s ${unit.id} taken into the gold article`) }, "take")))),
    h("h2", {}, "Relations"),
    h("ul", {}, version.relations.map((relation) => h("li", { class: `${relation.agreed ? "agreed" : "conflict"}${relation.inGold ? " ingold" : ""}`, dataset: { relation: relation.id } },
      h("span", { class: "grow" }, `${relation.id}: ${relation.from} ${relation.type} ${relation.to}`),
      relation.inGold ? h("span", { class: "muted" }, "in gold") : h("button", { class: "take", onclick: () => curationPost("take", { version: gold.version, annotator: version.annotator, id: relation.id }, `${version.annotator}'s ${relation.id} taken into the gold article`) }, "take"))))));
  const goldColumn = h("div", { class: "col", id: "gold" }, h("h2", {}, "gold (", NAME, ".xml)"),
    h("ul", {}, orderedBy(gold.units).map((unit) => h("li", {}, h("span", { class: `chip t-${unit.type}` }, unit.type), h("span", { class: "grow" }, `${unit.id} ${short(unit.quote, 70)}`)))),
    h("h2", {}, "Relations"), h("ul", {}, gold.relations.map((r) => h("li", {}, `${r.id}: ${r.from} ${r.type} ${r.to}`))));
  parts.push(h("div", { class: "curation" }, ...columns, goldColumn));
  parts.push(h("h2", {}, "Conflicts"), h("ul", { id: "conflicts" }, data.conflicts.map((c) => h("li", {}, `${c.kind}: ${c.summary} — ${c.annotators.join(", ")} (${c.ids.join(", ")})`))));
  main.replaceChildren(...parts);
}

function orderedBy(units) { return [...units].sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity)); }

async function curationPost(action, body, okText) {
  status("saving…");
  const result = await api("POST", `/api/curation/${encodeURIComponent(NAME)}/${action}`, body);
  await curationPage();
  if (result.ok) status(okText, "ok");
  else status(result.data.error, "bad");
}

// ---------- start ----------

window.addEventListener("DOMContentLoaded", () => {
  const start = PAGE === "article" ? articlePage : PAGE === "curate" ? curationPage : corpusPage;
  start().catch((error) => status(`error: ${error.message}`, "bad"));
});

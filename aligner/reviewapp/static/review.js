// The review page: draws the beads the server sends, sends one operation per key, and redraws
// only the stretch the server says changed. Document text only ever goes into text nodes.
"use strict";

const token = new URLSearchParams(location.search).get("token") || "";
const SEVERITIES = ["low", "medium", "high"];
let beads = [];     // bead views from the server, in document order
let rows = [];      // their <section> elements
let summary = {};
let focus = 0;      // index of the focused bead
let flagFocus = 0;  // index of the focused flag within it
let busy = false;

const $ = (id) => document.getElementById(id);

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function api(path, body) {
  const options = {headers: {"X-Review-Token": token}};
  if (body !== undefined) {
    options.method = "POST";
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const data = await response.json();
  if (response.status === 409 && data.reload) {
    await load();
    throw new Error("the page was out of date and has been reloaded");
  }
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data;
}

// ---- drawing ---------------------------------------------------------------------------------

function marked(text, evidence) {
  // text with every evidence string in <mark>; evidence: [[string, severity], ...]
  const spans = [];
  for (const [needle, severity] of evidence) {
    if (!needle) continue;
    let at = text.indexOf(needle);
    while (at >= 0) {
      spans.push([at, at + needle.length, severity]);
      at = text.indexOf(needle, at + needle.length);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out = document.createDocumentFragment();
  let pos = 0;
  for (const [start, end, severity] of spans) {
    if (start < pos) continue;
    out.append(text.slice(pos, start), el("mark", severity, text.slice(start, end)));
    pos = end;
  }
  out.append(text.slice(pos));
  return out;
}

function side(sentences, flags, which, lang) {
  const box = el("div", "side " + which);
  box.lang = lang;
  if (!sentences.length) {
    box.append(el("span", "empty", "no text on this side"));
    return box;
  }
  const evidence = flags.filter((f) => f.status === "open")
    .map((f) => [which === "src" ? f.src_evidence : f.tgt_evidence, f.severity]);
  for (const [index, text] of sentences) {
    const s = el("span", "s");
    s.append(el("span", "n", String(index + 1)), marked(text, evidence));
    box.append(s);
  }
  return box;
}

function worst(bead) {
  let best = -1;
  for (const f of bead.flags) if (f.status === "open") best = Math.max(best, SEVERITIES.indexOf(f.severity));
  return best < 0 ? null : SEVERITIES[best];
}

function row(bead, number) {
  const sev = worst(bead);
  const section = el("section", "bead" + (sev ? " flagged sev-" + sev : "") + (bead.status ? " reviewed" : ""));
  const pos = el("div", "pos");
  pos.append(el("b", "", String(number)), el("span", "shape", `${bead.src.length}–${bead.tgt.length}`));
  if (bead.status) pos.append(el("span", "badge", bead.status));
  const score = el("div", "score" + (bead.score < 0.5 ? " weak" : ""), bead.score.toFixed(2));
  score.title = "similarity of the two sides";
  section.append(pos, side(bead.src, bead.flags, "src", summary.src_lang || "en"),
                 side(bead.tgt, bead.flags, "tgt", summary.tgt_lang || "es"), score);
  if (bead.flags.length) {
    const list = el("ul", "flags");
    bead.flags.forEach((f, k) => {
      const item = el("li", `flag ${f.severity} ${f.status}`);
      item.dataset.flag = String(k);
      const msg = el("span", "msg");
      msg.append(el("span", "sev", f.severity), el("span", "kind", f.kind), f.message);
      if (f.src_evidence && f.tgt_evidence) {
        msg.append(" ", el("q", "", f.src_evidence), " ↔ ", el("q", "", f.tgt_evidence));
      }
      item.append(msg);
      if (f.status === "dismissed") item.append(el("span", "judged", "dismissed" + (f.note ? ": " + f.note : "")));
      list.append(item);
    });
    section.append(list);
  }
  section.addEventListener("click", () => setFocus(rows.indexOf(section)));
  return section;
}

function renumber(from) {
  for (let i = from; i < rows.length; i++) rows[i].querySelector(".pos b").textContent = String(i + 1);
}

function splice(change) {
  const main = $("beads");
  summary = {...summary, ...change.summary};
  if (change.delete < 0) {
    beads = change.items;
    rows = beads.map((b, i) => row(b, i + 1));
    main.replaceChildren(...rows);
  } else {
    const fresh = change.items.map((b, k) => row(b, change.start + k + 1));
    const after = rows[change.start + change.delete] || null;
    rows.slice(change.start, change.start + change.delete).forEach((r) => r.remove());
    for (const r of fresh) main.insertBefore(r, after);
    beads.splice(change.start, change.delete, ...change.items);
    rows.splice(change.start, change.delete, ...fresh);
    if (fresh.length !== change.delete) renumber(change.start + fresh.length);
  }
  filter();
  drawSummary();
  setFocus(Math.min(focus, rows.length - 1), false);
}

function drawSummary() {
  const s = summary;
  $("progress").textContent = `Beads reviewed ${s.reviewed} / ${s.beads} · open flags ${s.open} / ${s.flags}`;
  $("undo").disabled = !s.can_undo;
  $("redo").disabled = !s.can_redo;
  const stale = $("stale");
  stale.replaceChildren(...s.stale.map((line, n) => {
    const item = el("li", "", line);
    const forget = el("button", "", "forget");
    forget.type = "button";
    forget.addEventListener("click", () => run({op: "forget", stale: n}));
    item.append(forget);
    return item;
  }));
  $("notices").replaceChildren(...s.notices.map((line) => el("li", "", line)));
}

// ---- filters and focus -----------------------------------------------------------------------

function todo(bead) {
  return !bead.status && (bead.doubtful || bead.flags.some((f) => f.status === "open"));
}

function shown(bead) {
  const show = $("show").value, kind = $("kind").value, floor = SEVERITIES.indexOf($("severity").value);
  if (show === "todo" && !todo(bead)) return false;
  if (show === "flagged" && !bead.flags.length) return false;
  if (show === "reviewed" && !bead.status) return false;
  if (kind || floor >= 0) {
    return bead.flags.some((f) => (!kind || f.kind === kind) && SEVERITIES.indexOf(f.severity) >= floor);
  }
  return true;
}

function filter() {
  const kinds = new Set(beads.flatMap((b) => b.flags.map((f) => f.kind)));
  const select = $("kind"), chosen = select.value;
  const have = new Set([...select.options].map((o) => o.value));
  for (const kind of [...kinds].sort()) if (!have.has(kind)) select.append(new Option(kind, kind));
  select.value = chosen;
  beads.forEach((b, i) => rows[i].classList.toggle("hidden", !shown(b)));
}

function setFocus(i, scroll = true) {
  if (!rows.length) return;
  i = Math.max(0, Math.min(i, rows.length - 1));
  rows[focus] && rows[focus].classList.remove("focus");
  if (i !== focus) flagFocus = 0;
  focus = i;
  rows[i].classList.add("focus");
  const flags = rows[i].querySelectorAll(".flag");
  flags.forEach((f, k) => f.classList.toggle("focus", k === flagFocus));
  if (scroll) rows[i].scrollIntoView({block: "center"});
}

function step(direction, wanted) {
  for (let i = focus + direction; i >= 0 && i < beads.length; i += direction) {
    if (!rows[i].classList.contains("hidden") && wanted(beads[i])) return setFocus(i);
  }
  say(wanted === todo ? "no more open flags or doubtful beads that way" : "no more beads that way");
}

// ---- operations ------------------------------------------------------------------------------

function say(text, error = false) {
  const status = $("status");
  status.textContent = text;
  status.classList.toggle("error", error);
}

async function run(op) {
  if (busy) return;
  busy = true;
  const started = performance.now();
  try {
    splice(await api("/api/op", {...op, revision: summary.revision}));
    // the time from the key to the redrawn page, for the benchmark
    requestAnimationFrame(() => {
      document.body.dataset.lastOpMs = (performance.now() - started).toFixed(1);
      say(`${op.op} done`);
    });
  } catch (err) {
    say(err.message, true);
  } finally {
    busy = false;
  }
}

async function recheck() {
  if (busy) return;
  busy = true;
  say("re-checking the files…");
  try {
    const data = await api("/api/recheck", {});
    summary = {...data};
    splice(data);
    $("changed").hidden = true;
    say(`re-checked in ${data.timings.recheck_s.toFixed(1)} s (${data.timings.embedded} sentences embedded)`);
  } catch (err) {
    say(err.message, true);
  } finally {
    busy = false;
  }
}

function focusedFlag(status) {
  const flags = beads[focus] ? beads[focus].flags : [];
  if (flags[flagFocus] && flags[flagFocus].status === status) return flagFocus;
  const k = flags.findIndex((f) => f.status === status);
  return k < 0 ? null : k;
}

function dismiss() {
  const k = focusedFlag("open");
  if (k === null) return say("this bead has no open flag", true);
  const form = el("form", "note");
  const input = el("input");
  input.placeholder = "why is this not an error? (Enter to dismiss, Esc to cancel)";
  input.setAttribute("aria-label", "note");
  form.append(input);
  rows[focus].append(form);
  input.focus();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    form.remove();
    run({op: "dismiss", bead: focus, flag: k, note: input.value});
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { form.remove(); event.stopPropagation(); }
  });
}

function reopen() {
  const k = focusedFlag("dismissed");
  if (k === null) return say("this bead has no dismissed flag", true);
  run({op: "reopen", bead: focus, flag: k});
}

const KEYS = {
  j: () => step(1, () => true),
  k: () => step(-1, () => true),
  n: () => step(1, todo),
  p: () => step(-1, todo),
  f: () => { flagFocus = (flagFocus + 1) % Math.max(1, beads[focus].flags.length); setFocus(focus, false); },
  d: dismiss,
  r: reopen,
  c: () => run({op: "confirm", bead: focus}),
  m: () => run({op: "merge", bead: focus}),
  s: () => run({op: "split", bead: focus}),
  "[": () => run({op: "shift", bead: focus, side: "tgt", to: "prev"}),
  "]": () => run({op: "shift", bead: focus, side: "tgt", to: "next"}),
  "{": () => run({op: "shift", bead: focus, side: "src", to: "prev"}),
  "}": () => run({op: "shift", bead: focus, side: "src", to: "next"}),
  u: () => run({op: "undo"}),
  U: () => run({op: "redo"}),
  R: recheck,
};

document.addEventListener("keydown", (event) => {
  if (event.target.closest && event.target.closest("input, select, textarea")) return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const action = KEYS[event.key];
  if (action && beads.length) {
    event.preventDefault();
    action();
  }
});

async function load() {
  const data = await api("/api/state");
  summary = {...data, ...data.summary};
  $("src-name").textContent = data.src_name;
  $("tgt-name").textContent = data.tgt_name;
  document.title = `Review: ${data.src_name} ↔ ${data.tgt_name}`;
  const formats = $("export-format");
  if (!formats.options.length) for (const f of data.exports) formats.append(new Option(f, f));
  splice(data);
  document.body.dataset.ready = "1";
}

async function watchFiles() {
  // a cheap watcher: ask every few seconds whether a document changed on disk
  try {
    const data = await api("/api/changed");
    $("changed").hidden = !data.changed;
  } catch (err) {
    // the server stopped (Ctrl-C): nothing to watch any more
    return;
  }
  setTimeout(watchFiles, 3000);
}

function exportFile() {
  const link = el("a");
  link.href = `/api/export?format=${encodeURIComponent($("export-format").value)}&token=${encodeURIComponent(token)}`;
  link.download = "";
  document.body.append(link);
  link.click();
  link.remove();
}

document.addEventListener("DOMContentLoaded", () => {
  $("undo").addEventListener("click", () => run({op: "undo"}));
  $("redo").addEventListener("click", () => run({op: "redo"}));
  $("recheck").addEventListener("click", recheck);
  $("export").addEventListener("click", exportFile);
  for (const id of ["show", "kind", "severity"]) $(id).addEventListener("change", filter);
  load().then(watchFiles).catch((err) => say(err.message, true));
});

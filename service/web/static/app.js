// The fact-check page: a client of the service's own API (POST /v1/checks, GET
// /v1/checks/{id}, GET /v1/sources). Report text only ever enters the page as text nodes.
"use strict";

(function () {
  const body = document.body;
  const ROOT = body.dataset.root || "";
  const LONG_ARTICLE = Number(body.dataset.longArticle) || 1500;
  const POLL_MS = 400;
  const QUEUED_TOO_LONG_MS = 15000;
  const FAILED = new Set(["error", "timeout", "rate_limited", "circuit_open"]);
  const LABELS = {
    supported: { symbol: "✓", short: "supported", long: "Supported" },
    refuted: { symbol: "✗", short: "refuted", long: "Refuted" },
    conflicting: { symbol: "±", short: "conflicting", long: "Conflicting evidence" },
    not_enough_evidence: { symbol: "?", short: "no verdict", long: "No verdict: not enough evidence" },
  };
  const STANCES = { supports: "supports", refutes: "refutes", neutral: "neutral" };
  const KINDS = { quote: "quoted", reported: "reported", author: "the article’s own statement" };

  const $ = (id) => document.getElementById(id);
  const form = $("check-form");
  const textarea = $("text");
  const checkButton = $("check");
  const errorBox = $("error");
  const progressSection = $("progress-section");
  const progressBar = $("progress");
  const progressLabel = $("progress-label");
  const results = $("results");
  const details = $("details");

  let current = null; // {text, request, report}
  let selected = null; // the claim button shown in the details panel

  // ---------- small DOM helpers: elements with text, never HTML ----------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function percent(value) {
    return Math.round(Number(value || 0) * 100);
  }

  function safeUrl(value) {
    // Links come from sources: only http(s) becomes a link (no javascript: or data:).
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (_) {
      return null;
    }
  }

  function showError(message, fieldErrors) {
    errorBox.replaceChildren(el("p", { text: message }));
    if (fieldErrors && typeof fieldErrors === "object") {
      const list = el("ul");
      for (const [field, messages] of Object.entries(fieldErrors)) {
        list.append(el("li", { text: `${field}: ${[].concat(messages).map(flatten).join(" ")}` }));
      }
      errorBox.append(list);
    }
    errorBox.hidden = false;
    errorBox.focus();
  }

  function flatten(value) {
    return typeof value === "string" ? value : JSON.stringify(value);
  }

  // The API key typed in, if any: sent as a Bearer token with every request of the page.
  function withKey(headers) {
    const key = $("api-key").value.trim();
    return key ? { ...headers, Authorization: `Bearer ${key}` } : headers;
  }

  function clearError() {
    errorBox.hidden = true;
    errorBox.replaceChildren();
  }

  // ---------- the sources and the file drop ----------
  async function loadSources() {
    const box = $("sources");
    try {
      const response = await fetch(`${ROOT}/v1/sources`, { headers: withKey({ Accept: "application/json" }) });
      if (response.status === 401 || response.status === 403) {
        const access = $("access");
        access.open = true;
        box.replaceChildren(el("p", { class: "help", text: response.status === 401
          ? "This service asks for an API key: enter it under “API key” to list its sources."
          : "The API key was not accepted: check it under “API key”." }));
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const data = await response.json();
      box.replaceChildren();
      for (const source of data.sources) {
        const input = el("input", { type: "checkbox", name: "sources", value: source.name, checked: true });
        const label = el("label", {}, input, source.name, " ", el("span", { class: "source-type", text: `(${source.type})` }));
        if (source.status && source.status !== "ok" && source.status !== "unknown") {
          label.append(" ", el("span", { class: "stance stance-refutes", text: source.status.replace(/_/g, " ") }));
        }
        box.append(label);
      }
      if (!data.sources.length) box.append(el("p", { class: "help", text: "No source is configured." }));
    } catch (error) {
      box.replaceChildren(el("p", { class: "help", text: `The sources could not be listed (${error.message}); all configured sources will be consulted.` }));
    }
  }

  function readFile(file) {
    if (!file) return;
    if (file.type && file.type !== "text/plain" && !/\.txt$/i.test(file.name)) {
      showError(`${file.name} is not a text file: drop a .txt file.`);
      return;
    }
    file.text().then((text) => {
      textarea.value = text;
      clearError();
      textarea.focus();
    });
  }

  textarea.addEventListener("dragover", (event) => {
    event.preventDefault();
    textarea.classList.add("dragging");
  });
  textarea.addEventListener("dragleave", () => textarea.classList.remove("dragging"));
  textarea.addEventListener("drop", (event) => {
    textarea.classList.remove("dragging");
    if (event.dataTransfer && event.dataTransfer.files.length) {
      event.preventDefault();
      readFile(event.dataTransfer.files[0]);
    }
  });
  $("file").addEventListener("change", (event) => readFile(event.target.files[0]));

  // ---------- checking ----------
  function buildRequest() {
    const request = { text: textarea.value };
    const chosen = [...document.querySelectorAll('#sources input[name="sources"]')];
    if (chosen.length) {
      const names = chosen.filter((input) => input.checked).map((input) => input.value);
      if (!names.length) throw new Error("Choose at least one source.");
      if (names.length < chosen.length) request.sources = names;
    }
    const asOf = $("as-of").value;
    if (asOf) request.published_at = asOf;
    const articleUrl = $("article-url").value.trim();
    if (articleUrl) request.url = articleUrl;
    const reviewUrl = $("review-url").value.trim();
    if (reviewUrl) request.review_url = reviewUrl;
    return request;
  }

  async function problemMessage(response) {
    try {
      const problem = await response.json();
      return [problem.detail || problem.title || `HTTP ${response.status}`, problem.errors];
    } catch (_) {
      return [`The service answered HTTP ${response.status}.`, null];
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearError();
    if (!textarea.value.trim()) {
      showError("Paste an article, or drop a .txt file, first.");
      textarea.focus();
      return;
    }
    let request;
    try {
      request = buildRequest();
    } catch (error) {
      showError(error.message);
      return;
    }
    checkButton.disabled = true;
    results.hidden = true;
    try {
      const report = await runCheck(request);
      if (report) show(request, report);
    } catch (error) {
      progressSection.hidden = true;
      showError(`The check could not be completed: ${error.message}`);
    } finally {
      checkButton.disabled = false;
    }
  });

  async function runCheck(request) {
    const background = Array.from(request.text).length > LONG_ARTICLE;
    const headers = withKey({ "Content-Type": "application/json", Accept: "application/json" });
    if (background) headers.Prefer = "respond-async";
    setProgress({ status: "sending" });
    progressSection.hidden = !background;
    const response = await fetch(`${ROOT}/v1/checks`, { method: "POST", headers, body: JSON.stringify(request) });
    if (response.status === 202) {
      const job = await response.json();
      return poll(response.headers.get("Location") || `${ROOT}/v1/checks/${job.id}`, job);
    }
    progressSection.hidden = true;
    if (!response.ok) {
      const [message, errors] = await problemMessage(response);
      showError(message, errors);
      return null;
    }
    return response.json();
  }

  async function poll(location, job) {
    progressSection.hidden = false;
    const started = Date.now();
    let failures = 0;
    for (;;) {
      setProgress(job, Date.now() - started);
      if (job.status === "done") return job.report;
      if (job.status === "failed") throw new Error(job.error || "the background check failed");
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      try {
        const response = await fetch(location, { headers: withKey({ Accept: "application/json" }) });
        if (response.status === 404) throw new Error("the background check has expired or is unknown");
        if (!response.ok) {
          const [message] = await problemMessage(response);
          throw new Error(message);
        }
        job = await response.json();
        failures = 0;
      } catch (error) {
        failures += 1;
        if (failures >= 5 || /expired/.test(error.message)) throw error;
      }
    }
  }

  function setProgress(job, waited = 0) {
    const progress = job.progress;
    progressSection.dataset.status = job.status;
    if (job.status === "done") {
      const total = progress ? progress.total : 1;
      progressBar.max = Math.max(total, 1);
      progressBar.value = Math.max(total, 1);
      progressLabel.textContent = progress ? `All ${total} claims checked.` : "Checked.";
      return;
    }
    if (progress && progress.total > 0) {
      progressBar.max = progress.total;
      progressBar.value = progress.done;
      progressLabel.textContent = `${progress.done} of ${progress.total} claims checked…`;
      return;
    }
    progressBar.removeAttribute("value"); // indeterminate until the claims are known
    progressLabel.textContent = {
      sending: "Sending the article…",
      queued: waited > QUEUED_TOO_LONG_MS
        ? "Still queued: no worker has taken the check yet. Is a worker (python -m service worker) running?"
        : "Queued: waiting for a worker to start the check…",
      running: "Finding the claims in the article…",
    }[job.status] || "Working…";
  }

  // ---------- the report ----------
  function show(request, report) {
    current = { text: request.text, request, report };
    selected = null;
    showSummary(report);
    showSources(report.sources || []);
    const notes = $("notes");
    notes.replaceChildren(...(report.notes || []).map((note) => el("li", { text: note })));
    renderArticle(request.text, report.claims || []);
    details.replaceChildren(el("p", { class: "help", text: "Select a highlighted claim (click it, or Tab to it and press Enter) to see its verdict, confidence, rationale and evidence." }));
    results.hidden = false;
    $("results-title").scrollIntoView({ block: "start" });
  }

  function showSummary(report) {
    const s = report.summary || {};
    const n = s.claims || 0;
    $("summary").textContent = n
      ? `${n} claim${n === 1 ? "" : "s"} in ${report.sentences} sentences: ${s.supported} supported, ` +
        `${s.refuted} refuted, ${s.conflicting} conflicting, ${s.not_enough_evidence} without enough evidence.`
      : "No check-worthy claim was found in this text.";
  }

  function showSources(sources) {
    const box = $("source-status");
    box.replaceChildren();
    const failed = sources.filter((source) => FAILED.has(source.status));
    if (failed.length) {
      const names = failed.map((s) => `${s.name} (${s.status.replace(/_/g, " ")}${s.detail ? `: ${s.detail}` : ""})`);
      box.append(el("p", { class: "warning", role: "status" },
        el("strong", { text: `⚠ ${failed.length === 1 ? "A source failed" : `${failed.length} sources failed`}: ` }),
        names.join("; "),
        ". The verdicts rest on the other sources only."));
    }
    if (!sources.length) return;
    const list = el("ul", { class: "source-list", "aria-label": "Sources consulted" });
    for (const source of sources) {
      const bad = FAILED.has(source.status);
      list.append(el("li", { class: bad ? "failed" : null, "data-source": source.name, "data-status": source.status },
        `${source.name}: ${source.status.replace(/_/g, " ")}`,
        source.status === "cached" ? "" : `, ${source.results} passage${source.results === 1 ? "" : "s"}, ${Math.round(source.latency_ms)} ms`,
        source.detail ? ` (${source.detail})` : ""));
    }
    box.append(list);
  }

  function renderArticle(text, claims) {
    // Claim offsets count code points, as Python does; JavaScript strings count UTF-16 units.
    const chars = Array.from(text);
    const article = $("article");
    article.replaceChildren();
    let cursor = 0;
    const ordered = claims
      .filter((claim) => claim.start >= 0 && claim.end <= chars.length && claim.start < claim.end)
      .sort((a, b) => a.start - b.start || a.end - b.end);
    for (const claim of ordered) {
      const start = Math.max(claim.start, cursor);
      if (start > cursor) article.append(chars.slice(cursor, start).join(""));
      article.append(claimButton(claim, chars.slice(start, Math.max(claim.end, start)).join("")));
      cursor = Math.max(cursor, claim.end);
    }
    if (cursor < chars.length) article.append(chars.slice(cursor).join(""));
  }

  function claimButton(claim, words) {
    const label = LABELS[claim.verdict.label] || LABELS.not_enough_evidence;
    const worth = percent(claim.checkworthiness);
    // A span, not a <button>: buttons are boxes, and a claim must flow with the sentence around it.
    const button = el("span", {
      role: "button",
      tabindex: "0",
      class: `claim v-${claim.verdict.label}`,
      "data-claim": claim.id,
      "data-label": claim.verdict.label,
      "aria-pressed": "false",
      "aria-controls": "details",
    },
    el("span", { class: "claim-text", text: words }),
    el("span", { class: "badge", "aria-hidden": "true", text: `${label.symbol} ${label.short}` }),
    el("span", { class: "cw", "aria-hidden": "true", title: `check-worthiness ${worth} of 100`, text: `CW ${worth}` }),
    el("span", { class: "visually-hidden", text: ` (claim ${claim.id}: ${label.long}; check-worthiness ${worth} of 100)` }));
    button.addEventListener("click", () => select(button, claim));
    button.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        select(button, claim);
      }
    });
    return button;
  }

  function select(button, claim) {
    if (selected) selected.setAttribute("aria-pressed", "false");
    selected = button;
    button.setAttribute("aria-pressed", "true");
    renderDetails(claim);
    const heading = details.querySelector("h3");
    heading.focus({ preventScroll: true });
    if (!window.matchMedia("(min-width: 900px)").matches) details.scrollIntoView({ block: "start" });
  }

  function renderDetails(claim) {
    const verdict = claim.verdict;
    const label = LABELS[verdict.label] || LABELS.not_enough_evidence;
    const nee = verdict.label === "not_enough_evidence";
    const parts = [el("h3", { tabindex: "-1", text: `Claim ${claim.id}` })];
    parts.push(el("blockquote", { class: "claim-standalone", text: claim.text }));
    if (claim.original && claim.original !== claim.text) {
      parts.push(el("p", { class: "meta" }, "In the article: “", claim.original, "”"));
    }
    parts.push(el("p", { class: "meta" },
      claim.claimant ? `Said by ${claim.claimant} (${KINDS[claim.kind] || claim.kind}). ` : "The article’s own statement. ",
      `Check-worthiness ${percent(claim.checkworthiness)} of 100.`));

    const box = el("div", { class: `verdict-box v-${verdict.label}`, id: "verdict", "data-label": verdict.label },
      el("p", { class: "verdict-label", text: `${label.symbol} ${label.long}` }));
    if (nee) {
      box.append(el("p", { class: "confidence", text: "Unverified: neither true nor false. No confidence is shown, because there is no verdict." }),
        el("p", {}, el("a", { href: "#nee-help", text: "What “not enough evidence” means" })));
    } else {
      box.append(el("p", { class: "confidence", text: `Confidence: ${percent(verdict.confidence)}%` }));
    }
    parts.push(box);
    parts.push(el("h4", { text: "Why" }), el("p", { class: "rationale", text: verdict.rationale }));
    parts.push(el("p", { class: "meta", text: `Judged as of ${verdict.as_of}${verdict.cached ? " (from the cache)" : ""}.` }));

    const evidence = claim.evidence || [];
    parts.push(el("h4", { text: `Evidence (${evidence.length})` }));
    if (evidence.length) {
      parts.push(el("ol", { class: "evidence" }, ...evidence.map(evidenceItem)));
    } else {
      parts.push(el("p", { class: "help", text: "No passage was found for this claim." }));
    }
    parts.push(el("button", { type: "button", class: "back", text: "Back to the claim in the article" }));
    details.replaceChildren(...parts);
    details.querySelector(".back").addEventListener("click", backToClaim);
  }

  function evidenceItem(item) {
    const href = safeUrl(item.url);
    const title = item.title || item.url || "(untitled passage)";
    const heading = href
      ? el("a", { class: "title", href, target: "_blank", rel: "noopener noreferrer", text: title })
      : el("span", { class: "title", text: title });
    const meta = el("p", { class: "meta" },
      "Source: ", el("strong", { class: "source", text: item.source }), " · stance ",
      el("span", { class: `stance stance-${STANCES[item.stance] || "neutral"}`, text: STANCES[item.stance] || item.stance }));
    const date = dateOf(item);
    if (date) meta.append(" · ", el("span", { class: "date", text: date }));
    const extra = [];
    if (item.publisher) extra.push(`published by ${item.publisher}`);
    if (item.rating) extra.push(`rated “${item.rating}”${item.rating_normalised ? ` (${item.rating_normalised.replace(/_/g, " ")})` : ""}`);
    if (item.match_score !== null && item.match_score !== undefined) extra.push(`about this claim: ${percent(item.match_score)}%`);
    if (item.relation && item.value) extra.push(`${item.relation}: ${item.value}`);
    return el("li", { class: "evidence-item" }, heading, meta,
      extra.length ? el("p", { class: "meta", text: extra.join(" · ") }) : null,
      el("p", { class: "snippet", text: item.snippet }));
  }

  function dateOf(item) {
    if (item.valid_from || item.valid_until) {
      return `valid ${item.valid_from || "…"} to ${item.valid_until || "now"}`;
    }
    return item.published_at ? `dated ${item.published_at}` : "";
  }

  function backToClaim() {
    if (selected) selected.focus();
  }

  details.addEventListener("keydown", (event) => {
    if (event.key === "Escape") backToClaim();
  });

  // ---------- exports ----------
  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const link = el("a", { href: url, download: name, hidden: true });
    body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  $("export-json").addEventListener("click", () => {
    if (current) download("factcheck-report.json", "application/json", JSON.stringify(current.report, null, 2));
  });

  $("export-claimreview").addEventListener("click", async () => {
    if (!current) return;
    clearError();
    const payload = { report: current.report };
    for (const name of ["url", "review_url", "published_at"]) {
      if (current.request[name]) payload[name] = current.request[name];
    }
    const response = await fetch(`${ROOT}/web/claimreview`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/ld+json" },
      body: JSON.stringify(payload),
    });
    if (!response.ok) {
      const [message, errors] = await problemMessage(response);
      showError(`The ClaimReview export failed: ${message}`, errors);
      return;
    }
    download("factcheck-claimreview.jsonld", "application/ld+json", JSON.stringify(await response.json(), null, 2));
  });

  errorBox.tabIndex = -1;
  $("api-key").addEventListener("change", loadSources);
  loadSources();
})();

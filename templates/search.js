// claimtrail's search page: runs the words in the header's search box (and in
// ?q=) through Pagefind's JavaScript API and shows the results in the site's own
// markup: claim cards with verdict badges in the site's colours, a summary with
// the matched words marked, and filters by kind, verdict, entity, tag and year.
//
// Every value from the index (titles, summaries, names, filter values, counts)
// enters the page as text: textContent, text nodes, new Option() and
// setAttribute. Nothing is ever parsed as HTML, so markup in a claim shows as
// the characters it is made of. Result links must be paths on this site or
// http(s) addresses.
(function () {
  "use strict";
  var root = document.getElementById("ct-search");
  var input = document.getElementById("site-search-q");
  var form = input && input.form;
  var count = document.getElementById("ct-search-count");
  var list = document.getElementById("ct-search-results");
  var more = document.getElementById("ct-search-more");
  var panel = root && root.querySelector(".search-filters");
  var filterForm = root && root.querySelector(".search-filter-form");
  var clear = root && root.querySelector("[data-search-clear]");
  // A page without these parts (a search.html of its own from before; `check` warns) is left alone.
  if (!root || !form || !count || !list || !more || !panel || !filterForm || !clear) return;
  if (!window.URLSearchParams || !window.history.replaceState) return;

  var PAGE = 10; // results shown at first and added by "Show more results"
  var DEBOUNCE_MS = 250;
  var FILTERS = ["kind", "status", "entity", "tag", "year"];
  // The theme's words in the page's language, from data-t-* attributes of the
  // search root (English when a site's own search.html has none).
  var ENGLISH = {
    "claimed-by": "Claimed by", "on-date": "on", "matched": "Matched: ",
    "no-results": "No results", "one-result": "1 result", "results": "{n} results",
    "for-query": "for “{query}”", "with-filters": "with these filters",
    "filters": "Filters", "filters-on": "Filters ({n} on)",
    "failed": "The search failed. Reload the page to try again."
  };
  function words(name, values) {
    var text = root.getAttribute("data-t-" + name);
    if (text === null) text = ENGLISH[name] || "";
    Object.keys(values || {}).forEach(function (key) {
      text = text.split("{" + key + "}").join(String(values[key]));
    });
    return text;
  }
  var FAILED = words("failed");

  var panelLabel = panel.querySelector("summary") || document.createElement("summary");
  var selects = toArray(filterForm.querySelectorAll("select")).filter(function (select) {
    return FILTERS.indexOf(select.name) >= 0;
  });
  var badges = document.getElementById("ct-search-badges");

  var pagefind = null;
  var searchId = 0; // the newest search; older ones drop their results
  var results = []; // the newest search's results, shown or not
  var shown = 0;
  var everything = null; // every filter value with its count on the whole site, once loaded
  var filtersLoaded = null; // the promise of `everything`
  var timer = null;

  function toArray(list) {
    return Array.prototype.slice.call(list);
  }

  // ------------------------------------------------------------ text only

  /** An element `tag` with `className`, holding `text` as text. */
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /**
   * Pagefind's excerpt as runs of text, each marked or not. Pagefind escapes
   * `<` and `>` of the indexed text as `&lt;` and `&gt;` and wraps each
   * matched word in literal <mark></mark> tags: those tags are the only `<` in
   * it. So the excerpt is split on them and the two entities are turned back
   * into characters, never parsed. (Text that held "&lt;" itself shows as "<".)
   */
  function excerptRuns(excerpt) {
    var runs = [];
    var marked = false;
    String(excerpt || "").split(/(<mark>|<\/mark>)/).forEach(function (part) {
      if (part === "<mark>") marked = true;
      else if (part === "</mark>") marked = false;
      else if (part) runs.push({ text: part.replace(/&lt;/g, "<").replace(/&gt;/g, ">"), marked: marked });
    });
    return runs;
  }

  /** Appends `runs` to `parent`: marked runs as <mark> elements, the rest as text nodes. */
  function appendRuns(parent, runs) {
    runs.forEach(function (run) {
      parent.appendChild(run.marked ? element("mark", "", run.text) : document.createTextNode(run.text));
    });
    return parent;
  }

  /** `word` lower-cased without the punctuation around it. */
  function bare(word) {
    return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }

  /**
   * `text` as runs with the words marked that Pagefind marked in its excerpt
   * (`found`, bare words) or that start with a searched word of three letters
   * or more (`terms`); the punctuation around a word stays unmarked.
   */
  function markWords(text, found, terms) {
    var runs = [];
    function push(part, marked) {
      var last = runs[runs.length - 1];
      if (!part) return;
      if (last && last.marked === marked) last.text += part;
      else runs.push({ text: part, marked: marked });
    }
    String(text).split(/(\s+)/).forEach(function (word) {
      var key = bare(word);
      var hit =
        key !== "" &&
        (found.indexOf(key) >= 0 ||
          terms.some(function (term) {
            return term.length >= 3 && key.indexOf(term) === 0;
          }));
      if (!hit) return push(word, false);
      var parts = word.match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u);
      push(parts[1], false);
      push(parts[2], true);
      push(parts[3], false);
    });
    return runs;
  }

  function anyMarked(runs) {
    return runs.some(function (run) {
      return run.marked;
    });
  }

  /** The bare words Pagefind marked in `runs`. */
  function markedWords(runs) {
    var words = [];
    runs.forEach(function (run) {
      if (run.marked) words.push.apply(words, run.text.split(/\s+/).map(bare).filter(Boolean));
    });
    return words;
  }

  /** `url` if it is a path on this site or an http(s) address, else null. */
  function safeUrl(url) {
    if (typeof url !== "string") return null;
    // A path on this site: not `//host` nor `/\host` (which browsers read as
    // `//host`), and no whitespace, which browsers drop from a URL.
    if (/^\/(?![\/\\])[^\s\\]*$/.test(url)) return url;
    if (/^https?:\/\/[^\s]+$/i.test(url)) return url;
    return null;
  }

  // -------------------------------------------------------------- results

  /** A copy of the site's badge for the status `id`, or null. */
  function badge(id) {
    if (!badges || !badges.content) return null;
    var found = toArray(badges.content.children).filter(function (b) {
      return b.getAttribute("data-status-id") === id;
    })[0];
    if (!found) return null;
    var copy = found.cloneNode(true);
    copy.removeAttribute("data-status-id");
    return copy;
  }

  /** One result as a claim card: badge or kind, title link, meta line, summary. */
  function card(data, terms) {
    var meta = data.meta || {};
    var href = safeUrl(data.url);
    var item = element("li", "claim-card search-result");
    var excerpt = excerptRuns(data.excerpt);
    var found = markedWords(excerpt);
    var line = element("p", "claim-line");
    var status = meta.status_id ? badge(meta.status_id) : null;
    if (status) line.appendChild(status);
    else if (meta.status) line.appendChild(element("span", "badge", meta.status));
    else if (meta.kind) line.appendChild(element("span", "search-kind", meta.kind));
    line.appendChild(document.createTextNode(" "));
    var heading = markWords(meta.title || data.url || "", found, terms);
    var title = appendRuns(element(href ? "a" : "span", "claim-title"), heading);
    if (href) title.setAttribute("href", href);
    line.appendChild(title);
    item.appendChild(line);

    if (meta.date || meta.claimant) {
      var about = element("p", "meta");
      if (meta.claimant) about.appendChild(document.createTextNode(words("claimed-by") + " " + meta.claimant + (meta.date ? " " + words("on-date") + " " : "")));
      if (meta.date) about.appendChild(document.createTextNode(meta.date));
      item.appendChild(about);
    }

    var summary = meta.summary ? markWords(meta.summary, found, terms) : [];
    if (summary.length) item.appendChild(appendRuns(element("p", "search-summary"), summary));
    // When neither the title nor the summary holds a matched word, the match is
    // elsewhere (a name, a tag, a quote): Pagefind's excerpt shows where.
    if (!anyMarked(heading) && !anyMarked(summary) && anyMarked(excerpt)) {
      var where = element("p", "search-excerpt");
      where.appendChild(element("span", "search-where", words("matched")));
      item.appendChild(appendRuns(where, excerpt));
    }
    return item;
  }

  /** Shows the next page of `results` (all of them loaded before any is shown). */
  function showMore(id, terms) {
    var next = results.slice(shown, shown + PAGE);
    more.hidden = true;
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (data) {
      if (id !== searchId) return;
      data.forEach(function (d) {
        if (d) list.appendChild(card(d, terms));
      });
      shown += next.length;
      more.hidden = shown >= results.length;
    });
  }

  // -------------------------------------------------------------- filters

  function chosen() {
    var choice = {};
    selects.forEach(function (select) {
      if (select.value) choice[select.name] = select.value;
    });
    return choice;
  }

  /**
   * Fills each filter's choices from `counts` ({filter: {value: count}}): each
   * value with a count as the text "value (count)", years newest first, the
   * rest in alphabetical order; a chosen value stays offered even at no count.
   */
  function offer(counts) {
    selects.forEach(function (select) {
      var current = select.value;
      var values = counts && counts[select.name] ? counts[select.name] : {};
      var names = Object.keys(values).filter(function (name) {
        return values[name] > 0;
      });
      names.sort(function (a, b) {
        return a.localeCompare(b, undefined, { numeric: true });
      });
      if (select.name === "year") names.reverse();
      if (current && names.indexOf(current) < 0) names.unshift(current);
      while (select.options.length > 1) select.remove(1);
      names.forEach(function (name) {
        select.add(new Option(name + " (" + (values[name] || 0) + ")", name));
      });
      select.value = current;
      select.disabled = names.length === 0;
    });
  }

  /**
   * Loads every filter value with its count on the whole site, once: Pagefind
   * counts a search's filter values only after this, so the filters cost a
   * download only when the panel is opened.
   */
  function loadFilters() {
    if (!filtersLoaded) {
      filtersLoaded = pagefind.filters().then(
        function (counts) {
          everything = counts;
        },
        function () {
          // The selects keep "Any" and the values chosen; the search still works.
        },
      );
    }
    return filtersLoaded;
  }

  /**
   * Offers the values of the search `query` with the filters `choice` (a
   * filtered search of its own, Pagefind's results are not kept), or those
   * of the whole site when the box is empty.
   */
  function offerFor(id, query, choice) {
    if (!everything) return;
    if (!query) return offer(everything);
    pagefind.search(query, { filters: choice }).then(
      function (response) {
        if (id === searchId && response) offer(response.totalFilters);
      },
      function () {},
    );
  }

  // --------------------------------------------------------------- search

  /** The search box's words and the filters, kept in the address (?q=...&tag=...). */
  function remember(query, choice) {
    var params = new URLSearchParams(window.location.search);
    if (query) params.set("q", query);
    else params.delete("q");
    FILTERS.forEach(function (name) {
      if (choice[name]) params.set(name, choice[name]);
      else params.delete(name);
    });
    var search = params.toString() ? "?" + params.toString() : "";
    window.history.replaceState(window.history.state, "", window.location.pathname + search + window.location.hash);
  }

  /** The searched words, lower-cased and bare. */
  function searchTerms() {
    return input.value.trim().toLowerCase().split(/\s+/).map(bare).filter(Boolean);
  }

  function describe(total, query, filtered) {
    var what = total === 0 ? words("no-results") : total === 1 ? words("one-result") : words("results", { n: total });
    if (query) what += " " + words("for-query", { query: query });
    if (filtered) what += " " + words("with-filters");
    return what + ".";
  }

  /** Marks the results busy (aria-busy) while a search runs, for assistive technology and tests. */
  function busy(on) {
    if (on) list.setAttribute("aria-busy", "true");
    else list.removeAttribute("aria-busy");
  }

  function run() {
    clearTimeout(timer);
    var id = ++searchId;
    busy(true);
    var query = input.value.trim();
    var choice = chosen();
    var active = Object.keys(choice).length;
    var filtered = active > 0;
    remember(query, choice);
    panelLabel.textContent = filtered ? words("filters-on", { n: active }) : words("filters");
    results = [];
    shown = 0;
    if (!query && !filtered) {
      list.replaceChildren();
      more.hidden = true;
      count.textContent = "";
      busy(false);
      if (everything) offer(everything);
      return Promise.resolve();
    }
    var terms = searchTerms();
    return pagefind
      .search(query || null, { filters: choice })
      .then(function (response) {
        if (id !== searchId || !response) return;
        results = response.results || [];
        if (everything) offer(query ? response.totalFilters : everything);
        list.replaceChildren();
        return showMore(id, terms).then(function () {
          if (id !== searchId) return;
          count.textContent = describe(results.length, query, filtered);
          busy(false);
        });
      })
      .catch(function () {
        if (id !== searchId) return;
        count.textContent = FAILED;
        busy(false);
      });
  }

  function later() {
    busy(true);
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  /** Pagefind's script from the first bundle, with the other bundles merged in. */
  function load() {
    var bundle = root.getAttribute("data-bundle");
    var base = root.getAttribute("data-base") || "/";
    var merged = (root.getAttribute("data-merge") || "").split(" ").filter(Boolean);
    return import(bundle + "pagefind.js").then(function (module) {
      pagefind = module;
      return pagefind.options({ basePath: bundle, baseUrl: base, excerptEllipsis: "…" }).then(function () {
        return Promise.all(merged.map(function (path) {
          return pagefind.mergeIndex(path, { baseUrl: base, excerptEllipsis: "…" });
        }));
      });
    });
  }

  function start() {
    root.hidden = false;
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    selects.forEach(function (select) {
      var value = params.get(select.name);
      if (!value) return;
      select.add(new Option(value, value));
      select.value = value;
    });
    // Wide screens open the filters; on a phone they would push the results down.
    if (window.matchMedia("(min-width: 40rem)").matches) panel.open = true;
    panel.addEventListener("toggle", function () {
      if (!panel.open || filtersLoaded) return;
      loadFilters().then(function () {
        offerFor(searchId, input.value.trim(), chosen());
      });
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    input.addEventListener("input", later);
    filterForm.addEventListener("change", run);
    clear.addEventListener("click", function () {
      selects.forEach(function (select) {
        select.value = "";
      });
      run();
    });
    more.addEventListener("click", function () {
      var id = searchId;
      showMore(id, searchTerms()).catch(function () {
        if (id === searchId) count.textContent = FAILED;
      });
    });
    if (!input.value) input.focus();
    run();
  }

  load().then(start, function () {
    var missing = document.getElementById("ct-search-missing");
    if (missing) missing.hidden = false;
  });
})();

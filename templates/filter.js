// claimtrail's list filter: narrows a list by current verdict, entity, tag and
// year without a reload (see docs/templates.md).
//
// A list on one page is narrowed in place, from the data-* attributes the
// templates put on each item. A list of several pages has a data file (its
// form's data-items, <list>/filter.json): once a filter is chosen, the script
// reads it and shows every matching item of the whole list in place of the
// page, with the pager hidden. Every value from the data file goes into the
// page as text (textContent, attributes), never as HTML.
//
// The choice is kept in the address (?status=...&tag=...), so a filtered view
// can be shared, reloaded or returned to. A live region says how many items
// match; when none do, it says so and offers to clear each filter. Without
// JavaScript the form stays hidden and the panel's links lead to the full list
// of each verdict, entity and tag.
(function () {
  "use strict";
  var form = document.querySelector("form[data-live-filter]");
  if (!form || !window.URLSearchParams || !window.history.replaceState) return;

  // Each control's URL parameter, the item attribute it reads, whether that
  // attribute holds a space-separated list of ids, and the place of its value
  // among an item's keys in the data file (see keys()).
  var FIELDS = {
    status: { attr: "data-status", list: false, at: 0, table: "statuses" },
    entity: { attr: "data-entities", list: true, at: 1, table: "entities" },
    tag: { attr: "data-tags", list: true, at: 2, table: "tags" },
    year: { attr: "data-year", list: false, at: 3 }
  };
  var items = toArray(document.querySelectorAll("[data-status]"));
  var groups = toArray(document.querySelectorAll("[data-filter-group]"));
  var selects = toArray(form.querySelectorAll("select")).filter(function (s) {
    return FIELDS.hasOwnProperty(s.name);
  });
  var pagers = toArray(document.querySelectorAll(".pager"));
  var pagerLinks = toArray(document.querySelectorAll(".pager a[href]"));
  var panel = form.closest("[data-filter-panel]");
  var links = document.querySelector("[data-filter-links]");
  var active = document.querySelector("[data-filter-active]");
  var count = document.querySelector("[data-filter-count]");
  var noun = form.getAttribute("data-noun") || "items";
  // The theme's words in the page's language, from the form's data-t-* attributes
  // (English when a site's own template has none).
  var ENGLISH = {
    "draft": "draft", "claimed-by": "Claimed by", "on-date": "on",
    "filter-no-match": "No {noun} match; clear a filter:", "filter-show-all": "Show all {noun}",
    "filter-all": "All {total} {noun}.", "filter-all-page": "All {total} {noun}; this page shows {shown}.",
    "filter-match": "{shown} of {total} {noun} match.",
    "filter-match-page": "{shown} of {total} {noun} match on this page.",
    "filter-match-fallback": "{shown} of {total} {noun} match on this page (the whole list could not be loaded).",
    "filter-finding": "Finding matching {noun}…", "filter-active": "({n} active)"
  };
  function words(name, values) {
    var text = form.getAttribute("data-t-" + name);
    if (text === null) text = ENGLISH[name] || "";
    Object.keys(values || {}).forEach(function (key) {
      text = text.split("{" + key + "}").join(String(values[key]));
    });
    return text;
  }
  var dataUrl = form.getAttribute("data-items");
  var total = parseInt(form.getAttribute("data-total"), 10) || items.length;
  var paged = form.hasAttribute("data-paged");
  // What the page shows without a filter: its groups, or the lists holding its items.
  var pageParts = groups.length ? groups.slice() : unique(items.map(function (item) {
    return item.parentNode;
  }));
  pageParts = pageParts.concat(pagers);
  var results = document.createElement("div");
  results.className = "filter-results";
  results.hidden = true;
  var empty = document.createElement("div");
  empty.className = "filter-empty";
  empty.hidden = true;
  var after = panel || form;
  after.parentNode.insertBefore(results, after.nextSibling);
  after.parentNode.insertBefore(empty, after.nextSibling);
  if (count) after.parentNode.insertBefore(count, after.nextSibling);
  var data = null; // the promise of the list's data file, once asked for
  var run = 0; // the latest apply(), so a slower earlier one never overwrites it

  function toArray(list) {
    return Array.prototype.slice.call(list);
  }

  function unique(list) {
    return list.filter(function (value, i) {
      return list.indexOf(value) === i;
    });
  }

  function chosen() {
    var choice = {};
    selects.forEach(function (select) {
      if (select.value) choice[select.name] = select.value;
    });
    return choice;
  }

  function matchesItem(item, choice) {
    return Object.keys(choice).every(function (name) {
      var field = FIELDS[name];
      var value = item.getAttribute(field.attr) || "";
      return field.list ? value.split(" ").indexOf(choice[name]) >= 0 : value === choice[name];
    });
  }

  // Narrows the items of this page; returns how many are left.
  function filterPage(choice) {
    var shown = 0;
    items.forEach(function (item) {
      item.hidden = !matchesItem(item, choice);
      if (!item.hidden) shown += 1;
    });
    // A month heading with none of its events left is hidden with them.
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("[data-status]:not([hidden])");
    });
    return shown;
  }

  function showPage() {
    pageParts.forEach(function (part) {
      part.hidden = false;
    });
    results.hidden = true;
    while (results.firstChild) results.removeChild(results.firstChild);
  }

  function loadData() {
    if (!data) {
      data = window.fetch(dataUrl, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
      data.catch(function () {
        data = null; // try again on the next choice
      });
    }
    return data;
  }

  // An item's status, entities, tags and year: a claim card holds them
  // first; an event takes the first three from its claim.
  function keys(list, item) {
    if (!list.labels.length) return item;
    var claim = list.claims[item[0]];
    return [claim[0], claim[1], claim[2], item[1]];
  }

  // The data file's items matching `choice`.
  function matchesData(list, choice) {
    var wanted = {};
    Object.keys(choice).forEach(function (name) {
      var field = FIELDS[name];
      if (field.table) {
        wanted[name] = list[field.table].findIndex(function (entry) {
          return (typeof entry === "string" ? entry : entry[0]) === choice[name];
        });
      } else {
        wanted[name] = parseInt(choice[name], 10);
      }
    });
    return list.items.filter(function (item) {
      var itemKeys = keys(list, item);
      return Object.keys(wanted).every(function (name) {
        var field = FIELDS[name];
        var value = itemKeys[field.at];
        return field.list ? value.indexOf(wanted[name]) >= 0 : value === wanted[name];
      });
    });
  }

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  }

  function link(href, className, text) {
    var made = element("a", className, text);
    made.setAttribute("href", href);
    return made;
  }

  function time(iso, display) {
    var made = element("time", "", display);
    made.setAttribute("datetime", iso);
    return made;
  }

  function badge(status) {
    var made = element("span", "badge", status[1]);
    made.style.setProperty("--status", status[2]);
    made.style.setProperty("--status-text", status[3]);
    return made;
  }

  // A claim card, as the claim_list component draws it.
  function claimCard(list, item) {
    var li = element("li", "claim-card");
    var line = element("p", "claim-line");
    line.appendChild(badge(list.statuses[item[0]]));
    line.appendChild(document.createTextNode(" "));
    line.appendChild(link(item[4], "claim-title", item[5]));
    if (item[9]) {
      line.appendChild(document.createTextNode(" "));
      line.appendChild(element("em", "", "(" + words("draft") + ")"));
    }
    var meta = element("p", "meta", words("claimed-by") + " ");
    var claimant = list.sources[item[6]];
    meta.appendChild(link(claimant[1], "", claimant[0]));
    meta.appendChild(document.createTextNode(" " + words("on-date") + " "));
    meta.appendChild(time(item[7], item[8]));
    li.appendChild(line);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(meta);
    return li;
  }

  // An event, as the event_list component draws it.
  function eventItem(list, item) {
    var claim = list.claims[item[0]];
    var date = list.dates[item[3]];
    var label = list.labels[item[4]];
    var li = element("li", "event event-" + label[0]);
    li.appendChild(time(date[0], date[1]));
    li.appendChild(document.createTextNode(" "));
    var kind = element("span", "event-kind", label[1]);
    if (item[5] !== null) {
      var source = list.sources[item[5]];
      kind.appendChild(document.createTextNode(" · "));
      kind.appendChild(link(source[1], "", source[0]));
    }
    li.appendChild(kind);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(badge(list.statuses[item[6] !== null ? item[6] : claim[0]]));
    li.appendChild(document.createTextNode(" "));
    li.appendChild(link(claim[3], "event-claim", claim[4]));
    if (item[7]) li.appendChild(element("span", "note", item[7]));
    return li;
  }

  // Every match of the whole list, in place of this page.
  function showMatches(list, matched) {
    while (results.firstChild) results.removeChild(results.firstChild);
    if (list.labels.length) {
      var heading = document.querySelector("[data-filter-group] h2, [data-filter-group] h3");
      var level = heading ? heading.tagName.toLowerCase() : "h2";
      var month = -1;
      var events = null;
      matched.forEach(function (item) {
        if (item[2] !== month) {
          month = item[2];
          var section = element("section");
          section.setAttribute("aria-label", list.months[month][1]);
          section.appendChild(element(level, "", list.months[month][1]));
          events = element("ol", "events");
          section.appendChild(events);
          results.appendChild(section);
        }
        events.appendChild(eventItem(list, item));
      });
    } else if (matched.length) {
      var cards = element("ol", "claim-list");
      matched.forEach(function (item) {
        cards.appendChild(claimCard(list, item));
      });
      results.appendChild(cards);
    }
    pageParts.forEach(function (part) {
      part.hidden = true;
    });
    results.hidden = false;
  }

  // "No claims match; clear a filter:" and a button per chosen filter.
  function showEmpty(choice, none) {
    while (empty.firstChild) empty.removeChild(empty.firstChild);
    empty.hidden = !none;
    if (!none) return;
    empty.appendChild(element("p", "", words("filter-no-match", { noun: noun })));
    var buttons = element("p", "filter-clear-buttons");
    selects.forEach(function (select) {
      if (!choice[select.name]) return;
      var name = select.closest("label").firstChild.textContent.trim();
      var option = select.options[select.selectedIndex];
      var button = element("button", "", "× " + name + ": " + option.textContent);
      button.type = "button";
      button.addEventListener("click", function () {
        select.value = "";
        apply();
        select.focus();
      });
      buttons.appendChild(button);
    });
    var all = element("button", "", words("filter-show-all", { noun: noun }));
    all.type = "button";
    all.addEventListener("click", clearAll);
    buttons.appendChild(all);
    empty.appendChild(buttons);
  }

  function say(text) {
    if (count) count.textContent = text;
  }

  function keepInAddress(choice) {
    var params = new URLSearchParams(window.location.search);
    Object.keys(FIELDS).forEach(function (name) {
      if (choice[name]) params.set(name, choice[name]);
      else params.delete(name);
    });
    var query = params.toString() ? "?" + params.toString() : "";
    window.history.replaceState(window.history.state, "", window.location.pathname + query + window.location.hash);
    // Other pages of the list keep the filter (read when the data file cannot be).
    pagerLinks.forEach(function (pagerLink) {
      pagerLink.search = query;
    });
  }

  function apply() {
    var choice = chosen();
    var filtered = Object.keys(choice).length;
    var mine = ++run;
    keepInAddress(choice);
    if (active) active.textContent = filtered ? words("filter-active", { n: filtered }) : "";
    if (!filtered) {
      filterPage(choice);
      showPage();
      showEmpty(choice, false);
      say(words(items.length < total ? "filter-all-page" : "filter-all", { total: total, noun: noun, shown: items.length }));
      return;
    }
    if (!dataUrl || !window.fetch) {
      var shown = filterPage(choice);
      showEmpty(choice, shown === 0);
      say(words(paged ? "filter-match-page" : "filter-match", { shown: shown, total: items.length, noun: noun }));
      return;
    }
    say(words("filter-finding", { noun: noun }));
    loadData().then(function (list) {
      if (mine !== run) return;
      var matched = matchesData(list, choice);
      showMatches(list, matched);
      showEmpty(choice, matched.length === 0);
      say(words("filter-match", { shown: matched.length, total: list.items.length, noun: noun }));
    }, function () {
      if (mine !== run) return;
      var shown = filterPage(choice);
      showPage();
      showEmpty(choice, shown === 0);
      say(words("filter-match-fallback", { shown: shown, total: items.length, noun: noun }));
    });
  }

  function clearAll() {
    selects.forEach(function (select) {
      select.value = "";
    });
    apply();
  }

  // Filters from the address. A value the controls do not offer still applies.
  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var value = params.get(select.name) || "";
      var offered = toArray(select.options).some(function (option) {
        return option.value === value;
      });
      if (!offered) select.add(new Option(value, value));
      select.value = value;
    });
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.querySelector("[data-filter-clear]").addEventListener("click", clearAll);
  // Back to a page the browser kept: its address may differ from its controls.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      fromAddress();
      apply();
    }
  });
  if (links) links.hidden = true;
  form.hidden = false;
  fromAddress();
  // Open on wide screens; phones see the list first, behind the one control.
  if (panel && window.matchMedia && window.matchMedia("(min-width: 40rem)").matches) {
    panel.open = true;
  }
  apply();
})();

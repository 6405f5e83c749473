// claimtrail's list filter: narrows the items on this page by current verdict,
// entity, tag and year without a reload, from the data-* attributes the
// templates put on each item (see docs/templates.md). The choice is kept in the
// URL (?status=...&tag=...) so a filtered view can be shared or reloaded, and a
// live region says how many items are shown. Without JavaScript the form stays
// hidden and the page, with its filter links, works as before.
(function () {
  "use strict";
  var form = document.querySelector("form[data-live-filter]");
  if (!form || !window.URLSearchParams || !window.history.replaceState) return;

  // Each control's URL parameter, the item attribute it reads, and whether
  // that attribute holds a space-separated list of ids.
  var FIELDS = {
    status: { attr: "data-status", list: false },
    entity: { attr: "data-entities", list: true },
    tag: { attr: "data-tags", list: true },
    year: { attr: "data-year", list: false }
  };
  var items = toArray(document.querySelectorAll("[data-status]"));
  var groups = toArray(document.querySelectorAll("[data-filter-group]"));
  var selects = toArray(form.querySelectorAll("select")).filter(function (s) {
    return FIELDS.hasOwnProperty(s.name);
  });
  var pagerLinks = toArray(document.querySelectorAll(".pager a[href]"));
  var count = form.querySelector("[role=status]");
  var noun = form.getAttribute("data-noun") || "items";
  var where = form.hasAttribute("data-paged") ? " on this page" : "";

  function toArray(list) {
    return Array.prototype.slice.call(list);
  }

  function chosen() {
    var choice = {};
    selects.forEach(function (select) {
      if (select.value) choice[select.name] = select.value;
    });
    return choice;
  }

  function matches(item, choice) {
    return Object.keys(choice).every(function (name) {
      var field = FIELDS[name];
      var value = item.getAttribute(field.attr) || "";
      return field.list ? value.split(" ").indexOf(choice[name]) >= 0 : value === choice[name];
    });
  }

  function apply() {
    var choice = chosen();
    var shown = 0;
    items.forEach(function (item) {
      item.hidden = !matches(item, choice);
      if (!item.hidden) shown += 1;
    });
    // A month heading with none of its events left is hidden with them.
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("[data-status]:not([hidden])");
    });
    if (count) {
      var filtered = Object.keys(choice).length > 0;
      count.textContent = (filtered ? shown + " of " : "All ") + items.length + " " + noun + " shown" + where + ".";
    }

    var params = new URLSearchParams(window.location.search);
    Object.keys(FIELDS).forEach(function (name) {
      if (choice[name]) params.set(name, choice[name]);
      else params.delete(name);
    });
    var query = params.toString() ? "?" + params.toString() : "";
    window.history.replaceState(window.history.state, "", window.location.pathname + query + window.location.hash);
    // Other pages of the list keep the filter, each applying it to its own items.
    pagerLinks.forEach(function (link) {
      link.search = query;
    });
  }

  // Filters from the URL. A value this page's controls do not offer (say, an
  // entity with no item here, reached through the pager) still applies.
  var params = new URLSearchParams(window.location.search);
  selects.forEach(function (select) {
    var value = params.get(select.name);
    if (!value) return;
    var offered = toArray(select.options).some(function (option) {
      return option.value === value;
    });
    if (!offered) select.add(new Option(value, value));
    select.value = value;
  });

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.addEventListener("click", function (event) {
    if (!event.target.closest("[data-filter-clear]")) return;
    selects.forEach(function (select) {
      select.value = "";
    });
    apply();
  });
  form.hidden = false;
  apply();
})();

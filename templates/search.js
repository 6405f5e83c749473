/* The search page: mounts Pagefind's UI from the site itself and runs the ?q= query. */
(function () {
  var root = document.getElementById("ct-search");
  if (typeof PagefindUI === "undefined") {
    document.getElementById("ct-search-missing").hidden = false;
    return;
  }
  /* A big site's index comes in several bundles; the others are merged into the first one's results. */
  var merged = (root.getAttribute("data-merge") || "").split(" ").filter(Boolean);
  var ui = new PagefindUI({
    element: "#ct-search",
    bundlePath: root.getAttribute("data-bundle"),
    mergeIndex: merged.map(function (path) { return { bundlePath: path }; }),
    baseUrl: root.getAttribute("data-base"),
    showImages: false,
    showSubResults: false,
    /* Wide screens show the filters beside the results; on a phone they would push them down. */
    openFilters: window.matchMedia("(min-width: 40rem)").matches ? ["kind", "status"] : [],
    translations: { placeholder: "Search claims, sources and entities" }
  });
  // Pagefind's input has only a placeholder; give it a name screen readers announce.
  var input = root.querySelector(".pagefind-ui__search-input");
  if (input) {
    input.setAttribute("aria-label", "Search claims, sources and entities");
  }
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    document.getElementById("site-search-q").value = query;
    ui.triggerSearch(query);
  }
})();

// What one search costs a reader: serves a built site on loopback, runs QUERY
// on its search page in headless Chromium, and prints the bytes every request
// downloaded (raw, and gzip-compressed as a server would send them), grouped
// by kind. A measurement, not a test: `cargo test` and ./run do not call it.
//
//   node tests/browser/query-bytes.mjs OUTPUT QUERY [BASE_PATH]
//
// OUTPUT is a claimtrail output folder; BASE_PATH (default "/") is the path of
// its base_url, e.g. "/bench/" for a corpus made by examples/gen-corpus.rs.
// Run tests/browser/run once first: it installs Chromium and playwright-core.

import zlib from "node:zlib";

import { launch } from "./chromium.mjs";
import { serve } from "./server.mjs";

const [output, query, basePath = "/"] = process.argv.slice(2);
if (!output || !query) {
  console.error("usage: node query-bytes.mjs OUTPUT QUERY [BASE_PATH]");
  process.exit(2);
}

// Files Pagefind fetches, by what they are; anything else is the page itself.
const KINDS = [
  [/pagefind(-worker)?\.js$/, "pagefind.js and its worker"],
  [/\.pagefind$/, "wasm"],
  [/\.pf_meta$/, "metadata"],
  [/\.pf_filter$/, "filters"],
  [/\.pf_index$/, "index chunks"],
  [/\.pf_fragment$/, "result fragments"],
];

const PAGE = "the search page and its theme";
const kindOf = (url) => KINDS.find(([pattern]) => pattern.test(new URL(url).pathname))?.[1] ?? PAGE;

const server = await serve([{ prefix: basePath, dir: output }]);
const browser = await launch();
try {
  const page = await browser.newPage();
  const bodies = [];
  page.on("response", (response) => {
    bodies.push(
      response
        .body()
        .then((body) => ({ url: response.url(), body }))
        .catch(() => null),
    );
  });
  const url = `${server.origin}${basePath}search/?q=${encodeURIComponent(query)}`;
  await page.goto(url);
  // The search page's count says "N results for ..." or "No results for ...".
  await page.waitForFunction(() => /results? for/i.test(document.getElementById("ct-search-count")?.textContent ?? ""), null, {
    timeout: 60_000,
  });
  await page.waitForLoadState("networkidle");
  const results = await page.locator("#ct-search-results > li").count();

  const totals = new Map();
  for (const response of await Promise.all(bodies)) {
    if (!response) continue;
    const kind = kindOf(response.url);
    const sum = totals.get(kind) ?? { files: 0, raw: 0, gzip: 0 };
    sum.files += 1;
    sum.raw += response.body.length;
    sum.gzip += zlib.gzipSync(response.body).length;
    totals.set(kind, sum);
  }
  const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(`"${query}": ${results} results shown`);
  let raw = 0;
  let gzip = 0;
  let searchRaw = 0;
  let searchGzip = 0;
  for (const [kind, sum] of [...totals].sort()) {
    console.log(`  ${kind}: ${sum.files} files, ${kb(sum.raw)} (${kb(sum.gzip)} gzipped)`);
    raw += sum.raw;
    gzip += sum.gzip;
    if (kind !== PAGE) {
      searchRaw += sum.raw;
      searchGzip += sum.gzip;
    }
  }
  console.log(`  search files: ${kb(searchRaw)} (${kb(searchGzip)} gzipped); everything: ${kb(raw)} (${kb(gzip)} gzipped)`);
} finally {
  await browser.close();
  await server.close();
}

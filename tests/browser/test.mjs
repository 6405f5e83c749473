// claimtrail's browser tests, in headless Chromium: the list filter, search,
// a site made of markup that must stay text, no page wider than a 320 px
// phone, and an axe-core accessibility check of every page kind in light and
// dark mode. Any console error, script
// error, failed request, HTTP error, request to another host or dialog fails
// the check it happens in. Run through ./run, which
// installs what this needs; it prints "N passed, N failed" last.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

import { launch } from "./chromium.mjs";
import { serve } from "./server.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const axePath = path.join(here, "node_modules/axe-core/axe.min.js");

// The example site's search test: a query typed in the header, a claim it must
// find, and an entity filter that leaves only that claim of the two that match.
const SEARCH = {
  query: "Abilene",
  claim: "claims/stargate-abilene-joint-venture-with-microsoft/",
  other: "claims/gpt-5-5-trained-at-stargate-on-over-100000-gb200-chips/",
  filter: /microsoft/i,
};

// ---------------------------------------------------------------- the runner

const tally = { passed: 0, failed: 0 };

// A guard against a hung browser, far above any check's normal time.
const HANG_MS = 180_000;

async function check(name, body) {
  let timer;
  const hung = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running after ${HANG_MS / 1000} s: hung`)), HANG_MS);
  });
  try {
    await Promise.race([body(), hung]);
    tally.passed += 1;
    console.log(`ok    ${name}`);
  } catch (error) {
    tally.failed += 1;
    console.log(`FAIL  ${name}\n${indent(error.stack || String(error))}`);
  } finally {
    clearTimeout(timer);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function equal(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  assert(a === e, `${what}: expected ${e}, got ${a}`);
}

function indent(text) {
  return text.replace(/^/gm, "      ");
}

// ----------------------------------------------------------- sites and pages

/** Builds the site at `root` into `output`, published at `baseUrl`, with `flags` for the build. */
function build(root, output, baseUrl, flags = []) {
  const args = ["run", "--locked", "--quiet", "--release", "--", "build", "--root", root, "--output", output, "--base-url", baseUrl, ...flags];
  try {
    execFileSync("cargo", args, { cwd: repo, stdio: "pipe" });
  } catch (error) {
    throw new Error(`cargo ${args.join(" ")} failed:\n${error.stderr}`);
  }
}

/**
 * Opens `url` in a new page of `context`, runs `body(page, log)`, and fails if
 * anything went wrong in the browser meanwhile: a console or script error, a
 * failed request or an HTTP error (unless its URL matches `allow`), a request to
 * another host, or a dialog (alert, confirm, prompt: script that content
 * smuggled in). `log.navigations` lists the URL of every document the page
 * loaded, the first included.
 */
async function visit(context, origin, url, body, { allow } = {}) {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems = [];
  const log = { navigations: [] };
  const allowed = (target) => allow !== undefined && allow.test(target);
  page.on("console", (m) => m.type() === "error" && !allowed(m.location().url) && problems.push(`console error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("requestfailed", (r) => !allowed(r.url()) && problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on("response", (r) => r.status() >= 400 && !allowed(r.url()) && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  page.on("dialog", (d) => {
    problems.push(`a dialog opened (${d.type()}): ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on("request", (r) => {
    const target = r.url();
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) log.navigations.push(target);
    if (!target.startsWith(origin + "/") && !/^(data|blob):/.test(target)) {
      problems.push(`request to another host: ${target}`);
    }
  });
  try {
    await page.goto(origin + url);
    await body(page, log);
  } catch (error) {
    // What went wrong in the browser first: a dialog or a navigation often makes the check time out.
    if (problems.length === 0) throw error;
    throw new Error(`${problems.join("\n")}\nand then: ${error.message}`);
  } finally {
    await page.close();
  }
  assert(problems.length === 0, problems.join("\n"));
}

/** Each list item's filter attributes and whether it is visible. */
function items(page) {
  return page.$$eval("[data-status]", (elements) =>
    elements.map((e) => ({
      status: e.dataset.status,
      entities: e.dataset.entities.split(" "),
      year: e.dataset.year,
      shown: e.getClientRects().length > 0,
    })),
  );
}

// ------------------------------------------------------------------- checks

async function filterChecks(browser, origin) {
  const light = await browser.newContext();
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const phone = await browser.newContext({ viewport: { width: 375, height: 667 } });

  await check("filter: a status filter narrows the timeline, shows in the URL and survives a reload", () =>
    visit(light, origin, "/fixture/timeline/", async (page) => {
      const all = await items(page);
      assert(all.length > 2 && all.every((i) => i.shown), "every event is shown before filtering");
      equal(await page.textContent(".live-filter-count"), `All ${all.length} events.`, "count before");

      await page.selectOption("select[name=status]", "disputed");
      const after = await items(page);
      const shown = after.filter((i) => i.shown);
      assert(shown.length > 0 && shown.length < all.length, `the list shrinks (${shown.length} of ${all.length})`);
      assert(shown.every((i) => i.status === "disputed"), "every event left is about a disputed claim");
      assert(
        after.filter((i) => i.status === "disputed").every((i) => i.shown),
        "every event about a disputed claim is left",
      );
      equal(new URL(page.url()).search, "?status=disputed", "the URL");
      equal(await page.textContent("[role=status]"), `${shown.length} of ${all.length} events match.`, "the announced count");
      equal(await page.textContent("[data-filter-active]"), "(1 active)", "the panel says a filter is on");

      await page.reload();
      equal(await page.inputValue("select[name=status]"), "disputed", "the control after a reload");
      equal(await items(page), after, "the items after a reload");

      await page.click("form button[data-filter-clear]");
      assert((await items(page)).every((i) => i.shown), "Show all shows every event again");
      equal(new URL(page.url()).search, "", "the URL after Show all");
    }),
  );

  await check("filter: entity and year filters combine; months left empty are hidden", () =>
    visit(light, origin, "/fixture/timeline/?entity=acme-model-2&year=2026", async (page) => {
      equal(await page.inputValue("select[name=entity]"), "acme-model-2", "entity control from the URL");
      const shown = (await items(page)).filter((i) => i.shown);
      assert(shown.length > 0, "some events are left");
      assert(
        shown.every((i) => i.entities.includes("acme-model-2") && i.year === "2026"),
        "every event left is about Acme Model 2 in 2026",
      );
      const months = await page.$$eval("[data-filter-group]", (groups) =>
        groups.map((g) => ({ shown: g.getClientRects().length > 0, items: g.querySelectorAll("[data-status]:not([hidden])").length })),
      );
      assert(months.every((m) => m.shown === m.items > 0), "a month is shown exactly when it has events left");
    }),
  );

  await check("filter: on a paginated list a filter counts and shows the matches of every page", async () => {
    // What the whole 2026 timeline holds, page by page, without a filter.
    const onPages = [];
    for (const p of ["", "page/2/", "page/3/", "page/4/"]) {
      await visit(noScript, origin, `/paged/timeline/2026/${p}`, async (page) => {
        onPages.push(...(await page.$$eval(".events > li", (lis) => lis.map((li) => ({ status: li.dataset.status, text: li.textContent.replace(/\s+/g, " ").trim() })))));
      });
    }
    const disputed = onPages.filter((e) => e.status === "disputed");
    const refuted = onPages.filter((e) => e.status === "refuted");
    assert(disputed.length > 2 && refuted.length > 0, `the fixture spreads both over pages: ${JSON.stringify(onPages)}`);
    await visit(light, origin, "/paged/timeline/2026/?status=disputed", async (page) => {
      await page.waitForSelector(".filter-results:not([hidden]) li");
      const texts = await page.$$eval(".filter-results li", (lis) => lis.map((li) => li.textContent.replace(/\s+/g, " ").trim()));
      equal(texts, disputed.map((e) => e.text), "every disputed event of every page, drawn as the pages draw it");
      equal(await page.textContent("[role=status]"), `${disputed.length} of ${onPages.length} events match.`, "the count");
      assert(!(await page.isVisible(".pager")), "the pager is hidden while the matches are shown");
      // Page 2 of the list reaches the same matches.
      await page.goto(`${origin}/paged/timeline/2026/page/2/?status=refuted`);
      await page.waitForSelector(".filter-results:not([hidden]) li");
      equal(await page.locator(".filter-results li").count(), refuted.length, "refuted events from page 2");
      await page.click("form button[data-filter-clear]");
      assert(await page.isVisible(".pager"), "Show all brings back the page and its pager");
      equal(await page.locator(".filter-results li").count(), 0, "and drops the matches");
    });
  });

  await check("filter: a claim list's filter reaches a claim on another page", () =>
    visit(light, origin, "/paged/claims/?tag=product", async (page) => {
      const link = page.locator('.filter-results a.claim-title[href$="/claims/acme-model-1-launch/"]');
      await link.waitFor();
      equal(await page.textContent("[role=status]"), "1 of 3 claims match.", "the count");
      assert(!(await page.locator('.claim-list:not(.filter-results *) a[href$="/claims/acme-model-1-launch/"]').count()), "not on page 1 itself");
    }),
  );

  await check("filter: nothing matching says so and each filter can be cleared from there", () =>
    visit(light, origin, "/paged/timeline/?entity=globex&tag=efficiency", async (page) => {
      await page.waitForSelector(".filter-empty:not([hidden])");
      const message = (await page.textContent(".filter-empty p")).trim();
      equal(message, "No events match; clear a filter:", "the message");
      equal(await page.locator(".filter-results li").count(), 0, "no events");
      await page.click(".filter-empty button:has-text('Tag: efficiency')");
      await page.waitForSelector(".filter-results:not([hidden]) li");
      assert(!(await page.isVisible(".filter-empty")), "the message goes");
      equal(new URL(page.url()).search, "?entity=globex", "the cleared filter leaves the address");
      const left = await page.locator(".filter-results li").count();
      assert(left > 0, "Globex's events are shown");
    }),
  );

  await check("filter: on a 375 px phone the panel is one closed control and the first event is near the top", () =>
    visit(phone, origin, "/paged/timeline/", async (page) => {
      const panel = page.locator("details[data-filter-panel]");
      equal(await panel.evaluate((d) => d.open), false, "closed on a phone");
      assert(!(await page.isVisible("form[data-live-filter]")), "the controls wait behind it");
      const top = await page.locator(".events > li").first().evaluate((li) => li.getBoundingClientRect().top);
      assert(top < 667 - 120, `the first event is in view without scrolling: it starts ${top} px down`);
      await page.click("details[data-filter-panel] > summary");
      assert(await page.isVisible("select[name=tag]"), "one tap shows the controls");
    }),
  );

  await check("filter: without JavaScript no filter controls show, every item stays, the panel's links lead to full lists", () =>
    visit(noScript, origin, "/paged/claims/?tag=benchmarks", async (page) => {
      assert(!(await page.isVisible("form[data-live-filter]")), "the filter form stays hidden");
      assert((await items(page)).every((i) => i.shown), "every claim is shown");
      await page.click("details[data-filter-panel] > summary");
      assert(await page.isVisible("[data-filter-links] a[href$='/tags/benchmarks/']"), "the tag's full list is a link away");
    }),
  );

  await light.close();
  await noScript.close();
  await phone.close();
}

// The example site again with `[search] bundle_records` this small, so its
// index is split into bundles the search page merges.
const SPLIT_BUNDLE_RECORDS = 5;

/** The bundle folder (under pagefind/) whose fragments hold the page at `url`, the site path of a built page. */
function bundleOf(output, url) {
  const pagefind = path.join(output, "pagefind");
  const bundles = ["", ...fs.readdirSync(pagefind).filter((name) => name.startsWith("bundle-"))];
  return bundles.find((bundle) => {
    const folder = path.join(pagefind, bundle, "fragment");
    return fs.readdirSync(folder).some((name) => {
      const text = zlib.gunzipSync(fs.readFileSync(path.join(folder, name))).toString("utf8");
      return JSON.parse(text.replace(/^pagefind_dcd/, "")).url.endsWith(`/${url}`);
    });
  });
}

/** Waits until the search page has shown the results of its latest search. */
async function searched(page) {
  await page.waitForSelector("#ct-search-results:not([aria-busy])", { state: "attached" });
  await page.waitForFunction(() => document.getElementById("ct-search-count").textContent !== "");
}

/** The number of results the search page announces, checked against the results it shows. */
async function resultCount(page) {
  const text = await page.textContent("#ct-search-count");
  const match = text.match(/^(\d+) results? for “[^”]*”( with these filters)?\.$/);
  assert(match, `the announced count: ${text}`);
  const total = Number(match[1]);
  const shown = await page.locator("#ct-search-results > li").count();
  equal(shown, Math.min(total, 10), `results shown of ${total}`);
  equal(await page.isVisible("#ct-search-more"), total > 10, "a 'Show more results' button exactly when there are more");
  return total;
}

/** Opens the search page's filter panel if it is closed, and waits for its values. */
async function openFilters(page) {
  if (!(await page.locator(".search-filters").evaluate((details) => details.open))) {
    await page.click(".search-filters summary");
  }
  await page.waitForSelector("select[name=kind] option:nth-child(2)", { state: "attached" });
}

/** The value of the option of `select` whose text matches `pattern`. */
async function optionValue(page, select, pattern) {
  const options = await page.$$eval(`${select} option`, (list) => list.map((o) => ({ value: o.value, text: o.textContent })));
  const found = options.find((o) => pattern.test(o.text));
  assert(found, `no option matching ${pattern} in ${select}: ${JSON.stringify(options)}`);
  return found.value;
}

async function searchCheck(browser, origin, prefix, output, label) {
  await check(`search${label}: the header box finds a claim, a filter narrows the results, a result opens the claim`, async () => {
    if (!fs.existsSync(path.join(output, "pagefind"))) {
      throw new Error("the built site has no pagefind/ folder: claimtrail build did not write the search index");
    }
    if (label) {
      // The two claims must be in different bundles, or merging is not what finds them both.
      const bundles = [bundleOf(output, SEARCH.claim), bundleOf(output, SEARCH.other)];
      assert(bundles[0] !== undefined && bundles[1] !== undefined, `both claims are indexed: ${bundles}`);
      assert(bundles[0] !== bundles[1], `the claims are in different bundles: ${bundles}`);
    }
    const context = await browser.newContext();
    try {
      await visit(context, origin, prefix, async (page) => {
        await page.fill("form.site-search #site-search-q", SEARCH.query);
        await Promise.all([page.waitForURL(/\/search\/\?q=/), page.press("#site-search-q", "Enter")]);
        const want = `#ct-search-results a.claim-title[href$="/${SEARCH.claim}"]`;
        const other = `#ct-search-results a.claim-title[href$="/${SEARCH.other}"]`;
        await page.waitForSelector(want);
        await page.waitForSelector(other);
        await searched(page);
        const before = await resultCount(page);
        assert(before >= 2, `both claims are counted: ${before}`);

        await openFilters(page);
        await page.selectOption("select[name=entity]", await optionValue(page, "select[name=entity]", SEARCH.filter));
        await page.waitForSelector(other, { state: "detached" });
        await searched(page);
        await page.waitForSelector(want);
        const after = await resultCount(page);
        assert(after < before, `the filter narrows the results (${after} of ${before})`);
        assert(/&entity=/.test(page.url()), `the filter is kept in the address: ${page.url()}`);
        equal((await page.textContent(".search-filters summary")).trim(), "Filters (1 on)", "the panel says a filter is on");

        const title = (await page.textContent(want)).trim();
        await Promise.all([page.waitForURL(new RegExp(`/${SEARCH.claim}$`)), page.click(want)]);
        equal((await page.textContent("h1")).trim(), title, "the claim page's heading");
      });
    } finally {
      await context.close();
    }
  });
}

/**
 * The search page in the site's own look on a phone: one search box, results
 * as claim cards whose verdict badge is the very badge the claim's lists show,
 * the first result in view without scrolling, and without JavaScript the
 * note that points to the lists.
 */
async function searchLookChecks(browser, origin) {
  const phone = await browser.newContext({ viewport: { width: 375, height: 667 } });
  await check("search: results are claim cards with the site's badges, one search box, the first result in view at 375 px", () =>
    visit(phone, origin, `/fixture/search/?q=${encodeURIComponent("Acme")}`, async (page) => {
      await searched(page);
      equal(await page.locator("input").count(), 1, "search inputs on the page");
      equal(await page.inputValue("#site-search-q"), "Acme", "the header box holds the words searched for");
      const card = page.locator("#ct-search-results > li.claim-card", {
        has: page.locator('a.claim-title[href$="/claims/acme-model-2-cost/"]'),
      });
      const badge = await card.locator(".claim-line > .badge").evaluate((b) => b.outerHTML);
      const summary = await card.locator(".search-summary").textContent();
      equal(summary, "Acme says its new model is 35% cheaper per token.", "the summary is the claim's own");
      equal(await card.locator(".search-summary mark").allTextContents(), ["Acme"], "the matched word is marked");
      const first = await page.locator("#ct-search-results > li .claim-line").first().boundingBox();
      assert(first && first.y + first.height <= 667, `the first result's title line ends at ${first && first.y + first.height} px, below the 667 px screen`);
      const styles = await page.evaluate(() => [...document.styleSheets].map((s) => s.href || "inline"));
      assert(styles.every((href) => !/pagefind/.test(href)), `no Pagefind stylesheet: ${styles}`);
      // The claim's status page lists it with the site's own badge: the same markup.
      await page.goto(`${origin}/fixture/status/disputed/`);
      const listed = await page
        .locator("li.claim-card", { has: page.locator('a[href$="/claims/acme-model-2-cost/"]') })
        .locator(".badge")
        .evaluate((b) => b.outerHTML);
      equal(badge, listed, "the result's badge");
    }),
  );
  await phone.close();

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  await check("search: without JavaScript the page says so and points to the lists", () =>
    visit(noScript, origin, "/fixture/search/?q=Acme", async (page) => {
      assert(await page.isVisible("noscript > p.search-note"), "the noscript note shows");
      assert(!(await page.isVisible("#ct-search")), "no dead search controls");
    }),
  );
  await noScript.close();

  const context = await browser.newContext();
  await check("search: a site built without its index says so", () =>
    visit(
      context,
      origin,
      "/nosearch/search/?q=Acme",
      async (page) => {
        await page.waitForSelector("#ct-search-missing", { state: "visible" });
        assert(!(await page.isVisible("#ct-search")), "no dead search controls");
      },
      { allow: /\/pagefind\/pagefind\.js$/ },
    ),
  );
  await context.close();
}

// ------------------------------------------------------- the markup fixture

// Searches that reach every record of tests/fixtures/markup, and texts each must show literally.
const MARKUP_SEARCHES = {
  zebra: [
    `Zebra claim <img src=x onerror=alert('title-img')> "><svg onload=alert('title-svg')>`,
    `Zebra summary <script>alert('summary-script')</script> </mark><img src=x onerror=alert('summary-mark')><mark> &lt;img src=x onerror=alert('summary-entity')&gt;`,
    `Disputed <img src=x onerror=alert('status-img')>`,
    `"><svg onload=alert('status-svg')>Unverified`,
    `Claimed by Zebra Press <img src=x onerror=alert('source-name')> on March 4, 2026`,
    `<img src=x onerror=alert('entity-name')> Zebra Org`,
    `Zebra page <img src=x onerror=alert('page-title')>`,
    `Second zebra body, its summary: <img src=x onerror=alert('second-summary')>.`,
  ],
  onerror: [`<meta http-equiv=refresh content="0;url=https://example.org/refreshed"> Zebra Model`],
  refresh: [],
  svg: [],
  script: [],
  mark: [],
  quote: [],
};

/**
 * What in the page could run or act although no template put it there: any
 * `on...` attribute, an img with src=x, a script that is not one of ours, a
 * meta refresh, frames and plugins, and links to anything but http(s) and
 * paths on the site. An empty list when the page is inert.
 */
function injected(page) {
  return page.evaluate(() => {
    const found = [];
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`<${element.localName} ${attribute.name}>`);
      }
    }
    for (const img of document.querySelectorAll("img")) {
      if (img.getAttribute("src") === "x") found.push("<img src=x>");
    }
    for (const script of document.querySelectorAll("script")) {
      const src = script.getAttribute("src") || "";
      const ours = /\/(search|filter)\.js$/.test(src) || script.type === "application/ld+json";
      if (!ours) found.push(`<script src="${src}">${script.textContent.slice(0, 60)}`);
    }
    for (const element of document.querySelectorAll("meta[http-equiv], body meta, iframe, frame, object, embed, base, svg script, svg animate, svg set")) {
      found.push(element.outerHTML.slice(0, 80));
    }
    for (const link of document.querySelectorAll("[href], [src], [action], [formaction]")) {
      for (const name of ["href", "src", "action", "formaction"]) {
        const value = link.getAttribute(name);
        if (value === null) continue;
        const protocol = new URL(value, document.baseURI).protocol;
        if (protocol !== "http:" && protocol !== "https:") found.push(`${name}=${value}`);
      }
    }
    return found;
  });
}

/** Fails unless the page is inert and stayed the one document it loaded. */
async function assertInert(page, log, what) {
  const found = await injected(page);
  assert(found.length === 0, `${what}: injected into the page:\n  ${found.join("\n  ")}`);
  equal(log.navigations.length, 1, `${what}: documents loaded (${log.navigations.join(", ")})`);
}

/** Every HTML page of a built site but redirect pages (/statuses/, claim aliases), as site paths under `prefix`. */
function htmlPages(output, prefix) {
  const pages = [];
  const redirect = (file) => fs.readFileSync(file, "utf8").includes('http-equiv="refresh"');
  const walk = (dir, at) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory() && entry.name !== "pagefind") walk(path.join(dir, entry.name), `${at}${entry.name}/`);
      else if (entry.name === "index.html" && redirect(path.join(dir, entry.name))) continue;
      else if (entry.name === "index.html") pages.push(prefix + at);
      else if (entry.name.endsWith(".html")) pages.push(prefix + at + entry.name);
    }
  };
  walk(output, "");
  return pages;
}

/** Chooses every value of every control of the page's live filter, one after another. */
async function chooseEveryFilter(page) {
  const form = page.locator("form[data-live-filter]");
  if ((await form.count()) === 0) return 0;
  let chosen = 0;
  for (const select of await form.locator("select").all()) {
    for (const value of await select.locator("option").evaluateAll((options) => options.map((o) => o.value))) {
      await select.selectOption(value);
      chosen += 1;
    }
    await select.selectOption("");
  }
  return chosen;
}

async function markupChecks(browser, origin, output) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  for (const [query, texts] of Object.entries(MARKUP_SEARCHES)) {
    await check(`markup: /search/?q=${query} shows every title, name, summary and filter value as text and runs nothing`, () =>
      visit(context, origin, `/markup/search/?q=${query}`, async (page, log) => {
        await searched(page);
        const shown = await page.locator("#ct-search-results > li").count();
        assert(shown > 0, `results for ${query}`);
        const results = await page.textContent("#ct-search-results");
        for (const text of texts) assert(results.includes(text), `the results show ${JSON.stringify(text)} as text:\n${results}`);
        const elements = await page.evaluate(() =>
          [...document.querySelectorAll("#ct-search-results *, .search-filter-form *")].map((x) => x.localName),
        );
        const others = elements.filter((n) => !["li", "p", "span", "a", "mark", "label", "select", "option", "button"].includes(n));
        equal(others, [], "elements other than the page's own in the results and filters");

        await openFilters(page);
        await assertInert(page, log, `?q=${query} with the filters open`);
        for (const name of ["kind", "status", "entity", "tag", "year"]) {
          const select = `select[name=${name}]`;
          const values = await page.$$eval(`${select} option`, (list) => list.map((o) => o.value).filter(Boolean));
          for (const value of values) {
            await page.selectOption(select, value);
            await searched(page);
            equal(new URL(page.url()).searchParams.get(name), value, `the ${name} filter in the address`);
          }
          await page.selectOption(select, "");
          await searched(page);
        }
        if (query === "zebra") {
          const tags = await page.$$eval("select[name=tag] option", (list) => list.map((o) => o.textContent));
          for (const tag of [`<img src=x onerror=alert('tag-img')> (2)`, `"><svg onload=alert('tag-svg')> (2)`, `<meta http-equiv=refresh content="0;url=https://example.org/tag"> (1)`]) {
            assert(tags.includes(tag), `the tag filter offers ${tag} as text: ${JSON.stringify(tags)}`);
          }
          const statuses = await page.$$eval("select[name=status] option", (list) => list.map((o) => o.textContent));
          assert(statuses.includes(`Disputed <img src=x onerror=alert('status-img')> (1)`), `statuses as text: ${statuses}`);
        }
        await assertInert(page, log, `?q=${query} after every filter`);
      }),
    );
  }

  // A filter value from the address, as a link or a hand-edited URL could carry it.
  const payload = `<img src=x onerror=alert('from-url')>`;
  await check("markup: a search page whose address carries markup as a filter value shows it as text", () =>
    visit(context, origin, `/markup/search/?tag=${encodeURIComponent(payload)}`, async (page, log) => {
      await searched(page);
      equal(await page.inputValue("select[name=tag]"), payload, "the chosen value");
      equal(await page.textContent("#ct-search-count"), "No results with these filters.", "the count");
      await assertInert(page, log, "markup in ?tag=");
    }),
  );

  const pages = htmlPages(output, "/markup/");
  assert(pages.length > 20, `only ${pages.length} pages in the markup fixture`);
  await check(`markup: all ${pages.length} pages, every list with each of its filter values, stay inert`, async () => {
    let lists = 0;
    for (const url of pages) {
      await visit(context, origin, url, async (page, log) => {
        if (url.endsWith("/search/")) await page.waitForSelector("#ct-search:not([hidden])");
        if ((await chooseEveryFilter(page)) > 0) lists += 1;
        await assertInert(page, log, url);
      });
      // The list filter reads its values from the address too.
      if (await hasLiveFilter(output, url)) {
        await visit(context, origin, `${url}?tag=${encodeURIComponent(payload)}&entity=${encodeURIComponent(payload)}`, async (page, log) => {
          await assertInert(page, log, `${url} with markup in the address`);
        });
      }
    }
    assert(lists >= 5, `only ${lists} filterable lists`);
  });
  await context.close();
}

/** Whether the built page at site path `url` (under /markup/) has the list filter. */
function hasLiveFilter(output, url) {
  const file = path.join(output, url.replace(/^\/markup\//, ""), url.endsWith(".html") ? "" : "index.html");
  return fs.readFileSync(file, "utf8").includes("data-live-filter");
}

/** The site paths of one page of each kind on a built site, found in its output. */
function pageKinds(output, prefix) {
  // The first page in a folder, passing over pagination and claim aliases (redirect pages).
  const first = (folder) => {
    const dir = path.join(output, folder);
    return fs
      .readdirSync(dir)
      .sort()
      .find((name) => {
        const index = path.join(dir, name, "index.html");
        return name !== "page" && fs.existsSync(index) && !fs.readFileSync(index, "utf8").includes('http-equiv="refresh"');
      });
  };
  const pages = [
    "",
    `claims/${first("claims")}/`,
    "timeline/",
    `timeline/${first("timeline")}/`,
    "contested/",
    "entities/",
    `entities/${first("entities")}/`,
    "sources/",
    `sources/${first("sources")}/`,
    `sources/${first("sources")}/claims/`,
    `sources/${first("sources")}/cited/`,
    "claims/",
    "status/",
    "data/",
    "tags/",
    `tags/${first("tags")}/`,
    `pages/${first("pages")}/`,
    "404.html",
  ];
  for (const status of fs.readdirSync(path.join(output, "status")).sort()) pages.push(`status/${status}/`);
  if (fs.existsSync(path.join(output, "search"))) pages.push("search/");
  if (first("documents")) pages.push("documents/", `documents/${first("documents")}/`);
  return pages.map((p) => prefix + p);
}

// ------------------------------------------------------------------ phones

/**
 * What sticks out past the right edge of the screen on `page`, with every
 * `<details>` opened, as a sentence; null when nothing does. Content inside a
 * box that scrolls or clips on its own does not count: the page stays put.
 */
function overflow(page) {
  return page.evaluate(() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
    const width = document.documentElement.clientWidth;
    const wide = document.documentElement.scrollWidth;
    if (wide <= width) return null;
    const scrollsOnItsOwn = (element) => {
      for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
        if (/auto|scroll|hidden|clip/.test(getComputedStyle(box).overflowX)) return true;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5 && !scrollsOnItsOwn(e))
      .map((e) => `${e.tagName.toLowerCase()}${e.className ? "." + String(e.className).split(" ").join(".") : ""} (to ${Math.round(e.getBoundingClientRect().right)} px)`);
    return `the page is ${wide} px wide on a ${width} px screen: ${culprits.slice(0, 5).join(", ")}`;
  });
}

async function phoneChecks(browser, origin, urls) {
  const narrow = await browser.newContext({ viewport: { width: 320, height: 640 } });
  for (const url of urls) {
    await check(`phones: nothing sticks out at 320 px: ${url}`, () =>
      visit(narrow, origin, url, async (page) => {
        if (url.includes("/search/?")) await searched(page);
        const found = await overflow(page);
        assert(found === null, found);
      }),
    );
  }
  await narrow.close();
  const phone = await browser.newContext({ viewport: { width: 375, height: 667 } });
  await check("phones: /sources/ shows every column of every source, labelled, at 375 px", () =>
    visit(phone, origin, "/fixture/sources/", async (page) => {
      const cells = await page.$$eval(".sources-table tbody tr > *", (cells) =>
        cells.map((cell) => {
          const box = cell.getBoundingClientRect();
          const label = getComputedStyle(cell, "::before").content;
          return { text: cell.textContent.trim(), left: box.left, right: box.right, height: box.height, label, header: cell.tagName === "TH" };
        }),
      );
      equal(cells.length, 3 * 6, "cells of the fixture's three sources");
      const outside = cells.filter((c) => c.height === 0 || c.left < 0 || c.right > 375);
      assert(outside.length === 0, `cells off screen: ${JSON.stringify(outside)}`);
      const unlabelled = cells.filter((c) => !c.header && !/^".+: "$/.test(c.label));
      assert(unlabelled.length === 0, `cells without their column's name: ${JSON.stringify(unlabelled)}`);
    }),
  );
  await phone.close();
}

/** axe-core's serious and critical violations on `page`, one readable paragraph each. */
async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(" ")}\n    ${n.failureSummary.replace(/\n/g, "\n    ")}`),
      }));
  });
  return violations.map((v) => `${v.impact}: ${v.rule}: ${v.help}\n${v.nodes.map((n) => `  - ${n}`).join("\n")}`);
}

async function accessibilityChecks(browser, origin, urls) {
  await check("accessibility: the axe-core check itself reports a known violation", async () => {
    const page = await browser.newPage();
    try {
      await page.setContent('<!doctype html><html lang="en"><title>t</title><main><h1>t</h1><img src="data:,"></main></html>');
      const found = await axeViolations(page);
      assert(found.some((v) => v.startsWith("critical: image-alt")), `expected image-alt, got ${found}`);
    } finally {
      await page.close();
    }
  });
  for (const colorScheme of ["light", "dark"]) {
    const context = await browser.newContext({ colorScheme });
    for (const url of urls) {
      await check(`accessibility (${colorScheme}): ${url}`, () =>
        visit(context, origin, url, async (page) => {
          if (url.includes("/search/?")) await searched(page);
          const violations = await axeViolations(page);
          assert(violations.length === 0, violations.join("\n"));
        }),
      );
    }
    await context.close();
  }
}

// --------------------------------------------------------------------- main

const work = fs.mkdtempSync(path.join(os.tmpdir(), "claimtrail-browser-"));
const sites = path.join(work, "sites");
const out = {
  example: path.join(work, "example"),
  split: path.join(work, "split"),
  fixture: path.join(work, "fixture"),
  paged: path.join(work, "paged"),
  markup: path.join(work, "markup"),
  nosearch: path.join(work, "nosearch"),
};
let server;
let browser;
try {
  // The fixture has claims of several statuses (the example's are all unverified);
  // its paged copy has page_size = 2, so its lists span several pages.
  const fixtures = path.join(repo, "tests/fixtures");
  fs.cpSync(path.join(fixtures, "base"), path.join(sites, "fixture"), { recursive: true });
  fs.cpSync(path.join(fixtures, "base"), path.join(sites, "paged"), { recursive: true });
  fs.cpSync(path.join(fixtures, "paged"), path.join(sites, "paged"), { recursive: true });
  for (const name of ["site.toml", "content", "static"]) {
    fs.cpSync(path.join(repo, name), path.join(sites, "split", name), { recursive: true });
  }
  fs.appendFileSync(path.join(sites, "split/site.toml"), `\n[search]\nbundle_records = ${SPLIT_BUNDLE_RECORDS}\n`);

  server = await serve([
    { prefix: "/", dir: out.example },
    { prefix: "/fixture/", dir: out.fixture },
    { prefix: "/paged/", dir: out.paged },
    { prefix: "/split/", dir: out.split },
    { prefix: "/markup/", dir: out.markup },
    { prefix: "/nosearch/", dir: out.nosearch },
  ]);
  const { origin } = server;
  build(repo, out.example, `${origin}/`);
  build(path.join(sites, "fixture"), out.fixture, `${origin}/fixture/`);
  build(path.join(sites, "paged"), out.paged, `${origin}/paged/`);
  build(path.join(sites, "split"), out.split, `${origin}/split/`);
  build(path.join(fixtures, "markup"), out.markup, `${origin}/markup/`);
  build(path.join(fixtures, "base"), out.nosearch, `${origin}/nosearch/`, ["--no-search"]);
  console.log(`serving the built sites at ${origin}/`);

  browser = await launch();
  await filterChecks(browser, origin);
  await searchCheck(browser, origin, "/", out.example, "");
  await searchCheck(browser, origin, "/split/", out.split, ` (index in bundles of ${SPLIT_BUNDLE_RECORDS})`);
  await searchLookChecks(browser, origin);
  await markupChecks(browser, origin, out.markup);
  await phoneChecks(browser, origin, [
    ...pageKinds(out.example, "/"),
    ...pageKinds(out.fixture, "/fixture/"),
    "/fixture/timeline/?status=disputed",
    `/search/?q=${SEARCH.query}`,
  ]);
  await accessibilityChecks(browser, origin, [
    ...pageKinds(out.example, "/"),
    ...pageKinds(out.fixture, "/fixture/"),
    "/fixture/timeline/?status=disputed",
    `/search/?q=${SEARCH.query}`,
    "/fixture/search/?q=Acme",
  ]);
} catch (error) {
  tally.failed += 1;
  console.log(`FAIL  setup\n${indent(error.stack || String(error))}`);
} finally {
  await browser?.close();
  await server?.close();
  fs.rmSync(work, { recursive: true, force: true });
}

console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exitCode = tally.failed > 0 ? 1 : 0;

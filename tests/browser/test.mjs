// claimtrail's browser tests, in headless Chromium: the list filter, search,
// and an axe-core accessibility check of every page kind in light and dark
// mode. Any console error, script error, failed request, HTTP error or request
// to another host fails the check it happens in. Run through ./run, which
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

/** Builds the site at `root` into `output`, published at `baseUrl`. */
function build(root, output, baseUrl) {
  const args = ["run", "--locked", "--quiet", "--release", "--", "build", "--root", root, "--output", output, "--base-url", baseUrl];
  try {
    execFileSync("cargo", args, { cwd: repo, stdio: "pipe" });
  } catch (error) {
    throw new Error(`cargo ${args.join(" ")} failed:\n${error.stderr}`);
  }
}

/**
 * Opens `url` in a new page of `context`, runs `body(page)`, and fails if
 * anything went wrong in the browser meanwhile.
 */
async function visit(context, origin, url, body) {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  page.on("request", (r) => {
    const target = r.url();
    if (!target.startsWith(origin + "/") && !/^(data|blob):/.test(target)) {
      problems.push(`request to another host: ${target}`);
    }
  });
  try {
    await page.goto(origin + url);
    await body(page);
    assert(problems.length === 0, problems.join("\n"));
  } finally {
    await page.close();
  }
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

  await check("filter: a status filter narrows the timeline, shows in the URL and survives a reload", () =>
    visit(light, origin, "/fixture/timeline/", async (page) => {
      const all = await items(page);
      assert(all.length > 2 && all.every((i) => i.shown), "every event is shown before filtering");
      equal(await page.textContent(".live-filter-count"), `All ${all.length} events shown.`, "count before");

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
      equal(
        await page.textContent("[role=status]"),
        `${shown.length} of ${all.length} events shown.`,
        "the announced count",
      );

      await page.reload();
      equal(await page.inputValue("select[name=status]"), "disputed", "the control after a reload");
      equal(await items(page), after, "the items after a reload");

      await page.click("button[data-filter-clear]");
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

  await check("filter: on a paginated list the count says 'on this page' and the pager keeps the filter", () =>
    visit(light, origin, "/paged/timeline/2026/?status=disputed", async (page) => {
      equal(await page.textContent("[role=status]"), "2 of 2 events shown on this page.", "page 1's count");
      await Promise.all([page.waitForURL(/page\/2\//), page.click(".pager a[rel=next]")]);
      equal(new URL(page.url()).search, "?status=disputed", "the next page's URL");
      // Page 2 holds only events of a refuted claim: the filter from the URL applies
      // although this page's control does not offer it, and hides them all.
      equal(await page.inputValue("select[name=status]"), "disputed", "the next page's control");
      const after = await items(page);
      assert(after.length > 0 && after.every((i) => !i.shown), "every event of page 2 is hidden");
      equal(await page.textContent("[role=status]"), `0 of ${after.length} events shown on this page.`, "page 2's count");
    }),
  );

  await check("filter: without JavaScript no filter controls show and every item stays", () =>
    visit(noScript, origin, "/fixture/timeline/?status=disputed", async (page) => {
      assert(!(await page.isVisible("form[data-live-filter]")), "the filter form stays hidden");
      assert((await items(page)).every((i) => i.shown), "every event is shown");
      assert(await page.isVisible(".filters a[href$='/status/disputed/']"), "the no-JS filter links are there");
    }),
  );

  await light.close();
  await noScript.close();
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
        const want = `a.pagefind-ui__result-link[href$="/${SEARCH.claim}"]`;
        const other = `a.pagefind-ui__result-link[href$="/${SEARCH.other}"]`;
        await page.waitForSelector(want);
        await page.waitForSelector(other);
        const before = await page.locator(".pagefind-ui__result-link").count();

        // Pagefind UI's filter panel: one <details> block per filter, a checkbox per value.
        const block = page
          .locator(".pagefind-ui__filter-block")
          .filter({ has: page.locator("summary", { hasText: /^\s*entit/i }) });
        if (!(await block.evaluate((details) => details.open))) await block.locator("summary").click();
        const value = block.locator(".pagefind-ui__filter-value").filter({ hasText: SEARCH.filter });
        await value.locator("label").click();
        assert(await value.locator("input").isChecked(), "the filter is checked");
        await page.waitForSelector(other, { state: "detached" });
        await page.waitForSelector(want);
        const after = await page.locator(".pagefind-ui__result-link").count();
        assert(after < before, `the filter narrows the results (${after} of ${before})`);

        const title = (await page.textContent(want)).trim();
        await Promise.all([page.waitForURL(new RegExp(`/${SEARCH.claim}$`)), page.click(want)]);
        equal((await page.textContent("h1")).trim(), title, "the claim page's heading");
      });
    } finally {
      await context.close();
    }
  });
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
    "tags/",
    `tags/${first("tags")}/`,
    `pages/${first("pages")}/`,
    "404.html",
  ];
  for (const status of fs.readdirSync(path.join(output, "status")).sort()) pages.push(`status/${status}/`);
  if (fs.existsSync(path.join(output, "search"))) pages.push("search/");
  return pages.map((p) => prefix + p);
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
  ]);
  const { origin } = server;
  build(repo, out.example, `${origin}/`);
  build(path.join(sites, "fixture"), out.fixture, `${origin}/fixture/`);
  build(path.join(sites, "paged"), out.paged, `${origin}/paged/`);
  build(path.join(sites, "split"), out.split, `${origin}/split/`);
  console.log(`serving the built sites at ${origin}/`);

  browser = await launch();
  await filterChecks(browser, origin);
  await searchCheck(browser, origin, "/", out.example, "");
  await searchCheck(browser, origin, "/split/", out.split, ` (index in bundles of ${SPLIT_BUNDLE_RECORDS})`);
  await accessibilityChecks(browser, origin, [
    ...pageKinds(out.example, "/"),
    ...pageKinds(out.fixture, "/fixture/"),
    "/fixture/timeline/?status=disputed",
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

import { launch } from "./chromium.mjs";
import { serve } from "./server.mjs";
const [dir, query] = process.argv.slice(2);
const server = await serve([{ prefix: "/", dir }]);
const browser = await launch();
const page = await browser.newPage();
page.on("console", (m) => console.log("console", m.type(), m.text()));
await page.goto(`${server.origin}/search/`);
const r = await page.evaluate(async (q) => {
  const pf = await import("/pagefind/pagefind.js");
  await pf.options({ basePath: "/pagefind/", baseUrl: "/" });
  const res = await pf.search(q, { filters: {} });
  const res2 = await pf.search(null, { filters: { tag: "openai" } });
  const all = await pf.filters();
  return { keys: Object.keys(res), filters: res.filters, total: res.totalFilters, n: res.results.length, f2: res2.results.length, t2: res2.totalFilters, all };
}, query);
console.log(JSON.stringify(r, null, 1).slice(0, 3000));
await browser.close(); await server.close();

// Headless Chromium as every browser script here starts it: Debian's package
// (or $CHROMIUM), never a downloaded build, with the flags the tests rely on.

import { chromium } from "playwright-core";

/** Launches headless Chromium; resolves to playwright's Browser. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

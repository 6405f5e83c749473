// A small static file server for the built sites, on a free loopback port.
// It behaves like GitHub Pages where the tests can tell: folders serve their
// index.html, a folder asked for without its trailing slash redirects, and a
// missing file gets 404 with the site's own 404.html.

import fs from "node:fs";
import http from "node:http";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".wasm": "application/wasm",
};

/**
 * Serves each `{ prefix, dir }` of `mounts` (prefix like "/" or "/fixture/");
 * the longest matching prefix wins. Resolves to `{ origin, close }`.
 */
export function serve(mounts) {
  const sorted = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  const server = http.createServer((request, response) => {
    const send = (status, type, body, headers = {}) => {
      response.writeHead(status, { "content-type": type, "cache-control": "no-store", ...headers });
      response.end(request.method === "HEAD" ? undefined : body);
    };
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    } catch {
      return send(400, "text/plain", "bad request");
    }
    const mount = sorted.find((m) => pathname.startsWith(m.prefix) || pathname === m.prefix.slice(0, -1));
    if (!mount) return send(404, "text/plain", "not found");
    if (pathname === mount.prefix.slice(0, -1)) {
      return send(301, "text/plain", "moved", { location: mount.prefix });
    }
    const root = path.resolve(mount.dir);
    let file = path.resolve(root, "." + pathname.slice(mount.prefix.length - 1));
    if (file !== root && !file.startsWith(root + path.sep)) return send(404, "text/plain", "not found");
    if (isDir(file)) {
      if (!pathname.endsWith("/")) {
        const query = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
        return send(301, "text/plain", "moved", { location: pathname + "/" + query });
      }
      file = path.join(file, "index.html");
    }
    if (!isFile(file)) {
      const notFound = path.join(root, "404.html");
      return isFile(notFound)
        ? send(404, TYPES[".html"], fs.readFileSync(notFound))
        : send(404, "text/plain", "not found");
    }
    send(200, TYPES[path.extname(file)] || "application/octet-stream", fs.readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.close(done);
            server.closeAllConnections();
          }),
      });
    });
  });
}

function isDir(file) {
  return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function isFile(file) {
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

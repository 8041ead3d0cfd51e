// The browser tests' static server, which mounts a folder under any URL path (as
// Moodle serves package files, when asked), and the unpacking of a package: apart from
// harness.mjs, so a test that needs neither Chromium nor the course export (the
// Firefox test) uses them too.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { asMoodleServes } from './moodle-serving.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.xml': 'application/xml', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** Serves `mounts` ({ urlPrefix: folder }) on 127.0.0.1; records every 404. */
export async function serve(mounts, extraHeaders = {}, { likeMoodle = false } = {}) {
  const missing = [];
  // What went out: each request's path and the bytes of its body on the wire.
  const served = [];
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (!url.startsWith(prefix)) continue;
      let file = path.join(dir, url.slice(prefix.length));
      if (!file.startsWith(dir)) break;
      if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      if (fs.existsSync(file)) {
        const plain = { body: fs.readFileSync(file), headers: { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...extraHeaders } };
        const { body, headers } = likeMoodle ? asMoodleServes(file, plain.body, plain.headers, req.headers['accept-encoding']) : plain;
        served.push({ url, bytes: body.length });
        res.writeHead(200, headers);
        return res.end(body);
      }
    }
    missing.push(url);
    res.writeHead(404).end('not found');
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, mounts, missing, served, close: () => new Promise((ok) => server.close(ok)) };
}

/** Unpacks a zip into a fresh temporary folder: { dir, list of names }. */
export function unzip(zip) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tere-pkg-'));
  execFileSync('python3', ['-m', 'zipfile', '-e', zip, dir]);
  const list = execFileSync('python3', ['-c', 'import sys,zipfile;print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', zip]).toString().trim().split('\n');
  return { dir, list };
}

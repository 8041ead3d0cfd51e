// A real Learning Record Store for the cmi5/xAPI tests: xapi-rs (LaRS, GPL-3.0) run
// as a separate server, never linked, on a PostgreSQL cluster under target/lrs/.
// `cargo xtask setup` installs both (xtask/src/setup.rs).
//
// Each startLrs() gets a fresh, empty database and its own xapi-rs on a free port, so
// tests do not see each other's statements. The cluster is made once and reused; it
// runs while an LRS of this process needs it and is stopped after the last one (unless
// something else had started it). Nothing this module starts can keep Node's test
// runner waiting: the server process and the CORS front are unref'd, and whatever is
// still running when the process exits is stopped then.
//
// xapi-rs speaks xAPI 2.0.0 only: a statements request or a document write whose
// X-Experience-API-Version is anything else (1.0.3 included) or missing gets 400. It
// sends no CORS headers, so a page on another origin reaches it through the CORS front
// (`{ cors: true }`), as a browser reaches a production LRS through the web server in
// front of it.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn, execFileSync } from 'node:child_process';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const HOME = path.join(ROOT, 'target/lrs');
const XAPI_VERSION = '2.0.0';
const XAPI_RS = process.env.TERE_XAPI_RS ?? path.join(process.env.CARGO_HOME ?? path.join(os.homedir(), '.cargo'), 'bin/xapi-rs');
const IS_ROOT = process.getuid?.() === 0;
// The response headers a page on another origin may read: a browser hides the others,
// and an xAPI client needs the ETag (for a document's next write) and the version.
const EXPOSED = 'ETag, Last-Modified, Content-Type, X-Experience-API-Version, X-Experience-API-Consistent-Through';

/** Debian's PostgreSQL binaries (the newest installed major version). */
function pgBin(tool) {
  const base = '/usr/lib/postgresql';
  const majors = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin/initdb'))) : [];
  if (!majors.length) throw new Error('PostgreSQL is not installed (cargo xtask setup installs it)');
  return path.join(base, majors.sort((a, b) => Number(b) - Number(a))[0], 'bin', tool);
}

/** Runs a server-side PostgreSQL tool: they refuse to run as root, so as `postgres` then. */
function asPostgres(tool, args, options = {}) {
  const [file, argv] = IS_ROOT ? ['runuser', ['-u', 'postgres', '--', pgBin(tool), ...args]] : [pgBin(tool), args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

/** A client tool (createdb, psql) against the cluster over TCP; trust authentication, so any OS user. */
function pgClient(tool, port, args) {
  return execFileSync(pgBin(tool), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Where the cluster lives: target/lrs/pg, unless run as root in a checkout the
 * `postgres` user cannot reach (under /root, say); then in the temporary folder, one
 * per checkout.
 */
function clusterDir() {
  fs.mkdirSync(HOME, { recursive: true });
  if (!IS_ROOT) return path.join(HOME, 'pg');
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', 'test', '-x', HOME]);
    return path.join(HOME, 'pg');
  } catch {
    const id = crypto.createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
    return path.join(os.tmpdir(), `tere-lrs-${id}`, 'pg');
  }
}
const CLUSTER = clusterDir();

/** The cluster, made once: trust on loopback only, C locale so a clean machine's locale does not matter. */
function ensureCluster() {
  if (fs.existsSync(path.join(CLUSTER, 'PG_VERSION'))) return;
  fs.rmSync(CLUSTER, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(CLUSTER), { recursive: true });
  fs.mkdirSync(CLUSTER, { mode: 0o700 });
  if (IS_ROOT) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    fs.chownSync(CLUSTER, uid, gid);
  }
  // --no-sync and fsync=off below: a test database need not survive a power cut.
  asPostgres('initdb', ['-D', CLUSTER, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
}

/** The port of a running cluster (line 4 of postmaster.pid), or null when it is not running. */
function runningPort() {
  try {
    asPostgres('pg_ctl', ['status', '-D', CLUSTER]);
  } catch {
    return null;
  }
  const pid = fs.readFileSync(path.join(CLUSTER, 'postmaster.pid'), 'utf8').split('\n');
  return Number(pid[3]);
}

// The cluster as this process uses it: its port, whether this process started it, and
// how many LRSs use it now.
let cluster = null;
const live = new Set();

async function acquireCluster() {
  if (!cluster) {
    ensureCluster();
    let port = runningPort();
    const ours = port === null;
    if (ours) {
      port = await freePort();
      // No Unix socket (Debian's default directory may not exist or be writable): TCP on
      // loopback only.
      const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      asPostgres('pg_ctl', ['start', '-D', CLUSTER, '-w', '-t', '30', '-l', path.join(CLUSTER, 'server.log'), '-o', options]);
      // Databases and working folders left by a run that ended before it could stop its
      // LRSs (nobody else uses a cluster this process has just started).
      const stale = pgClient('psql', port, ['-d', 'postgres', '-Atc', "SELECT datname FROM pg_database WHERE datname LIKE 'lrs\\_%'"]).split('\n').filter(Boolean);
      for (const db of stale) pgClient('psql', port, ['-d', 'postgres', '-c', `DROP DATABASE "${db}" WITH (FORCE)`]);
      if (!process.env.TERE_LRS_KEEP) fs.rmSync(path.join(HOME, 'run'), { recursive: true, force: true });
    }
    cluster = { port, ours, users: 0 };
  }
  cluster.users += 1;
  return cluster;
}

function releaseCluster() {
  if (!cluster) return;
  cluster.users -= 1;
  if (cluster.users > 0) return;
  const { ours } = cluster;
  cluster = null;
  if (ours) asPostgres('pg_ctl', ['stop', '-D', CLUSTER, '-m', 'fast', '-w']);
}

// Whatever is still running when the process ends (a test that failed before stop()).
function cleanUpAtExit() {
  for (const lrs of live) lrs.kill();
  live.clear();
  if (cluster?.ours) {
    try {
      asPostgres('pg_ctl', ['stop', '-D', CLUSTER, '-m', 'immediate', '-w']);
    } catch { /* already stopped */ }
  }
  cluster = null;
}
process.on('exit', cleanUpAtExit);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanUpAtExit();
    process.exit(128 + os.constants.signals[signal]);
  });
}

/**
 * The CORS front: what a web server in front of a production LRS does for a page on
 * another origin. It answers preflights itself and forwards every other request as it
 * came (method, path, raw headers, body bytes), adding only the CORS headers to
 * xapi-rs's response. `seen` records what reached it, preflights included.
 */
async function corsFront(target, seen) {
  const server = http.createServer((req, res) => {
    const cors = ['Access-Control-Allow-Origin', req.headers.origin ?? '*', 'Access-Control-Expose-Headers', EXPOSED, 'Vary', 'Origin'];
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body: '', status: 204, preflight: true });
      res.writeHead(204, [...cors,
        'Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, DELETE, OPTIONS',
        'Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '',
        'Access-Control-Max-Age', '600']);
      return res.end();
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const entry = { method: req.method, url: req.url, headers: req.headers, body: body.toString('utf8'), status: null };
      seen.push(entry);
      const upstream = http.request({ host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.rawHeaders }, (up) => {
        entry.status = up.statusCode;
        // xapi-rs sends no CORS header of its own, so appending cannot duplicate one.
        res.writeHead(up.statusCode, up.statusMessage, [...up.rawHeaders, ...cors]);
        up.pipe(res);
      });
      upstream.on('error', (e) => {
        entry.status = 502;
        res.writeHead(502, cors).end(String(e));
      });
      upstream.end(body);
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  server.unref();
  return server;
}

const env = (values) => Object.entries(values).map(([k, v]) => `${k}="${v}"`).join('\n') + '\n';

/**
 * Starts a fresh, empty LRS. `cors`: put the CORS front before it, so that `endpoint`
 * works from a page on another origin. `pageLength`: statements per page of a GET
 * before a `more` link (xapi-rs's default is 20). `settings`: other .env entries of
 * xapi-rs (RUST_LOG, say), over these.
 */
export async function startLrs({ cors = false, pageLength = 20, settings = {} } = {}) {
  if (!fs.existsSync(XAPI_RS)) throw new Error(`${XAPI_RS} is missing (cargo xtask setup installs it)`);
  const started = Date.now();
  // Milliseconds each part of the start took (the cluster's includes initdb the first time).
  const timings = {};
  const lap = (part) => { timings[part] = Date.now() - started - Object.values(timings).reduce((a, b) => a + b, 0); };
  const { port: pgPort } = await acquireCluster();
  lap('cluster');
  const name = `lrs_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  let child = null;
  let front = null;
  const dir = path.join(HOME, 'run', name);
  try {
    pgClient('createdb', pgPort, [name]);
    lap('database');
    const port = await freePort();
    const seen = [];
    front = cors ? await corsFront(port, seen) : null;
    const direct = `http://127.0.0.1:${port}/`;
    const endpoint = front ? `http://127.0.0.1:${front.address().port}/` : direct;

    // xapi-rs reads its settings from .env and Rocket.toml in its working directory and
    // writes its log file into logs/ there.
    fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.env'), env({
      DB_SERVER_URL: `postgresql://postgres@127.0.0.1:${pgPort}`,
      DB_NAME: name,
      DB_MAX_CONNECTIONS: 8,
      DB_MIN_CONNECTIONS: 1,
      // A request that waits longer for a connection fails rather than stalls a test.
      DB_ACQUIRE_TIMEOUT_SECS: 3,
      DB_STATEMENTS_PAGE_LEN: pageLength,
      LRS_HOST: '127.0.0.1',
      LRS_PORT: port,
      // Legacy mode: no user accounts; any or no Authorization header is let through.
      LRS_MODE: 'legacy',
      LRS_ROOT_EMAIL: 'root@lrs.test',
      // The base of the `more` links it hands out: what the client sees.
      LRS_EXTERNAL_URL: endpoint,
      EXT_DEFAULT_LANGUAGE: 'en',
      RUST_LOG: 'warn',
      ...settings,
    }));
    fs.writeFileSync(path.join(dir, 'Rocket.toml'), [
      '[default]', 'address = "127.0.0.1"', `port = ${port}`, 'ident = "LaRS"', 'cli_colors = false',
      `secret_key = "${crypto.randomBytes(32).toString('base64')}"`,
      '[default.limits]', 'json = "2 MiB"', 'forms = "2 MiB"', '"file/multipart" = "10 MiB"',
      '[release]', 'workers = 4', 'keep_alive = 5', 'log_level = "critical"',
      // On SIGTERM, a second for open connections to finish (Rocket's default is five).
      '[release.shutdown]', 'grace = 1', 'mercy = 0', '',
    ].join('\n'));

    const output = [];
    // xapi-rs takes its "home" from CARGO_MANIFEST_DIR at run time: it keeps attachments
    // and temporary statement files in static/ there and empties static/s when it stops.
    // Its own folder per server, so that servers never share or delete each other's
    // files (its migrations are compiled into the binary).
    child = spawn(XAPI_RS, [], { cwd: dir, env: { ...process.env, CARGO_MANIFEST_DIR: dir, ROCKET_PROFILE: 'release', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (c) => output.push(c.toString()));
      stream.unref();
    }
    child.unref();
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    let gone = null;
    exited.then((x) => { gone = x; });

    // Ready when GET /about answers (after it has applied its migrations).
    const alive = () => {
      if (gone) throw new Error(`xapi-rs exited (${JSON.stringify(gone)}) before it was ready:\n${output.join('')}`);
      if (Date.now() - started > 60_000) throw new Error(`xapi-rs was not ready within a minute:\n${output.join('')}`);
    };
    for (;;) {
      alive();
      try {
        const r = await fetch(`${direct}about`, { headers: { 'X-Experience-API-Version': XAPI_VERSION } });
        if (r.ok) break;
      } catch { /* not listening yet */ }
      await new Promise((ok) => setTimeout(ok, 100));
    }
    lap('server');
    // Then warmed up. Now and then (about one start in 50 here) xapi-rs's first use of
    // its database connection pool hangs until DB_ACQUIRE_TIMEOUT_SECS and fails (500,
    // or 400 from the document resources): it applies its migrations on a second Tokio
    // runtime that it then drops, and a connection it used there can sit in the pool.
    // Once that one has been tried, the pool works. So requests that go through the
    // pool, each given a second, until a run of them succeeds: the stuck one is spent
    // here, not on a test.
    for (let good = 0; good < 8;) {
      alive();
      try {
        const r = await fetch(`${direct}statements?limit=1`, { headers: { 'X-Experience-API-Version': XAPI_VERSION, 'Accept-Language': 'en' }, signal: AbortSignal.timeout(1000) });
        good = r.ok ? good + 1 : 0;
      } catch {
        good = 0;
      }
    }
    lap('warmup');

    let stopped = false;
    const lrs = {
      kill: () => { if (!gone) child.kill('SIGKILL'); },
    };
    live.add(lrs);
    return makeClient({
      endpoint,
      direct,
      seen,
      pid: child.pid,
      startedIn: Date.now() - started,
      timings,
      // What xapi-rs printed (its errors say why it refused a request; the 400 body does not).
      log: () => output.join('').replace(/\x1b\[[0-9;]*m/g, ''),
      async stop() {
        if (stopped) return;
        stopped = true;
        live.delete(lrs);
        if (!gone) {
          // Referenced again, so that the process waits for the exit it is told of.
          child.ref();
          child.kill('SIGTERM');
          // Rocket stops gracefully on SIGTERM (its shutdown settings below); one that
          // does not is not waited for.
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        }
        // Keep-alive connections from a browser would hold close() open.
        front?.closeAllConnections();
        await new Promise((ok) => (front ? front.close(ok) : ok()));
        try {
          pgClient('psql', pgPort, ['-d', 'postgres', '-c', `DROP DATABASE "${name}" WITH (FORCE)`]);
        } finally {
          // TERE_LRS_KEEP=1 keeps the working folder, with xapi-rs's log file, for a post-mortem.
          if (!process.env.TERE_LRS_KEEP) fs.rmSync(dir, { recursive: true, force: true });
          releaseCluster();
        }
      },
    });
  } catch (e) {
    child?.kill('SIGKILL');
    front?.close();
    releaseCluster();
    throw e;
  }
}

/** The helpers a test reads and writes the LRS with, over plain fetch to xapi-rs itself. */
function makeClient(lrs) {
  const { direct } = lrs;
  // Accept-Language as a browser sends it: Node's `*` makes xapi-rs log an error each time.
  const headers = (extra = {}) => ({ 'X-Experience-API-Version': XAPI_VERSION, 'Accept-Language': 'en', ...extra });
  const query = (params = {}) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
      if (v === undefined || v === null) continue;
      q.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
    }
    const s = q.toString();
    return s ? `?${s}` : '';
  };

  /** Any request: status, headers and body (parsed when JSON). */
  async function request(method, resource, { params, body, headers: extra } = {}) {
    const init = { method, headers: headers(extra) };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      if (!init.headers['Content-Type']) init.headers['Content-Type'] = 'application/json';
    }
    const r = await fetch(new URL(resource.replace(/^\//, '') + query(params), direct), init);
    const text = await r.text();
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch { json = undefined; }
    return { status: r.status, headers: Object.fromEntries(r.headers), text, json };
  }

  /** The precondition that lets a PUT make or replace the document at `params`. */
  async function precondition(resource, params) {
    const r = await request('GET', resource, { params });
    return r.status === 404 ? { 'If-None-Match': '*' } : { 'If-Match': ok(r, `GET ${resource}`).headers.etag };
  }

  const ok = (r, what) => {
    if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text}`);
    return r;
  };

  return {
    ...lrs,
    request,

    /** Stores statements (one or an array) by POST; returns their ids. */
    async postStatements(statements) {
      return ok(await request('POST', 'statements', { body: statements }), 'POST statements').json;
    },

    /** One statement by id, or null. */
    async statement(statementId) {
      const r = await request('GET', 'statements', { params: { statementId } });
      return r.status === 404 ? null : ok(r, 'GET statement').json;
    },

    /**
     * Every statement matching `params` (the xAPI query: registration, activity, verb,
     * agent (an object), related_activities, related_agents, since, until, ascending,
     * format), all pages: the `more` links are followed to the end.
     */
    async statements(params = {}) {
      const all = [];
      let r = ok(await request('GET', 'statements', { params }), 'GET statements');
      for (;;) {
        all.push(...r.json.statements);
        if (!r.json.more) return all;
        // A `more` link is absolute or relative to the LRS's external URL; only its
        // path and query matter here, asked of xapi-rs itself.
        const more = new URL(r.json.more, lrs.endpoint);
        r = ok(await request('GET', more.pathname + more.search), 'GET more');
      }
    },

    /** An activity state document (parsed JSON when it is JSON), or null when there is none. */
    async stateDocument({ activityId, agent, registration, stateId }) {
      const r = await request('GET', 'activities/state', { params: { activityId, agent, registration, stateId } });
      return r.status === 404 ? null : ok(r, 'GET state').json ?? r.text;
    },

    /**
     * Writes an activity state document (as the cmi5 LMS writes `LMS.LaunchData`):
     * JSON, or a string with its content type. Made or replaced: xapi-rs refuses a PUT
     * over an existing document without a precondition (409), so this one asks with
     * the document's ETag, or with If-None-Match: * when there is none yet.
     */
    async putState({ activityId, agent, registration, stateId }, document, contentType = 'application/json') {
      const params = { activityId, agent, registration, stateId };
      ok(await request('PUT', 'activities/state', { params, body: document, headers: { 'Content-Type': contentType, ...(await precondition('activities/state', params)) } }), 'PUT state');
    },

    /** An agent profile document, or null. */
    async agentProfile(agent, profileId) {
      const r = await request('GET', 'agents/profile', { params: { agent, profileId } });
      return r.status === 404 ? null : ok(r, 'GET agent profile').json ?? r.text;
    },

    /** Writes an agent profile document (cmi5: `cmi5LearnerPreferences`), made or replaced as putState. */
    async putAgentProfile(agent, profileId, document) {
      const params = { agent, profileId };
      ok(await request('PUT', 'agents/profile', { params, body: document, headers: await precondition('agents/profile', params) }), 'PUT agent profile');
    },
  };
}

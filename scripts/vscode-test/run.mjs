#!/usr/bin/env node
// Runs an extension's mocha integration suite inside a real VS Code extension host, offline:
// code-server 4.100.3 (installed by ./install.sh into .vscode-test/) serves VS Code, Debian's
// headless chromium (driven by playwright-core) opens it with the extension-development and
// extension-tests paths, and the workbench reports the suite's console output and exit code
// back through two hooks it looks for on `window` (codeAutomationLog / codeAutomationExit).
//
// usage: node scripts/vscode-test/run.mjs --extension DIR --tests DIR --workspace DIR
//                                         [--copy-workspace] [--timeout SECONDS] [--verbose]
//
// Screenshots (only when asked: VERBATIM_SCREENSHOTS=DIR): the suite runs in the extension host,
// a Node process that cannot reach functions exposed on the browser page, but its console lines
// arrive here. A line `[screenshot] NAME` makes the runner capture the page to DIR/NAME.png (after
// a short pause so hovers and menus finish drawing); the suite waits for that file to appear.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEST = path.join(ROOT, '.vscode-test');
const ENTRY = path.join(DEST, 'code-server/node_modules/code-server/out/node/entry.js');
const PW = path.join(DEST, 'playwright/node_modules/playwright-core');
const CHROMIUM = process.env.VSCODE_TEST_CHROMIUM || '/usr/bin/chromium';

// Lines the workbench itself logs during start-up (not from the extension host), including
// its failed extension-gallery look-up (offline).
const WORKBENCH_NOISE = new RegExp('^(Resolving connection token|Resolved connection token|' +
  'Creating a socket|Updating additional builtin extensions cache|\\[Service Worker\\]|' +
  'ChatSessionStore:|getaddrinfo ENOTFOUND open-vsx\\.org)');

const log = (msg) => process.stderr.write(`[vscode-test] ${msg}\n`);
const SCREENSHOTS = process.env.VERBATIM_SCREENSHOTS ? path.resolve(process.env.VERBATIM_SCREENSHOTS) : undefined;
const SCREENSHOT_LINE = /^\[screenshot\] ([\w.-]+)$/;
const SCREENSHOT_PAUSE_MS = 700;

// ---- arguments ---------------------------------------------------------------------------
function parseArgs(argv) {
  const opts = { timeout: 300, copyWorkspace: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--extension') opts.extension = path.resolve(val());
    else if (a === '--tests') opts.tests = path.resolve(val());
    else if (a === '--workspace') opts.workspace = path.resolve(val());
    else if (a === '--timeout') opts.timeout = Number(val());
    else if (a === '--copy-workspace') opts.copyWorkspace = true;
    else if (a === '--verbose') opts.verbose = true;
    else throw new Error(`unknown argument ${a}`);
  }
  for (const k of ['extension', 'tests', 'workspace']) {
    if (!opts[k]) throw new Error(`--${k} is required`);
    if (!fs.statSync(opts[k], { throwIfNoEntry: false })?.isDirectory())
      throw new Error(`--${k} ${opts[k]} is not a folder`);
  }
  if (!(opts.timeout > 0)) throw new Error('--timeout must be a positive number of seconds');
  return opts;
}

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  log(`error: ${e.message}`);
  log('usage: node scripts/vscode-test/run.mjs --extension DIR --tests DIR --workspace DIR ' +
      '[--copy-workspace] [--timeout SECONDS] [--verbose]');
  process.exit(2);
}
for (const [what, p] of [['code-server', ENTRY], ['playwright-core', PW], ['chromium', CHROMIUM]]) {
  if (!fs.existsSync(p)) {
    log(`error: ${what} not found at ${p}; run scripts/vscode-test/install.sh first`);
    process.exit(2);
  }
}
const { chromium } = createRequire(import.meta.url)(PW);

// ---- helpers -----------------------------------------------------------------------------
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Captures the page to SCREENSHOTS/NAME.png; written under a temporary name, then renamed, so the suite never sees half a file. */
async function takeScreenshot(page, name) {
  try {
    await new Promise((r) => setTimeout(r, SCREENSHOT_PAUSE_MS));
    const file = path.join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path: `${file}.part`, type: 'png' });
    fs.renameSync(`${file}.part`, file);
    log(`screenshot ${path.relative(process.cwd(), file)}`);
  } catch (e) {
    log(`error: screenshot ${name}: ${e.message}`);
  }
}

// ---- run ---------------------------------------------------------------------------------
const started = Date.now();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-test-'));
let server, browser, serverLog = '';
let exitCode = 1;
let finishing = false; // set once cleanup starts: the server's exit is expected from then on

async function cleanup() {
  finishing = true;
  await browser?.close().catch(() => {});
  // The server was started as a process-group leader: signalling the group ends it and its
  // extension hosts together. TERM first so it can clean up, then KILL whatever is left.
  if (server?.pid) {
    const group = (sig) => { try { process.kill(-server.pid, sig); } catch {} }; // ESRCH: gone
    group('SIGTERM');
    if (server.exitCode === null && server.signalCode === null)
      await new Promise((r) => { const t = setTimeout(r, 3000); server.once('exit', () => { clearTimeout(t); r(); }); });
    group('SIGKILL');
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

async function main() {
  let workspace = opts.workspace;
  if (opts.copyWorkspace) {
    // Tests may edit and save files: give them a throw-away copy, never the repo's files.
    workspace = path.join(tmp, 'workspace', path.basename(opts.workspace));
    fs.cpSync(opts.workspace, workspace, { recursive: true });
  }

  const port = await freePort();
  const env = { ...process.env };
  if (SCREENSHOTS) {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    env.VERBATIM_SCREENSHOTS = SCREENSHOTS; // absolute, so the suite looks where the runner writes
  }
  // code-server leaves sockets and state in TMPDIR / XDG dirs: keep them in our temp folder.
  for (const [k, d] of [['TMPDIR', 'tmp'], ['XDG_CONFIG_HOME', 'config'], ['XDG_DATA_HOME', 'data'],
                        ['XDG_CACHE_HOME', 'cache'], ['XDG_STATE_HOME', 'state'], ['XDG_RUNTIME_DIR', 'run']]) {
    env[k] = path.join(tmp, d);
    fs.mkdirSync(env[k], { recursive: true, mode: 0o700 });
  }
  fs.writeFileSync(path.join(tmp, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  server = spawn(process.execPath, [ENTRY,
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--config', path.join(tmp, 'config.yaml'),
    '--user-data-dir', path.join(tmp, 'user-data'),
    '--extensions-dir', path.join(tmp, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--disable-proxy', '--ignore-last-opened',
  ], { env, cwd: tmp, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });

  // Ready when it says so; its own log is kept and shown only with --verbose or on failure.
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      const s = chunk.toString();
      serverLog += s;
      if (opts.verbose) process.stderr.write(s.replace(/^(?=.)/gm, '[server] '));
      if (serverLog.includes('HTTP server listening on')) resolve();
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('exit', (code) => reject(new Error(`code-server exited early (code ${code})`)));
    server.once('error', reject);
  });
  log(`code-server up on 127.0.0.1:${port} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    // Our own SIGINT/SIGTERM handling cleans up; playwright's would exit before it does.
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage(SCREENSHOTS ? { viewport: { width: 1280, height: 760 } } : {});
  if (opts.verbose) page.on('console', (m) => process.stderr.write(`[browser] ${m.text()}\n`));

  let finish;
  const done = new Promise((resolve) => { finish = resolve; });
  // The workbench's automation logger: everything logged in the window arrives here as
  // (level, [format, ...args]), including the extension host's console (the mocha reporter),
  // which an extension-test run forwards to the window's log. Known workbench chatter is
  // dropped (shown with --verbose); warnings/errors go to stderr; stdout is the suite's output.
  await page.exposeFunction('codeAutomationLog', (level, message) => {
    const text = Array.isArray(message) ? format(...message) : String(message);
    const shot = SCREENSHOTS && SCREENSHOT_LINE.exec(text.trim());
    if (shot) return takeScreenshot(page, shot[1]);
    if (WORKBENCH_NOISE.test(text)) { if (opts.verbose) process.stderr.write(text + '\n'); }
    else if (level === 'error' || level === 'warn') process.stderr.write(text + '\n');
    else process.stdout.write(text + '\n');
  });
  // Called once the extension tests' run() settles: 0 if it resolved, non-zero if it rejected.
  await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
  page.on('crash', () => { log('error: the browser page crashed'); finish(1); });
  browser.on('disconnected', () => finish(1));
  server.once('exit', (code, sig) => {
    if (!finishing) { log(`error: code-server exited (${code ?? sig})`); finish(1); }
  });

  const authority = `127.0.0.1:${port}`;
  // Percent-encode each path segment so spaces, '#' or '?' in a folder name survive URI parsing.
  const remote = (p) => `vscode-remote://${authority}${p.split('/').map(encodeURIComponent).join('/')}`;
  const payload = [
    ['extensionDevelopmentPath', remote(opts.extension)],
    ['extensionTestsPath', remote(opts.tests)],
    ['skipWelcome', 'true'],
  ];
  const url = `http://${authority}/?folder=${encodeURIComponent(workspace)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  return done;
}

// Ctrl-C / CI cancellation: stop the same way, so the server and the temp folder go too.
const stopped = new Promise((resolve) => {
  for (const sig of ['SIGINT', 'SIGTERM'])
    process.once(sig, () => { log(`${sig}: stopping`); resolve(130); });
});

// The whole run has a time limit: a hung suite or extension host must not hang CI.
let timer;
const timeout = new Promise((resolve) => {
  timer = setTimeout(() => {
    log(`error: timed out after ${opts.timeout} s`);
    if (!opts.verbose) process.stderr.write(serverLog.slice(-4000));
    resolve(124);
  }, opts.timeout * 1000);
});

try {
  const run = main();
  run.catch(() => {}); // after a timeout or signal its late failure (browser closed under it) is expected
  exitCode = await Promise.race([run, timeout, stopped]);
  if (exitCode !== 124 && exitCode !== 130) log(`suite finished with exit code ${exitCode} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  log(`error: ${e?.stack || e}`);
  if (!opts.verbose) process.stderr.write(serverLog.slice(-4000));
  exitCode = 1;
}
clearTimeout(timer);
await cleanup();
process.exit(exitCode);

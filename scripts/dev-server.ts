/**
 * `npm start` / `npm stop`: the webpack dev server (https://localhost:3000, office-addin-dev-certs
 * certificates) in the background, for sideloading manifest.xml into Excel. The yo office template
 * does this through office-addin-debugging; this keeps to what the project has installed.
 *
 *   tsx scripts/dev-server.ts start   starts it (or says it is running), waits until it answers
 *   tsx scripts/dev-server.ts stop    stops the server this script started (by its process id)
 * `npm run dev-server` runs the same server in the foreground instead.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const STATE_DIR = join(ROOT, 'node_modules', '.cache', 'infosakkollen-dev-server');
const PID_FILE = join(STATE_DIR, 'pid');
const LOG_FILE = join(STATE_DIR, 'server.log');
const PORT = Number(process.env.PORT || 3000);
const URL = `https://localhost:${PORT}/taskpane.html`;
/** The first build plus certificate creation take 20–40 s on a small machine. */
const START_TIMEOUT_MS = 120_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function runningPid(): number | undefined {
  if (!existsSync(PID_FILE)) return undefined;
  const pid = Number(readFileSync(PID_FILE, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : undefined;
}

/** Resolves true when the pane answers over https (the dev certificate may be untrusted here). */
function answers(): Promise<boolean> {
  return new Promise((done) => {
    const req = request(URL, { method: 'HEAD', rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      done(res.statusCode === 200);
    });
    req.on('error', () => done(false));
    req.on('timeout', () => {
      req.destroy();
      done(false);
    });
    req.end();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function sideloadHelp(): string {
  return [
    `The task pane is served at ${URL}`,
    `Sideload ${join(ROOT, 'manifest.xml')}:`,
    '  Excel on the web: Infoga → Tillägg → Mina tillägg → Ladda upp mitt tillägg → manifest.xml',
    '  Excel desktop (Windows): share a folder holding manifest.xml, add it as a trusted catalog',
    '    (Arkiv → Alternativ → Säkerhetscenter → Betrodda tilläggskataloger), restart Excel, then',
    '    Infoga → Mina tillägg → Delad mapp. Excel for Mac: copy it to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/',
    'Then Start (Home) → Infosäkkollen. `npm stop` stops the server.',
  ].join('\n');
}

async function start(): Promise<number> {
  const running = runningPid();
  if (running) {
    console.log(`The dev server is already running (pid ${running}).\n${sideloadHelp()}`);
    return 0;
  }
  mkdirSync(STATE_DIR, { recursive: true });
  const log = openSync(LOG_FILE, 'w');
  const child = spawn(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, PORT: String(PORT) },
  });
  closeSync(log);
  if (!child.pid) throw new Error('could not start webpack serve');
  writeFileSync(PID_FILE, String(child.pid));
  child.unref();
  console.log(`Starting the dev server (pid ${child.pid}; log: ${LOG_FILE}) …`);

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!alive(child.pid)) {
      console.error(`The dev server stopped. Last lines of ${LOG_FILE}:\n${readFileSync(LOG_FILE, 'utf8').split('\n').slice(-20).join('\n')}`);
      rmSync(PID_FILE, { force: true });
      return 1;
    }
    if (await answers()) {
      console.log(sideloadHelp());
      return 0;
    }
    await sleep(1000);
  }
  console.error(`The dev server did not answer within ${START_TIMEOUT_MS / 1000} s; see ${LOG_FILE}.`);
  return 1;
}

function stop(): number {
  const pid = runningPid();
  if (!pid) {
    rmSync(PID_FILE, { force: true });
    console.log('No dev server started by `npm start` is running.');
    return 0;
  }
  // The server was started detached, so it leads its own process group: end exactly that group.
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    process.kill(pid, 'SIGTERM');
  }
  rmSync(PID_FILE, { force: true });
  console.log(`Stopped the dev server (pid ${pid}).`);
  return 0;
}

const command = process.argv[2];
if (command === 'start') {
  start().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
} else if (command === 'stop') {
  process.exitCode = stop();
} else {
  console.error('usage: tsx scripts/dev-server.ts start|stop');
  process.exitCode = 2;
}

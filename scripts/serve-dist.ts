/**
 * A small static server for a built task pane (dist/ by default): what the e2e test drives, and a
 * way to try a production build locally. http on 127.0.0.1, or https with the office-addin-dev-certs
 * certificate when asked (as Excel requires for sideloading).
 *
 *   tsx scripts/serve-dist.ts [--dir dist] [--port 3000] [--https] [--base /addin/]
 *
 * --base serves the folder under that path only, as a host the manifest was built for
 * (BASE_URL=https://host/addin/) would; everything else is 404.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { homedir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServeOptions {
  readonly dir: string;
  /** 0 = a free port */
  readonly port?: number;
  readonly https?: boolean;
  /** The path the folder is served under, e.g. "/addin/" (default "/"). */
  readonly basePath?: string;
  /** Called for every request (the e2e test lists what the page fetched). */
  readonly onRequest?: (path: string, status: number) => void;
}

export interface Served {
  /** Origin plus the base path without its closing slash, e.g. http://127.0.0.1:41234/addin */
  readonly url: string;
  close(): Promise<void>;
}

/** office-addin-dev-certs' files (created by `npx office-addin-dev-certs install` or `npm start`). */
function devCertificate(): { cert: Buffer; key: Buffer } | undefined {
  const dir = join(homedir(), '.office-addin-dev-certs');
  const cert = join(dir, 'localhost.crt');
  const key = join(dir, 'localhost.key');
  return existsSync(cert) && existsSync(key) ? { cert: readFileSync(cert), key: readFileSync(key) } : undefined;
}

export function serveDist(options: ServeOptions): Promise<Served> {
  const root = resolve(options.dir);
  if (!existsSync(join(root, 'taskpane.html'))) throw new Error(`${root}/taskpane.html not found: build the pane first`);
  const basePath = `/${(options.basePath ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void => {
      options.onRequest?.(req.url ?? '', status);
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed');
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return send(400, 'Bad request');
    }
    if (!path.startsWith(basePath)) return send(404, 'Not found');
    path = `/${path.slice(basePath.length)}`;
    if (path === '/') path = '/taskpane.html';
    const file = normalize(join(root, path));
    // No way out of the served folder.
    if (file !== root && !file.startsWith(root + sep)) return send(403, 'Forbidden');
    if (!existsSync(file) || !statSync(file).isFile()) return send(404, 'Not found');
    send(200, readFileSync(file), TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
  };

  let server: Server;
  if (options.https) {
    const certificate = devCertificate();
    if (!certificate) throw new Error('No office-addin-dev-certs certificate: run `npx office-addin-dev-certs install` first');
    server = createHttps(certificate, handle);
  } else {
    server = createHttp(handle);
  }
  return new Promise((resolveServed, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.https ? 'localhost' : '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      const host = options.https ? 'localhost' : '127.0.0.1';
      resolveServed({
        url: `${options.https ? 'https' : 'http'}://${host}:${port}${basePath.replace(/\/$/, '')}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

function arg(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: readonly string[]): Promise<void> {
  const served = await serveDist({
    dir: arg(argv, '--dir') ?? 'dist',
    port: Number(arg(argv, '--port') ?? 3000),
    https: argv.includes('--https'),
    basePath: arg(argv, '--base'),
  });
  console.log(`Serving ${arg(argv, '--dir') ?? 'dist'} at ${served.url}/taskpane.html (Ctrl+C stops)`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}

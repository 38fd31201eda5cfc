/**
 * A small static file server for the built site: serves `root` under the `base` path, answers
 * missing pages with the site's 404 page, compresses text with gzip as static hosts do, and
 * binds to loopback only.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Types sent gzipped to a client that accepts it (the others are binary or compressed). */
const COMPRESSED = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.xml',
  '.atom',
  '.csv',
  '.svg',
  '.txt',
]);

export interface StaticServer {
  server: Server;
  /** Origin plus base path, ending in `/`: `http://127.0.0.1:4321/docs/`. */
  url: string;
  close(): Promise<void>;
}

async function fileFor(root: string, rel: string): Promise<string | undefined> {
  const path = normalize(join(root, rel));
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  const s = await stat(path).catch(() => undefined);
  if (s?.isFile()) return path;
  if (s?.isDirectory()) {
    const index = join(path, 'index.html');
    if ((await stat(index).catch(() => undefined))?.isFile()) return index;
  }
  return undefined;
}

/** Starts serving; `port` 0 picks a free port. */
export function startStaticServer({
  root,
  base = '/',
  port = 0,
  host = '127.0.0.1',
}: {
  root: string;
  base?: string;
  port?: number;
  host?: string;
}): Promise<StaticServer> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const absRoot = normalize(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    if (`${pathname}/` === prefix) {
      res.writeHead(301, { location: prefix }).end();
      return;
    }
    const file = pathname.startsWith(prefix)
      ? await fileFor(absRoot, pathname.slice(prefix.length))
      : undefined;
    if (file && !pathname.endsWith('/') && file.endsWith(`${sep}index.html`)) {
      res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const target = file ?? (await fileFor(absRoot, '404.html'));
    if (!target) {
      res.writeHead(404, { 'content-type': TYPES['.txt']! }).end('Not found');
      return;
    }
    const gzip =
      COMPRESSED.has(extname(target)) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
    res.writeHead(file ? 200 : 404, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    const body = createReadStream(target);
    if (gzip) body.pipe(createGzip()).pipe(res);
    else body.pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        server,
        url: `http://${host}:${actual}${prefix}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

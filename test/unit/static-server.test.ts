import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';

/** A raw GET: the headers and body bytes as sent, not decoded. */
function raw(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      }).on('error', reject);
    },
  );
}

describe('startStaticServer', () => {
  const root = mkdtempSync(join(tmpdir(), 'mce-serve-'));
  const page = '<!doctype html><title>x</title>' + '<p>a page of text</p>'.repeat(200);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
  let server: StaticServer;

  beforeAll(async () => {
    mkdirSync(join(root, 'controls', '1.1'), { recursive: true });
    writeFileSync(join(root, 'controls', '1.1', 'index.html'), page);
    writeFileSync(join(root, '404.html'), 'missing');
    writeFileSync(join(root, 'icon.png'), png);
    server = await startStaticServer({ root });
  });
  afterAll(() => server.close());

  it('sends text gzipped to a client that accepts gzip, and plain to one that does not', async () => {
    const zipped = await raw(`${server.url}controls/1.1/`, { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(Buffer.byteLength(page));
    expect(gunzipSync(zipped.body).toString()).toBe(page);
    const plain = await raw(`${server.url}controls/1.1/`);
    expect(plain.headers['content-encoding']).toBe(undefined);
    expect(plain.body.toString()).toBe(page);
  });

  it('sends binary files as they are, and missing pages as the 404 page', async () => {
    const image = await raw(`${server.url}icon.png`, { 'accept-encoding': 'gzip' });
    expect(image.headers['content-encoding']).toBe(undefined);
    expect(image.body.equals(png)).toBe(true);
    const missing = await raw(`${server.url}nowhere/`, { 'accept-encoding': 'gzip' });
    expect(missing.status).toBe(404);
    expect(gunzipSync(missing.body).toString()).toBe('missing');
  });
});

/**
 * Share links: the export document, deflated (CompressionStream 'deflate-raw') and base64url
 * encoded into the URL fragment (`#share=…`), which browsers never send to a server.
 */
import { MAX_IMPORT_BYTES, type ExportDoc } from './types.ts';

/** Fragment prefix of a share link. */
export const SHARE_PREFIX = '#share=';

/**
 * Longest share link sent without a warning, in characters: RFC 9110 (section 4.1) asks
 * software to support URIs of at least 8,000 octets; chat and mail apps may cut longer ones.
 */
export const SHARE_WARN_CHARS = 8_000;
/** Longest URL Chromium opens (2 MiB of characters); a longer share link is not offered. */
export const SHARE_MAX_CHARS = 2 * 1024 * 1024;

/** Whether a share link of `length` characters is fine, risky, or too long to open. */
export function shareLinkFit(length: number): 'ok' | 'long' | 'too-long' {
  if (length > SHARE_MAX_CHARS) return 'too-long';
  return length > SHARE_WARN_CHARS ? 'long' : 'ok';
}

function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new ShareError('bad-link');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  let binary: string;
  try {
    binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  } catch {
    throw new ShareError('bad-link');
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** A share link that cannot be read: damaged, or larger than an import may be. */
export class ShareError extends Error {
  readonly code: 'bad-link' | 'too-large';
  constructor(code: 'bad-link' | 'too-large') {
    super(code);
    this.code = code;
  }
}

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    // Stop early: a small link must not inflate into an unbounded amount of memory.
    if (size > limit) {
      await reader.cancel();
      throw new ShareError('too-large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The fragment value (after `#share=`) for an export document. */
export async function encodeShare(doc: ExportDoc): Promise<string> {
  const bytes: Uint8Array<ArrayBuffer> = new TextEncoder().encode(JSON.stringify(doc));
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64url(await readAll(stream, Infinity));
}

/**
 * The JSON text of a share link's fragment value, at most `maxBytes` long (see
 * `maxExportBytes`); throws `ShareError`.
 */
export async function decodeShare(value: string, maxBytes = MAX_IMPORT_BYTES): Promise<string> {
  const bytes = fromBase64url(value);
  if (bytes.length > maxBytes) throw new ShareError('too-large');
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  let raw: Uint8Array;
  try {
    raw = await readAll(stream, maxBytes);
  } catch (e) {
    throw e instanceof ShareError ? e : new ShareError('bad-link');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new ShareError('bad-link');
  }
}

/** The fragment value of a share link, if `hash` is one. */
export function shareValue(hash: string): string | undefined {
  return hash.startsWith(SHARE_PREFIX) ? hash.slice(SHARE_PREFIX.length) : undefined;
}

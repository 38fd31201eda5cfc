/**
 * The site's content security policy, applied to the built pages: every inline `<script>` and
 * `<style>` of a page is hashed (SHA-256) into that page's policy, so any inline script added
 * later (a no-flash theme script, say) is allowed without a hand-kept list, and nothing else
 * inline runs. Pagefind compiles WebAssembly, hence `'wasm-unsafe-eval'`; no `'unsafe-inline'`.
 *
 * The policy goes into each page as a `<meta http-equiv>`; hosts that read a `_headers` file
 * (Netlify, Cloudflare Pages) also send it as a header, with what only a header can carry.
 */
import { createHash } from 'node:crypto';

/** Hash sources of a page's inline scripts and styles, in the order they appear. */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

/** `'sha256-…'` of a text as the browser hashes it (its UTF-8 bytes). */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Script types a browser runs (the others, such as JSON data blocks, are never executed). */
const RUNNABLE = /^(|module|text\/javascript|application\/javascript)$/i;

const attr = (attrs: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);

/** The hashes of every inline script and style element in `html`. */
export function inlineHashes(html: string): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1]!;
    const type = attr(attrs, 'type');
    const typeValue = type ? (type[2] ?? type[3] ?? type[4] ?? '') : '';
    if (attr(attrs, 'src') || !RUNNABLE.test(typeValue.trim())) continue;
    scripts.add(hashSource(m[2]!));
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    styles.add(hashSource(m[1]!));
  }
  return { scripts: [...scripts], styles: [...styles] };
}

const MAYBE_INLINE_CODE = /\son[a-z]+\s*=|\sstyle\s*=|javascript:/i;

/**
 * What the policy cannot allow without `'unsafe-inline'` or `'unsafe-hashes'`: event-handler
 * and `style` attributes and `javascript:` URLs. The build stops on any of them.
 */
export function inlineAttributeProblems(html: string): string[] {
  // Each problem below matches this somewhere in the page, so a page without it has none:
  // one pass over the text instead of a look at every tag.
  if (!MAYBE_INLINE_CODE.test(html)) return [];
  const problems = new Set<string>();
  const markup = html.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi, '<$1$2>');
  for (const tag of markup.matchAll(/<[a-z][^\s>/]*\s[^>]*>/gi)) {
    const text = tag[0];
    const handler = /\s(on[a-z]+)\s*=/i.exec(text);
    if (handler) problems.add(`an inline event handler (${handler[1]})`);
    if (/\sstyle\s*=/i.test(text)) problems.add('a style attribute');
    if (/\s(href|src|action|formaction)\s*=\s*["']?\s*javascript:/i.test(text)) {
      problems.add('a javascript: URL');
    }
  }
  return [...problems];
}

/**
 * Directives of the policy, with the hashes a page (or the whole site) needs. Styles, images,
 * fonts, fetches and workers fall back to `default-src 'self'` (workers through `script-src`,
 * which also allows the site's own files), so `style-src` is written only for inline styles
 * to hash: every page carries the policy, and each directive it need not name is bytes saved.
 */
function directives(h: InlineHashes): string[] {
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...h.scripts].join(' '),
    ...(h.styles.length > 0 ? [["style-src 'self'", ...h.styles].join(' ')] : []),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ];
}

/** The policy of one page, for its `<meta http-equiv>`. */
export function pagePolicy(h: InlineHashes): string {
  return directives(h).join('; ');
}

/**
 * The policy as a header, for every page at once: the hashes of all pages, plus
 * `frame-ancestors 'none'`, which browsers ignore in a meta tag, so no other site can frame
 * the pages and press their buttons for the reader.
 */
export function headerPolicy(all: InlineHashes[]): string {
  const merged: InlineHashes = {
    scripts: [...new Set(all.flatMap((h) => h.scripts))].sort(),
    styles: [...new Set(all.flatMap((h) => h.styles))].sort(),
  };
  return [...directives(merged), "frame-ancestors 'none'"].join('; ');
}

/** The `<meta http-equiv>` element that carries `policy` in a page. */
export function policyMeta(policy: string): string {
  return `<meta http-equiv="content-security-policy" content="${policy.replace(/"/g, '&quot;')}">`;
}

const POLICY_META = /<meta http-equiv="content-security-policy" content="[^"]*">/;

/**
 * `html` with `policy` in it: the page's policy element replaced when it holds another policy,
 * or put in as the first element after `<meta charset>` (or `<head>`); the same text when the
 * page has that policy already.
 */
export function withPolicyMeta(html: string, policy: string): string {
  const meta = policyMeta(policy);
  const present = POLICY_META.exec(html);
  if (present) {
    if (present[0] === meta) return html;
    return html.slice(0, present.index) + meta + html.slice(present.index + present[0].length);
  }
  const charset = /<meta\s+charset\s*=\s*["']?utf-8["']?\s*\/?>/i.exec(html);
  if (charset) {
    const at = charset.index + charset[0].length;
    return html.slice(0, at) + meta + html.slice(at);
  }
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error('no <head> to put the content security policy in');
  const at = head.index + head[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

/** A `_headers` file (Netlify and Cloudflare Pages format) sending `policy` with every file. */
export function headersFile(policy: string): string {
  return [
    '/*',
    `  Content-Security-Policy: ${policy}`,
    '  X-Frame-Options: DENY',
    '  Referrer-Policy: no-referrer',
    '  X-Content-Type-Options: nosniff',
    '',
  ].join('\n');
}

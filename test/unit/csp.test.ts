import { describe, expect, it } from 'vitest';
import {
  headerPolicy,
  headersFile,
  inlineAttributeProblems,
  inlineHashes,
  pagePolicy,
  withPolicyMeta,
} from '../../src/lib/csp.ts';
import { browserHashSource as expected } from '../support/site-folder.ts';

const page = (head: string, body = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

describe('inline hashes', () => {
  it('hashes every inline script and style exactly as written, and nothing else', async () => {
    const script = 'document.documentElement.dataset.theme = "dark"; // <b>';
    const module = 'import "./a.js";\n';
    const style = '.x { display: none !important; }\n  ';
    const html = page(
      `<script is:inline>${script}</script><script type="module">${module}</script>` +
        `<script type="module" src="/_astro/a.js"></script>` +
        `<script type="application/json">{"a":1}</script>`,
      `<noscript><style>${style}</style></noscript><p>日本語</p>`,
    );
    expect(inlineHashes(html)).toEqual({
      scripts: [await expected(script), await expected(module)],
      styles: [await expected(style)],
    });
  });

  it('hashes Japanese text as its UTF-8 bytes', async () => {
    const script = 'console.log("セルフチェック")';
    expect(inlineHashes(page(`<script>${script}</script>`)).scripts).toEqual([
      await expected(script),
    ]);
  });
});

describe('the policy', () => {
  const hashes = { scripts: ["'sha256-a'"], styles: ["'sha256-b'", "'sha256-c'"] };

  it('allows own files, hashed inline code and WebAssembly, and no unsafe-inline', () => {
    const p = pagePolicy(hashes);
    const directives = new Map(
      p.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)] as const),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-a'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'sha256-b'", "'sha256-c'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(directives.has('frame-ancestors')).toBe(false);
    // The rest fall back to default-src 'self'.
    expect([...directives.keys()].sort()).toEqual(
      ['base-uri', 'default-src', 'form-action', 'object-src', 'script-src', 'style-src'].sort(),
    );
    expect(p).not.toContain('unsafe-inline');
  });

  it('names style-src only for inline styles to hash (it falls back to default-src)', () => {
    const p = pagePolicy({ scripts: ["'sha256-a'"], styles: [] });
    expect(p).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-a'; object-src 'none'; base-uri 'none'; form-action 'self'",
    );
  });

  it('as a header, holds every page’s hashes and forbids framing', () => {
    const other = { scripts: ["'sha256-z'"], styles: ["'sha256-b'"] };
    const p = headerPolicy([hashes, other]);
    expect(p).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-z';");
    expect(p).toContain("style-src 'self' 'sha256-b' 'sha256-c';");
    expect(p.endsWith("; frame-ancestors 'none'")).toBe(true);
    expect(headersFile(p).split('\n')).toEqual([
      '/*',
      `  Content-Security-Policy: ${p}`,
      '  X-Frame-Options: DENY',
      '  Referrer-Policy: no-referrer',
      '  X-Content-Type-Options: nosniff',
      '',
    ]);
  });

  it('goes into the page before any script or style', () => {
    const html = page('<style>a{}</style><script>1</script>');
    const out = withPolicyMeta(html, "default-src 'self'");
    const meta = out.indexOf('<meta http-equiv="content-security-policy"');
    expect(meta).toBeGreaterThan(out.indexOf('<meta charset="utf-8">'));
    expect(meta).toBeLessThan(out.indexOf('<style>'));
    expect(out.replace(/<meta http-equiv="content-security-policy"[^>]*>/, '')).toBe(html);
  });

  it('leaves a page that has it already as it is, and replaces another policy', () => {
    const policy = "default-src 'self'; script-src 'self' 'sha256-a\"b'";
    const meta = `<meta http-equiv="content-security-policy" content="${policy.replace(/"/g, '&quot;')}">`;
    const html = page(meta);
    expect(withPolicyMeta(html, policy)).toBe(html);
    const other = withPolicyMeta(html, "default-src 'none'");
    expect(other.match(/http-equiv/g)).toHaveLength(1);
    expect(other).toBe(
      page(`<meta http-equiv="content-security-policy" content="default-src 'none'">`),
    );
  });
});

describe('inline code the policy cannot allow', () => {
  it.each([
    ['<button onclick="go()">x</button>', 'an inline event handler (onclick)'],
    ['<p style="color:red">x</p>', 'a style attribute'],
    ['<a href="javascript:alert(1)">x</a>', 'a javascript: URL'],
  ])('is found in %s', (body, problem) => {
    expect(inlineAttributeProblems(page('', body))).toEqual([problem]);
  });

  it('is not found in script text, attribute values or plain text', () => {
    const body =
      '<script>if (a <b && c> d) x.style = "y"; el.setAttribute("onclick", 1)</script>' +
      '<p title="one=two">styles=many, onion=3</p><input data-on="x">';
    expect(inlineAttributeProblems(page('', body))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { decodeEntities, scanPage, scanTags, staticImports } from '../../scripts/lib/html-scan.ts';

describe('scanTags', () => {
  it('reads attributes in every quoting style and decodes entities', () => {
    const [a] = scanTags(`<A HREF="/x/?a=1&amp;b=2" data-x='y' hidden title=t&#x41;>`);
    expect(a).toEqual({
      name: 'a',
      attrs: { href: '/x/?a=1&b=2', 'data-x': 'y', hidden: '', title: 'tA' },
    });
  });

  it('skips comments, end tags and the content of scripts and styles', () => {
    const tags = scanTags(
      `<!-- <a href="/commented/"> --><p>1 < 2</p><script>if (a<b) document.write('<a href="/js/">')</script><style>a[href]{}</style><b>`,
    );
    expect(tags.map((t) => t.name)).toEqual(['p', 'script', 'style', 'b']);
    expect(tags[1]!.text).toContain('\'<a href="/js/">\'');
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references and leaves unknown ones', () => {
    expect(decodeEntities('&lt;&#38;&#x3e;&unknown;')).toBe('<&>&unknown;');
  });
});

describe('scanPage', () => {
  const html = `<!doctype html><html><head>
    <link rel="stylesheet" href="/_astro/a.css"><link rel="preconnect" href="https://cdn.example">
    <link rel="modulepreload" href="/_astro/m.js"><link rel="canonical" href="https://site.example/x/">
    <script type="module" src="/_astro/p.js"></script><script type="application/ld+json">{"a":1}</script>
    <script>console.log(1)</script><script type="module">import"/_astro/i.js";</script><style>body{}</style></head>
    <body><h2 id="requirement">R</h2><a name="legacy"></a><a href="#requirement">r</a>
    <form action="/search/"></form><img src="/i.png" srcset="/i1.png 1x, /i2.png 2x">
    <meta http-equiv="refresh" content="0;url=/moved/"></body></html>`;
  const scan = scanPage(html);

  it('collects ids and named anchors', () => {
    expect([...scan.ids]).toEqual(['requirement', 'legacy']);
  });

  it('collects references from every URL attribute, but not resource hints', () => {
    expect(scan.references.map((r) => r.value)).toEqual([
      '/_astro/a.css',
      '/_astro/m.js',
      'https://site.example/x/',
      '/_astro/p.js',
      '/_astro/i.js',
      '#requirement',
      '/search/',
      '/i.png',
      '/i1.png',
      '/i2.png',
      '/moved/',
    ]);
  });

  it('separates start-up stylesheets, scripts and inline code; data blocks are not scripts', () => {
    expect(scan.stylesheets).toEqual(['/_astro/a.css']);
    expect(scan.scripts).toEqual(['/_astro/p.js', '/_astro/i.js']);
    expect(scan.modulePreloads).toEqual(['/_astro/m.js']);
    expect(scan.inlineScripts).toEqual(['console.log(1)', 'import"/_astro/i.js";']);
    expect(scan.inlineStyles).toEqual(['body{}']);
  });
});

describe('staticImports', () => {
  it('finds minified static imports and re-exports, not dynamic import()', () => {
    const js = `import{a as b}from"./chunk.js";import"./side.js";export*from'./re.js';const x=()=>import("./lazy.js");export{y as default};`;
    expect(staticImports(js)).toEqual(['./chunk.js', './side.js', './re.js']);
  });
});

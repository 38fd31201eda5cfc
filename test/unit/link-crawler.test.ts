import { describe, expect, it } from 'vitest';
import {
  budgetFor,
  crawl,
  cssUrls,
  decodeEntities,
  overBudget,
  pageType,
  pageWeight,
  resolveReference,
  scanPage,
  scanTags,
  sitemapLocs,
  staticImports,
  gzipSize,
  type Fetched,
} from '../../src/lib/site-check.ts';

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

describe('cssUrls and sitemapLocs', () => {
  it('reads url() references except data URLs', () => {
    expect(
      cssUrls(`a{background:url("/x.svg")}b{c:url(data:image/png;base64,AA)}d{e:url( y.png )}`),
    ).toEqual(['/x.svg', 'y.png']);
  });
  it('reads sitemap locations', () => {
    expect(
      sitemapLocs('<urlset><url><loc>https://s.example/a/?b=1&amp;c=2</loc></url></urlset>'),
    ).toEqual(['https://s.example/a/?b=1&c=2']);
  });
});

describe('resolveReference', () => {
  const page = 'http://127.0.0.1:9/base/controls/8.1.10/';
  it('resolves relative links and fragments against the page', () => {
    expect(resolveReference('#evidence-x%20y', page)).toEqual({
      internal: true,
      url: page,
      fragment: 'evidence-x y',
    });
    expect(resolveReference('../', page)).toMatchObject({
      url: 'http://127.0.0.1:9/base/controls/',
    });
  });
  it('maps the production origin onto the served one and ignores other origins', () => {
    expect(
      resolveReference('https://site.example/base/x/', page, {
        siteOrigins: ['https://site.example'],
      }),
    ).toEqual({ internal: true, url: 'http://127.0.0.1:9/base/x/', fragment: undefined });
    expect(resolveReference('https://aws.amazon.com/x/', page)).toEqual({ internal: false });
    expect(resolveReference('mailto:a@b.example', page)).toEqual({ internal: false });
  });
});

/** An in-memory site: path → [status, content type, body]. */
function site(files: Record<string, [number, string, string] | string>) {
  const origin = 'http://site.test';
  return async (url: string): Promise<Fetched> => {
    const path = new URL(url).pathname;
    const f = files[path];
    if (f === undefined) return { status: 404, contentType: 'text/html', body: '<p>Not found</p>' };
    if (typeof f === 'string') return { status: 200, contentType: 'text/html', body: f };
    const [status, contentType, body] = f;
    return {
      status,
      contentType,
      body,
      location: status === 301 ? `${origin}${path}/` : undefined,
    };
  };
}

describe('crawl', () => {
  it('passes a site whose links and anchors all resolve', async () => {
    const result = await crawl({
      root: 'http://site.test/',
      seeds: ['http://site.test/'],
      fetch: site({
        '/': '<a href="/a/#part">a</a><a href="https://elsewhere.example/">x</a><link rel="stylesheet" href="/s.css">',
        '/a/': '<h2 id="part">P</h2><a href="/">home</a><a href="#top">top</a>',
        '/s.css': [200, 'text/css', 'a{background:url(/i.svg)}'],
        '/i.svg': [200, 'image/svg+xml', '<svg/>'],
      }),
    });
    expect(result.problems).toEqual([]);
    expect(result.pages).toEqual(['http://site.test/', 'http://site.test/a/']);
  });

  it('reports a missing page, a missing anchor, a redirect and a missing stylesheet asset', async () => {
    const result = await crawl({
      root: 'http://site.test/',
      seeds: ['http://site.test/'],
      fetch: site({
        '/': '<a href="/gone/">g</a><a href="/a/#nope">n</a><a href="/dir">d</a><link rel="stylesheet" href="/s.css">',
        '/a/': '<h2 id="part">P</h2>',
        '/dir': [301, 'text/html', ''],
        '/s.css': [200, 'text/css', 'a{background:url(/missing.svg)}'],
      }),
    });
    expect(result.problems.map((p) => [p.page, p.link, p.problem])).toEqual([
      ['http://site.test/', '/gone/', 'answers 404'],
      ['http://site.test/', '/a/#nope', 'no element with id "nope" on http://site.test/a/'],
      [
        'http://site.test/',
        '/dir',
        'redirects (301) to http://site.test/dir/: link to the final URL',
      ],
      ['http://site.test/s.css', '/missing.svg', 'answers 404'],
    ]);
  });

  it('reports links that escape the base path, including canonical links on the production origin', async () => {
    const result = await crawl({
      root: 'http://site.test/docs/',
      seeds: ['http://site.test/docs/'],
      siteOrigins: ['https://prod.example'],
      fetch: site({
        '/docs/': '<a href="/controls/">c</a><link rel="canonical" href="https://prod.example/">',
        '/controls/': '<p>exists, but outside the base</p>',
      }),
    });
    expect(result.problems.map((p) => [p.link, p.problem])).toEqual([
      ['/controls/', 'outside the site root /docs/'],
      ['https://prod.example/', 'outside the site root /docs/'],
    ]);
  });

  it('follows sitemaps, checks the not-found page and fails on a missing seed', async () => {
    const result = await crawl({
      root: 'http://site.test/',
      seeds: ['http://site.test/sitemap.xml', 'http://site.test/ja/'],
      notFoundProbes: ['http://site.test/no/such/page/'],
      fetch: site({
        '/sitemap.xml': [
          200,
          'application/xml',
          '<urlset><url><loc>http://site.test/x/</loc></url></urlset>',
        ],
        '/x/': '<p>x</p>',
      }),
    });
    expect(result.problems.map((p) => [p.page, p.link, p.problem])).toEqual([
      ['(start)', 'http://site.test/ja/', 'answers 404'],
    ]);
    expect(result.pages).toEqual(['http://site.test/x/']);
  });
});

describe('pageType', () => {
  it('names variable segments and drops the language', () => {
    expect(pageType('/')).toBe('/');
    expect(pageType('/ja/')).toBe('/');
    expect(pageType('/controls/8.1.10/')).toBe('/controls/<id>/');
    expect(pageType('/ja/v/4.2/controls/audit-timing/')).toBe('/v/<version>/controls/<id>/');
    expect(pageType('/v/4.2.1/')).toBe('/v/<version>/');
    expect(pageType('/compare/4.2...4.2.1/')).toBe('/compare/<pair>/');
    expect(pageType('/self-check/')).toBe('/self-check/');
    expect(pageType('/404.html')).toBe('404');
    expect(pageType('/japan/')).toBe('/japan/');
  });
});

describe('pageWeight and budgets', () => {
  const files: Record<string, string> = {
    'http://s.test/_astro/a.css': 'body{color:red}',
    'http://s.test/_astro/p.js': 'import"./shared.js";const l=()=>import("./lazy.js");',
    'http://s.test/_astro/shared.js': 'export const s=1;'.repeat(50),
    'http://s.test/_astro/lazy.js': 'x'.repeat(100000),
  };
  const html = `<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/p.js"></script><script type="module" src="/_astro/gone.js"></script><script>let i=1</script>`;
  const w = pageWeight(html, 'http://s.test/controls/x/', (u) => files[u]);

  it('counts stylesheets, scripts and their static imports, not lazy imports', () => {
    expect(w.files).toEqual([
      'http://s.test/_astro/a.css',
      'http://s.test/_astro/p.js',
      'http://s.test/_astro/shared.js',
    ]);
    expect(w.missing).toEqual(['http://s.test/_astro/gone.js']);
    expect(w.css).toBe(gzipSize(files['http://s.test/_astro/a.css']!));
    expect(w.js).toBe(
      gzipSize(files['http://s.test/_astro/p.js']!) +
        gzipSize(files['http://s.test/_astro/shared.js']!) +
        gzipSize('let i=1'),
    );
    expect(w.total).toBe(w.html + w.css + w.js - gzipSize('let i=1'));
  });

  it('applies per-type budgets over the default and reports each excess', () => {
    const budgets = { default: { total: 100, js: 50 }, pages: { '/controls/<id>/': { js: 0.1 } } };
    expect(budgetFor(budgets, '/controls/<id>/')).toEqual({ total: 100, js: 0.1 });
    expect(overBudget(w, budgetFor(budgets, '/controls/<id>/'))).toEqual([
      expect.stringMatching(/^js \d+\.\d KB > 0\.1 KB$/),
    ]);
    expect(overBudget(w, budgetFor(budgets, '/'))).toEqual([]);
  });
});

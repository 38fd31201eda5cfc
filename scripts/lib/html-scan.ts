/**
 * An HTML scanner for checks on a built site: start tags with decoded attributes, the ids a
 * page declares, the URLs it references, and what it loads at start (stylesheets, scripts, their
 * static imports). Shared by the link crawler of the browser tests and page weight. Pure.
 */

/** A start tag: lowercase name, attributes (entities decoded), and raw text for script/style. */
export interface StartTag {
  name: string;
  attrs: Record<string, string>;
  /** Content of `<script>` and `<style>` elements. */
  text?: string;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes character references (numeric, and the named ones that occur in attributes). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Start tags of an HTML document in order, skipping comments, doctypes and end tags. */
export function scanTags(html: string): StartTag[] {
  const tags: StartTag[] = [];
  let i = 0;
  while ((i = html.indexOf('<', i)) !== -1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (!/[a-zA-Z]/.test(html[i + 1] ?? '')) {
      // End tag, doctype, processing instruction or a stray `<` in text.
      const end = /[/!?]/.test(html[i + 1] ?? '') ? html.indexOf('>', i) : i;
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    let j = i + 1;
    while (j < html.length && !/[\s/>]/.test(html[j]!)) j++;
    const name = html.slice(i + 1, j).toLowerCase();
    const attrs: Record<string, string> = {};
    for (;;) {
      while (j < html.length && /[\s/]/.test(html[j]!)) j++;
      if (j >= html.length || html[j] === '>') break;
      const nameStart = j;
      while (j < html.length && !/[\s/>=]/.test(html[j]!)) j++;
      const attr = html.slice(nameStart, j).toLowerCase();
      while (j < html.length && /\s/.test(html[j]!)) j++;
      let value = '';
      if (html[j] === '=') {
        j++;
        while (j < html.length && /\s/.test(html[j]!)) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          value = html.slice(j + 1, end === -1 ? html.length : end);
          j = end === -1 ? html.length : end + 1;
        } else {
          const start = j;
          while (j < html.length && !/[\s>]/.test(html[j]!)) j++;
          value = html.slice(start, j);
        }
      }
      if (!(attr in attrs)) attrs[attr] = decodeEntities(value);
    }
    i = j + 1;
    const tag: StartTag = { name, attrs };
    if (RAW_TEXT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      const end = close === -1 ? html.length : close;
      tag.text = html.slice(i, end);
      i = end;
    }
    tags.push(tag);
  }
  return tags;
}

/** A URL-valued attribute of an element: what the crawler follows. */
export interface Reference {
  /** `a[href]`, `link[href]`, `script[src]`… */
  via: string;
  /** The attribute value as written. */
  value: string;
}

/** What a page declares: anchor targets, references, and what it loads at start. */
export interface PageScan {
  /** Every `id`, and every `name` of an `<a>`: valid `#fragments` of the page. */
  ids: Set<string>;
  references: Reference[];
  /** `link[rel=stylesheet]` hrefs. */
  stylesheets: string[];
  /**
   * Scripts with `src` (`async` and `defer` ones too: all run at start) and the static imports
   * of inline modules.
   */
  scripts: string[];
  /** `link[rel=modulepreload]` hrefs. */
  modulePreloads: string[];
  /** Text of inline JavaScript (module or classic; data blocks excluded). */
  inlineScripts: string[];
  /** Text of inline `<style>` elements. */
  inlineStyles: string[];
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
// Link relations that name an origin or a hint, not a resource that must exist.
const NON_RESOURCE_RELS = new Set(['preconnect', 'dns-prefetch', 'me', 'author', 'external']);

function relsOf(tag: StartTag): string[] {
  return (tag.attrs.rel ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** URLs of a `srcset` attribute. */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((part) => part.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** Scans an HTML document for ids, references and start-up resources. */
export function scanPage(html: string): PageScan {
  const scan: PageScan = {
    ids: new Set(),
    references: [],
    stylesheets: [],
    scripts: [],
    modulePreloads: [],
    inlineScripts: [],
    inlineStyles: [],
  };
  const ref = (via: string, value: string | undefined) => {
    if (value !== undefined && value.trim() !== '')
      scan.references.push({ via, value: value.trim() });
  };
  for (const tag of scanTags(html)) {
    const { name, attrs } = tag;
    if (attrs.id) scan.ids.add(attrs.id);
    if (name === 'a' && attrs.name) scan.ids.add(attrs.name);
    switch (name) {
      case 'a':
      case 'area':
        ref(`${name}[href]`, attrs.href);
        break;
      case 'link': {
        const rels = relsOf(tag);
        if (rels.some((r) => NON_RESOURCE_RELS.has(r))) break;
        ref(`link[rel=${rels.join(' ')}]`, attrs.href);
        if (attrs.href && rels.includes('stylesheet')) scan.stylesheets.push(attrs.href);
        if (attrs.href && rels.includes('modulepreload')) scan.modulePreloads.push(attrs.href);
        break;
      }
      case 'script': {
        const type = (attrs.type ?? '').toLowerCase();
        if (!JS_TYPES.has(type)) break;
        if (attrs.src !== undefined) {
          ref('script[src]', attrs.src);
          scan.scripts.push(attrs.src);
        } else if (tag.text?.trim()) {
          scan.inlineScripts.push(tag.text);
          // An inline module's static imports load at start like a script with `src`.
          if (type === 'module') {
            for (const spec of staticImports(tag.text)) {
              ref('script[type=module] import', spec);
              scan.scripts.push(spec);
            }
          }
        }
        break;
      }
      case 'style':
        if (tag.text?.trim()) scan.inlineStyles.push(tag.text);
        break;
      case 'img':
      case 'source':
      case 'iframe':
      case 'video':
      case 'audio':
      case 'track':
      case 'embed':
        ref(`${name}[src]`, attrs.src);
        for (const u of srcsetUrls(attrs.srcset ?? '')) ref(`${name}[srcset]`, u);
        break;
      case 'object':
        ref('object[data]', attrs.data);
        break;
      case 'form':
        ref('form[action]', attrs.action);
        break;
      case 'use':
        ref('use[href]', attrs.href ?? attrs['xlink:href']);
        break;
      case 'meta': {
        const refresh = /^\s*\d+\s*[;,]\s*url\s*=\s*['"]?([^'"]+)/i.exec(attrs.content ?? '');
        if ((attrs['http-equiv'] ?? '').toLowerCase() === 'refresh' && refresh) {
          ref('meta[http-equiv=refresh]', refresh[1]);
        }
        break;
      }
    }
  }
  return scan;
}

/** Specifiers of a JavaScript module's static imports and re-exports (not `import()`). */
export function staticImports(js: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{},\s]*?\s*from\s*)?(["'])([^"'\n]+)\1/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(js))) out.push(m[2]!);
  return [...new Set(out)];
}

/**
 * The code every page runs at start, as one file: the layout's elements (menu, contents, theme),
 * the header's search box and palette, copy links and the self-check panel's loader. Each loads
 * its heavy part through `import()` on first use. One file rather than one per component: the
 * page makes one request, and shared code and gzip's dictionary serve all of them.
 */
import './nav/elements.ts';
import './search/site-search-element.ts';
import './search/palette-element.ts';
import './copy-link.ts';
import './self-check/panel-loader.ts';

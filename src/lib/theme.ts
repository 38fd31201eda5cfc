/**
 * The reader's colour theme: `auto` follows the system, `light` and `dark` are chosen in the
 * header and kept in localStorage. The chosen theme is the root element's `data-theme`
 * (absent for `auto`), which global.css turns into `color-scheme`.
 */

export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** localStorage key of the chosen theme. */
export const THEME_KEY = 'mce-theme';

/** A stored value as a theme: anything but `light` or `dark` is `auto`. */
export function parseTheme(value: string | null | undefined): Theme {
  return value === 'light' || value === 'dark' ? value : 'auto';
}

/**
 * The inline script that applies the stored theme in the document's head, before the first
 * paint. Kept short and unchanging: it runs on every page before anything else is drawn, and
 * the build hashes it for the content security policy.
 */
export function themeScript(): string {
  return `try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;
}

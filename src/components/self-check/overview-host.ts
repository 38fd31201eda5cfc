/** What the lazily loaded parts of the overview (export, import, share) use of it. */
import type { ClientKey } from '../../lib/client-strings.ts';
import type { Lang } from '../../lib/model.ts';
import type { SelfCheckStore } from '../../lib/self-check/storage.ts';
import type { SelfCheckData } from '../../lib/self-check/version-file.ts';
import type { Translate } from '../../lib/translate.ts';

export interface OverviewHost {
  store: SelfCheckStore;
  t: Translate<ClientKey<'selfCheckOverview'>>;
  pageLang: Lang;
  base: string;
  /** Site root in the page's language, base path included (`/ja/`). */
  root: string;
  data: SelfCheckData | undefined;
  /**
   * Shows a message above the overview (replacing the previous one), announces it, re-renders
   * and moves the focus to it.
   */
  flash(...content: (Node | string)[]): void;
  render(): void;
  /** An element of the overview. */
  find<T extends HTMLElement = HTMLElement>(selector: string): T;
}

/**
 * Several tabs writing to one storage. Browsers pass a tab's write to the other tabs a little
 * later, so two tabs can each write before seeing the other's write; a tab learns of another
 * tab's write from a `storage` event. `Browser` below models exactly that, and every test ends
 * by reading storage back through a fresh store, as a newly opened page would.
 */
import { describe, expect, it } from 'vitest';
import { setAnswer, setReviewMark } from '../../src/lib/self-check/state.ts';
import { SelfCheckStore, readState, type StorageLike } from '../../src/lib/self-check/storage.ts';
import { STORAGE_KEY, emptyState, type SelfCheckState } from '../../src/lib/self-check/types.ts';

const HASH = '0123456789abcdef';

/** One browser's localStorage: the stored copy, and each tab's own copy of it. */
class Browser {
  stored = new Map<string, string>();
  tabs: Tab[] = [];
  /** Writes made in a tab and not yet passed to the others, in the order they were made. */
  queue: { from: Tab; key: string; value: string | null }[] = [];

  tab(): Tab {
    const tab = new Tab(this);
    for (const [k, v] of this.stored) tab.copy.set(k, v);
    this.tabs.push(tab);
    return tab;
  }

  /** Passes one queued write on: to the stored copy, then to every other tab, with an event. */
  deliverOne(): boolean {
    const w = this.queue.shift();
    if (!w) return false;
    if (w.value === null) this.stored.delete(w.key);
    else this.stored.set(w.key, w.value);
    for (const tab of this.tabs) {
      if (tab === w.from) continue;
      // A tab keeps its own write to a key until that write has been passed on.
      if (this.queue.some((q) => q.from === tab && q.key === w.key)) continue;
      if (w.value === null) tab.copy.delete(w.key);
      else tab.copy.set(w.key, w.value);
      tab.onStorage?.(w.key);
    }
    return true;
  }

  /** Passes every write on, including those the events cause; fails on writes without end. */
  settle(): void {
    for (let i = 0; i < 1000; i++) if (!this.deliverOne()) return;
    throw new Error('the tabs keep writing');
  }
}

class Tab implements StorageLike {
  copy = new Map<string, string>();
  onStorage: ((key: string) => void) | undefined;
  readonly #browser: Browser;
  constructor(browser: Browser) {
    this.#browser = browser;
  }
  getItem(key: string) {
    return this.copy.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.copy.set(key, value);
    this.#browser.queue.push({ from: this, key, value });
  }
  removeItem(key: string) {
    this.copy.delete(key);
    this.#browser.queue.push({ from: this, key, value: null });
  }
}

/** A store in a new tab, following other tabs' writes the way the page's store does. */
function openTab(browser: Browser, now: () => string = () => new Date().toISOString()) {
  const tab = browser.tab();
  const store = new SelfCheckStore(tab, now);
  tab.onStorage = (key) => {
    if (key === STORAGE_KEY) store.sync();
  };
  return store;
}

/** What a page opened now would read. */
function storedState(browser: Browser): SelfCheckState {
  const read = readState(browser.stored.get(STORAGE_KEY) ?? null);
  if (read.kind === 'empty') return emptyState();
  if (read.kind !== 'ok') throw new Error(`storage is ${read.kind}`);
  return read.state;
}

const answer =
  (id: string, status: 'met' | 'partly' | 'not-yet', now: string, notes = '') =>
  (s: SelfCheckState) =>
    setAnswer(s, '4.2', id, { status, notes }, { now, contentHash: HASH });

/** Times a millisecond apart, as `toISOString` writes them. */
const time = (ms: number) => new Date(Date.UTC(2024, 4, 1) + ms).toISOString();

describe('two tabs writing at once', () => {
  it('keeps both answers when each tab writes before seeing the other', () => {
    const browser = new Browser();
    const a = openTab(browser);
    const b = openTab(browser);
    a.update(answer('8.1.10', 'met', time(1)));
    b.update(answer('8.1.11', 'partly', time(2)));
    browser.settle();
    for (const s of [storedState(browser), a.state, b.state]) {
      expect(s.answers['4.2']?.['8.1.10']?.status).toBe('met');
      expect(s.answers['4.2']?.['8.1.11']?.status).toBe('partly');
    }
  });

  it('loses no answer in 25 rounds of clicks on two pages, in any order of delivery', () => {
    const browser = new Browser();
    const a = openTab(browser);
    const b = openTab(browser);
    const expected = new Map<string, string>();
    const statuses = ['met', 'partly', 'not-yet'] as const;
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 0x7fffffff) / 0x7fffffff;
    for (let round = 0; round < 25; round++) {
      const sa = statuses[round % 3]!;
      const sb = statuses[(round + 1) % 3]!;
      a.update(answer(`1.${round}`, sa, time(round * 10), `alpha ${round} <id>`));
      b.update(answer(`2.${round}`, sb, time(round * 10), `beta ${round} a<b`));
      expected.set(`1.${round}`, sa).set(`2.${round}`, sb);
      // Some writes are passed on before the next clicks, some only later.
      while (browser.queue.length > 0 && random() < 0.5) browser.deliverOne();
    }
    browser.settle();
    const fresh = new SelfCheckStore(browser.tab()).state;
    const lost = [...expected].filter(
      ([id, status]) => fresh.answers['4.2']?.[id]?.status !== status,
    );
    expect(lost).toEqual([]);
    expect(fresh.answers['4.2']?.['1.24']?.notes).toBe('alpha 24 <id>');
    expect(fresh.answers['4.2']?.['2.24']?.notes).toBe('beta 24 a<b');
    expect(a.state).toEqual(fresh);
    expect(b.state).toEqual(fresh);
  });

  it('keeps the later of two changes to the same answer, whichever arrives last', () => {
    for (const laterFirst of [true, false]) {
      const browser = new Browser();
      const a = openTab(browser);
      const b = openTab(browser);
      const early = answer('8.1.10', 'partly', time(1), 'early');
      const late = answer('8.1.10', 'met', time(2), 'late');
      if (laterFirst) {
        b.update(late);
        a.update(early);
      } else {
        a.update(early);
        b.update(late);
      }
      browser.settle();
      for (const s of [storedState(browser), a.state, b.state]) {
        expect(s.answers['4.2']?.['8.1.10']).toMatchObject({ status: 'met', notes: 'late' });
      }
    }
  });

  it('keeps notes typed key by key in two tabs whole, not cut by the other tab', () => {
    const browser = new Browser();
    const a = openTab(browser);
    const b = openTab(browser);
    const alpha = 'alpha <bucket-name> yes';
    const beta = 'beta no x<y and z>w';
    for (let i = 1; i <= Math.max(alpha.length, beta.length); i++) {
      if (i <= alpha.length) a.update(answer('8.1.10', 'met', time(i), alpha.slice(0, i)));
      if (i <= beta.length) b.update(answer('8.1.11', 'met', time(i), beta.slice(0, i)));
      if (i % 3 === 0) browser.deliverOne();
    }
    browser.settle();
    const s = storedState(browser);
    expect(s.answers['4.2']?.['8.1.10']?.notes).toBe(alpha);
    expect(s.answers['4.2']?.['8.1.11']?.notes).toBe(beta);
  });

  it('keeps a removal made by a tab that had seen the answer', () => {
    const browser = new Browser();
    const a = openTab(browser, () => time(100));
    const b = openTab(browser, () => time(200));
    a.update(answer('8.1.10', 'met', time(1)));
    browser.settle();
    // B clears the answer it sees while A, not yet told, answers another item.
    b.update((s) =>
      setAnswer(s, '4.2', '8.1.10', { status: null }, { now: time(200), contentHash: HASH }),
    );
    a.update(answer('8.1.11', 'partly', time(150)));
    browser.settle();
    const s = storedState(browser);
    expect(s.answers['4.2']?.['8.1.10']).toBeUndefined();
    expect(s.answers['4.2']?.['8.1.11']?.status).toBe('partly');
    expect(a.state).toEqual(s);
  });

  it('puts nothing back after another tab empties storage', () => {
    const browser = new Browser();
    const a = openTab(browser);
    a.update(answer('8.1.10', 'met', time(1)));
    browser.settle();
    // Another tab calls localStorage.clear(): the event has no key.
    browser.stored.clear();
    for (const tab of browser.tabs) tab.copy.clear();
    a.sync(true);
    browser.settle();
    expect(storedState(browser)).toEqual(emptyState());
    expect(a.state).toEqual(emptyState());
  });

  it('merges review marks the same way', () => {
    const browser = new Browser();
    const a = openTab(browser);
    const b = openTab(browser);
    const mark = (ms: number) => ({ reviewedAt: time(ms), fromHash: HASH, toHash: HASH });
    a.update((s) => setReviewMark(s, '4.2...4.2.1', '8.1.10', mark(1)));
    b.update((s) => setReviewMark(s, '4.2...4.2.1', '8.1.11', mark(2)));
    browser.settle();
    expect(Object.keys(storedState(browser).reviews['4.2...4.2.1'] ?? {}).sort()).toEqual([
      '8.1.10',
      '8.1.11',
    ]);
  });
});

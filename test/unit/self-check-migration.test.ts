// A future schema 2, to prove that stored data of schema 1 is migrated and backed up before
// it is first rewritten. Schema 1 is the first published one, so the step is a test double.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/lib/self-check/types.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/lib/self-check/types.ts')>()),
  SCHEMA: 2,
}));
vi.mock('../../src/lib/self-check/migrations.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/lib/self-check/migrations.ts')>();
  const steps = { 1: (d: Record<string, unknown>) => ({ ...d, schema: 2, carried: {} }) };
  return {
    ...real,
    migrate: (value: unknown, migrations = steps, current = 2) =>
      real.migrate(value, migrations, current),
  };
});

const { SelfCheckStore, readState } = await import('../../src/lib/self-check/storage.ts');
const { BACKUP_KEY, STORAGE_KEY } = await import('../../src/lib/self-check/types.ts');

const v1 = JSON.stringify({
  schema: 1,
  answers: {
    '4.2': {
      '8.1.10': {
        status: 'met',
        evidence: {},
        notes: 'kept',
        updatedAt: '2024-05-01T10:00:00.000Z',
        contentHash: '0123456789abcdef',
      },
    },
  },
  reviews: {},
});

describe('a stored schema-1 value under schema 2', () => {
  it('is migrated on read', () => {
    const read = readState(v1);
    expect(read).toMatchObject({ kind: 'ok', migratedFrom: 1, state: { schema: 2, carried: {} } });
  });

  it('is backed up as it was before the first rewrite', () => {
    const data = new Map([[STORAGE_KEY, v1]]);
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
    const store = new SelfCheckStore(storage, () => '2024-05-02T00:00:00.000Z');
    expect(store.state.answers['4.2']!['8.1.10']!.notes).toBe('kept');
    expect(data.get(STORAGE_KEY)).toBe(v1);
    expect(store.update((state) => state)).toEqual({ saved: true });
    expect(JSON.parse(data.get(BACKUP_KEY)!)).toEqual({
      at: '2024-05-02T00:00:00.000Z',
      reason: 'migration',
      value: v1,
    });
    expect(JSON.parse(data.get(STORAGE_KEY)!)).toMatchObject({ schema: 2 });
  });
});

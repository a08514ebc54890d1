import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecentFiles } from '../../../electron/services/recent-files.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

describe('recent workshops', () => {
  it('lists the last opened first, once each, and marks files that have gone', () => {
    const folder = tempFolder();
    const recent = new RecentFiles(join(folder, 'data'));
    const a = join(folder, 'a.journey');
    writeFileSync(a, 'x');
    recent.remember(a, 'Workshop A', new Date('2026-01-01'));
    recent.remember(join(folder, 'b.journey'), 'Workshop B', new Date('2026-01-02'));
    recent.remember(a, 'Workshop A', new Date('2026-01-03'));
    expect(recent.list()).toEqual([
      { path: a, name: 'Workshop A', openedAt: '2026-01-03T00:00:00.000Z', exists: true },
      { path: join(folder, 'b.journey'), name: 'Workshop B', openedAt: '2026-01-02T00:00:00.000Z', exists: false },
    ]);
    recent.forget(a);
    expect(recent.list().map((r) => r.name)).toEqual(['Workshop B']);
  });

  it('keeps at most twelve', () => {
    const recent = new RecentFiles(tempFolder());
    for (let i = 0; i < 20; i++) recent.remember(`/tmp/w${i}.journey`, `W${i}`);
    expect(recent.list()).toHaveLength(12);
    expect(recent.list()[0]!.name).toBe('W19');
  });

  it('treats a damaged list as empty instead of failing', () => {
    const folder = tempFolder();
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'recent-workshops.json'), '{ this is not json');
    const recent = new RecentFiles(folder);
    expect(recent.list()).toEqual([]);
    recent.remember('/tmp/x.journey', 'X');
    expect(recent.list()).toHaveLength(1);
  });
});

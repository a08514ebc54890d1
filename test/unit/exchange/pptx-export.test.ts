import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { heightFor } from '../../../electron/services/exports/deck/text-fit.ts';
import { workshopWithEveryRecordType } from '../../support/full-workshop.ts';

const EMU_PER_INCH = 914400;
/** A 2×1 red PNG: stands in for the board picture the renderer sends. */
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAK/gH/6M/yvQAAAABJRU5ErkJggg==';

async function exportDeck() {
  const { api, folder, records } = await workshopWithEveryRecordType();
  const journey = records.find((r) => r.type === 'journey')!;
  const path = join(folder, 'Deck.pptx');
  const result = await api.call('export-pptx', { path, jobId: 'test-deck', theme: 'light', overviews: [{ journeyId: journey.id, png: TINY_PNG }] });
  return { api, folder, path, result, records };
}

describe('the PowerPoint deck', () => {
  it('is made of native, editable shapes, a table and a chart, with no card text overflowing its box', async () => {
    const { api, path, result, records } = await exportDeck();
    expect(result).toMatchObject({ ok: true, value: { path } });
    const zip = await JSZip.loadAsync(readFileSync(path));
    const slideNames = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slideNames.length).toBe((result as { value: { slides: number } }).value.slides);
    const xml = await Promise.all(slideNames.map((n) => zip.file(n)!.async('string')));
    const all = xml.join('\n');
    expect(all).toContain('prst="roundRect"');
    expect(all).toContain('<a:tbl>');
    expect(Object.keys(zip.files).some((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    expect(Object.keys(zip.files).some((n) => n.startsWith('ppt/media/'))).toBe(true);
    for (const card of records.filter((r) => r.type === 'card')) expect(all).toContain(escapeXml(card.text));

    // Every card shape: its text at its size fits its height, by the layout's own measure.
    let cards = 0;
    for (const slide of xml) {
      for (const shape of slide.split('<p:sp>').slice(1)) {
        if (!shape.includes('prst="roundRect"')) continue;
        const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(shape)!;
        const size = Number(/sz="(\d+)"/.exec(shape)![1]) / 100;
        const text = [...shape.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescapeXml(m[1]!)).join('');
        expect(heightFor(text, Number(ext[1]) / EMU_PER_INCH, size)).toBeLessThanOrEqual(Number(ext[2]) / EMU_PER_INCH + 0.01);
        cards++;
      }
    }
    expect(cards).toBe(records.filter((r) => r.type === 'card').length);
    api.close();
  });

  it('renders in LibreOffice: one page per slide, with the card texts on them', async () => {
    const { api, folder, path, result, records } = await exportDeck();
    const out = join(folder, 'rendered');
    mkdirSync(out);
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, path], { timeout: 120_000, stdio: 'ignore' });
    const pdf = join(out, 'Deck.pdf');
    expect(existsSync(pdf)).toBe(true);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBe((result as { value: { slides: number } }).value.slides);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const card of records.filter((r) => r.type === 'card')) expect(text).toContain(card.text.replace(/\s+/g, ' ').slice(0, 20));
    execFileSync('pdftoppm', ['-png', '-r', '30', '-f', '1', '-l', '3', pdf, join(out, 'page')]);
    expect(readdirSync(out).filter((n) => n.endsWith('.png'))).toHaveLength(3);
    api.close();
  }, 180_000);

  it('can be cancelled while it runs, and then writes no file', async () => {
    const { api, folder, records } = await workshopWithEveryRecordType();
    const path = join(folder, 'Cancelled.pptx');
    const running = api.call('export-pptx', { path, jobId: 'cancel-me', theme: 'dark', overviews: [] });
    await api.call('export-cancel', { jobId: 'cancel-me' });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(folder).filter((n) => n.includes('Cancelled'))).toEqual([]);
    void records;
    api.close();
  });
});

const escapeXml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');
const unescapeXml = (s: string) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');

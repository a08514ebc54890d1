import bidiFactory from 'bidi-js';
import { describe, expect, it } from 'vitest';
import { isolate, rtlMarkPlaces } from '../../../electron/services/exports/pdf/text-runs.ts';

const bidi = bidiFactory();
/** The text with a mark ("|") wherever the PDF draws one. */
function marked(line: string, direction: 'ltr' | 'rtl' = 'ltr'): string {
  const places = rtlMarkPlaces(line, bidi.getEmbeddingLevels(line, direction).levels);
  let out = '';
  let index = 0;
  for (const char of line) {
    index += char.length;
    out += char + (places.has(index) ? '|' : '');
  }
  return out.replace(/[\u2066-\u2069]/gu, '');
}

describe('right-to-left marks for text extractors', () => {
  it('follows the punctuation that ends a Hebrew question, alone or among other cards', () => {
    expect(marked('למה צריך למלא את הטופס פעמיים?', 'rtl')).toBe('למה צריך למלא את הטופס פעמיים?|');
    expect(marked(`Thoughts: ${isolate('למה צריך?!')} · next`)).toBe('Thoughts: למה צריך?!| · next');
  });

  it('leaves text alone where a mark would change nothing', () => {
    expect(marked('Who has done this in our industry?')).toBe('Who has done this in our industry?');
    // The Arabic question mark is itself right to left.
    expect(marked(isolate('هل يدعم النظام اللغة العربية؟'))).toBe('هل يدعم النظام اللغة العربية؟');
    // A tail holding Latin or digits is not neutral: poppler splits there whatever is drawn.
    expect(marked(isolate('תמיכה ב-SAML 2.0?'))).toBe('תמיכה ב-SAML 2.0?');
    expect(marked(isolate('שלום עולם'))).toBe('שלום עולם');
  });
});

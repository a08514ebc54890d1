import { pseudonymizer } from '../../../shared/interviews/pseudonyms.ts';
import { recordsOfType, type RecordMap } from '../../../shared/model/document.ts';

/**
 * The board is outside the interview editor, so a real name from any interview's key
 * reads as its code there — on screen, and so in every picture made of the board (the
 * PNG export, the deck's overview slides), which are drawn from the same nodes. The
 * records keep the text as typed: the card's text field and the interview editor show it.
 */

const asTyped = (text: string) => text;

/** Texts already shown through this key: the board redraws the same texts on every change. */
const SHOWN_LIMIT = 20_000;

let current: { signature: string; show: (text: string) => string } = { signature: '', show: asTyped };

/**
 * A function from a text to the text the board draws. The same function comes back
 * while the keys are unchanged, so memoised board parts are not redrawn for nothing, and
 * with no key at all (most workshops) it is the identity and costs nothing.
 */
export function boardTextShower(records: RecordMap): (text: string) => string {
  const key = recordsOfType(records, 'pseudonym');
  const signature = key.map((p) => `${p.id}\u0000${p.realName}\u0000${p.code}`).join('\u0001');
  if (signature === current.signature) return current.show;
  if (key.length === 0) {
    current = { signature, show: asTyped };
    return asTyped;
  }
  const hide = pseudonymizer(key);
  const shown = new Map<string, string>();
  const show = (text: string) => {
    let out = shown.get(text);
    if (out === undefined) {
      if (shown.size >= SHOWN_LIMIT) shown.clear();
      out = hide(text);
      shown.set(text, out);
    }
    return out;
  };
  current = { signature, show };
  return show;
}

import type { InterviewMergeCounts } from '../../../shared/api/features/interview-calls.ts';
import type { Editor } from '../editor/editor.ts';

/**
 * "Bring in interviews from another file…": the interviews an interviewer took on their
 * own copy of the workshop (offline, at a customer's site) come into this one. The main
 * process writes them to the file in one transaction; the board then reloads the file,
 * the one public way (Editor.reloadFromFile) to take records the renderer did not make.
 */

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Read afresh each time: the save state changes while the merge is awaited. */
const saveFailed = (editor: Editor) => editor.state.save.status === 'failed';

const fileNameOf = (path: string) => path.split(/[\\/]/).pop() || path;

/** "Added 2 interviews, 31 notes; 1 tag skipped because the stage, step or card it names is not in this map." */
export function mergeSummary(counts: InterviewMergeCounts, sourcePath: string): string {
  const { added } = counts;
  const parts = [
    added.samples && count(added.samples, 'sample'),
    added.interviews && count(added.interviews, 'interview'),
    added.notes && count(added.notes, 'note'),
    added.passages && count(added.passages, 'transcript passage'),
    added.tags && count(added.tags, 'new tag'),
  ].filter(Boolean);
  const total = Object.values(added).reduce((sum, n) => sum + n, 0);
  let text: string;
  // The same file brought in twice: what it could not place the first time it still cannot.
  if (total === 0) text = `Nothing new: the interviews in ${fileNameOf(sourcePath)} are already here`;
  else if (parts.length > 0) text = `Added ${parts.join(', ')}`;
  // Only tags or key entries on interviews already here: still worth saying what came.
  else text = `Added ${[added.noteTags && count(added.noteTags, 'tag'), added.pseudonyms && count(added.pseudonyms, 'key entry', 'key entries')].filter(Boolean).join(' and ')} to interviews already here`;
  if (counts.skipped > 0) {
    text += `; ${count(counts.skipped, 'tag')} skipped because the stage, step or card ${counts.skipped === 1 ? 'it names is' : 'they name are'} not in this map`;
  }
  if (counts.personasUnlinked > 0) {
    text += `; ${count(counts.personasUnlinked, 'interview')} came without ${counts.personasUnlinked === 1 ? 'its persona, which this workshop does' : 'their personas, which this workshop does'} not have`;
  }
  return `${text}.`;
}

export type BringInResult = { ok: true; message: string; counts: InterviewMergeCounts } | { ok: false; message: string };

/**
 * Merges another workshop file's interviews into the open one and shows them. Every
 * change made so far is in the file first (the merge adds to the file, the reload reads
 * it); a workshop that cannot be saved to is not merged into. The undo history starts
 * again afterwards: an older step undone could remove a sample or card the new
 * interviews now hang off.
 */
export async function bringInInterviews(editor: Editor, sourcePath: string): Promise<BringInResult> {
  if (!editor.state.workshop) return { ok: false, message: 'Open a workshop first.' };
  if (editor.state.workshop.readOnly) return { ok: false, message: 'This workshop is open read-only, so nothing can be brought into it.' };
  await editor.whenSaved();
  if (saveFailed(editor)) {
    return { ok: false, message: 'Some changes are not saved in the file yet. Once they are (see the bar above), bring the interviews in.' };
  }
  const result = await editor.api['interviews-merge']({ sourcePath });
  if (!result.ok) return { ok: false, message: result.error.message };
  const counts: InterviewMergeCounts = { added: result.value.added, skipped: result.value.skipped, personasUnlinked: result.value.personasUnlinked };
  const added = Object.values(counts.added).some((n) => n > 0);
  if (added) {
    // Typing done while the merge ran reaches the file before the file is read back.
    await editor.whenSaved();
    // Reloading now would drop a change the file refused meanwhile; the board keeps it instead.
    if (saveFailed(editor)) {
      return { ok: false, message: `${mergeSummary(counts, sourcePath)} They are in the file, but a change made meanwhile is not saved, so the board does not show them yet; Reload from file (in the bar above) shows them, without that change.` };
    }
    await editor.reloadFromFile();
  }
  const message = mergeSummary(counts, sourcePath);
  return { ok: true, counts, message: added ? `${message} Undo starts again from here.` : message };
}

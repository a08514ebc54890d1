import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '../../../renderer/src/editor/editor.ts';
import { follow, forgetRoom, openRoom, phonesStore, takeBackLastPhoneCard } from '../../../renderer/src/phones/room-link.ts';
import { createApiService, type ApiService } from '../../../electron/services/api-service.ts';
import { API_NAMES, type JourneyboardApi } from '../../../shared/api/contract.ts';
import { journeysOf, lanesOf, stagesOf, stepsOf } from '../../../shared/model/document.ts';
import type { Card } from '../../../shared/model/records.ts';
import { phone } from '../../support/room-fixtures.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

/**
 * The facilitator's side of the room without a browser: the real editor against the
 * real API service (as the browser build's host serves it). A phone's card reaches the
 * board through the feed without entering the undo history; taking it back is one undo
 * step, and the file agrees with the board after each.
 */
let service: ApiService | undefined;
afterEach(async () => {
  forgetRoom();
  await service?.call('room-close', {});
  service?.close();
});

async function facilitator() {
  const folder = tempFolder('jb-board-feed-');
  service = createApiService({ dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder, appVersion: 'test' });
  const api = Object.fromEntries(API_NAMES.map((name) => [name, (input: unknown) => service!.call(name, input)])) as unknown as JourneyboardApi;
  const editor = new Editor(api);
  await editor.createWorkshop(join(folder, 'feed.journey'), 'Feed', false, 'b2b-buying');
  const records = editor.state.records;
  const journey = journeysOf(records)[0]!;
  const step = stepsOf(records, stagesOf(records, journey.id)[0]!.id)[0]!;
  const lane = lanesOf(records, journey.id)[0]!;
  editor.setFocus({ kind: 'cell', stepId: step.id, laneId: lane.id });
  return { editor, step, lane };
}

const fileCards = async () => ((await service!.call('workshop-read', {})) as { ok: true; value: { records: Card[] } }).value.records.filter((r) => r.type === 'card');

describe('the board hears the room', () => {
  it('shows a phone card live, outside the undo history; taking it back is one undo step', async () => {
    const { editor, step, lane } = await facilitator();
    expect(await openRoom(editor, '127.0.0.1')).toBe(true);
    const status = phonesStore.getState().status;
    if (!status.open) throw new Error('the room did not open');
    expect(status.input).toEqual({ stepId: step.id, laneId: lane.id });
    const sam = phone(status.url.replace(/\/$/, '') + '/');
    await sam.join(status.code, 'Sam');
    const { recordId } = (await sam.command('idea-00000001', { kind: 'add-card', text: 'Security forms twice' })).json;
    await expect.poll(() => editor.state.records[recordId]?.type, { timeout: 5000 }).toBe('card');
    expect(editor.state.undoStack).toHaveLength(0);
    // A second follow of the same room does not replay what the board has.
    follow(editor);

    expect(takeBackLastPhoneCard(editor)).toBe(true);
    expect(editor.state.records[recordId]).toBeUndefined();
    expect(editor.state.undoStack).toHaveLength(1);
    await editor.whenSaved();
    expect((await fileCards()).some((c) => c.id === recordId)).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(editor.state.records[recordId]).toBeUndefined();

    editor.undo();
    await editor.whenSaved();
    expect(editor.state.records[recordId]).toMatchObject({ text: 'Security forms twice' });
    expect((await fileCards()).some((c) => c.id === recordId)).toBe(true);
  });
});

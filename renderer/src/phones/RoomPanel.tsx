import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { Editor } from '../editor/editor.ts';
import { stagesOf } from '../../../shared/model/document.ts';
import { roomStore } from '../room/room-store.ts';
import { askRoomForEmotion, askRoomHere, closeRoom, follow, openRoom, phonesStore, removeParticipant, stopAskingEmotion, takeBackLastPhoneCard, setEmotionFromRoom } from './room-link.ts';
import './room-phones.css';

/**
 * What the room reads to join: the QR, the short URL and the code, large enough for the
 * back of the room, with the question the phones answer. It stays in projector mode
 * (that is where the room sees it); its buttons do not, since nobody edits there.
 */
export function RoomPanel({ editor }: { editor: Editor }) {
  const status = useStore(phonesStore, (s) => s.status);
  const large = useStore(phonesStore, (s) => s.qrLarge);
  const presenting = useStore(roomStore, (s) => s.projector !== null);
  // The service knows whether this workshop's room is open (after a reload of the page,
  // or a workshop closed and another opened): ask it, and follow the feed if it is.
  useEffect(() => {
    let live = true;
    void editor.api['room-status']({}).then((result) => {
      if (!live || !result.ok) return;
      phonesStore.setState({ status: result.value });
      if (result.value.open) follow(editor);
    });
    return () => {
      live = false;
    };
  }, [editor]);
  // The phones follow the projector: the stage it shows, or none when not presenting.
  const projectorIndex = useStore(roomStore, (s) => s.projector?.stageIndex ?? null);
  const shownStageId = useStore(editor.store, (s) => (projectorIndex === null || !s.journeyId ? null : (stagesOf(s.records, s.journeyId)[projectorIndex]?.id ?? null)));
  useEffect(() => {
    if (status.open) void editor.api['room-show']({ stageId: shownStageId });
  }, [editor, status.open, shownStageId]);
  if (!status.open) return <OpenRoomDialog editor={editor} />;
  const host = status.url.replace(/^http:\/\//, '').replace(/\/$/, '');
  return (
    <aside className={`room-panel ${large ? 'large' : 'small'} ${presenting ? 'presenting' : ''}`} aria-label="Join from your phone" data-testid="room-panel">
      <p className="room-panel-title">Join from your phone</p>
      {large && (
        <svg className="room-qr" viewBox={`-4 -4 ${status.qr.size + 8} ${status.qr.size + 8}`} role="img" aria-label={`QR code for ${status.joinUrl}`} shapeRendering="crispEdges">
          <rect x={-4} y={-4} width={status.qr.size + 8} height={status.qr.size + 8} fill="#fff" />
          <path d={status.qr.path} fill="#000" />
        </svg>
      )}
      <p className="room-url">
        <span className="room-label">Go to</span> <strong data-testid="room-url">{host}</strong>
      </p>
      <p className="room-code">
        <span className="room-label">Code</span> <strong data-testid="room-code">{status.code}</strong>
      </p>
      <p className="room-question">{status.question ?? 'No question yet: pick a cell and ask the room there.'}</p>
      {status.emotion && <EmotionPoll editor={editor} poll={status.emotion} presenting={presenting} />}
      <p className="room-count" aria-live="polite">
        {status.participants === 1 ? '1 person joined' : `${status.participants} people joined`}
      </p>
      {!presenting && status.people.length > 0 && (
        <details className="room-people">
          <summary>Who joined</summary>
          <ul>
            {status.people.map((person, i) => (
              <li key={person.id}>
                <span>{person.name || `Anonymous ${i + 1}`}</span>
                <button type="button" className="link danger" onClick={() => void removeParticipant(editor, person.id)} aria-label={`Remove ${person.name || `anonymous participant ${i + 1}`} from the room`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {!presenting && (
        <div className="room-buttons">
          <button type="button" onClick={() => void askRoomHere(editor)}>Ask here</button>
          <button type="button" onClick={() => void askRoomForEmotion(editor)}>Ask how it feels</button>
          <button type="button" onClick={() => takeBackLastPhoneCard(editor)}>Take back last card</button>
          <button type="button" onClick={() => phonesStore.setState({ qrLarge: !large })}>{large ? 'Smaller' : 'Show QR'}</button>
          <button type="button" className="danger" onClick={() => void closeRoom(editor)}>Close the room</button>
        </div>
      )}
    </aside>
  );
}

type Poll = NonNullable<Extract<ReturnType<typeof phonesStore.getState>['status'], { open: true }>['emotion']>;

/** The room's show of hands, -3 to +3: counts as bars, and the median to set. */
function EmotionPoll({ editor, poll, presenting }: { editor: Editor; poll: Poll; presenting: boolean }) {
  const persona = useStore(editor.store, (s) => s.records[poll.personaId]);
  const step = useStore(editor.store, (s) => s.records[poll.stepId]);
  const most = Math.max(1, ...poll.counts);
  const name = (record: typeof persona) => (record && 'name' in record && record.name) || '';
  return (
    <div className="room-emotion" aria-label="How the room scored the emotion">
      <p className="room-question">How does {name(persona) || 'the persona'} feel at {name(step) || 'this step'}?</p>
      <ol className="room-bars">
        {poll.counts.map((count, i) => (
          <li key={i} aria-label={`${i - 3 > 0 ? '+' : ''}${i - 3}: ${count}`}>
            <span className="room-bar" style={{ height: `${(count / most) * 100}%` }} />
            <span className="room-bar-label">{i - 3 > 0 ? `+${i - 3}` : i - 3}</span>
          </li>
        ))}
      </ol>
      <p className="room-count">
        {poll.responses === 1 ? '1 answer' : `${poll.responses} answers`}
        {poll.median !== null && `, median ${poll.median > 0 ? '+' : ''}${poll.median}`}
      </p>
      {!presenting && (
        <div className="room-buttons">
          <button type="button" className="primary" disabled={poll.median === null} onClick={() => setEmotionFromRoom(editor)}>
            Set emotion to the median
          </button>
          <button type="button" onClick={() => void stopAskingEmotion(editor)}>Stop asking</button>
        </div>
      )}
    </div>
  );
}

function OpenRoomDialog({ editor }: { editor: Editor }) {
  const dialog = useStore(phonesStore, (s) => s.dialog);
  const error = useStore(phonesStore, (s) => s.error);
  if (!dialog) return null;
  const cancel = () => phonesStore.setState({ dialog: null, error: null });
  return (
    <div className="modal-backdrop" onMouseDown={cancel}>
      <form
        className="modal room-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="room-dialog-title"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && cancel()}
        onSubmit={(e) => {
          e.preventDefault();
          void openRoom(editor, dialog.address);
        }}
      >
        <h2 id="room-dialog-title">Open the room to phones</h2>
        <p className="muted">
          Phones on the same network open a page served by this laptop: they add ideas to the focused cell and place their dots. Nothing goes to the internet.
        </p>
        <label>
          Network
          <select autoFocus value={dialog.address} onChange={(e) => phonesStore.setState({ dialog: { ...dialog, address: e.target.value } })}>
            {dialog.interfaces.map((i) => (
              <option key={`${i.name}-${i.address}`} value={i.address}>
                {i.internal ? `This computer only (${i.address})` : `${i.name}: ${i.address}`}
              </option>
            ))}
            <option value="0.0.0.0">Every network of this laptop (not recommended)</option>
          </select>
        </label>
        {error && <p className="field-problem" role="alert">{error}</p>}
        <div className="modal-actions">
          <button type="button" onClick={cancel}>Cancel</button>
          <button type="submit" className="primary">Open the room</button>
        </div>
      </form>
    </div>
  );
}

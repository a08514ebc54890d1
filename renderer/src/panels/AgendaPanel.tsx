import { recordsOfType } from '../../../shared/model/document.ts';
import { useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { changeFrom } from '../../../shared/change/change.ts';
import { byPosition, positionAtIndex } from '../../../shared/model/ordering.ts';
import { newAgendaItem } from '../../../shared/model/room-factories.ts';
import type { Editor } from '../editor/editor.ts';
import { deleteWithDependents } from '../editor/document-actions.ts';
import { timerActions } from '../room/room-store.ts';
import { CheckboxField, fieldCommitter, NumberField, TextField } from './fields.tsx';

/** The method's five steps as a checklist with time boxes; the first open one is "now". */
export function AgendaPanel({ editor }: { editor: Editor }) {
  const items = useStore(editor.store, useShallow((s) => byPosition(recordsOfType(s.records, 'agenda-item'))));
  const [open, setOpen] = useState<string | null>(null);
  const current = items.find((i) => !i.done)?.id;
  const seal = () => editor.seal();
  return (
    <div className="agenda">
      <ol className="agenda-list">
        {items.map((item) => (
          <li key={item.id} className={`${item.done ? 'done' : ''} ${item.id === current ? 'current' : ''}`}>
            <div className="agenda-row">
              <CheckboxField label={item.title} value={item.done} onCommit={fieldCommitter(editor, item.id, 'done')} onDone={seal} />
              <span className="muted small">{item.minutes} min</span>
              <button className="link" aria-label={`Start a ${item.minutes}-minute timer for ${item.title}`} onClick={() => timerActions.startFor(item.minutes)}>
                ▶ Timer
              </button>
              <button className="link" aria-expanded={open === item.id} aria-label={`Edit ${item.title}`} onClick={() => setOpen(open === item.id ? null : item.id)}>
                ✎
              </button>
            </div>
            {item.id === current && <div className="agenda-now">Now</div>}
            {open === item.id && (
              <div className="agenda-edit">
                <TextField label="Title" value={item.title} onCommit={fieldCommitter(editor, item.id, 'title', 'An agenda item needs a title.')} onDone={seal} />
                <NumberField label="Time box (minutes)" value={item.minutes} onCommit={fieldCommitter(editor, item.id, 'minutes')} onDone={seal} />
                <TextField label="Note" multiline value={item.note} onCommit={fieldCommitter(editor, item.id, 'note')} onDone={seal} />
                <button className="link danger" onClick={() => editor.perform(deleteWithDependents(editor.state.records, item.id)) && seal()}>
                  Remove from agenda
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      <button
        onClick={() => {
          const item = newAgendaItem({ title: 'New agenda item', minutes: 15, position: positionAtIndex(items, items.length) });
          if (editor.perform({ change: changeFrom(editor.state.records, { put: [item] }) })) {
            seal();
            setOpen(item.id);
          }
        }}
      >
        + Agenda item
      </button>
    </div>
  );
}

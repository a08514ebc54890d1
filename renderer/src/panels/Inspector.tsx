import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { LANE_TYPE_LABELS, LANE_TYPES, type Journey, type Lane } from '../../../shared/model/records.ts';
import { stagesOf, workshopOf } from '../../../shared/model/document.ts';
import type { Editor } from '../editor/editor.ts';
import { fieldCommitter, Section, SelectField, TextField } from './fields.tsx';
import { StageInspector } from './StageInspector.tsx';
import { StepInspector } from './StepInspector.tsx';
import { CardInspector } from './CardInspector.tsx';

/** The fields of whatever has focus: card, step, stage, lane — or the journey itself. */
export function Inspector({ editor }: { editor: Editor }) {
  const focus = useStore(editor.store, (s) => s.focus);
  const target = useStore(editor.store, (s) => {
    const f = s.focus;
    if (!f) return undefined;
    if (f.kind === 'header') return s.records[f.id];
    return f.cardId ? s.records[f.cardId] : s.records[f.stepId];
  });
  const laneType = useStore(editor.store, (s) => {
    const lane = s.focus?.kind === 'cell' ? s.records[s.focus.laneId] : undefined;
    return lane?.type === 'lane' ? lane.laneType : 'actions';
  });
  const journey = useStore(editor.store, (s) => (s.journeyId ? s.records[s.journeyId] : undefined));

  if (target?.type === 'card') return <CardInspector key={target.id} editor={editor} card={target} laneType={laneType} />;
  if (target?.type === 'step') return <StepInspector key={target.id} editor={editor} step={target} />;
  if (target?.type === 'stage') return <StageInspector key={target.id} editor={editor} stage={target} />;
  if (target?.type === 'lane') return <LaneInspector key={target.id} editor={editor} lane={target} />;
  if (journey?.type === 'journey' && !focus) return <JourneyInspector key={journey.id} editor={editor} journey={journey} />;
  return <p className="muted panel-empty">Select a card, step, stage or lane to see its details.</p>;
}

function LaneInspector({ editor, lane }: { editor: Editor; lane: Lane }) {
  const seal = () => editor.seal();
  return (
    <Section title="Lane">
      <TextField label="Name" value={lane.name} onCommit={fieldCommitter(editor, lane.id, 'name', 'A lane needs a name.')} onDone={seal} />
      <SelectField
        label="Lane type (what its cards hold)"
        value={lane.laneType}
        options={LANE_TYPES.map((t) => ({ value: t, label: LANE_TYPE_LABELS[t] }))}
        onCommit={fieldCommitter(editor, lane.id, 'laneType')}
        onDone={seal}
      />
    </Section>
  );
}

/** The workshop itself: its name and what the deck's title slide says about it. */
function WorkshopFacts({ editor }: { editor: Editor }) {
  const workshop = useStore(editor.store, (s) => workshopOf(s.records));
  if (!workshop) return null;
  const seal = () => editor.seal();
  return (
    <Section title="Workshop">
      <TextField label="Workshop name" value={workshop.name} onCommit={fieldCommitter(editor, workshop.id, 'name', 'A workshop needs a name.')} onDone={seal} />
      <TextField label="Facilitator" value={workshop.facilitator} onCommit={fieldCommitter(editor, workshop.id, 'facilitator')} onDone={seal} />
      <TextField label="Sample" multiline placeholder="Industry, region, product, customer roles interviewed" value={workshop.sample} onCommit={fieldCommitter(editor, workshop.id, 'sample')} onDone={seal} />
    </Section>
  );
}

function JourneyInspector({ editor, journey }: { editor: Editor; journey: Journey }) {
  const unowned = useStore(
    editor.store,
    useShallow((s) => stagesOf(s.records, journey.id).filter((stage) => stage.owner.trim() === '').map((stage) => stage.name)),
  );
  const seal = () => editor.seal();
  return (
    <>
      <Section title="Journey">
        <TextField label="Name" value={journey.name} onCommit={fieldCommitter(editor, journey.id, 'name')} onDone={seal} />
        <p className="muted small">{journey.state === 'current' ? 'Current state ("as is")' : 'Future state ("to be")'}</p>
      </Section>
      <WorkshopFacts editor={editor} />
      <Section title="Complete?">
        {unowned.length === 0 ? (
          <p className="ok small">Every stage has an accountable owner.</p>
        ) : (
          <p className="warning small" role="status">
            {unowned.length === 1 ? 'One stage has' : `${unowned.length} stages have`} no accountable owner yet: {unowned.join(', ')}.
          </p>
        )}
      </Section>
    </>
  );
}

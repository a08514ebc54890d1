import { recordsOfType } from '../../../shared/model/document.ts';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { byPosition } from '../../../shared/model/ordering.ts';
import type { Step } from '../../../shared/model/records.ts';
import type { Editor } from '../editor/editor.ts';
import { setEmotion } from '../editor/detail-actions.ts';
import { CheckboxField, fieldCommitter, NumberField, Section, TextField } from './fields.tsx';

const FIVE_WS = [
  ['who', 'Who', 'Who is involved at this step?'],
  ['what', 'What', 'What do they do?'],
  ['when', 'When', 'When does it happen?'],
  ['where', 'Where', 'Where does it happen?'],
  ['why', 'Why', 'Why do they do it?'],
] as const;

export function StepInspector({ editor, step }: { editor: Editor; step: Step }) {
  const seal = () => editor.seal();
  return (
    <>
      <Section title="Step">
        <TextField label="Name" value={step.name} onCommit={fieldCommitter(editor, step.id, 'name', 'A step needs a name.')} onDone={seal} />
        <CheckboxField label="Moment of truth" value={step.momentOfTruth} onCommit={fieldCommitter(editor, step.id, 'momentOfTruth')} onDone={seal} />
      </Section>
      <StepEmotions editor={editor} step={step} />
      <Section title="The five W's">
        {FIVE_WS.map(([field, label, placeholder]) => (
          <TextField key={field} label={label} placeholder={placeholder} value={step[field]} onCommit={fieldCommitter(editor, step.id, field)} onDone={seal} />
        ))}
      </Section>
      <Section title="Channels and content">
        <TextField label="Channels" placeholder="Web, email, phone, partner…" value={step.channels} onCommit={fieldCommitter(editor, step.id, 'channels')} onDone={seal} />
        <TextField label="Touchpoints" placeholder="Third parties count too: resellers, shippers…" value={step.touchpoints} onCommit={fieldCommitter(editor, step.id, 'touchpoints')} onDone={seal} />
        <TextField label="Content used" multiline value={step.content} onCommit={fieldCommitter(editor, step.id, 'content')} onDone={seal} />
      </Section>
    </>
  );
}

/** Each persona's score at this step, and what evoked it. */
function StepEmotions({ editor, step }: { editor: Editor; step: Step }) {
  const personas = useStore(editor.store, useShallow((s) => byPosition(recordsOfType(s.records, 'persona'))));
  const emotions = useStore(editor.store, useShallow((s) => recordsOfType(s.records, 'emotion').filter((r) => r.stepId === step.id)));
  if (personas.length === 0) return null;
  const seal = () => editor.seal();
  return (
    <Section title="Emotions (−3 to +3)">
      {personas.map((persona) => {
        const emotion = emotions.find((e) => e.personaId === persona.id);
        return (
          <div className="emotion-row" key={persona.id}>
            <span className="persona-dot" style={{ background: persona.color }} />
            <NumberField
              label={persona.name}
              value={emotion?.score ?? null}
              placeholder="not scored"
              onCommit={(score) => {
                if (score !== null && (!Number.isInteger(score) || score < -3 || score > 3)) return 'An emotion is a whole number from -3 to +3.';
                editor.perform(setEmotion(editor.state.records, step.id, persona.id, score));
                return null;
              }}
              onDone={seal}
            />
            {emotion && <TextField label="Why (emotion evoker)" value={emotion.evoker} onCommit={fieldCommitter(editor, emotion.id, 'evoker')} onDone={seal} />}
          </div>
        );
      })}
    </Section>
  );
}

import { recordsOfType } from '../../../shared/model/document.ts';
import { useStore } from 'zustand';
import { byPosition } from '../../../shared/model/ordering.ts';
import { KPI_PRESETS, type Stage } from '../../../shared/model/records.ts';
import type { Editor } from '../editor/editor.ts';
import { addKpi } from '../editor/detail-actions.ts';
import { deleteWithDependents } from '../editor/document-actions.ts';
import { fieldCommitter, NumberField, Section, TextField } from './fields.tsx';
import { useShallow } from 'zustand/shallow';

export function StageInspector({ editor, stage }: { editor: Editor; stage: Stage }) {
  const kpis = useStore(
    editor.store,
    useShallow((s) => byPosition(recordsOfType(s.records, 'kpi').filter((r) => r.stageId === stage.id))),
  );
  const seal = () => editor.seal();
  return (
    <>
      <Section title="Stage">
        <TextField label="Name" value={stage.name} onCommit={fieldCommitter(editor, stage.id, 'name', 'A stage needs a name.')} onDone={seal} />
        <TextField
          label="Accountable owner"
          value={stage.owner}
          placeholder="One named person"
          onCommit={fieldCommitter(editor, stage.id, 'owner', 'A stage needs one accountable owner: type a name.')}
          onDone={seal}
          hint={stage.owner ? undefined : 'Required before the map counts as complete: one named person, never "everyone".'}
        />
      </Section>
      <Section title="KPIs">
        {kpis.length === 0 && <p className="muted small">Measures tied to this stage, each with a current value and a target.</p>}
        {kpis.map((kpi) => (
          <div className="kpi" key={kpi.id}>
            <TextField label="KPI" value={kpi.name} onCommit={fieldCommitter(editor, kpi.id, 'name', 'A KPI needs a name.')} onDone={seal} />
            <div className="field-row">
              <NumberField label="Current" value={kpi.currentValue} onCommit={fieldCommitter(editor, kpi.id, 'currentValue')} onDone={seal} />
              <NumberField label="Target" value={kpi.targetValue} onCommit={fieldCommitter(editor, kpi.id, 'targetValue')} onDone={seal} />
              <TextField label="Unit" value={kpi.unit} onCommit={fieldCommitter(editor, kpi.id, 'unit')} onDone={seal} />
            </div>
            <button className="link danger" onClick={() => editor.perform(deleteWithDependents(editor.state.records, kpi.id)) && seal()}>
              Remove KPI
            </button>
          </div>
        ))}
        <select
          aria-label="Add a KPI"
          value=""
          onChange={(e) => {
            if (e.target.value) editor.perform(addKpi(editor.state.records, stage.id, e.target.value)) && seal();
          }}
        >
          <option value="">+ Add a KPI…</option>
          {KPI_PRESETS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          <option value="New KPI">Other…</option>
        </select>
      </Section>
    </>
  );
}


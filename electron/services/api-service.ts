import { apiInputSchemas, type ApiHandlers, type ApiName } from '../../shared/api/contract.ts';
import type { ApiError } from '../../shared/api/errors.ts';
import { err, ok, type Result } from '../../shared/api/result.ts';
import { toWorkshopError } from './errors.ts';
import { describeInvalidInput } from './request-errors.ts';
import { WorkshopSession } from './session.ts';
import { workshopHandlers } from './features/workshop-handlers.ts';
import { exchangeHandlers } from './features/exchange-handlers.ts';
import { interviewHandlers } from './features/interview-handlers.ts';
import { decisionHandlers } from './features/decision-handlers.ts';
import { roomHandlers } from './features/room-handlers.ts';

export interface ApiServiceOptions {
  dataFolder: string;
  defaultWorkshopFolder: string;
  appVersion: string;
  pathSeparator?: '/' | '\\';
  /**
   * Where the shell has native file dialogs (Electron), requests may only name paths
   * the user picked there: the shell calls `grant` with each one.
   */
  requirePickedPaths?: boolean;
}

export interface ApiService {
  /** Validates the call name and input (zod, apiInputSchemas), runs it, never throws. */
  call(name: string, input: unknown): Promise<Result<unknown, ApiError>>;
  /** Closes the open workshop, releasing the file even if one step fails. */
  close(): void;
  /** The user picked this path in a native dialog (or the OS handed it over). */
  grant(path: string): void;
}

/**
 * One window's API. Both transports (Electron IPC and the browser build's loopback
 * HTTP) hand every request to `call`, which treats its input as untrusted until the
 * call's schema has passed, then runs the feature handler that owns the call.
 */
export function createApiService(options: ApiServiceOptions): ApiService {
  const session = new WorkshopSession(options);
  const handlers: ApiHandlers = {
    ...workshopHandlers(session, { version: options.appVersion, defaultWorkshopFolder: options.defaultWorkshopFolder, pathSeparator: options.pathSeparator }),
    ...exchangeHandlers(session),
    ...interviewHandlers(session),
    ...decisionHandlers(session),
    ...roomHandlers(session),
  };

  return {
    async call(name, input) {
      if (!Object.hasOwn(apiInputSchemas, name)) {
        return err({ code: 'unknown-call', message: `Journeyboard does not know the request "${String(name).slice(0, 60)}".` });
      }
      const call = name as ApiName;
      const parsed = apiInputSchemas[call].safeParse(input ?? {});
      if (!parsed.success) return err({ code: 'invalid-request', message: describeInvalidInput(parsed.error) });
      try {
        const handler = handlers[call] as (input: unknown) => unknown;
        return ok(await handler(parsed.data));
      } catch (error) {
        const path = (parsed.data as { path?: string }).path ?? session.open?.path;
        return err(toWorkshopError(error, path).toApiError());
      }
    },
    close() {
      session.close();
    },
    grant(path) {
      session.paths.grant(path);
    },
  };
}

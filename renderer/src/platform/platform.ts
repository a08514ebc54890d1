import type { JourneyboardApi } from '../../../shared/api/contract.ts';
import type { JourneyboardBridge, JourneyboardShell } from '../../../shared/api/shell.ts';
import { createHttpApi, takeHostToken } from './http-api.ts';
import { createWebShell } from './web-shell.ts';

declare global {
  interface Window {
    journeyboard?: JourneyboardBridge;
  }
}

export interface Platform {
  api: JourneyboardApi;
  shell: JourneyboardShell;
  kind: 'electron' | 'web';
}

/** Electron's preload bridge when present; otherwise the browser build's host. */
export function detectPlatform(): Platform {
  const bridge = window.journeyboard;
  if (bridge) return { api: bridge.api, shell: bridge.shell, kind: 'electron' };
  return { api: createHttpApi(takeHostToken()), shell: createWebShell(), kind: 'web' };
}

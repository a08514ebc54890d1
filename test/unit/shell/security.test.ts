import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/window-options.ts';
import { isTrustedSender, mayGrantPermission, mayNavigate, windowOpenDecision } from '../../../electron/main/security-policy.ts';
import { APP_START_URL } from '../../../electron/main/app-origin.ts';
import { CONTENT_SECURITY_POLICY } from '../../../electron/host/content-security-policy.ts';

describe('the window', () => {
  const prefs = mainWindowOptions('/app/dist/electron/preload.cjs').webPreferences!;

  it('isolates the page from Node and Electron', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist/electron/preload.cjs',
    });
  });

  it('stays hidden until painted, so the projector never shows a white flash', () => {
    expect(mainWindowOptions('p').show).toBe(false);
  });
});

describe('navigation and new windows', () => {
  it('stays inside the app', () => {
    expect(mayNavigate(APP_START_URL)).toBe(true);
    expect(mayNavigate('app://journeyboard/index.html#x')).toBe(true);
  });

  it.each(['https://example.com', 'http://127.0.0.1:3000', 'file:///etc/passwd', 'javascript:alert(1)', 'app://other/index.html', 'not a url'])(
    'refuses to navigate to %s',
    (url) => expect(mayNavigate(url)).toBe(false),
  );

  it('never opens a window, and sends only https links to the browser', () => {
    expect(windowOpenDecision('https://journeyboard.app/help')).toEqual({ action: 'deny', openExternally: true });
    for (const url of ['http://example.com', 'file:///tmp/x', 'javascript:void(0)', 'smb://share/x']) {
      expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: false });
    }
  });

  it('grants no permission requests', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) expect(mayGrantPermission(permission)).toBe(false);
  });
});

describe('IPC', () => {
  it('answers only our own page', () => {
    expect(isTrustedSender(APP_START_URL)).toBe(true);
    for (const url of ['https://evil.example', 'file:///tmp/index.html', '', undefined, null, 'app://journeyboard.evil/index.html']) {
      expect(isTrustedSender(url)).toBe(false);
    }
  });
});

describe('the content security policy', () => {
  it('allows only our own scripts: no eval, no inline script, no plugins, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});

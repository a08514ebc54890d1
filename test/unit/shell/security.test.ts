import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/window-options.ts';
import {
  externalLink,
  installNavigationGuards,
  isTrustedSender,
  mayGrantPermission,
  mayNavigate,
  mayOpenAfterConfirmation,
  openExternalDialogOptions,
  windowOpenDecision,
  type NavigationDetails,
} from '../../../electron/main/security-policy.ts';
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

describe('navigation guards', () => {
  /** A stand-in for a WebContents: records the listeners and fires one with a URL. */
  function fakeContents() {
    const listeners = new Map<string, (details: NavigationDetails) => void>();
    const contents = { on: (event: string, listener: (details: NavigationDetails) => void) => listeners.set(event, listener) };
    installNavigationGuards(contents);
    const fire = (event: string, url: string) => {
      let prevented = false;
      listeners.get(event)!({ url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    return { listeners, fire };
  }

  it('guards links, redirects and every frame alike', () => {
    const { listeners } = fakeContents();
    expect([...listeners.keys()].sort()).toEqual(['will-frame-navigate', 'will-navigate', 'will-redirect']);
  });

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: stays in the app, refuses anything else', (event) => {
    const { fire } = fakeContents();
    expect(fire(event, APP_START_URL)).toBe(false);
    for (const url of ['https://example.com', 'file:///etc/passwd', 'about:blank', 'app://other/index.html']) expect(fire(event, url)).toBe(true);
  });
});

describe('links to the browser', () => {
  it('takes only https, and shows the host it will really open', () => {
    expect(externalLink('https://Example.com/help?x=1')).toEqual({ url: 'https://example.com/help?x=1', host: 'example.com' });
    expect(externalLink('https://example.com:8443/')).toEqual({ url: 'https://example.com:8443/', host: 'example.com:8443' });
    expect(externalLink('https://example.com:443/a')?.host).toBe('example.com');
    // A look-alike international name is shown as punycode, not as the letters it imitates.
    expect(externalLink('https://exаmple.com/')?.host).toBe('xn--exmple-4nf.com');
  });

  it.each([
    'http://example.com',
    'file:///tmp/x',
    'javascript:alert(1)',
    'smb://share/x',
    'mailto:a@example.com',
    'ms-settings:',
    'https://bank.example@evil.example/',
    'https://user:pass@example.com/',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(externalLink(url)).toBeUndefined();
    expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: false });
  });

  it('asks first, naming the host, with Cancel as the default answer', () => {
    const options = openExternalDialogOptions({ url: 'https://example.com/help', host: 'example.com' });
    expect(options).toMatchObject({ type: 'question', message: 'Open example.com in your browser?', detail: 'https://example.com/help', noLink: true });
    expect(options.buttons).toEqual(['Open in Browser', 'Cancel']);
    expect(options.defaultId).toBe(1);
    expect(options.cancelId).toBe(1);
    expect(mayOpenAfterConfirmation(options.buttons!.indexOf('Open in Browser'))).toBe(true);
    expect(mayOpenAfterConfirmation(options.cancelId!)).toBe(false);
  });

  it('shortens a very long URL in the question', () => {
    const link = externalLink(`https://example.com/${'a'.repeat(1000)}`)!;
    const detail = openExternalDialogOptions(link).detail!;
    expect(detail.length).toBe(300);
    expect(detail.endsWith('…')).toBe(true);
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

import { describe, expect, it } from 'vitest';
import { workshopPathFromArgv as fromProcessArgv } from '../../../electron/main/dialog-options.ts';
import {
  isWorkshopPath,
  MAX_PENDING_OPEN_REQUESTS,
  pendingOpenRequests,
  workshopPathFromArgv,
  workshopPathsFromArgv,
  type CommandLineContext,
} from '../../../electron/main/open-requests.ts';

const linux: CommandLineContext = { cwd: '/home/fran/Workshops', platform: 'linux' };
const windows: CommandLineContext = { cwd: 'C:\\Users\\fran\\Documents', platform: 'win32' };
const exe = '/opt/Journeyboard/journeyboard';
const winExe = 'C:\\Program Files\\Journeyboard\\Journeyboard.exe';

describe('a workshop on the command line', () => {
  it('takes an absolute path after the executable', () => {
    expect(workshopPathFromArgv([exe, '/home/fran/Q3.journey'], linux)).toBe('/home/fran/Q3.journey');
  });

  it("skips Chromium's and Electron's switches, wherever they are", () => {
    expect(workshopPathFromArgv([exe, '--no-sandbox', '--enable-logging', '/home/fran/Q3.journey', '--lang=de'], linux)).toBe('/home/fran/Q3.journey');
    // macOS before 10.9 added a process serial number.
    expect(workshopPathFromArgv(['/Applications/Journeyboard.app/Contents/MacOS/Journeyboard', '-psn_0_12345'], { ...linux, platform: 'darwin' })).toBeUndefined();
  });

  it('resolves a relative path against the working directory', () => {
    expect(workshopPathFromArgv([exe, 'Q3.journey'], linux)).toBe('/home/fran/Workshops/Q3.journey');
    expect(workshopPathFromArgv([exe, '../Archive/Q2.journey'], linux)).toBe('/home/fran/Archive/Q2.journey');
    expect(workshopPathFromArgv([winExe, 'Q3.journey'], windows)).toBe('C:\\Users\\fran\\Documents\\Q3.journey');
    expect(workshopPathFromArgv([winExe, '..\\Q3.journey'], windows)).toBe('C:\\Users\\fran\\Q3.journey');
  });

  it('reads Windows paths the way Explorer passes them, quotes and all', () => {
    // The registry command is "Journeyboard.exe" "%1": normally Windows strips the quotes...
    expect(workshopPathFromArgv([winExe, 'D:\\Team Share\\Kick-off.journey'], windows)).toBe('D:\\Team Share\\Kick-off.journey');
    // ...but a launcher that splits the line itself can leave them, and a path ending in
    // a backslash before the closing quote keeps a stray one.
    expect(workshopPathFromArgv([winExe, '"D:\\Team Share\\Kick-off.journey"'], windows)).toBe('D:\\Team Share\\Kick-off.journey');
    expect(workshopPathFromArgv([winExe, 'D:\\Team Share\\Kick-off.journey"'], windows)).toBe('D:\\Team Share\\Kick-off.journey');
    expect(workshopPathFromArgv([winExe, ' "\\\\server\\share\\Q3.journey" '], windows)).toBe('\\\\server\\share\\Q3.journey');
    expect(workshopPathFromArgv([winExe, 'd:/forward/slashes.JOURNEY'], windows)).toBe('d:\\forward\\slashes.JOURNEY');
  });

  it('treats everything after -- as a file, even a name starting with a dash', () => {
    expect(workshopPathFromArgv([exe, '--', '-draft.journey'], linux)).toBe('/home/fran/Workshops/-draft.journey');
    expect(workshopPathFromArgv([exe, '-draft.journey'], linux)).toBeUndefined();
    expect(workshopPathsFromArgv([exe, '--no-sandbox', '--', '--', 'Q3.journey'], linux)).toEqual(['/home/fran/Workshops/Q3.journey']);
  });

  it('takes file: URLs, which Linux desktop entries (Exec=… %U) may pass', () => {
    expect(workshopPathFromArgv([exe, 'file:///home/fran/My%20Workshops/Q3.journey'], linux)).toBe('/home/fran/My Workshops/Q3.journey');
    expect(workshopPathFromArgv([winExe, 'file:///C:/Users/fran/Q3.journey'], windows)).toBe('C:\\Users\\fran\\Q3.journey');
    expect(workshopPathFromArgv([exe, 'file://elsewhere/home/fran/Q3.journey'], linux)).toBeUndefined();
    expect(workshopPathFromArgv([exe, 'https://example.com/Q3.journey'], linux)).toBeUndefined();
  });

  it('opens only .journey files', () => {
    expect(workshopPathFromArgv([exe, 'notes.txt', 'Q3.journey.bak', 'export.json'], linux)).toBeUndefined();
    expect(workshopPathFromArgv([exe, 'notes.txt', 'Q3.JOURNEY'], linux)).toBe('/home/fran/Workshops/Q3.JOURNEY');
    expect(isWorkshopPath('/a/Q3.journey')).toBe(true);
    expect(isWorkshopPath('.journey')).toBe(false);
  });

  it('lists several once each, in order, and picks the first for the one window', () => {
    const argv = [exe, 'b.journey', '/x/a.journey', 'b.journey'];
    expect(workshopPathsFromArgv(argv, linux)).toEqual(['/home/fran/Workshops/b.journey', '/x/a.journey']);
    expect(workshopPathFromArgv(argv, linux)).toBe('/home/fran/Workshops/b.journey');
    expect(workshopPathsFromArgv([exe], linux)).toEqual([]);
    expect(workshopPathsFromArgv([], linux)).toEqual([]);
  });

  it("unpackaged (electron <appDir> …), skips the app's folder even if it looks like a workshop", () => {
    const dev = { ...linux, defaultApp: true };
    expect(workshopPathFromArgv(['/repo/node_modules/electron/dist/electron', '/repo', 'Q3.journey'], dev)).toBe('/home/fran/Workshops/Q3.journey');
    expect(workshopPathFromArgv(['electron', '--inspect', '/srv/odd.journey', 'Q3.journey'], dev)).toBe('/home/fran/Workshops/Q3.journey');
    expect(workshopPathFromArgv(['electron', '/repo'], dev)).toBeUndefined();
  });

  it('keeps the one-argument form the dialogs module has always offered', () => {
    expect(fromProcessArgv([exe, '--no-sandbox', '/home/f/Q3.journey'])).toBe('/home/f/Q3.journey');
    expect(fromProcessArgv([exe, 'Q3.journey'])).toBe(`${process.cwd()}/Q3.journey`);
  });
});

describe('a second instance forwarding its file', () => {
  // Double-clicking a workshop while Journeyboard runs starts a second process, which hands
  // its argv and working directory to the first ('second-instance') and quits.
  it('reads the Windows argv Chromium hands over, with the switches it adds', () => {
    const argv = [winExe, '--allow-file-access-from-files', '--original-process-start-time=13370000000000000', 'C:\\Users\\fran\\Desktop\\Q3.journey'];
    expect(workshopPathFromArgv(argv, { cwd: 'C:\\Windows\\System32', platform: 'win32' })).toBe('C:\\Users\\fran\\Desktop\\Q3.journey');
  });

  it("resolves a relative path against the second instance's directory, not the first's", () => {
    expect(workshopPathFromArgv([exe, 'Q3.journey'], { cwd: '/tmp/elsewhere', platform: 'linux' })).toBe('/tmp/elsewhere/Q3.journey');
  });

  it('forwards nothing for a plain second launch', () => {
    expect(workshopPathFromArgv([winExe], windows)).toBeUndefined();
  });
});

describe('pendingOpenRequests: macOS open-file before and after the window exists', () => {
  it('holds a request that arrives before the page has loaded, and hands it over once', () => {
    const queue = pendingOpenRequests();
    expect(queue.request('/w/Q3.journey')).toBeUndefined();
    expect(queue.waiting).toEqual(['/w/Q3.journey']);
    expect(queue.pageReady()).toBe('/w/Q3.journey');
    expect(queue.waiting).toEqual([]);
  });

  it('passes a request straight through while the page is loaded', () => {
    const queue = pendingOpenRequests();
    expect(queue.pageReady()).toBeUndefined();
    expect(queue.request('/w/Q3.journey')).toBe('/w/Q3.journey');
    expect(queue.waiting).toEqual([]);
  });

  it('starts with the command line, which a later open-file overrides', () => {
    const queue = pendingOpenRequests(['/w/from-argv.journey']);
    expect(queue.waiting).toEqual(['/w/from-argv.journey']);
    queue.request('/w/from-finder.journey');
    expect(queue.pageReady()).toBe('/w/from-finder.journey');
  });

  it('opens the newest of several (one window shows one workshop) and counts a repeat once', () => {
    const queue = pendingOpenRequests();
    for (const path of ['/w/a.journey', '/w/b.journey', '/w/a.journey']) queue.request(path);
    expect(queue.waiting).toEqual(['/w/b.journey', '/w/a.journey']);
    expect(queue.pageReady()).toBe('/w/a.journey');
  });

  it('holds requests again after the window closed (macOS keeps running), until the new page loads', () => {
    const queue = pendingOpenRequests();
    queue.pageReady();
    queue.pageGone();
    expect(queue.request('/w/Q4.journey')).toBeUndefined();
    expect(queue.pageReady()).toBe('/w/Q4.journey');
    expect(queue.request('/w/Q5.journey')).toBe('/w/Q5.journey');
  });

  it('stays small however many files are dropped on the Dock', () => {
    const queue = pendingOpenRequests();
    for (let i = 0; i < 100; i++) queue.request(`/w/${i}.journey`);
    expect(queue.waiting).toHaveLength(MAX_PENDING_OPEN_REQUESTS);
    expect(queue.pageReady()).toBe('/w/99.journey');
  });
});

import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHost } from './server.ts';
import { defaultDataFolder, defaultWorkshopFolder } from './user-folders.ts';

// `npm run start:web`: Journeyboard in the browser, for machines without Electron.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-folder': { type: 'string' },
    'workshop-folder': { type: 'string' },
    open: { type: 'boolean', default: false },
  },
});

const rendererDir = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
if (!existsSync(`${rendererDir}index.html`)) {
  console.error('The app has not been built yet. Run `npm run build:renderer` (or `npm run start:web`, which builds it).');
  process.exit(1);
}

const host = await startHost({
  rendererDir,
  dataFolder: values['data-folder'] ?? defaultDataFolder(),
  defaultWorkshopFolder: values['workshop-folder'] ?? defaultWorkshopFolder(),
  port: Number(values.port),
});

console.log(`Journeyboard is running on this machine only. Open:\n\n  ${host.url}\n\nPress Ctrl+C to stop.`);
if (values.open) openInBrowser(host.url);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void host.close().then(() => process.exit(0));
  });
}

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => console.log('Could not open a browser by itself; open the link above.'));
  child.unref();
}

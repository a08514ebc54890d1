import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options } from '@electron/fuses';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { LINUX_ICON_SIZES, pngSize } from '../../../electron/icon-formats.ts';

/**
 * The packaged app's configuration (package.json "build"), checked the way
 * electron-builder checks it, so a typo fails here rather than at `npm run dist`.
 */
const read = (path: string) => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const build = read('package.json').build as Record<string, unknown>;
const schema = read('node_modules/app-builder-lib/scheme.json');

/** Electron's fuses, flipped in the binary at packaging: no back doors into the main process. */
const FUSES = {
  runAsNode: false, // ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node
  enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS cannot inject code
  enableNodeCliInspectArguments: false, // --inspect cannot attach a debugger
  enableEmbeddedAsarIntegrityValidation: true, // app.asar is checked against its hash
  onlyLoadAppFromAsar: true, // ... and is the only place code is loaded from
  enableCookieEncryption: true, // cookies on disk are encrypted with the OS keys
} as const;

// The options electron-builder 26 validates with (app-builder-lib/out/util/config/schemaValidator.js).
const validate = new Ajv({ allErrors: true, coerceTypes: true, strict: false }).compile(schema);
const isValid = (config: unknown) => validate(structuredClone(config));

describe('packaging: Electron fuses', () => {
  it.each(Object.entries(FUSES))('sets %s to %s', (fuse, value) => {
    const fuses = build.electronFuses as Record<string, unknown> | undefined;
    expect(fuses, 'package.json build.electronFuses is missing').toBeDefined();
    expect(fuses?.[fuse], `build.electronFuses.${fuse}`).toBe(value);
  });

  it('names only fuses that electron-builder and @electron/fuses know', () => {
    const known = Object.keys((schema.definitions as Record<string, { properties: object }>).FuseOptionsV1!.properties);
    for (const fuse of Object.keys(build.electronFuses as object)) {
      expect(known).toContain(fuse);
      expect(FuseV1Options).toHaveProperty(fuse[0]!.toUpperCase() + fuse.slice(1));
    }
  });
});

describe("packaging: the build configuration against electron-builder's schema", () => {
  it('is valid', () => {
    const valid = isValid(build);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('refuses a misspelled key, so the check above bites', () => {
    const { electronFuses, ...rest } = build;
    expect(isValid({ ...rest, electronFuse: electronFuses })).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ keyword: 'additionalProperties', params: { additionalProperty: 'electronFuse' } }));
    expect(isValid({ ...build, electronFuses: { ...(electronFuses as object), runAsNod: false } })).toBe(false);
    expect(isValid({ ...build, nsis: { ...(build.nsis as object), oneclick: false } })).toBe(false);
  });

  it('refuses a fuse that is not a boolean', () => {
    expect(isValid({ ...build, electronFuses: { ...(build.electronFuses as object), onlyLoadAppFromAsar: 'yes' } })).toBe(false);
  });
});

const projectPath = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const buildResources = (build.directories as { buildResources: string }).buildResources;
const section = (key: string) => (build[key] ?? {}) as Record<string, unknown>;
const fileAssociations = build.fileAssociations as Record<string, unknown>[];

/** Where electron-builder looks for a named resource: the build resources folder, then the project. */
const resolveResource = (name: string) => [join(projectPath(buildResources), name), projectPath(name)].find((path) => existsSync(path));

/**
 * Every icon file the configuration names, as electron-builder would look for it. A file
 * association's icon has no extension: macOS reads `<name>.icns`, Windows `<name>.ico`.
 */
function namedIcons(): string[] {
  const names: string[] = [];
  const visit = (value: unknown, key = '') => {
    if (typeof value === 'string' && /^icon$|Icon$/.test(key)) names.push(value);
    else if (Array.isArray(value)) value.forEach((item) => visit(item));
    else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) if (k !== 'fileAssociations') visit(v, k);
  };
  visit(build);
  for (const association of fileAssociations) {
    const icon = association.icon as string;
    names.push(/\.\w+$/.test(icon) ? icon : `${icon}.icns`, /\.\w+$/.test(icon) ? icon : `${icon}.ico`);
  }
  return names;
}

describe('packaging: the four installers', () => {
  it('builds AppImage and deb on Linux, NSIS on Windows, dmg on macOS', () => {
    expect(section('linux').target).toEqual(['AppImage', 'deb']);
    expect(section('win').target).toBe('nsis');
    expect(section('mac').target).toBe('dmg');
  });

  it('installs per machine on Windows, where NSIS registers file associations only then', () => {
    expect(section('nsis')).toMatchObject({ perMachine: true, oneClick: false });
  });

  it('is built by `npm run dist`, and the icons by `npm run icons`', () => {
    const scripts = read('package.json').scripts as Record<string, string>;
    expect(scripts.dist).toBe('npm run build && electron-builder');
    expect(scripts.icons).toBe('node electron/make-icons.ts');
    expect(existsSync(projectPath('electron/make-icons.ts'))).toBe(true);
  });
});

describe('packaging: the .journey file association', () => {
  it('is complete: extension, name, description, MIME type, role and icon', () => {
    expect(fileAssociations).toHaveLength(1);
    expect(fileAssociations[0]).toEqual({
      ext: 'journey', // a string, not a list: electron-builder writes it into the Linux MIME glob as it is
      name: 'Journeyboard workshop',
      description: 'Journeyboard workshop',
      mimeType: 'application/x-journeyboard',
      role: 'Editor',
      icon: 'journey',
    });
  });

  it('has a document icon for Finder (.icns) and Explorer (.ico)', () => {
    expect(resolveResource('journey.icns')).toBe(projectPath('build/journey.icns'));
    expect(resolveResource('journey.ico')).toBe(projectPath('build/journey.ico'));
  });
});

describe('packaging: icons', () => {
  it('every icon path the configuration names exists', () => {
    const names = namedIcons();
    expect(names).toEqual(expect.arrayContaining(['icon.png', 'icons', 'journey.icns', 'journey.ico']));
    for (const name of names) expect(resolveResource(name), `${name}, in ${buildResources}/ or the project`).toBeDefined();
  });

  it('has a 1024×1024 app icon, which electron-builder turns into the .icns and .ico', () => {
    expect(pngSize(readFileSync(resolveResource(build.icon as string)!))).toEqual({ width: 1024, height: 1024 });
  });

  it('has the Linux icon sizes 16…512, named NxN.png as electron-builder expects', () => {
    const folder = resolveResource(section('linux').icon as string)!;
    expect(readdirSync(folder).sort()).toEqual(LINUX_ICON_SIZES.map((size) => `${size}x${size}.png`).sort());
    for (const size of LINUX_ICON_SIZES) expect(pngSize(readFileSync(join(folder, `${size}x${size}.png`)))).toEqual({ width: size, height: size });
  });
});

import { readFileSync } from 'node:fs';
import { FuseV1Options } from '@electron/fuses';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

/**
 * The packaged app's configuration (package.json "build"), checked the way
 * electron-builder checks it, so a typo fails here rather than at `npm run package`.
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

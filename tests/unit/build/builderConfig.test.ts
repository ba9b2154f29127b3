import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const schema: object = JSON.parse(
  readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
);
const config = load(
  readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8'),
) as {
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  win: { target: string[] };
  files: string[];
  asar: boolean;
};

describe('electron-builder.yml', () => {
  // Compiling app-builder-lib's large schema is the slowest unit test that had no limit of its
  // own (0.5 s idle, 3 s on two cores shared with six busy loops, past vitest's default 5 s
  // when starved): the limit guards against a hang, the time is not checked.
  it("is valid against app-builder-lib's own JSON schema", () => {
    // The schema uses a custom `typeof` keyword for function-valued options; declare it.
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addKeyword({ keyword: 'typeof', schemaType: 'string' });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  }, 60_000);

  it('packages Linux AppImage and deb, and a Windows NSIS installer', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(['nsis']);
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**');
  });

  it('flips the production fuses: no Node mode, no NODE_OPTIONS, no inspect, asar only', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

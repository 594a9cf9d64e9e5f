/**
 * electron-builder.yml, checked offline: against electron-builder's own configuration schema (packaging
 * itself downloads Electron and tools, so it cannot run here), and for the kiosk's security settings.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// electron-builder's own dependencies, resolved the way electron-builder resolves them.
const builderRequire = createRequire(
  createRequire(path.join(repo, 'package.json')).resolve('app-builder-lib/package.json'),
);

interface BuilderConfig {
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: { target: string }[] };
  linux: { target: { target: string }[] };
}

let config: BuilderConfig;
beforeAll(() => {
  const yaml = builderRequire('js-yaml') as { load(text: string): unknown };
  config = yaml.load(fs.readFileSync(path.join(repo, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
});

describe('electron-builder.yml', () => {
  it("matches electron-builder's configuration schema", async () => {
    const { validateConfiguration } = builderRequire('./out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = builderRequire('builder-util/out/DebugLogger') as {
      DebugLogger: new (enabled: boolean) => unknown;
    };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  }, 60_000); // loading app-builder-lib takes seconds

  it('sets the six security fuses and keeps file:// unprivileged', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the bundles into app.asar, unpacks native addons, and rebuilds nothing', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/electron/**/*', 'dist/renderer/**/*']));
  });

  it('ships what package.json "main" points at', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('targets an NSIS installer on Windows and an AppImage on Linux', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage']);
  });
});

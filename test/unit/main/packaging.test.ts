// The packaging configuration, checked without running Forge or electron-builder (both download
// Electron or their tools): fuses, names, targets, the main entry and the icons.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import builderConfig, { APP_ID, FORGE_PACKAGED_APP, PRODUCT_NAME } from '../../../electron-builder.config';
import forgeConfig, { NOTICES_IN_BUILD } from '../../../forge.config';
import { ICO_SIZES, makeIcons, PNG_SIZE } from '../../../scripts/make-icons';

const read = (file: string) => readFileSync(new URL(`../../../${file}`, import.meta.url));
const packageJson = JSON.parse(read('package.json').toString('utf8')) as {
  main: string;
  type: string;
  scripts: Record<string, string>;
};

describe('package.json', () => {
  it('points Electron at the CommonJS main bundle (.cjs, because "type" is "module")', () => {
    expect(packageJson.type).toBe('module');
    expect(packageJson.main).toBe('.vite/build/main.cjs');
  });

  it('dist:win packages with Forge, then builds the Windows targets from that folder', () => {
    const script = packageJson.scripts['dist:win'] ?? '';
    expect(script).toContain('electron-forge package --platform win32 --arch x64');
    expect(script).toContain(`--prepackaged "${FORGE_PACKAGED_APP}"`);
    expect(script).toContain('--config electron-builder.config.ts');
  });
});

describe('forge.config.ts', () => {
  const plugin = (name: string) =>
    forgeConfig.plugins?.find((p) => (p as { name?: string }).name === name) as {
      config: Record<string, unknown>;
    };

  it('packages into an asar with the product name, icon and Windows metadata', () => {
    const packager = forgeConfig.packagerConfig ?? {};
    expect(packager).toMatchObject({
      asar: true,
      name: PRODUCT_NAME,
      executableName: 'whfb-doctor',
      icon: 'build/icon',
      appBundleId: APP_ID,
    });
    expect(packager.win32metadata).toMatchObject({
      CompanyName: PRODUCT_NAME,
      ProductName: PRODUCT_NAME,
      InternalName: 'whfb-doctor',
      'requested-execution-level': 'asInvoker',
    });
    expect(FORGE_PACKAGED_APP).toBe(`out/${packager.name}-win32-x64`);
  });

  it('copies the third-party notices the renderer build writes into resources/', async () => {
    expect(forgeConfig.packagerConfig?.extraResource).toEqual([NOTICES_IN_BUILD]);
    const rendererConfig = (await import('../../../renderer/vite.config')).default as {
      build: { outDir: string };
    };
    expect(path.resolve(rendererConfig.build.outDir, 'third-party-notices.txt')).toBe(
      path.resolve(fileURLToPath(new URL('../../../', import.meta.url)), NOTICES_IN_BUILD),
    );
  });

  it('flips the fuses of the security checklist', () => {
    expect(plugin('fuses').config).toMatchObject({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('builds main, preload and the renderer with the repository Vite configs', () => {
    expect(plugin('vite').config).toEqual({
      build: [
        { entry: 'electron/main.ts', config: 'electron/vite.config.ts', target: 'main' },
        { entry: 'electron/preload.ts', config: 'electron/vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'renderer/vite.config.ts' }],
    });
  });

  it('makes a zip and a Squirrel installer for Windows', () => {
    const makers = (forgeConfig.makers ?? []) as { name: string; platformsToMakeOn?: string[] }[];
    expect(makers.map((m) => [m.name, m.platformsToMakeOn])).toEqual([
      ['zip', ['win32']],
      ['squirrel', ['win32']],
    ]);
    expect((makers[1] as unknown as { configOrConfigFetcher: object }).configOrConfigFetcher).toMatchObject({
      setupIcon: 'build/icon.ico',
    });
  });
});

describe('electron-builder.config.ts', () => {
  it('builds a portable exe and a per-user NSIS installer', () => {
    expect(builderConfig).toMatchObject({
      appId: APP_ID,
      productName: PRODUCT_NAME,
      executableName: 'whfb-doctor',
    });
    expect(builderConfig.win).toMatchObject({
      icon: 'build/icon.ico',
      requestedExecutionLevel: 'asInvoker',
      target: [
        { target: 'portable', arch: ['x64'] },
        { target: 'nsis', arch: ['x64'] },
      ],
    });
    const macro = (name: string) => `\${${name}}`;
    expect(builderConfig.portable?.artifactName).toBe(
      `WHfB-Doctor-${macro('version')}-portable.${macro('ext')}`,
    );
    expect(builderConfig.nsis).toMatchObject({
      artifactName: `WHfB-Doctor-${macro('version')}-setup.${macro('ext')}`,
      oneClick: true,
      perMachine: false,
    });
  });
});

describe('icons', () => {
  function pngSize(png: Buffer): [number, number] {
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    return [png.readUInt32BE(16), png.readUInt32BE(20)];
  }

  it('build/icon.png is a 512×512 PNG whose pixels decode', () => {
    const png = read('build/icon.png');
    expect(pngSize(png)).toEqual([PNG_SIZE, PNG_SIZE]);
    const idat = png.indexOf('IDAT');
    const length = png.readUInt32BE(idat - 4);
    expect(inflateSync(png.subarray(idat + 4, idat + 4 + length)).length).toBe(PNG_SIZE * (PNG_SIZE * 4 + 1));
  });

  it('build/icon.ico holds 16, 24, 32, 48, 64 and 256 px images', () => {
    const ico = read('build/icon.ico');
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const size = ico[entry] || 256;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      const image = ico.subarray(offset, offset + length);
      expect(image.length).toBe(length);
      if (size === 256) expect(pngSize(image)).toEqual([256, 256]);
      else {
        expect(image.readUInt32LE(0)).toBe(40); // BITMAPINFOHEADER
        expect([image.readInt32LE(4), image.readInt32LE(8), image.readUInt16LE(14)]).toEqual([
          size,
          size * 2,
          32,
        ]);
      }
      sizes.push(size);
    }
    expect(sizes).toEqual([...ICO_SIZES]);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('the committed icons are what scripts/make-icons.ts draws', () => {
    const { png, ico } = makeIcons();
    expect(png.equals(read('build/icon.png'))).toBe(true);
    expect(ico.equals(read('build/icon.ico'))).toBe(true);
  }, 60_000);
});

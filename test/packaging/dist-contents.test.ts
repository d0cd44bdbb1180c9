// The packaging check (scripts/dist-contents.mjs) on made-up apps, so each kind of broken
// installer is known to fail it. The real output is checked by `npm run dist:check` itself (a
// counted step of `npm test`): building it takes electron-builder, so the unit suite never does.
import { describe, expect, it } from 'vitest';
import { nativeAbi, packagingProblems, type Expected, type PackagedApp } from '../../scripts/dist-contents.mjs';

const ELF = [0x7f, 0x45, 0x4c, 0x46];
const addon = (abi: number, magic = ELF) => Buffer.concat([Buffer.from(magic), Buffer.from(`\0...node_register_module_v${abi}\0...`)]);
const NATIVE = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
const json = (v: unknown) => JSON.stringify(v);

/** A correct app in the asar's terms: path -> content, and which paths are unpacked. */
function goodApp(): Map<string, { content: string | Buffer; unpacked?: boolean }> {
  return new Map<string, { content: string | Buffer; unpacked?: boolean }>([
    ['package.json', { content: json({ name: 'emcc-lab', main: 'dist/main/shell.cjs', dependencies: { 'better-sqlite3': '^12', ssh2: '^1' } }) }],
    ['dist/main/shell.cjs', { content: 'require("better-sqlite3"); require("ssh2"); require("node:fs"); require("crypto"); require("electron");' }],
    ['dist/main/preload.cjs', { content: 'require("electron");' }],
    ['dist/renderer/index.html', { content: '<script type="module" src="./assets/index-a1.js"></script><link href="./assets/index-b2.css">' }],
    ['dist/renderer/assets/index-a1.js', { content: 'js' }],
    ['dist/renderer/assets/index-b2.css', { content: 'css' }],
    ['resources/scenarios/error-002.emccscenario', { content: 'two' }],
    ['resources/scenarios/story-1.emccscenario', { content: 'story' }],
    ['node_modules/better-sqlite3/package.json', { content: json({ name: 'better-sqlite3', dependencies: { bindings: '^1' } }) }],
    ['node_modules/better-sqlite3/lib/index.js', { content: 'js' }],
    [NATIVE, { content: addon(150), unpacked: true }],
    ['node_modules/bindings/package.json', { content: json({ name: 'bindings', dependencies: { 'file-uri-to-path': '1' } }) }],
    // Nested where npm put a second version: found before the root one, as Node finds it.
    ['node_modules/bindings/node_modules/file-uri-to-path/package.json', { content: json({ name: 'file-uri-to-path' }) }],
    ['node_modules/ssh2/package.json', { content: json({ name: 'ssh2', dependencies: { asn1: '^0.2' }, optionalDependencies: { 'cpu-features': '~0.0.10' } }) }],
    ['node_modules/asn1/package.json', { content: json({ name: 'asn1' }) }],
  ]);
}

function asApp(entries: ReturnType<typeof goodApp>, { missingOnDisk = [] as string[] } = {}): PackagedApp {
  const files = [...entries].map(([p, e]) => ({ path: p, size: Buffer.byteLength(e.content), unpacked: e.unpacked === true }));
  return {
    files,
    unpackedOnDisk: files.filter((f) => f.unpacked && !missingOnDisk.includes(f.path)).map((f) => f.path),
    read: (p) => {
      const e = entries.get(p);
      return e && !missingOnDisk.includes(p) ? Buffer.from(e.content) : undefined;
    },
    executable: true,
  };
}

/** What the project would say for goodApp(): the sizes of the files as built. */
function expectedFor(entries: ReturnType<typeof goodApp>, over: Partial<Expected> = {}): Expected {
  const sized = (prefix: string) => [...entries].filter(([p]) => p.startsWith(prefix)).map(([p, e]) => ({ path: p, size: Buffer.byteLength(e.content) }));
  return {
    name: 'emcc-lab',
    main: 'dist/main/shell.cjs',
    bundles: sized('dist/main/'),
    renderer: sized('dist/renderer/'),
    scenarios: sized('resources/scenarios/'),
    devDependencies: ['vitest', 'electron', 'typescript', '@playwright/test'],
    nativeModules: [NATIVE],
    platform: 'linux',
    abi: 150,
    ...over,
  };
}

const problemsOf = (entries: ReturnType<typeof goodApp>, over: Partial<Expected> = {}, missingOnDisk: string[] = []) =>
  packagingProblems(asApp(entries, { missingOnDisk }), expectedFor(goodApp(), over)).problems;

describe('the packaging check', () => {
  it('passes an app with the bundles, the library, the runtime dependencies and the unpacked addon', () => {
    const { problems, notes } = packagingProblems(asApp(goodApp()), expectedFor(goodApp()));
    expect(problems).toEqual([]);
    expect(notes).toContain(`${NATIVE}: unpacked, built for ABI 150`);
  });

  it('reads the ABI a V8 addon registers for, and none from a Node-API one', () => {
    expect(nativeAbi(addon(115))).toBe(115);
    expect(nativeAbi(Buffer.from('napi_register_module_v1'))).toBeUndefined();
  });

  it('names each kind of development file that leaked into the app', () => {
    const app = goodApp();
    for (const leak of ['test/main/cli/cli-run.test.ts', 'main/shell/electron-main.ts', 'renderer/src/main.tsx', 'shared/scenario.ts', 'scripts/build.mjs',
      'dist/main/shell.cjs.map', '.ci/run', 'docs/screenshot.png', 'dist/cli/cli.mjs', 'tsconfig.json', 'node_modules/ssh2/lib/client.js.map',
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', 'node_modules/better-sqlite3/build/Release/obj.target/sqlite3.o']) {
      app.set(leak, { content: 'x' });
    }
    const problems = problemsOf(app).join('\n');
    for (const kind of ['test files: test/main/cli/cli-run.test.ts', 'TypeScript sources: main/shell/electron-main.ts, shared/scenario.ts', 'renderer sources: renderer/src/main.tsx',
      'build scripts: scripts/build.mjs', 'source maps: dist/main/shell.cjs.map, node_modules/ssh2/lib/client.js.map', 'CI files: .ci/run', 'documentation: docs/screenshot.png',
      'the command-line bundle', 'not part of the app (see files in electron-builder.yml): tsconfig.json', 'native build inputs or leftovers (only the compiled .node ships): node_modules/better-sqlite3/deps/sqlite3/sqlite3.c']) {
      expect(problems).toContain(kind);
    }
  });

  it('refuses devDependencies and packages no runtime dependency needs', () => {
    const app = goodApp();
    app.set('node_modules/vitest/package.json', { content: json({ name: 'vitest' }) });
    app.set('node_modules/@playwright/test/package.json', { content: json({ name: '@playwright/test' }) });
    app.set('node_modules/ssh2/node_modules/electron/package.json', { content: json({ name: 'electron' }) });
    app.set('node_modules/left-pad/package.json', { content: json({ name: 'left-pad' }) });
    expect(problemsOf(app)).toEqual([
      'node_modules/@playwright/test is a devDependency; it must not ship',
      'node_modules/left-pad is not needed by any runtime dependency',
      'node_modules/ssh2/node_modules/electron is a devDependency; it must not ship',
      'node_modules/vitest is a devDependency; it must not ship',
    ]);
  });

  it('finds a runtime dependency missing however deep, but not an optional one', () => {
    const app = goodApp();
    app.delete('node_modules/bindings/node_modules/file-uri-to-path/package.json');
    expect(problemsOf(app)).toEqual(["file-uri-to-path, a dependency of bindings, is missing from app.asar's node_modules"]);
  });

  it('finds what the bundles require at run time but the app does not hold', () => {
    const app = goodApp();
    app.set('dist/main/shell.cjs', { content: 'require("better-sqlite3"); require("ssh2"); require("zod/v4");' });
    expect(packagingProblems(asApp(app), expectedFor(app)).problems)
      .toEqual(["dist/main/shell.cjs requires zod/v4, which is not in app.asar's node_modules (a runtime dependency?)"]);
  });

  it('finds missing and stale bundles, renderer files and scenarios', () => {
    const app = goodApp();
    app.delete('dist/main/preload.cjs');
    app.delete('resources/scenarios/story-1.emccscenario');
    app.delete('dist/renderer/assets/index-b2.css');
    app.set('dist/main/shell.cjs', { content: `${app.get('dist/main/shell.cjs')!.content as string} // older` });
    app.set('resources/scenarios/removed-since.emccscenario', { content: 'old' });
    expect(problemsOf(app)).toEqual([
      expect.stringMatching(/^the bundle dist\/main\/shell\.cjs in app\.asar \(\d+ bytes\) is not the one in the project \(\d+ bytes\): stale build\?$/),
      'the bundle dist/main/preload.cjs is missing from app.asar',
      'the renderer file dist/renderer/assets/index-b2.css is missing from app.asar',
      'the scenario resources/scenarios/story-1.emccscenario is missing from app.asar',
      'dist/renderer/index.html loads ./assets/index-b2.css, which is not in app.asar',
      "app.asar holds scenarios the project's library does not have (stale output?): resources/scenarios/removed-since.emccscenario",
    ]);
  });

  it('checks the app is named and started as the shell expects', () => {
    const app = goodApp();
    app.set('package.json', { content: json({ name: 'emcc', main: 'main/shell/electron-main.ts', dependencies: { 'better-sqlite3': '^12', ssh2: '^1' } }) });
    expect(problemsOf(app)).toEqual([
      'package.json names the app "emcc", not emcc-lab (the scenario library is found by that name)',
      'package.json\'s main is "main/shell/electron-main.ts", not dist/main/shell.cjs',
    ]);
  });

  it('wants the addon unpacked, present, a binary for the platform and built for the expected ABI', () => {
    const inside = goodApp();
    inside.set(NATIVE, { content: addon(150) });
    expect(problemsOf(inside)).toEqual([`${NATIVE} is inside app.asar; a native module must be unpacked (asarUnpack)`]);
    expect(problemsOf(goodApp(), {}, [NATIVE])).toEqual([`${NATIVE} is marked unpacked but is not in app.asar.unpacked`]);
    const gone = goodApp();
    gone.delete(NATIVE);
    expect(problemsOf(gone)).toEqual([`${NATIVE} is missing: better-sqlite3 cannot load`]);
    const forNode = goodApp();
    forNode.set(NATIVE, { content: addon(115), unpacked: true });
    expect(problemsOf(forNode)).toEqual([`${NATIVE} is built for ABI 115, not 150: it will not load (rebuild it for Electron)`]);
    expect(problemsOf(forNode, { abi: undefined })).toEqual([]);
    const windows = goodApp();
    windows.set(NATIVE, { content: addon(150, [0x4d, 0x5a]), unpacked: true });
    expect(problemsOf(windows)).toEqual([`${NATIVE} is not a native module for linux`]);
  });
});

// What went into a packaged app, checked against what the installers must hold: the main,
// preload and renderer bundles as just built, the whole scenario library, the runtime
// dependencies with better-sqlite3's compiled module unpacked beside the asar, and nothing else
// (no sources, tests, scripts, docs, source maps, build intermediates or devDependencies).
// scripts/dist-check.mjs runs it on the offline Linux build, scripts/dist.mjs on real installers'
// unpacked apps; test/packaging/dist-contents.test.ts feeds it broken apps.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';

/** better-sqlite3's addon, the one native module the app cannot run without. */
export const NATIVE_MODULES = ['node_modules/better-sqlite3/build/Release/better_sqlite3.node'];

// Outside node_modules, the only paths an app may hold (the `files` of electron-builder.yml).
const ALLOWED = [/^package\.json$/, /^dist\/main\/[^/]+\.cjs$/, /^dist\/renderer\//, /^resources\/scenarios\/[^/]+\.emccscenario$/];

// What a path outside the allowed ones is, for a message that says what leaked.
const LEAKS = [
  [/\.map$/, 'source maps'],
  [/^test\//, 'test files'],
  [/^(main|shared)\//, 'TypeScript sources'],
  [/^renderer\//, 'renderer sources'],
  [/^scripts\//, 'build scripts'],
  [/^(\.ci|\.github)\//, 'CI files'],
  [/^docs\//, 'documentation'],
  [/^dist\/cli\//, 'the command-line bundle (the desktop app does not run it)'],
  [/^dist\/bench\//, 'benchmark bundles'],
  [/^bin\//, 'the npm command'],
];

// Native build inputs and leftovers: an installer needs only the compiled .node file.
const BUILD_LEFTOVERS = /(\.(c|cc|cpp|h|hpp|gyp|gypi|o|obj|a|mk|pdb)|\/Makefile|\/config\.gypi|\/test_extension\.node)$/;

// The start of a loadable native module on each platform (ELF, PE, Mach-O thin and universal).
const BINARY_MAGIC = {
  linux: [[0x7f, 0x45, 0x4c, 0x46]],
  win32: [[0x4d, 0x5a]],
  darwin: [[0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]],
};

/**
 * The ABI a native module was built for, read from the registration symbol V8 addons export
 * (`node_register_module_v115` for Node 20, `v150` for Electron 45); undefined for Node-API
 * addons, which load under any ABI.
 */
export function nativeAbi(bytes) {
  const m = /node_register_module_v(\d+)/.exec(Buffer.from(bytes).toString('latin1'));
  return m ? Number(m[1]) : undefined;
}

const PACKAGE_DIR = /(^|\/)node_modules\/(@[^/]+\/)?[^/]+$/;

function packageName(dir) {
  return dir.slice(dir.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

// Node's lookup: the package's own node_modules, then each enclosing one up to the app root.
function resolvePackage(fromDir, name, packageDirs) {
  for (let dir = fromDir; ; ) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packageDirs.has(candidate)) return candidate;
    if (!dir) return undefined;
    const up = dir.lastIndexOf('/node_modules/');
    dir = up < 0 ? '' : dir.slice(0, up);
  }
}

function parseJson(bytes) {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Everything wrong with a packaged app, one sentence each (empty when it is right), and notes
 * worth printing either way.
 *
 * app: { files: [{ path, size, unpacked }] from the asar header, unpackedOnDisk: paths present
 *   in app.asar.unpacked, read(path): Buffer | undefined, executable?: boolean | undefined }
 * expected: { name, main, bundles / renderer / scenarios: [{ path, size (undefined: any) }], devDependencies:
 *   names, nativeModules: paths, platform, abi?: the ABI the native modules must have }
 */
export function packagingProblems(app, expected) {
  const problems = [];
  const notes = [];
  const files = new Map(app.files.map((f) => [f.path, f]));
  const unpackedOnDisk = new Set(app.unpackedOnDisk);

  if (app.executable === false) problems.push(`the app's executable is missing beside resources/ (electron-builder names it after package.json)`);

  // The app's own files: the bundles as just built, the whole scenario library, nothing else.
  const pkg = parseJson(app.read('package.json') ?? '');
  if (!pkg) problems.push('package.json is missing from app.asar or is not JSON');
  else {
    if (pkg.name !== expected.name) problems.push(`package.json names the app ${JSON.stringify(pkg.name)}, not ${expected.name} (the scenario library is found by that name)`);
    if (pkg.main !== expected.main) problems.push(`package.json's main is ${JSON.stringify(pkg.main)}, not ${expected.main}`);
  }
  const sameAsBuilt = (want, what) => {
    const got = files.get(want.path);
    if (!got) problems.push(`${what} ${want.path} is missing from app.asar`);
    else if (want.size !== undefined && got.size !== want.size) problems.push(`${what} ${want.path} in app.asar (${got.size} bytes) is not the one in the project (${want.size} bytes): stale build?`);
  };
  for (const b of expected.bundles) sameAsBuilt(b, 'the bundle');
  for (const r of expected.renderer) sameAsBuilt(r, 'the renderer file');
  for (const s of expected.scenarios) sameAsBuilt(s, 'the scenario');
  const html = app.read('dist/renderer/index.html');
  if (html) {
    for (const [, ref] of Buffer.from(html).toString('utf8').matchAll(/(?:src|href)="\.\/([^"]+)"/g)) {
      if (!files.has(`dist/renderer/${ref}`)) problems.push(`dist/renderer/index.html loads ./${ref}, which is not in app.asar`);
    }
  }
  const scenarioNames = new Set(expected.scenarios.map((s) => s.path));
  // A wrong `files` pattern lets in whole folders: one line per kind of leak, with examples.
  const leaks = new Map();
  const leak = (why, file) => leaks.set(why, [...(leaks.get(why) ?? []), file]);
  for (const f of app.files) {
    if (f.path.startsWith('node_modules/')) continue;
    if (f.path.startsWith('resources/scenarios/') && !scenarioNames.has(f.path)) {
      leak('scenarios the project\'s library does not have (stale output?)', f.path);
      continue;
    }
    const known = LEAKS.find(([re]) => re.test(f.path));
    if (known) leak(known[1], f.path);
    else if (!ALLOWED.some((re) => re.test(f.path))) leak('files that are not part of the app (see files in electron-builder.yml)', f.path);
  }

  // node_modules: exactly the runtime dependencies and what they need, walked as Node resolves.
  const packageDirs = new Set();
  for (const f of app.files) {
    if (f.path.endsWith('/package.json') && PACKAGE_DIR.test(f.path.slice(0, -'/package.json'.length))) {
      packageDirs.add(f.path.slice(0, -'/package.json'.length));
    }
  }
  const needed = new Set();
  const queue = [];
  const want = (from, deps, optional, by) => {
    for (const name of Object.keys(deps ?? {})) queue.push({ from, name, optional: optional || false, by });
  };
  if (pkg) {
    want('', pkg.dependencies, false, 'package.json');
    want('', pkg.optionalDependencies, true, 'package.json');
  }
  while (queue.length) {
    const { from, name, optional, by } = queue.shift();
    const dir = resolvePackage(from, name, packageDirs);
    if (!dir) {
      if (!optional) problems.push(`${name}, a dependency of ${by}, is missing from app.asar's node_modules`);
      continue;
    }
    if (needed.has(dir)) continue;
    needed.add(dir);
    const dep = parseJson(app.read(`${dir}/package.json`) ?? '') ?? {};
    const optionals = dep.optionalDependencies ?? {};
    want(dir, Object.fromEntries(Object.entries(dep.dependencies ?? {}).filter(([n]) => !(n in optionals))), false, name);
    want(dir, optionals, true, name);
  }
  // The bundles' own require()s: esbuild leaves the externals of scripts/build.mjs to be found in
  // node_modules at run time, so each one must be packaged (a devDependency would not be).
  for (const b of expected.bundles) {
    const code = app.read(b.path);
    if (!code) continue;
    for (const [, spec] of Buffer.from(code).toString('utf8').matchAll(/\brequire\(["']([^"'./][^"']*)["']\)/g)) {
      const name = spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
      if (spec.startsWith('node:') || builtinModules.includes(name) || name === 'electron') continue;
      if (!resolvePackage('', name, packageDirs)) problems.push(`${b.path} requires ${spec}, which is not in app.asar's node_modules (a runtime dependency?)`);
    }
  }
  const devDependencies = new Set(expected.devDependencies);
  for (const dir of [...packageDirs].sort()) {
    if (needed.has(dir)) continue;
    const name = packageName(dir);
    problems.push(devDependencies.has(name) ? `${dir} is a devDependency; it must not ship` : `${dir} is not needed by any runtime dependency`);
  }
  for (const f of app.files) {
    if (!f.path.startsWith('node_modules/')) continue;
    if (f.path.endsWith('.map')) leak('source maps', f.path);
    else if (BUILD_LEFTOVERS.test(f.path)) leak('native build inputs or leftovers (only the compiled .node ships)', f.path);
  }
  for (const [why, paths] of leaks) {
    const more = paths.length > 5 ? `, … (${paths.length} in all)` : '';
    problems.push(`app.asar holds ${why}: ${paths.slice(0, 5).join(', ')}${more}`);
  }

  // Native modules: unpacked (a .node cannot load from inside the asar), real binaries for the
  // platform, and built for the ABI of the runtime that will load them.
  const magic = BINARY_MAGIC[expected.platform] ?? [];
  for (const native of expected.nativeModules) {
    if (!files.has(native)) problems.push(`${native} is missing: better-sqlite3 cannot load`);
  }
  for (const f of app.files) {
    if (!f.path.endsWith('.node') || BUILD_LEFTOVERS.test(f.path)) continue;
    if (!f.unpacked) {
      problems.push(`${f.path} is inside app.asar; a native module must be unpacked (asarUnpack)`);
      continue;
    }
    if (!unpackedOnDisk.has(f.path)) {
      problems.push(`${f.path} is marked unpacked but is not in app.asar.unpacked`);
      continue;
    }
    const bytes = app.read(f.path) ?? Buffer.alloc(0);
    if (magic.length && !magic.some((m) => m.every((b, i) => bytes[i] === b))) {
      problems.push(`${f.path} is not a native module for ${expected.platform}`);
    }
    const abi = nativeAbi(bytes);
    if (expected.abi !== undefined && abi !== undefined && abi !== expected.abi) {
      problems.push(`${f.path} is built for ABI ${abi}, not ${expected.abi}: it will not load (rebuild it for Electron)`);
    } else notes.push(`${f.path}: unpacked, ${abi === undefined ? 'Node-API' : `built for ABI ${abi}`}`);
  }
  return { problems, notes };
}

/** What the project says the app holds: its package.json and the files as just built. */
export function expectedFromProject(projectDir, { platform = process.platform, abi } = {}) {
  const pkg = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8'));
  // A file the app needs whether or not the project has built it yet (then its size is unknown).
  const sized = (rel) => ({ path: rel, size: existsSync(path.join(projectDir, rel)) ? statSync(path.join(projectDir, rel)).size : undefined });
  const listed = (dir, keep) => walk(path.join(projectDir, dir)).filter(keep).map((f) => sized(`${dir}/${f}`));
  const renderer = listed('dist/renderer', (f) => !f.endsWith('.map'));
  return {
    name: pkg.name,
    main: 'dist/main/shell.cjs',
    bundles: ['dist/main/shell.cjs', 'dist/main/preload.cjs'].map(sized),
    renderer: renderer.some((r) => r.path === 'dist/renderer/index.html') ? renderer : [...renderer, sized('dist/renderer/index.html')],
    scenarios: listed('resources/scenarios', (f) => f.endsWith('.emccscenario')),
    devDependencies: Object.keys(pkg.devDependencies ?? {}),
    nativeModules: NATIVE_MODULES,
    platform,
    abi,
  };
}

/** Relative paths (with /) of every file under dir; none when it does not exist. */
function walk(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]);
}

/** Where an unpacked app keeps app.asar: resources/ on Linux and Windows, inside the .app on macOS. */
export function resourcesDirOf(appOutDir) {
  if (existsSync(path.join(appOutDir, 'resources', 'app.asar'))) return path.join(appOutDir, 'resources');
  const bundle = existsSync(appOutDir) ? readdirSync(appOutDir).find((f) => f.endsWith('.app')) : undefined;
  return bundle ? path.join(appOutDir, bundle, 'Contents', 'Resources') : path.join(appOutDir, 'resources');
}

/** Reads an unpacked app (electron-builder's `dir` output) into what packagingProblems takes. */
export function readPackagedApp(appOutDir, { executable } = {}) {
  const resources = resourcesDirOf(appOutDir);
  const archive = path.join(resources, 'app.asar');
  if (!existsSync(archive)) return undefined;
  // @electron/asar comes with electron-builder; resolved from there so hoisting does not matter.
  const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
  const asar = createRequire(fromBuilder.resolve('app-builder-lib'))('@electron/asar');
  const files = [];
  const visit = (node, prefix) => {
    for (const [name, entry] of Object.entries(node.files ?? {})) {
      const rel = prefix + name;
      if (entry.files) visit(entry, `${rel}/`);
      else files.push({ path: rel, size: entry.size ?? 0, unpacked: entry.unpacked === true });
    }
  };
  visit(asar.getRawHeader(archive).header, '');
  const unpackedDir = path.join(resources, 'app.asar.unpacked');
  const unpackedOnDisk = walk(unpackedDir);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const read = (rel) => {
    const f = byPath.get(rel);
    if (!f) return undefined;
    if (f.unpacked) return existsSync(path.join(unpackedDir, rel)) ? readFileSync(path.join(unpackedDir, rel)) : undefined;
    return asar.extractFile(archive, rel);
  };
  return {
    archive,
    files,
    unpackedOnDisk,
    read,
    executable: executable === undefined ? undefined : existsSync(path.join(appOutDir, executable)),
  };
}

/** Checks the unpacked app in appOutDir against the project; prints and returns its problems. */
export function checkPackagedApp(appOutDir, projectDir, options = {}) {
  const app = readPackagedApp(appOutDir, options);
  if (!app) return { problems: [`${path.join(resourcesDirOf(appOutDir), 'app.asar')} does not exist`], notes: [] };
  const result = packagingProblems(app, expectedFromProject(projectDir, options));
  const size = statSync(app.archive).size;
  result.notes.unshift(`${app.archive}: ${app.files.length} files, ${(size / 1048576).toFixed(1)} MB; app.asar.unpacked: ${app.unpackedOnDisk.length} files`);
  return result;
}

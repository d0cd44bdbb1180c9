// Types of scripts/dist-contents.mjs for its test (test/packaging/dist-contents.test.ts).
export type PackagedFile = { path: string; size: number; unpacked: boolean };
export type PackagedApp = {
  files: PackagedFile[];
  unpackedOnDisk: string[];
  read(path: string): Buffer | undefined;
  executable?: boolean | undefined;
};
export type Sized = { path: string; size: number | undefined };
export type Expected = {
  name: string;
  main: string;
  bundles: Sized[];
  renderer: Sized[];
  scenarios: Sized[];
  devDependencies: string[];
  nativeModules: string[];
  platform: string;
  abi?: number | undefined;
};
export type CheckOptions = { platform?: string; abi?: number; executable?: string };
export declare const NATIVE_MODULES: string[];
export declare function nativeAbi(bytes: Uint8Array): number | undefined;
export declare function packagingProblems(app: PackagedApp, expected: Expected): { problems: string[]; notes: string[] };
export declare function expectedFromProject(projectDir: string, options?: CheckOptions): Expected;
export declare function resourcesDirOf(appOutDir: string): string;
export declare function readPackagedApp(appOutDir: string, options?: CheckOptions): (PackagedApp & { archive: string }) | undefined;
export declare function checkPackagedApp(appOutDir: string, projectDir: string, options?: CheckOptions): { problems: string[]; notes: string[] };

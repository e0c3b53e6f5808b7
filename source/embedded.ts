/**
 * What the single-file build (lanscope-kot.exe, scripts/build-exe.mjs) carries inside itself instead of
 * reading files beside the code: there is no folder beside an exe copied onto a server. The build replaces
 * this module with one that exports the real values; in the npm package nothing is embedded and the files
 * are read where they are (package.json, examples/demo/, the log worker's module).
 */
export interface Embedded {
  /** package.json's version at build time. */
  version: string;
  /** The log reader thread (io/log-worker.ts) as one CommonJS script, started with `eval: true`. */
  logWorkerScript: string;
  /** examples/demo/: paths relative to it with forward slashes, contents in base64. */
  demoFiles: ReadonlyArray<{ path: string; base64: string }>;
}

export const embedded: Embedded | undefined = undefined;

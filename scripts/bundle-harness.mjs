// The render harness of the UI tests (renderWizard of test/ui/helpers.tsx, ink-testing-library) bundled
// the way the wizard ships (esbuild-plugins.mjs wizardBundleOptions), so that what it renders is the
// Ink the admin runs: bench/wizard-render.mjs times it, test/ui/ink-frames.test.ts compares its frames
// with Ink as published. Needs a build (dist/test).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { wizardBundleOptions } from './esbuild-plugins.mjs';

/** Resolves to the bundled module: `{ renderWizard, cleanup, KEY, stringWidth, tokenize }`. `root`: the repository. */
export async function bundledHarness(root) {
  const dir = await mkdtemp(join(tmpdir(), 'lanscope-kot-harness-'));
  try {
    const outfile = join(dir, 'harness.mjs');
    await build({
      ...wizardBundleOptions,
      stdin: {
        contents: `export { renderWizard, KEY } from ${JSON.stringify(join(root, 'dist', 'test', 'ui', 'helpers.js'))};\nexport { cleanup } from 'ink-testing-library';\nexport { default as stringWidth } from 'string-width';\nexport { tokenize } from '@alcalzone/ansi-tokenize';`,
        resolveDir: root,
        loader: 'js',
      },
      outfile,
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    // Imported: the file is no longer needed.
    await rm(dir, { recursive: true, force: true });
  }
}

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';

/**
 * Steps 2–7 are loaded after the wizard's first frame (start-up). This runs in a fresh process, where
 * nothing has loaded them yet (the other UI tests load them first), and renders the wizard on step 2.
 */
const dist = (path: string) => new URL(`../../source/${path}`, import.meta.url).href;

function framesOfFreshWizard(step: number): string[] {
  const script = `
    import { createElement } from 'react';
    import { render } from 'ink-testing-library';
    const { Wizard } = await import(${JSON.stringify(dist('ui/app.js'))});
    const { valuesFromSettings } = await import(${JSON.stringify(dist('ui/state.js'))});
    const initial = valuesFromSettings({}, {});
    const h = render(createElement(Wizard, { lang: 'en', env: {}, initial, initialStep: ${step}, onExit: () => {} }));
    const started = Date.now();
    while (!h.lastFrame().includes('Tab/↑↓ field') || h.lastFrame().includes('loading')) {
      if (Date.now() - started > 10000) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    process.stdout.write(JSON.stringify(h.frames));
    h.unmount();
    process.exit(0);
  `;
  // Resolved from the package (react, ink-testing-library): run with the repository as the working directory.
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: new URL('../../../', import.meta.url),
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return JSON.parse(out) as string[];
}

describe('steps 2–7 load after the first frame', () => {
  it('draws the frame at once with "loading", then the step', () => {
    const frames = framesOfFreshWizard(2);
    assert.match(frames[0]!, /2\/7/);
    assert.match(frames[0]!, /loading …/, 'the first frame does not wait for steps 2–7');
    const last = frames.at(-1)!;
    assert.doesNotMatch(last, /loading …/);
    assert.match(last, /勤怠簿出力\.sql/, 'step 2 itself once loaded');
  });
});

describe('--demo: steps 2–7 wait for the sample files written after the first frame', () => {
  it('says "loading" until the files are in place, then shows the step; a failed write is named instead of the step, with what to do', async () => {
    const { renderWizard, waitForFrame } = await import('./helpers.js');
    const { cleanup } = await import('ink-testing-library');
    const { demoFolder, demoValues, fillDemoFolder } = await import('../../source/ui/demo.js');
    const { mkdtempSync, rmSync, existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const parent = mkdtempSync(join(tmpdir(), 'lanscope-kot-demo-ready-'));
    try {
      const demo = demoFolder(parent);
      assert.equal(existsSync(demo.sqlPath), false, 'the folder only, before the first frame');
      let write!: () => void;
      const demoReady = new Promise<void>((resolve) => (write = resolve)).then(() => fillDemoFolder(demo));
      const h = renderWizard({ step: 2, values: demoValues(demo), demo, demoReady, columns: 100, rows: 30 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.match(h.lastFrame() ?? '', /loading …/, 'step 2 is not shown before its SQL file exists');
      write();
      const frame = await waitForFrame(h.lastFrame, /05:00/);
      assert.ok(existsSync(demo.sqlPath));
      assert.doesNotMatch(frame, /loading …|not found|見つかりません/);
      h.unmount();

      const failing = Promise.reject(new Error('ENOSPC: no space left on device, write'));
      failing.catch(() => undefined);
      const f = renderWizard({ step: 2, values: demoValues(demo), demo, demoReady: failing, columns: 100, rows: 30 });
      const failed = (await waitForFrame(f.lastFrame, /ENOSPC/)).replace(/\s+/g, ' ');
      assert.match(failed, /The demo's sample files could not be written to .*lanscope-kot-demo-.* \(ENOSPC: no space left on device, write\)/);
      assert.match(failed, /TMPDIR/);
      assert.doesNotMatch(failed, /Reinstall/, 'not the advice for a damaged install');
      f.unmount();
    } finally {
      cleanup();
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

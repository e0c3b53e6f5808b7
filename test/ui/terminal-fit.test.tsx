import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { displayWidth } from '../../source/core/display-width.js';
import type { Lang } from '../../source/i18n/message.js';
import type { StepNumber } from '../../source/ui/state.js';
import { demoForSuite } from './demo-fixture.js';
import { flat, foreignFlags, renderWizard, typeAndWait } from './helpers.js';

const SIZES = [
  [80, 24],
  [120, 40],
] as const;
const STEPS: StepNumber[] = [1, 2, 3, 4, 5, 6, 7];

/** Every line of the frame fits the terminal, and the title line and the step counter are on screen. */
function assertFits(frame: string, columns: number, rows: number, step: number, what: string): void {
  const lines = frame.split('\n');
  assert.ok(lines.length < rows, `${what}: ${lines.length} lines in a ${rows}-row terminal\n${frame}`);
  for (const line of lines) assert.ok(displayWidth(line) <= columns, `${what}: a line of ${displayWidth(line)} columns: ${line}`);
  assert.match(lines[0]!, /^lanscope-kot setup/, `${what}: title line`);
  assert.ok(lines.slice(0, 2).some((l) => l.includes(`${step}/7`)), `${what}: step counter\n${frame}`);
}

describe('every step fits the terminal it is in (80×24, 120×40, ja and en)', () => {
  const suite = demoForSuite();

  for (const lang of ['ja', 'en'] as Lang[]) {
    for (const [columns, rows] of SIZES) {
      it(`${lang} ${columns}×${rows}: steps 1–7 fit, header and counter visible, no doctor flag named`, async () => {
        for (const step of STEPS) {
          const h = renderWizard({ lang, step, columns, rows, values: suite.demo().values, loaded: suite.loaded(), demo: suite.demo().demo });
          await typeAndWait(h.stdin, '', 60);
          const what = `${lang} step ${step} at ${columns}×${rows}`;
          assertFits(h.lastFrame()!, columns, rows, step, what);
          // Advice names the field or the step, not the flag doctor takes (issue #10); the wizard's own options may be named.
          assert.deepEqual(foreignFlags(h.lastFrame()), [], `${what}:\n${h.lastFrame()}`);
          h.unmount();
        }
      });
    }
  }

  it('step 7 puts the verdict first, under the title', async () => {
    const h = renderWizard({ lang: 'ja', step: 7, columns: 80, rows: 24, values: suite.demo().values, loaded: suite.loaded(), demo: suite.demo().demo });
    await typeAndWait(h.stdin, '', 60);
    const lines = h.lastFrame()!.split('\n');
    assert.match(lines[3]!, /^✖ まだ有効にできません: NG 3 件/);
    // One focus mark: the selected check; the report field takes typing without a second one.
    assert.equal(lines.filter((l) => /^\s*›/.test(l)).length, 1, h.lastFrame());
  });

  it('fits again after the terminal is resized, both ways', async () => {
    const h = renderWizard({ lang: 'ja', step: 5, columns: 120, rows: 40, values: suite.demo().values, loaded: suite.loaded(), demo: suite.demo().demo });
    await typeAndWait(h.stdin, '', 60);
    assertFits(h.lastFrame()!, 120, 40, 5, 'before');
    h.resize(80, 24);
    await typeAndWait(h.stdin, '', 60);
    assertFits(h.lastFrame()!, 80, 24, 5, 'after shrinking');
    h.resize(120, 40);
    await typeAndWait(h.stdin, '', 60);
    assertFits(h.lastFrame()!, 120, 40, 5, 'after growing');
    // The list uses the room it has: more rows at 40 lines than at 24.
    assert.ok(h.lastFrame()!.split('\n').filter((l) => /紐づけ済|重複|未使用/.test(l)).length >= 8);
  });

  it('long content stays inside: a failed connection test and errors at 80×24', async () => {
    const values = { ...suite.demo().values, proxy: { use: true, host: 'proxy.local', port: '8080', auth: true, user: 'CORP\\alice', password: 'pw' } };
    const services = {
      // A refusal with the proxy's own long reason: finding, stage lines and advice all wrap.
      loadProbe: async () => async () => ({
        reason: 'proxy-refused' as const,
        stage: 'tunnel' as const,
        via: 'proxy.local:8080',
        connectStatus: 403,
        connectStatusText: 'Forbidden by the corporate web access policy for servers in the data centre segment',
        proxyError: 'ERR_ACCESS_DENIED 0',
        elapsedMs: 12,
        stages: [
          { stage: 'proxy-connect' as const, peer: 'proxy.local:8080', ok: true, address: '10.20.30.40', elapsedMs: 2 },
          { stage: 'tunnel' as const, peer: 'pclogin.secomtrust.net:443', ok: false, status: 403, statusText: 'Forbidden by the corporate web access policy for servers in the data centre segment', proxyError: 'ERR_ACCESS_DENIED 0', elapsedMs: 10 },
        ],
        trust: {},
      }),
    };
    for (const lang of ['ja', 'en'] as Lang[]) {
      const h = renderWizard({ lang, step: 4, columns: 80, rows: 24, values, loaded: suite.loaded(), services: services as never });
      await typeAndWait(h.stdin, '', 60);
      // use, address, port, authentication, user, password, CA certificate file, then the test button.
      for (let i = 0; i < 7; i++) await typeAndWait(h.stdin, '\x1b[B');
      await typeAndWait(h.stdin, '\r', 100);
      assertFits(h.lastFrame()!, 80, 24, 4, `${lang} proxy result`);
      assert.match(flat(h.lastFrame()!), /ERR_ACCESS_DENIED/, 'the result is in view');
      assert.deepEqual(foreignFlags(h.lastFrame()), [], `${lang} proxy result`);
      h.unmount();
    }
  });
});

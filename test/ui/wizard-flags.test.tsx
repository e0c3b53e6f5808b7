import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { cleanup } from 'ink-testing-library';
import type { Lang } from '../../source/i18n/message.js';
import { wizardProblemText } from '../../source/ui/load.js';
import { startKotStub, type KotStub } from '../kot-server.js';
import { demoStubData } from '../reconcile-demo.js';
import { demoCopy } from './demo-fixture.js';
import { flat, foreignFlags, openCompare, renderWizard, typeAndWait, waitForFrame } from './helpers.js';

/**
 * Issue #10, "advice names the field, not the flag": every core message the wizard can show that names one of
 * doctor's flags (--log-dir, --token-file, --kot-api-base, --proxy …) is said in the wizard's words there,
 * in each state that shows it. The catalog-wide list is checked in i18n-catalogs.test.ts.
 */
const LANGS: Lang[] = ['en', 'ja'];

describe('the wizard names its fields, not doctor\'s flags', () => {
  let demo: ReturnType<typeof demoCopy>;
  let dir: string;
  before(() => {
    demo = demoCopy();
    dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-flags-'));
  });
  afterEach(() => cleanup());
  after(() => {
    demo.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('step 3: a folder that does not exist — check the folder typed in "conf.ini or folder"', async () => {
    for (const [lang, words] of [
      ['en', /→ Check the folder typed in "conf\.ini or folder"\./],
      ['ja', /「conf\.ini\/フォルダ」欄に入力したフォルダをご確認ください/],
    ] as const) {
      const h = renderWizard({ lang, step: 3, columns: 80, rows: 24, values: { ...demo.values, outputInput: join(dir, 'no', 'such', 'folder') } });
      const frame = await waitForFrame(h.lastFrame, words);
      assert.deepEqual(foreignFlags(frame), [], frame);
      h.unmount();
    }
  });

  it('step 3: a conf.ini that cannot be used — type it, or the folder itself, in "conf.ini or folder"', async () => {
    const conf = join(dir, 'conf.ini');
    writeFileSync(conf, '');
    for (const [lang, words] of [
      ['en', /Type LanScope's conf\.ini \(a text file of a few lines\), or the CSV folder itself, in "conf\.ini or folder"/],
      ['ja', /CSV のフォルダそのものを「conf\.ini\/フォルダ」欄に入力してください/],
    ] as const) {
      const h = renderWizard({ lang, step: 3, columns: 120, rows: 40, values: { ...demo.values, outputInput: conf } });
      const frame = await waitForFrame(h.lastFrame, words);
      assert.deepEqual(foreignFlags(frame), [], frame);
      h.unmount();
    }
  });

  it('step 1 (and the line at start): a LANSCOPE_KOT_TOKEN too long to be a token — type the token in step 1', async () => {
    for (const [lang, words] of [
      ['en', /or type the token in "Access token" \(step 1\)/],
      ['ja', /手順 1 の「アクセストークン」欄に入力してください/],
    ] as const) {
      // What run-wizard.tsx says on stderr and hands to step 1.
      const line = wizardProblemText({ code: 'too-big', kind: 'token', variable: 'LANSCOPE_KOT_TOKEN', size: 32768, limit: 256 }, lang);
      assert.match(line, words);
      assert.doesNotMatch(line, /--token-file/);
      const h = renderWizard({ lang, columns: 120, rows: 40, refusedEnv: { LANSCOPE_KOT_TOKEN: line } });
      await typeAndWait(h.stdin, '');
      assert.match(flat(h.lastFrame()), words);
      assert.deepEqual(foreignFlags(h.lastFrame()), []);
      h.unmount();
    }
  });

  describe('step 7\'s compare with KING OF TIME', () => {
    let stub: KotStub;
    let closedPort: number;
    before(async () => {
      stub = await startKotStub(await demoStubData(true));
      // A port nothing listens on: a proxy that refuses the connection.
      const server = createServer().listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      closedPort = (server.address() as AddressInfo).port;
      await new Promise((resolve) => server.close(resolve));
    });
    after(() => stub.close());

    const compare = (lang: Lang, proxy?: { host: string; port: string }) =>
      openCompare(stub, { ...demo.values, proxy: { ...demo.values.proxy, ...(proxy ? { use: true, ...proxy } : {}) } }, lang);

    it('an answer that is not the Web API\'s: check the Web API address (not --kot-api-base)', { timeout: 20_000 }, async () => {
      stub.mode = 'not-json';
      try {
        for (const [lang, words] of [
          ['en', /Check the Web API address: it must be https:\/\/api\.kingtime\.jp\/v1\.0\./],
          ['ja', /Web API のアドレスをご確認ください。https:\/\/api\.kingtime\.jp\/v1\.0 を指定します。/],
        ] as const) {
          const h = await compare(lang);
          const frame = await waitForFrame(h.lastFrame, words, 15_000);
          assert.deepEqual(foreignFlags(frame), [], frame);
          h.unmount();
        }
      } finally {
        stub.mode = 'ok';
      }
    });

    it('a proxy that refuses: the proxy named as step 4\'s (not --proxy)', { timeout: 20_000 }, async () => {
      for (const [lang, words] of [
        ['en', new RegExp(`proxy 127\\.0\\.0\\.1:${closedPort} from step 4`)],
        ['ja', new RegExp(`プロキシ 127\\.0\\.0\\.1:${closedPort}（手順 4 から）`)],
      ] as const) {
        const h = await compare(lang, { host: '127.0.0.1', port: String(closedPort) });
        const frame = await waitForFrame(h.lastFrame, words, 15_000);
        assert.deepEqual(foreignFlags(frame), [], frame);
        h.unmount();
      }
    });
  });
});

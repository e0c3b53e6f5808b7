import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { DEMO_TOKEN } from '../../source/ui/demo.js';
import { demoCopy, loadedFor } from './demo-fixture.js';
import { demoFile, flat, KEY, pressKeys, renderWizard, shows, stepOf, typeAndWait, waitForFrame } from './helpers.js';

const TOKEN = 'AbCdEfGh0123456789IjKlMnOpQrStUv';

describe('step 7: go-live checklist', () => {
  let demo: ReturnType<typeof demoCopy>;
  let dir: string;
  beforeEach(() => {
    demo = demoCopy();
    dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-ready-'));
  });
  afterEach(() => {
    cleanup();
    demo.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const atStep7 = async (patch: Parameters<typeof renderWizard>[0] = {}) => {
    const values = { ...demo.values, ...(patch.values ?? {}) };
    const h = renderWizard({ columns: 120, rows: 40, ...patch, step: 7, values, loaded: patch.loaded ?? (await loadedFor(values)) });
    await typeAndWait(h.stdin, '');
    return h;
  };

  /** One user, mapped, every time aligned: what a finished setup looks like. */
  const readySetup = () => {
    writeFileSync(join(dir, 'events.csv'), 'イベント日時,ログオンユーザ名,ログ種類,コンピュータ名\n2024/12/17 09:03:00,tarouk,1,PC-01\n2024/12/17 18:22:00,tarouk,2,PC-01\n');
    // The export lives elsewhere: every CSV in the log folder is read as a LanScope CSV.
    const exportFile = join(demo.demo.dir, 'export.csv');
    writeFileSync(exportFile, '連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\nLanScope連携,"2","1000",勤怠 太郎,"tarouk"\n');
    return { companyCode: 'ABC123', token: TOKEN, sqlPath: demoFile('勤怠簿出力.sql'), divisions: ['05:00'], outputInput: dir, mappingPath: exportFile, reportPath: join(demo.demo.dir, 'report.md') };
  };

  it('says "Ready to enable sync" only when nothing fails, with the values for HTLanScopeServiceConfig', async () => {
    const h = await atStep7({ values: readySetup() });
    const frame = flat(h.lastFrame());
    assert.match(frame, /✔ Ready to enable sync: nothing fails\./);
    assert.match(frame, /企業コード \(company code\) ABC123/);
    assert.match(frame, /アクセストークン \(token\) AbCd…StUv \(32 chars\)/);
    assert.ok(shows(h.lastFrame(), `ログ出力先 (CSV folder) ${dir}`));
    assert.match(frame, /プロキシ \(proxy\) not used/);
    assert.ok(!h.frames.some((f) => f.includes(TOKEN)), 'the token is never on screen');
  });

  it('lists what to do first when something fails, and every check with its status', async () => {
    const h = await atStep7();
    const frame = flat(h.lastFrame());
    assert.match(frame, /✖ Not ready: 3 check\(s\) fail\. Do first:/);
    assert.match(frame, /1\. Day-change time of each division — In KING OF TIME: .* set 05:00 for every division\. \(step 2\)/);
    assert.match(frame, /✔ pass Company code ABC123/);
    assert.match(frame, /✖ fail Day-change time of each divis/);
    assert.match(frame, /Dm7k…J0aE \(32 chars\)/);
    assert.ok(!h.frames.some((f) => f.includes(DEMO_TOKEN)));
  });

  it('marks the essentials not given as not checked, so it is not "ready"', async () => {
    const h = await atStep7({ values: { ...readySetup(), token: '', divisions: [] } });
    const frame = flat(h.lastFrame());
    assert.match(frame, /✖ Not ready: 2 not checked/);
    assert.match(frame, /Access token — not checked: see step 1/);
    assert.match(frame, /Day-change time of each division — not checked: see step 2/);
  });

  it('reads one check at a time with the arrows', async () => {
    const h = await atStep7();
    await pressKeys(h.stdin, KEY.down, KEY.down, KEY.down);
    assert.match(flat(h.lastFrame()), /Day-change time of each division \(manual §2\.2 \/ §5\.2\.1 · day-change\): collection starts at 05:00 .* → In KING OF TIME/);
  });

  it('saves a Markdown report without secrets (temp file + rename), then finishes', async () => {
    const values = { ...readySetup(), proxy: { use: true, host: 'proxy.local', port: '8080', auth: true, user: 'svc', password: 'Pr0xy-S3cret!' } };
    const h = await atStep7({ values });
    await pressKeys(h.stdin, KEY.enter);
    const report = join(demo.demo.dir, 'report.md');
    await waitForFrame(h.lastFrame, 'saved:');
    const text = readFileSync(report, 'utf8');
    assert.match(text, /^# LanScope → KING OF TIME: go-live checklist/);
    assert.match(text, /\*\*Ready to enable sync: nothing fails\.\*\*/);
    assert.match(text, /\| pass \| Company code \(`company-code`\) \| ABC123 \(6 characters\) \| §2\.1 \|/);
    assert.match(text, /アクセストークン \(token\): `AbCd…StUv \(32 chars\)`/);
    assert.match(text, /プロキシ \(proxy\): `proxy\.local:8080`/);
    assert.ok(!text.includes(TOKEN), 'no token');
    assert.ok(!text.includes('Pr0xy-S3cret!'), 'no proxy password');
    assert.deepEqual(
      readdirSync(demo.demo.dir).filter((f) => f.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
    assert.equal(stepOf(h.lastFrame()), '7');
    assert.equal(h.exits.length, 0);
    await pressKeys(h.stdin, KEY.enter);
    assert.deepEqual(h.exits.map((e) => e.code), [0]);
    assert.equal(h.exits[0]!.summary.reportFile, report);
    assert.equal(h.saved.at(-1)?.reportPath, report);
    assert.ok(statSync(report).isFile());
  });

  it('refuses a report name that is not .md, and finishes without a report when the field is empty', async () => {
    const h = await atStep7({ values: { reportPath: 'r.txt' } });
    await pressKeys(h.stdin, KEY.enter);
    assert.match(flat(h.lastFrame()), /give a file name ending in \.md, or a folder/);
    await pressKeys(h.stdin, ...Array<string>(5).fill(KEY.backspace), KEY.enter);
    assert.deepEqual(h.exits.map((e) => e.code), [0]);
    assert.equal(h.exits[0]!.summary.reportFile, undefined);
  });

  it('shows the connection test of step 4 as the proxy check', async () => {
    const loaded = await loadedFor(demo.values);
    loaded.connection = {
      key: 'direct',
      fact: { endpoint: 'http://127.0.0.1:9/', proxySource: 'none', timeoutMs: 10_000, result: { reason: 'ok', stage: 'http', via: 'direct', status: 200, stages: [], elapsedMs: 12 } },
    };
    const h = await atStep7({ loaded });
    assert.match(flat(h.lastFrame()), /Checks \(7 pass, 3 warn, 3 fail, 0 not checked, 1 optional not run\)/);
    await pressKeys(h.stdin, KEY.end, KEY.up);
    assert.match(flat(h.lastFrame()), /› ✔ pass Connection to PC login link reached http:\/\/127\.0\.0\.1:9\//);
  });

  it('goes back with Esc', async () => {
    const h = await atStep7();
    await pressKeys(h.stdin, KEY.esc);
    assert.equal(stepOf(h.lastFrame()), '6');
  });

  it('speaks Japanese', async () => {
    const h = await atStep7({ lang: 'ja', values: readySetup() });
    const frame = flat(h.lastFrame());
    assert.match(frame, /✔ 連携を有効にできます: NG はありません。/);
    assert.match(frame, /HTLanScopeServiceConfig に入力する値/);
    assert.match(frame, /ログサーバーのログ出力先/);
  });
});

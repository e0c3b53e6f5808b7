import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseSetupOptions, runSetup } from '../../source/commands/setup.js';

const bin = fileURLToPath(new URL('../../../bin/lanscope-kot.js', import.meta.url));

function io(tty: boolean) {
  const stdout = Object.assign(new PassThrough(), { isTTY: tty });
  const stderr = new PassThrough();
  const stdin = Object.assign(new PassThrough(), { isTTY: tty });
  const text = (s: PassThrough) => s.read()?.toString() ?? '';
  return { io: { stdout, stderr, stdin, env: { LANG: 'en_US.UTF-8' } }, out: () => text(stdout), err: () => text(stderr) };
}

describe('lanscope-kot setup (commands/setup.ts)', () => {
  it('parses its options', () => {
    assert.deepEqual(parseSetupOptions(['--demo', '--config-dir', '/tmp/x', '--lang=ja']), { demo: true, configDir: '/tmp/x', endpoint: undefined, lang: 'ja', help: false, ascii: false });
    assert.equal(parseSetupOptions(['--ascii']).ascii, true);
    assert.equal(parseSetupOptions(['--endpoint', 'http://127.0.0.1:8443/']).endpoint, 'http://127.0.0.1:8443/');
    assert.throws(() => parseSetupOptions(['--endpoint', 'pclogin']));
    assert.throws(() => parseSetupOptions(['--config-dir']));
    assert.throws(() => parseSetupOptions(['--token', 'x']));
  });

  it('without a terminal prints one line pointing to doctor and exits 2', async () => {
    const t = io(false);
    assert.equal(await runSetup([], t.io), 2);
    const err = t.err();
    assert.equal(err.trim().split('\n').length, 1);
    assert.match(err, /needs an interactive terminal.*lanscope-kot doctor/);
    assert.equal(t.out(), '');
  });

  it('says an unknown option plainly and exits 2', async () => {
    const t = io(false);
    assert.equal(await runSetup(['--nope'], t.io), 2);
    assert.match(t.err(), /unknown option --nope/);
  });

  it('prints its help without a terminal', async () => {
    const t = io(false);
    assert.equal(await runSetup(['--help'], t.io), 0);
    assert.match(t.out(), /--config-dir DIR/);
  });

  it('the real binary, piped: one line on stderr, exit 2, never Ink\'s raw-mode error', () => {
    for (const args of [['setup'], [], ['setup', '--demo']]) {
      const r = spawnSync(process.execPath, [bin, ...args], { input: '', encoding: 'utf8', env: { ...process.env, LANG: 'ja_JP.UTF-8' } });
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^lanscope-kot: 設定ウィザードには対話できる端末が必要です。.*"lanscope-kot doctor"/);
      assert.equal(r.stderr.trim().split('\n').length, 1);
      assert.doesNotMatch(r.stderr, /Raw mode/i);
    }
  });
});

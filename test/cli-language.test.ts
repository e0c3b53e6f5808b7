import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/lanscope-kot.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });

describe('the command line speaks the language asked for (cli.ts, doctor-options.ts)', () => {
  it('--lang ja --help is the top-level help, in Japanese, wherever --lang stands', () => {
    for (const args of [['--lang', 'ja', '--help'], ['--help', '--lang', 'ja'], ['--lang=ja', '-h']]) {
      const r = run(...args);
      assert.equal(r.status, 0);
      assert.match(r.stdout, /^lanscope-kot — LanScope と KING OF TIME/, args.join(' '));
      assert.match(r.stdout, /--ascii/);
    }
    assert.match(run('--lang', 'ja', 'doctor', '--help').stdout, /^使い方: lanscope-kot doctor/);
    assert.match(run('--lang', 'ja', 'setup', '--help').stdout, /^使い方: lanscope-kot \[setup\]/);
  });

  it('names the unexpected argument, and says usage errors in Japanese with --lang ja', () => {
    const cases: [string[], RegExp][] = [
      [['doctor', 'extra'], /unexpected argument "extra"/],
      [['doctor', '--lang', 'ja', 'extra'], /余分な引数 "extra" があります/],
      [['doctor', '--lang', 'ja', '--nope'], /不明なオプション --nope です/],
      [['doctor', '--nope', '--lang', 'ja'], /不明なオプション --nope です/],
      [['doctor', '--lang', 'ja', '--timeout', 'abc'], /--timeout abc: 秒数を指定してください/],
      // host:port alone now means http:// (as curl reads it, issue #11): a scheme that is not a proxy's is refused.
      [['doctor', '--lang', 'ja', '--proxy', 'socks5://proxy:1080'], /--proxy: プロキシの URL のスキーム "socks5" には対応していません（http:\/\/ か https:\/\/ を使ってください）/],
      [['doctor', '--lang', 'ja', '--sql'], /--sql には値が必要です/],
      [['doctor', '--lang', 'ja', '--endpoint', 'pclogin'], /--endpoint pclogin: http:\/\/ または https:\/\/ で始まる URL/],
      [['doctor', '--offline=yes'], /--offline takes no value/],
    ];
    for (const [args, expected] of cases) {
      const r = run(...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, expected, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
      if (args.includes('ja')) assert.doesNotMatch(r.stderr, /\b(unknown|expected|needs|option|argument)\b/, r.stderr);
    }
  });
});

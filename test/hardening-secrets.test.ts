import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { environmentSecrets, internalErrorLine } from '../source/commands/internal-error.js';
import { InputError } from '../source/core/input-problem.js';
import { Writable } from 'node:stream';
import type { Punch } from '../source/core/dry-run.js';
import type { Report } from '../source/core/report.js';
import { MAX_TOKEN_BYTES, redactKnownSecrets, redactSecrets, secretFromEnv, secretRedactor } from '../source/core/secret.js';
import { writeJsonReport } from '../source/io/json-stream.js';
import { fixture, runCli } from './helpers.js';

/**
 * Issue 9, secrets: a token source of any size and shape is refused without being echoed, redaction never
 * compiles a pattern from secret text, and the last-resort error line is redacted too.
 */
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lanscope-kot-secrets-'));
});
after(() => rm(dir, { recursive: true, force: true }));

/** A "token" made of what broke the regular expression: line breaks, commas, quotes, brackets. */
function hostileToken(bytes: number): string {
  const unit = 'Ab12,"q(u)o[t]e"*+?\r\n';
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/** Every way the secret could leak: raw, URL-encoded, or any of its lines long enough to recognise. */
function assertNowhere(text: string, secret: string, label: string): void {
  assert.ok(!text.includes(secret), `${label}: the token appears raw`);
  assert.ok(!text.includes(encodeURIComponent(secret)), `${label}: the token appears URL-encoded`);
  for (const piece of secret.split(/\r?\n/).filter((p) => p.length >= 16)) assert.ok(!text.includes(piece), `${label}: a line of the token appears`);
}

function assertRefusedInOneLine(run: { code: number | null; stdout: string; stderr: string }, secret: string, label: string, names: RegExp): void {
  assert.equal(run.code, 2, `${label}: ${run.stderr.slice(0, 300)}`);
  assert.equal(run.stdout, '', label);
  assert.equal(run.stderr.trim().split('\n').length, 1, `${label}: one line`);
  assert.ok(run.stderr.length < 400, `${label}: a short line (${run.stderr.length} chars)`);
  assert.match(run.stderr, names, label);
  assert.match(run.stderr, /too (big|long) for a (token|Web API token)/, label);
  assert.doesNotMatch(run.stderr, /internal error|Invalid regular expression/, label);
  assertNowhere(run.stderr, secret, label);
}

describe('token sources over the limit are refused, never echoed (doctor)', () => {
  for (const [name, bytes] of [
    ['12 KB', 12 * 1024],
    ['120 KB', 120 * 1024],
  ] as const) {
    it(`a ${name} token file with line breaks, commas and quotes`, async () => {
      const token = hostileToken(bytes);
      const file = join(dir, `token-${bytes}.txt`);
      await writeFile(file, token);
      assertRefusedInOneLine(await runCli(['doctor', '--token-file', file, '--offline']), token, `${name} --token-file`, /token-\d+\.txt: [\d,]+ bytes/);
      const ja = await runCli(['doctor', '--token-file', file, '--offline', '--lang', 'ja']);
      assert.match(ja.stderr, /バイトあり、トークンとしては大きすぎます（最大 256 バイト）/);
      assertNowhere(ja.stderr, token, `${name} in Japanese`);
    });
  }

  it('a token file shaped like a CSV export', async () => {
    const token = Array.from({ length: 400 }, (_, i) => `LanScope連携,"2","${1000 + i}",勤怠 太郎,"user${i}"`).join('\r\n');
    const file = join(dir, 'token-csv.txt');
    await writeFile(file, token);
    assertRefusedInOneLine(await runCli(['doctor', '--token-file', file, '--offline']), token, 'CSV-shaped', /token-csv\.txt:/);
  });

  it('a 32 KB LANSCOPE_KOT_TOKEN', async () => {
    const token = 'X'.repeat(16) + hostileToken(32 * 1024 - 16).replace(/[\r\n]/g, ';');
    const run = await runCli(['doctor', '--company-code', 'ABC', '--offline'], { LANSCOPE_KOT_TOKEN: token });
    assertRefusedInOneLine(run, token, 'LANSCOPE_KOT_TOKEN', /LANSCOPE_KOT_TOKEN: holds 32,768 bytes/);
  });

  it('the Web API token too: KOT_API_TOKEN and --kot-api-token-file', async () => {
    const token = 'Y'.repeat(16) + hostileToken(32 * 1024).replace(/[\r\n]/g, ';');
    assertRefusedInOneLine(await runCli(['doctor', '--company-code', 'ABC', '--offline'], { KOT_API_TOKEN: token }), token, 'KOT_API_TOKEN', /KOT_API_TOKEN: holds/);
    const file = join(dir, 'kot-token.txt');
    await writeFile(file, hostileToken(12 * 1024));
    assertRefusedInOneLine(
      await runCli(['doctor', '--kot-api-token-file', file, '--offline']),
      hostileToken(12 * 1024),
      '--kot-api-token-file',
      /kot-token\.txt: 12,288 bytes: too big for a Web API token/,
    );
  });

  it('a 1 GB (sparse) token file is refused by its size, without reading it', async () => {
    const file = join(dir, 'huge-token.txt');
    await writeFile(file, '');
    const { truncate } = await import('node:fs/promises');
    await truncate(file, 1024 ** 3);
    const run = await runCli(['doctor', '--token-file', file, '--offline']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /huge-token\.txt: 1,073,741,824 bytes: too big for a token \(at most 256 bytes\)/);
  });

  it('a token of 256 bytes or less is still read and checked as before', async () => {
    const run = await runCli(['doctor', '--token-file', fixture('token', 'token-space.txt'), '--offline', '--json']);
    const check = JSON.parse(run.stdout).checks.find((c: { id: string }) => c.id === 'access-token');
    assert.equal(check.data.fault, 'spaces');
    assert.equal(secretFromEnv({ T: 'a'.repeat(MAX_TOKEN_BYTES) }, 'T', 'token'), 'a'.repeat(MAX_TOKEN_BYTES));
    assert.throws(() => secretFromEnv({ T: 'é'.repeat(MAX_TOKEN_BYTES / 2 + 1) }, 'T', 'token'), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.deepEqual(err.problem, { code: 'too-big', kind: 'token', variable: 'T', size: MAX_TOKEN_BYTES + 2, limit: MAX_TOKEN_BYTES });
      return true;
    });
  });
});

describe('redactSecrets: plain string search, linear in the text', () => {
  it('redacts secrets full of pattern characters, of any size, without building a pattern from them', () => {
    const original = RegExp;
    let built = 0;
    // Any RegExp constructed while redacting counts; literal patterns in the module were compiled at load.
    globalThis.RegExp = new Proxy(original, {
      construct(target, args) {
        built++;
        return Reflect.construct(target, args);
      },
    });
    try {
      for (const bytes of [40, 12 * 1024, 120 * 1024]) {
        const secret = hostileToken(bytes);
        const text = `before ${secret} middle ${encodeURIComponent(secret)} after`;
        assert.equal(redactSecrets(text, [secret]), 'before *** middle *** after');
      }
    } finally {
      globalThis.RegExp = original;
    }
    assert.equal(built, 0);
  });

  it('a long secret is hidden even with a character changed: every piece of 12 characters', () => {
    const token = 'AbCdEfGh0123456789IjKlMnOpQrStUv';
    // What a token pasted into a CP932 file became: its first byte merged into the character before it.
    assert.equal(redactSecrets(`found "連携拶${token.slice(1)}﨑ハ,種別コード"`, [token]), 'found "連携拶***﨑ハ,種別コード"');
    assert.equal(redactSecrets(`x ${token.slice(5, 17)} y`, [token]), 'x *** y');
    assert.equal(redactSecrets(`x ${token.slice(5, 16)} y`, [token]), `x ${token.slice(5, 16)} y`, '11 characters are not enough to use it');
    assert.equal(redactSecrets('AbCd…StUv (32 chars)', [token]), 'AbCd…StUv (32 chars)', 'the masked form stays');
  });

  it('a secret inside another, overlapping or touching occurrences leave nothing behind', () => {
    assert.equal(redactSecrets('xx abcdefgh yy abcd zz', ['abcd', 'abcdefgh']), 'xx *** yy *** zz');
    assert.equal(redactSecrets('abcdabcd', ['abcd']), '***');
    assert.equal(redactSecrets('aaaaaa', ['aaaa']), '***');
  });

  it('URL credentials: the last @ before the host, any scheme, and nothing else touched', () => {
    assert.equal(redactSecrets('see http://u:p@h:1/x and ftp://a@b, mail me@x.jp'), 'see http://***@h:1/x and ftp://***@b, mail me@x.jp');
    assert.equal(redactSecrets('x://y https://no-credentials.example/a@b'), 'x://y https://no-credentials.example/a@b');
    assert.equal(redactSecrets('2http://u:p@h'), '2http://u:p@h', 'no word boundary before the scheme: not a URL start');
    assert.equal(redactSecrets('(http://u:p@h)'), '(http://***@h)');
  });

  it('a 400 KB user name in a URL, or 400 KB of letters, is handled in one pass', () => {
    const name = 'a'.repeat(400 * 1024);
    assert.equal(redactSecrets(`http://${name}:pw@proxy:8080/`), 'http://***@proxy:8080/');
    assert.equal(redactSecrets(name + '://'), name + '://');
    const many = 'http://x '.repeat(50_000);
    assert.equal(redactSecrets(many), many);
  });
});

describe('redaction of a text written in pieces (doctor\'s JSON)', () => {
  const token = 'AbCdEfGh0123456789IjKlMnOpQrStUv';
  const text = `start ${token} mid ${encodeURIComponent('p@ss word!')} x${token.slice(3, 19)}y end ${token}`;
  const secrets = [token, 'p@ss word!'];

  it('a secret cut anywhere by the end of a piece is hidden as in the whole text', () => {
    const whole = redactKnownSecrets(text, secrets);
    for (let cut = 0; cut <= text.length; cut++) {
      const r = secretRedactor(secrets);
      assert.equal(r.push(text.slice(0, cut)) + r.push(text.slice(cut)) + r.end(), whole, `cut at ${cut}`);
    }
    // Pieces of one character each: everything but the last form's length is held back, nothing leaks.
    const r = secretRedactor(secrets);
    assert.equal([...text].map((c) => r.push(c)).join('') + r.end(), whole);
  });

  it('without secrets, or with none in the text, pieces pass through unchanged', () => {
    const none = secretRedactor([]);
    assert.equal(none.push('abc') + none.push('def') + none.end(), 'abcdef');
    const some = secretRedactor(secrets);
    assert.equal(some.push('a'.repeat(100)) + some.push('b'.repeat(100)) + some.end(), 'a'.repeat(100) + 'b'.repeat(100));
  });

  it('writeJsonReport: a secret across the boundary of two 64 KB chunks does not reach the output', async () => {
    const punches: Punch[] = Array.from({ length: 3000 }, (_, i) => ({
      user: `user${String(i).padStart(5, '0')}`,
      employee: String(1000 + i),
      kind: i % 2 ? 'out' : 'in',
      time: '2024-12-17T09:03:12',
      workDate: '2024-12-17',
      windowDate: '2024-12-17',
    }) as Punch);
    const report = { version: 1, summary: { pass: 0, warn: 0, fail: 0, skip: 0 }, checks: [], users: { mapped: [], unmapped: [], duplicateMappings: [], sharedPc: [], unused: [], nearMisses: [] }, punches } as Report;
    const write = async (secretList: string[]): Promise<string[]> => {
      const writes: string[] = [];
      const out = new Writable({
        write(chunk: Buffer, _encoding, done) {
          writes.push(chunk.toString('utf8'));
          done();
        },
      });
      await writeJsonReport(report, out, secretList);
      return writes;
    };
    const plain = await write([]);
    assert.ok(plain.length >= 3, 'several chunks');
    const boundary = plain[0]!.length;
    const joined = plain.join('');
    // Whatever sits on the first boundary, 20 characters each side, taken as the secret (and a 12-character piece of one).
    const secret = joined.slice(boundary - 20, boundary + 20);
    const out = (await write([secret])).join('');
    assert.ok(!out.includes(secret), 'the secret crosses the cut and is still hidden');
    assert.ok(!out.includes(secret.slice(14, 26)), 'and no piece of 12 characters of it');
    assert.equal(out, redactKnownSecrets(joined, [secret]));
  });
});

describe('the internal-error line', () => {
  it('is redacted, clipped and escaped', () => {
    const token = 'AbCdEfGh0123456789IjKlMnOpQrStUv';
    const err = new Error(`request to http://bob:hunter2@proxy failed with ${token} and \x1b]0;title\x07 ${'z'.repeat(5000)}`);
    const line = internalErrorLine(err, [token]);
    assert.ok(!line.includes(token));
    assert.ok(!line.includes('hunter2'));
    assert.ok(!line.includes('\x1b'));
    assert.ok(line.length < 400, `${line.length}`);
    assert.match(line, /^lanscope-kot: internal error: Error: request to http:\/\/\*\*\*@proxy failed with \*\*\* and \\u001B\]0;title\\u0007 z+…z+ \(\d+ chars\)$/);
  });

  it('knows the secrets of the environment before any file is read', () => {
    const secrets = environmentSecrets({ LANSCOPE_KOT_TOKEN: 'tok-tok-tok', KOT_API_TOKEN: 'api-api-api', HTTPS_PROXY: 'http://u:p%40ss@h:1' });
    assert.deepEqual(secrets, ['tok-tok-tok', 'api-api-api', 'p%40ss', 'p@ss']);
  });
});

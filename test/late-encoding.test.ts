import assert from 'node:assert/strict';
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { LogAggregator } from '../source/core/log-aggregate.js';
import { detectFileEncoding } from '../source/io/encoding.js';
import { readLogFiles } from '../source/io/log-folder.js';
import { doctorInProcess } from './helpers.js';

/**
 * The log readers choose a file's encoding from its first 64 KiB (the head) before streaming the rest. A
 * head of ASCII alone reads the same in UTF-8 and CP932 and decides nothing: a CP932 file whose Japanese
 * starts later was read as UTF-8, its names garbled. The encoding must hold for the whole file, with either
 * reader. (A log's header is Japanese, so its head decides; what can be ASCII alone is what comes before
 * the header: empty lines, which csv-parse skips.)
 */
let dir: string;
let n = 0;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lanscope-kot-late-encoding-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const HEADER = 'イベント日時,ログオンユーザ名,ログ種類,コンピュータ名';
const MAPPING_HEADER = '連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント';
const KB70 = 70 * 1024;

/** ASCII rows (user0000, …) over 70 KB, then the Japanese users' rows. */
function asciiThenJapanese(): string[] {
  const rows: string[] = [];
  for (let i = 0, size = 0; size < KB70; i++) {
    const row = `2024/12/17 09:${String(i % 60).padStart(2, '0')}:00,user${String(i).padStart(4, '0')},1,PC-${i}`;
    rows.push(row);
    size += row.length + 2;
  }
  return [...rows, '2024/12/17 09:00:00,勤怠太郎,1,PC-J1', '2024/12/17 18:00:00,勤怠太郎,2,PC-J1', '2024/12/17 08:30:00,髙橋大輔,1,ＰＣ-J2', '2024/12/17 19:00:00,髙橋大輔,2,ＰＣ-J2'];
}

async function folderWith(name: string, bytes: Buffer): Promise<string> {
  const folder = join(dir, `case-${++n}`);
  await mkdir(folder);
  await writeFile(join(folder, name), bytes);
  return folder;
}

/** The Japanese users' punches in doctor's JSON (names as read from the logs, mapped by a CP932 export), with either reader. */
async function punchUsers(logDir: string): Promise<string[]> {
  const mapping = join(dir, 'mapping-japanese.csv');
  await writeFile(mapping, iconv.encode([MAPPING_HEADER, 'LanScope連携,"2","900001",勤怠 太郎,"勤怠太郎"', 'LanScope連携,"2","900002",髙橋 大輔,"髙橋大輔"'].join('\r\n') + '\r\n', 'cp932'));
  const users: string[][] = [];
  for (const env of [{}, { LANSCOPE_KOT_READER: 'careful' }]) {
    const run = await doctorInProcess(['--offline', '--json', '--day-change', '05:00', '--log-dir', logDir, '--mapping', mapping], env);
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    assert.ok(!run.stdout.includes('\uFFFD'), 'nothing decoded with the wrong encoding');
    const report = JSON.parse(run.stdout) as { punches: { user: string }[] };
    users.push([...new Set(report.punches.map((p) => p.user))].filter((u) => !u.startsWith('user')).sort());
  }
  assert.deepEqual(users[1], users[0], 'the careful reader reads the same names');
  return users[0]!;
}

describe('an encoding holds for the whole file, not only its first 64 KiB', () => {
  for (const encoding of ['cp932', 'utf-8'] as const) {
    it(`${encoding}: 70 KB of ASCII rows, then Japanese names`, async () => {
      const folder = await folderWith('kintai_20241217.csv', iconv.encode([HEADER, ...asciiThenJapanese()].join('\r\n') + '\r\n', encoding));
      assert.deepEqual(await punchUsers(folder), ['勤怠太郎', '髙橋大輔']);
    });

    it(`${encoding}: 70 KB of empty lines before the header (the head holds nothing but line breaks)`, async () => {
      const text = '\r\n'.repeat(KB70 / 2) + [HEADER, '2024/12/17 09:00:00,勤怠太郎,1,PC-J1', '2024/12/17 18:00:00,勤怠太郎,2,PC-J1'].join('\r\n') + '\r\n';
      const folder = await folderWith('kintai_20241217.csv', iconv.encode(text, encoding));
      assert.deepEqual(await punchUsers(folder), ['勤怠太郎']);
    });

    it(`${encoding}: a mapping export of 70 KB of ASCII rows, then Japanese names`, async () => {
      const rows: string[] = [];
      for (let i = 0; rows.join('\r\n').length < KB70; i++) rows.push(`LanScope,"2","${String(i).padStart(6, '0')}",Name ${i},"user${String(i).padStart(4, '0')}"`);
      rows.push('LanScope連携,"2","900001",勤怠 太郎,"勤怠太郎"', 'LanScope連携,"2","900002",髙橋 大輔,"髙橋大輔"');
      const folder = await folderWith('kintai_20241217.csv', iconv.encode([HEADER, ...asciiThenJapanese()].join('\r\n') + '\r\n', encoding));
      const mapping = join(folder, '..', `mapping-${n}.csv`);
      await writeFile(mapping, iconv.encode([MAPPING_HEADER, ...rows].join('\r\n') + '\r\n', encoding));
      const run = await doctorInProcess(['--offline', '--json', '--log-dir', folder, '--mapping', mapping]);
      assert.ok(!run.stdout.includes('\uFFFD'), run.stdout.slice(0, 500));
      const report = JSON.parse(run.stdout) as { punches: { user: string; employee: string | null }[] };
      assert.deepEqual(
        report.punches.filter((p) => !p.user.startsWith('user')).map((p) => [p.user, p.employee]),
        [
          ['勤怠太郎', '900001'],
          ['勤怠太郎', '900001'],
          ['髙橋大輔', '900002'],
          ['髙橋大輔', '900002'],
        ],
      );
    });
  }

  it('detectFileEncoding: an ASCII head decides nothing; the first byte ≥ 0x80 after it does', async () => {
    const ascii = Buffer.from('a,b\r\n'.repeat(KB70 / 5));
    const cases: [string, Buffer, string][] = [
      ['CP932 after 70 KB of ASCII', Buffer.concat([ascii, iconv.encode('勤怠太郎,1\r\n', 'cp932')]), 'cp932'],
      ['UTF-8 after 70 KB of ASCII', Buffer.concat([ascii, Buffer.from('勤怠太郎,1\r\n')]), 'utf-8'],
      ['ASCII only', ascii, 'utf-8'],
      // A CP932 character cut by the end of the sample must not make the choice.
      ['UTF-8 after 70 KB of ASCII, the sample cut inside a character', Buffer.concat([ascii, Buffer.from('あ'.repeat(30_000))]), 'utf-8'],
      ['CP932 in the head', Buffer.concat([iconv.encode('勤怠\r\n', 'cp932'), ascii]), 'cp932'],
    ];
    for (const [label, bytes, expected] of cases) {
      const file = join(dir, `sample-${++n}.csv`);
      await writeFile(file, bytes);
      const handle = await open(file);
      try {
        const head = Buffer.alloc(64 * 1024);
        const { bytesRead } = await handle.read(head, 0, head.length, 0);
        assert.equal(await detectFileEncoding(handle, head.subarray(0, bytesRead), bytes.length), expected, label);
      } finally {
        await handle.close();
      }
    }
  });
});

/**
 * Node's TextDecoder('shift_jis') is faster than iconv-lite but reads 379 one- and two-byte CP932 sequences
 * otherwise (bench/choices.mjs: 0x1A, 0x1C and 0x7F swapped; the lead byte 0xF9 as private-use characters).
 * iconv-lite's reading is the readers' contract (the careful reader's stream, the plain reader's values, the
 * files read whole): no reader may use TextDecoder for CP932.
 */
describe('CP932 is read as iconv-lite reads it, by every reader', () => {
  it('names holding 0x1A, 0x1C, 0x7F and a 0xF9 sequence: the same users with either reader', async () => {
    const names = [Buffer.from([0x8b, 0xce, 0x1a, 0x91, 0xd3]), Buffer.from([0x8b, 0xce, 0x7f, 0x1c]), Buffer.from([0x8b, 0xce, 0xf9, 0x41])];
    const rows = names.flatMap((name) => [Buffer.from('2024/12/17 09:00:00,'), name, Buffer.from(',1,PC-1\r\n'), Buffer.from('2024/12/17 18:00:00,'), name, Buffer.from(',2,PC-1\r\n')]);
    const folder = await folderWith('kintai_20241217.csv', Buffer.concat([iconv.encode(HEADER + '\r\n', 'cp932'), ...rows]));
    const expected = names.map((name) => iconv.decode(name, 'cp932')).sort();
    assert.notDeepEqual(expected, names.map((name) => new TextDecoder('shift_jis').decode(name)).sort(), 'the two decoders differ on these');
    for (const reader of ['plain', 'careful'] as const) {
      const aggregator = new LogAggregator(300);
      await readLogFiles([join(folder, 'kintai_20241217.csv')], aggregator, undefined, { reader });
      assert.deepEqual([...aggregator.users.keys()].sort(), expected, reader);
    }
  });
});

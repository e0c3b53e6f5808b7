import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { cutIntoPieces } from '../source/core/file-pieces.js';
import { LogAggregator } from '../source/core/log-aggregate.js';
import type { LogFileReader } from '../source/core/log-reader.js';
import { CarefulReadNeeded, FieldDecoder, PlainLines } from '../source/core/plain-lines.js';
import { parseWallClock } from '../source/core/wall-clock.js';
import { readLogFiles, type ReadOptions } from '../source/io/log-folder.js';
import { decoderFor } from '../source/io/plain-read.js';
import { doctorInProcess, fixture } from './helpers.js';

/** The benchmark's seeded PRNG (mulberry32), as fuzz.test.ts takes it. */
const { mulberry32 } = (await import(new URL('../../bench/generate.mjs', import.meta.url).href)) as { mulberry32: (seed: number) => () => number };

/**
 * Issue 14: logs are read the plain way (bytes split at commas and line breaks) unless something in
 * them needs csv-parse; then every file is read again by the careful reader. The plain way must give
 * exactly what the careful one gives: the same records, the same summaries, the same report byte for
 * byte, the same message for a bad file.
 */
let dir: string;
let n = 0;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lanscope-kot-plain-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const HEADER = 'イベント日時,ログオンユーザ名,ログ種類,コンピュータ名';

/** What csv-parse makes of the bytes, with the careful reader's options. */
function carefulRecords(bytes: Buffer): string[][] {
  return parse(iconv.decode(bytes, 'cp932'), { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
}

/** What PlainLines hands the reader for the same bytes, fed in chunks cut at `cuts`; undefined when it leaves them to csv-parse. */
function plainRecords(bytes: Buffer, cuts: number[] = []): string[][] | undefined {
  const records: string[][] = [];
  const reader = { record: (fields: string[]) => records.push([...fields]) } as unknown as LogFileReader;
  const text = bytes.toString('latin1');
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  // As plainPlan decides: the first line break is the file's, a lone CR is csv-parse's.
  if (cr !== -1 && (lf === -1 || cr < lf - 1)) return undefined;
  const lines = new PlainLines(reader, new FieldDecoder(decoderFor('cp932')), lf !== -1 && cr === lf - 1);
  try {
    let from = 0;
    for (const cut of [...cuts, text.length]) {
      lines.feed(text.slice(from, cut));
      from = cut;
    }
    lines.end();
  } catch (err) {
    if (err instanceof CarefulReadNeeded) return undefined;
    throw err;
  }
  return records;
}

describe('the plain splitter gives csv-parse\'s records', () => {
  const cases: [string, string][] = [
    ['CRLF', 'a,b,c\r\nd,e,f\r\n'],
    ['LF, last line without a line break', 'a,b\nc,d'],
    ['empty lines are skipped, blank ones kept', 'a,b\r\n\r\n  \r\nc,d\r\n'],
    ['a CR inside a line of an LF file is data', 'a,b\nc\rx,d\n'],
    ['a CR at the very end of a CRLF file is data', 'a,b\r\nc,d\r'],
    ['empty values and trailing commas', ',,\r\na,,b,\r\n'],
    ['sqlcmd: dashes, padding, footer', 'x,y\r\n---,---\r\nab  ,1\r\n\r\n(1 rows affected)\r\n'],
    ['Japanese values, 0x7F and half-width kana', '髙橋,ｱｲｳ,a\x7fb\r\n勤怠 太郎,①,x\r\n'],
  ];
  for (const [label, text] of cases) {
    it(label, () => {
      const bytes = iconv.encode(text, 'cp932');
      assert.deepEqual(plainRecords(bytes), carefulRecords(bytes));
      for (let cut = 1; cut < bytes.length; cut++) assert.deepEqual(plainRecords(bytes, [cut]), carefulRecords(bytes), `cut at ${cut}`);
    });
  }

  it('leaves to csv-parse: a quote, a bare LF in a CRLF file, a lone CR line break, a line too long, bytes that do not decode', () => {
    for (const text of ['a,"b"\r\n', 'a,b\r\nc\nd\r\n', 'a,b\rc,d\r', `a,${'x'.repeat(70_000)}\n`]) {
      assert.equal(plainRecords(Buffer.from(text, 'latin1')), undefined, JSON.stringify(text.slice(0, 20)));
    }
    assert.equal(plainRecords(Buffer.from([0x61, 0x2c, 0x81, 0x0d, 0x0a])), undefined, 'a lead byte without its trail byte');
  });

  it('on 3,000 random texts of commas, line breaks, spaces and CP932 characters', () => {
    const random = mulberry32(14);
    // Double-byte characters whose second byte is ASCII (表 is 0x95 0x5C, a backslash), a lone lead byte, a rare lone CR.
    const tokens = [[0x61], [0x31], [0x20], [0x2c], [0x2c], [0x0d, 0x0a], [0x0a], [0x09], [0x7f], [0x88, 0x9f], [0xb1], [0xe0, 0x40], [0x95, 0x5c], [0x81], [0x0d]];
    const weights = [4, 4, 2, 4, 4, 3, 3, 1, 1, 2, 1, 1, 2, 0.05, 0.1];
    const total = weights.reduce((a, b) => a + b, 0);
    const token = (): number[] => {
      let x = random() * total;
      for (let i = 0; i < tokens.length; i++) if ((x -= weights[i]!) < 0) return tokens[i]!;
      return tokens[0]!;
    };
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 40) }, token).flat());
      const cut = Math.floor(random() * bytes.length);
      const plain = plainRecords(bytes, [cut]);
      if (plain === undefined) continue;
      compared++;
      assert.deepEqual(plain, carefulRecords(bytes), `bytes ${bytes.toString('hex')} cut at ${cut}`);
    }
    assert.ok(compared > 1500, `${compared} texts compared`);
  });
});

it('a date in the one form LanScope writes is read by position, as the scanner reads it', () => {
  const random = mulberry32(2024);
  const pick = (chars: string) => chars[Math.floor(random() * chars.length)]!;
  for (let i = 0; i < 20_000; i++) {
    const d = '0123456789';
    const text = `${pick('12')}${pick('09')}${pick(d)}${pick(d)}${pick('/-/')}${pick('01')}${pick(d)}${pick('/-x')}${pick('0123')}${pick(d)}${pick(' T ')}${pick('012')}${pick(d)}:${pick('0156')}${pick(d)}:${pick('056')}${pick(d)}`;
    // Two spaces between date and time: the same moment in a form only the scanner reads.
    const scanned = parseWallClock(text.slice(0, 10) + '  ' + text.slice(11));
    assert.equal(parseWallClock(text), text[10] === 'T' ? parseWallClock(text.replace('T', ' ')) : scanned, text);
  }
  assert.equal(parseWallClock('2024/12/17 29:59:59'), parseWallClock('2024/12/18  05:59:59'));
  assert.equal(parseWallClock('1999/12/31 23:59:59'), undefined);
  assert.equal(parseWallClock('2024/02/30 09:00:00'), undefined);
});

describe('pieces of a file', () => {
  it('cover each file once, the last to its end', () => {
    assert.deepEqual(cutIntoPieces([10, 0, 25], 10), [
      { file: 0, start: 0, end: Number.POSITIVE_INFINITY },
      { file: 1, start: 0, end: Number.POSITIVE_INFINITY },
      { file: 2, start: 0, end: 8 },
      { file: 2, start: 8, end: 16 },
      { file: 2, start: 16, end: Number.POSITIVE_INFINITY },
    ]);
  });
});

/** Events of `users` people over `days` days, with what real logs have: Japanese names, a second PC, late log-offs, sqlcmd's underline. */
function dayFile(day: number, users: number, eol = '\r\n'): Buffer {
  const random = mulberry32(day);
  const rows: string[] = [HEADER, '-----------------------,------------,-----,-----'];
  for (let u = 0; u < users; u++) {
    const name = u % 10 === 3 ? `髙橋${u}` : u % 10 === 7 ? `勤怠 太郎${u}` : `user${u}`;
    const start = 8 * 60 + Math.floor(random() * 120);
    const end = u % 50 === 0 ? 26 * 60 + 10 : 17 * 60 + Math.floor(random() * 180);
    const at = (minutes: number) => `2024/12/${String(day + Math.floor(minutes / 1440)).padStart(2, '0')} ${String(Math.floor((minutes % 1440) / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
    rows.push(`${at(start)},${name},1,PC-${u}`, `${at(start + 60)},${name},2,${u % 25 === 0 ? `NB-${u}` : `PC-${u}`}`, `${at(end)},${name},2,PC-${u}`);
  }
  return iconv.encode(rows.join(eol) + eol, 'cp932');
}

async function folderWith(files: Record<string, Buffer | string>): Promise<{ folder: string; files: string[] }> {
  const folder = join(dir, `case-${++n}`);
  await mkdir(folder);
  for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), typeof content === 'string' ? iconv.encode(content, 'cp932') : content);
  return { folder, files: Object.keys(files).sort().map((name) => join(folder, name)) };
}

/** Everything a read leaves: per-file statistics, files left out, and each user's windows. */
async function readAll(files: string[], options: ReadOptions) {
  const aggregator = new LogAggregator(300);
  const read = await readLogFiles(files, aggregator, undefined, options);
  const users = [...aggregator.users.values()]
    .map((u) => [u.user, u.rows, [...u.windows].map(([day, w]) => [day, w.firstStart, w.lastEnd, [...w.pcs].sort()])] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { reader: read.reader, carefulBecause: read.carefulBecause, files: read.files, skipped: read.skipped, users };
}

describe('the plain read gives what the careful read gives', () => {
  it('in pieces of every size, on one thread and two', async () => {
    const { files } = await folderWith({ 'd16.csv': dayFile(16, 400), 'd17.csv': dayFile(17, 400, '\n'), 'd18.csv': dayFile(18, 50) });
    const careful = await readAll(files, { reader: 'careful', threads: 1 });
    assert.equal(careful.reader, 'careful');
    for (const pieceBytes of [4 * 1024 * 1024, 5000, 997, 64]) {
      for (const threads of [1, 2]) {
        const plain = await readAll(files, { threads, pieceBytes });
        assert.equal(plain.reader, 'plain', `${pieceBytes} bytes, ${threads} thread(s): ${plain.carefulBecause}`);
        assert.deepEqual({ ...plain, reader: 'careful' }, careful, `${pieceBytes} bytes, ${threads} thread(s)`);
      }
    }
  });

  it('files that need csv-parse from their first bytes are read whole by it, the others plainly', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(`${HEADER}\r\n2024/12/17 09:00:00,u16,1,PC\r\n`, 'utf-16le')]);
    const { files } = await folderWith({
      'a.csv': dayFile(16, 100),
      'b-quoted.csv': `${HEADER}\r\n"2024/12/17 09:00:00","quoted",1,PC\r\n`,
      'c-utf16.csv': utf16,
      'd-empty.csv': '',
      'e-export.csv': '連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント\r\nLanScope連携,"2","1",a,"b"\r\n',
      'f-summary-utf8.csv': Buffer.from('ログオンユーザ名,開始日時,終了日時\r\nsum,2024/12/17 09:00,2024/12/17 25:30\r\n'),
    });
    const careful = await readAll(files, { reader: 'careful', pieceBytes: 500 });
    const plain = await readAll(files, { pieceBytes: 500, threads: 2 });
    assert.equal(plain.reader, 'plain');
    assert.deepEqual({ ...plain, reader: 'careful' }, careful);
    assert.deepEqual(plain.skipped.map((s) => s.reason), ['empty', 'mapping-export']);
  });

  for (const [label, broken, because] of [
    ['a quote after the head', '2024/12/17 09:00:00,"q",1,PC', 'quote'],
    ['a bare LF in a CRLF file', '2024/12/17 09:00:00,x\ny,1,PC', 'line-break'],
    ['a row the reader refuses', '2024/13/01 09:00:00,x,1,PC', 'input-problem'],
  ] as const) {
    it(`${label}: the whole folder is read again by csv-parse (${because})`, async () => {
      const text = iconv.decode(dayFile(17, 3000), 'cp932').split('\r\n');
      text.splice(2500, 0, broken);
      const { files } = await folderWith({ 'a.csv': dayFile(16, 300), 'b.csv': text.join('\r\n') });
      const plain = readAll(files, { threads: 2, pieceBytes: 20_000 });
      const careful = readAll(files, { reader: 'careful' });
      if (because === 'input-problem') {
        const [p, c] = await Promise.allSettled([plain, careful]);
        assert.equal(p.status, 'rejected');
        assert.deepEqual(p, c, 'the same problem, with its line');
        return;
      }
      const read = await plain;
      assert.deepEqual([read.reader, read.carefulBecause], ['careful', because]);
      assert.deepEqual({ ...read, carefulBecause: undefined }, await careful);
    });
  }

  it('stops when told to, its worker too', async () => {
    const { files } = await folderWith({ 'a.csv': dayFile(16, 2000) });
    const stop = new AbortController();
    stop.abort(new Error('no longer needed'));
    await assert.rejects(readLogFiles(files, new LogAggregator(300), undefined, { threads: 2, pieceBytes: 1000, signal: stop.signal }), /no longer needed/);
  });
});

describe('doctor prints the same with either reader (LANSCOPE_KOT_READER=careful)', () => {
  const careful = { LANSCOPE_KOT_READER: 'careful' };
  for (const [label, logs] of [
    ['the fixtures', fixture('logs')],
    ['a bad date', fixture('bad-logs', 'bad-date')],
    ['a broken quote', fixture('bad-logs', 'broken-quote')],
    ['an unknown header', fixture('bad-logs', 'unknown-header')],
  ] as const) {
    it(`${label}: JSON and text`, async () => {
      for (const format of [['--json'], []]) {
        const args = ['--offline', '--log-dir', logs, '--mapping', fixture('mapping', 'export-cp932.csv'), '--day-change', '05:00', ...format];
        const plain = await doctorInProcess(args);
        assert.equal(plain.code === 2, label !== 'the fixtures', plain.stderr);
        assert.deepEqual(plain, await doctorInProcess(args, careful));
      }
    });
  }

  it('a month of a small company, byte for byte', async () => {
    const days = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`kintai_202412${String(i + 2).padStart(2, '0')}.csv`, dayFile(i + 2, 300)]));
    const { folder } = await folderWith(days);
    const mapping = join(folder, '..', `mapping-${n}.csv`);
    const rows = Array.from({ length: 300 }, (_, u) => (u % 10 === 3 ? `髙橋${u}` : u % 10 === 7 ? `勤怠 太郎${u}` : `user${u}`));
    await writeFile(mapping, iconv.encode(['連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント', ...rows.map((name, u) => `LanScope連携,"2","${String(u + 1).padStart(6, '0')}",名前,"${u === 5 ? 'User5' : name}"`)].join('\r\n') + '\r\n', 'cp932'));
    const args = ['--offline', '--json', '--log-dir', folder, '--mapping', mapping, '--day-change', '00:00'];
    const plain = await doctorInProcess(args);
    assert.equal(plain.code, 1, plain.stderr);
    assert.match(plain.stdout, /"punches": \[/);
    assert.deepEqual(plain, await doctorInProcess(args, careful));
    assert.ok((await readFile(mapping)).length > 0);
  });
});

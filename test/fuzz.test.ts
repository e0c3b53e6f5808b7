import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { doctorInProcess, fixture, runCli } from './helpers.js';

/**
 * Issue 9's fuzz test: the example inputs of every reader (SQL, conf.ini, mapping export, LanScope CSVs,
 * token file), mutated at random from a seed, fed to doctor. Whatever the input: exit 0, 1 or 2, no stack
 * trace or internal error, at most 1 KB on stderr naming the file when it refuses one, no secret in any
 * output, the inputs unchanged. Most cases run doctor in this process (runDoctor, what the binary calls);
 * a few run the real binary.
 *
 *   LANSCOPE_KOT_FUZZ_CASES=5000 npm test              more cases (default 150: a few seconds)
 *   LANSCOPE_KOT_FUZZ_SEED=7 LANSCOPE_KOT_FUZZ_CASE=42  one case again, as a failure names it
 */
const SEED = Number(process.env.LANSCOPE_KOT_FUZZ_SEED ?? 20241217);
const CASES = Number(process.env.LANSCOPE_KOT_FUZZ_CASES ?? 150);
const ONLY = process.env.LANSCOPE_KOT_FUZZ_CASE === undefined ? undefined : Number(process.env.LANSCOPE_KOT_FUZZ_CASE);
/** Every this many cases, the real binary instead of runDoctor. */
const BINARY_EVERY = 25;

const TOKEN = 'AbCdEfGh0123456789IjKlMnOpQrStUv';
const PASSWORD = 'S3cr3t-Pa55w0rd';
const PROXY = `http://alice:${PASSWORD}@127.0.0.1:9`;

/** The benchmark's seeded PRNG (mulberry32): the same sequence on every machine. */
const { mulberry32: prng } = (await import(new URL('../../bench/generate.mjs', import.meta.url).href)) as { mulberry32: (seed: number) => () => number };

type Kind = 'sql' | 'conf-ini' | 'mapping' | 'log' | 'token';
const EXAMPLES: Record<Kind, string[]> = {
  sql: ['sql/kintai-cp932.sql', 'sql/kintai-utf16.sql', 'sql/kintai-0400-utf8bom.sql'],
  'conf-ini': ['conf/conf.ini'],
  mapping: ['mapping/export-cp932.csv', 'mapping/export-utf8bom.csv', 'mapping/export-4col.csv'],
  log: ['logs/events-20241217.csv', 'logs/summary-20241218.csv'],
  token: ['token/token-ok.txt'],
};
const KINDS = Object.keys(EXAMPLES) as Kind[];

/** Pieces that broke readers before: quotes, separators, line breaks, NUL, terminal escapes, odd years, BOMs. */
const NASTY = ['"', '""', ',', '\r\n', '\n', '\r', '\0', '\x1b]0;owned\x07', '\x1b[2J', '0024/12/17 09:00', '9999/12/31 29:59', '\uFEFF', '\u202E', 'ログオンユーザ名', '連携種別', '=CMD|', TOKEN];

type Mutation = (bytes: Buffer, r: () => number) => Buffer;
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const at = (r: () => number, bytes: Buffer) => Math.floor(r() * (bytes.length + 1));

const MUTATIONS: Record<string, Mutation> = {
  flipByte: (b, r) => {
    if (b.length === 0) return b;
    const c = Buffer.from(b);
    c[Math.floor(r() * c.length)] = Math.floor(r() * 256);
    return c;
  },
  insertNasty: (b, r) => {
    const i = at(r, b);
    return Buffer.concat([b.subarray(0, i), Buffer.from(pick(r, NASTY)), b.subarray(i)]);
  },
  deleteRange: (b, r) => {
    const i = at(r, b);
    return Buffer.concat([b.subarray(0, i), b.subarray(Math.min(b.length, i + 1 + Math.floor(r() * 40)))]);
  },
  duplicateRange: (b, r) => {
    const i = at(r, b);
    const piece = b.subarray(i, i + 1 + Math.floor(r() * 200));
    return Buffer.concat([b.subarray(0, i), piece, piece, b.subarray(i)]);
  },
  truncate: (b, r) => b.subarray(0, at(r, b)),
  repeatLine: (b, r) => {
    const i = at(r, b);
    return Buffer.concat([b.subarray(0, i), Buffer.from('x,'.repeat(Math.floor(r() * 2000))), b.subarray(i)]);
  },
  // Rarely: a line over the 1 MB limit, without a line break.
  hugeLine: (b, r) => (r() < 0.15 ? Buffer.concat([b, Buffer.alloc(1024 * 1024 + 10, 'y')]) : b),
  utf16NoBom: (b) => iconv.encode(iconv.decode(b, 'cp932'), 'utf-16le'),
  utf32WithBom: (b) => iconv.encode(iconv.decode(b, 'cp932'), 'utf-32le', { addBOM: true }),
  bomOnly: (b, r) => Buffer.concat([Buffer.from(pick(r, [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xff, 0xfe, 0, 0]])), b]),
  empty: () => Buffer.alloc(0),
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

interface Case {
  index: number;
  kind: Kind;
  example: string;
  mutations: string[];
  args: string[];
  /** Files given to doctor (and the folder's files), to name in errors and to compare after. */
  inputs: string[];
  env: Record<string, string>;
}

let root: string;
const fixtureHashes = new Map<string, string>();
const hash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const allExamples = KINDS.flatMap((k) => EXAMPLES[k]);

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'lanscope-kot-fuzz-'));
  for (const example of allExamples) fixtureHashes.set(example, hash(await readFile(fixture(example))));
});
after(() => rm(root, { recursive: true, force: true }));

/** Builds case `index` from the seed alone: the same case on every run and machine. */
async function makeCase(index: number): Promise<Case> {
  const r = prng(SEED * 7919 + index);
  const kind = pick(r, KINDS);
  const example = pick(r, EXAMPLES[kind]);
  const mutations = Array.from({ length: 1 + Math.floor(r() * 4) }, () => pick(r, MUTATION_NAMES));
  let bytes: Buffer = await readFile(fixture(example));
  for (const m of mutations) bytes = MUTATIONS[m]!(bytes, r);
  const dir = join(root, `case-${index}`);
  await mkdir(dir);
  const inputs: string[] = [];
  const args = ['--offline', '--company-code', 'ABC123', '--proxy', PROXY];
  const write = async (name: string, content: Buffer): Promise<string> => {
    const file = join(dir, name);
    await writeFile(file, content);
    inputs.push(file);
    return file;
  };
  const env: Record<string, string> = {};
  if (kind === 'token') args.push('--token-file', await write('token.txt', bytes));
  else if (r() < 0.5) args.push('--token-file', await write('token.txt', Buffer.from(`${TOKEN}\r\n`)));
  else env.LANSCOPE_KOT_TOKEN = TOKEN;
  if (kind === 'sql') args.push('--sql', await write(basename(example), bytes));
  if (kind === 'mapping') args.push('--mapping', await write(basename(example), bytes));
  if (kind === 'log' || kind === 'conf-ini') {
    const logs = join(dir, 'logs');
    await mkdir(logs);
    // The mutated file among good ones, and sometimes the mapping export beside them.
    if (kind === 'log') await write(join('logs', basename(example)), bytes);
    for (const other of EXAMPLES.log.filter((e) => e !== example)) await write(join('logs', basename(other)), await readFile(fixture(other)));
    if (r() < 0.3) await write(join('logs', 'export.csv'), await readFile(fixture('mapping/export-cp932.csv')));
    if (kind === 'conf-ini') {
      const ini = iconv.decode(bytes, 'cp932').replace(/C:\\TEMP/i, logs);
      args.push('--conf-ini', await write('conf.ini', iconv.encode(ini, 'cp932')));
    } else args.push('--log-dir', logs);
  }
  if (r() < 0.5) args.push('--json');
  if (r() < 0.3) args.push('--lang', 'ja');
  if (r() < 0.3) args.push('--day-change', '05:00');
  return { index, kind, example, mutations, args, inputs, env };
}

function check(c: Case, run: { code: number | null; stdout: string; stderr: string }): void {
  const where = `LANSCOPE_KOT_FUZZ_SEED=${SEED} LANSCOPE_KOT_FUZZ_CASE=${c.index}: ${c.example} after ${c.mutations.join(', ')} (doctor ${c.args.join(' ')})`;
  assert.ok(run.code === 0 || run.code === 1 || run.code === 2, `exit ${run.code}: ${where}\n${run.stderr.slice(0, 500)}`);
  for (const text of [run.stdout, run.stderr]) {
    assert.doesNotMatch(text, /\n\s+at \S|internal error|Invalid regular expression/, `stack or internal error: ${where}\n${text.slice(0, 800)}`);
    assert.ok(!text.includes(TOKEN) && !text.includes(TOKEN.slice(0, 12)) && !text.includes(TOKEN.slice(-12)), `the token leaked: ${where}`);
    assert.ok(!text.includes(PASSWORD), `the proxy password leaked: ${where}`);
  }
  assert.ok(Buffer.byteLength(run.stderr) <= 1024, `stderr of ${Buffer.byteLength(run.stderr)} bytes: ${where}\n${run.stderr.slice(0, 300)}`);
  if (run.code === 2) {
    assert.equal(run.stderr.trim().split('\n').length, 1, `one line: ${where}\n${run.stderr}`);
    assert.ok(
      c.inputs.some((file) => run.stderr.includes(basename(file))) || /LANSCOPE_KOT_TOKEN/.test(run.stderr),
      `the refused file is named: ${where}\n${run.stderr}`,
    );
  }
}

describe(`fuzz: ${CASES} mutated inputs from seed ${SEED}`, () => {
  it('doctor exits 0/1/2, says at most one short line naming the file, leaks nothing and changes nothing', { timeout: 600_000 }, async (t) => {
    const indices = ONLY === undefined ? Array.from({ length: CASES }, (_, i) => i) : [ONLY];
    const codes = { 0: 0, 1: 0, 2: 0 } as Record<number, number>;
    for (const index of indices) {
      const c = await makeCase(index);
      const before = await Promise.all(c.inputs.map((f) => readFile(f).then(hash)));
      const run = index % BINARY_EVERY === 0 ? await runCli(['doctor', ...c.args], { NO_COLOR: '1', ...c.env }) : await doctorInProcess(c.args, c.env);
      check(c, run);
      codes[run.code ?? -1] = (codes[run.code ?? -1] ?? 0) + 1;
      const afterHashes = await Promise.all(c.inputs.map((f) => readFile(f).then(hash)));
      assert.deepEqual(afterHashes, before, `an input changed: case ${index}`);
      await rm(join(root, `case-${index}`), { recursive: true, force: true });
    }
    for (const example of allExamples) assert.equal(hash(await readFile(fixture(example))), fixtureHashes.get(example), `${example} changed`);
    t.diagnostic(`seed ${SEED}, ${indices.length} case(s): exit 0 × ${codes[0]}, exit 1 × ${codes[1]}, exit 2 × ${codes[2]}`);
  });
});

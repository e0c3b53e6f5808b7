// The choices behind doctor's log reader (issue 14), each measured on the benchmark's CSVs in its own process,
// rounds interleaved, medians of wall and CPU time:
//   decode  iconv-lite's CP932 decoder · Node's TextDecoder('shift_jis', stream) · Buffer latin1 (a copy, no decode)
//   split   csv-parse (arrays) · udsv's chunk parser (when installed: npm i --no-save udsv) · String.split per line ·
//           indexOf per field — each after the decode it needs, records counted
//   read    readLogFiles into a LogAggregator: the careful reader (csv-parse), the plain one on 1 thread, on 2
// and whether TextDecoder('shift_jis') decodes every CP932 byte sequence as iconv-lite does.
//
//   node bench/choices.mjs [--size 1000000] [--runs 3] [--data-dir DIR]     (needs a build: npm run build)

import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse';
import { ensureData } from './generate.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};

const CHUNK = 1 << 20;
function* chunks(file) {
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK);
  try {
    for (let n; (n = readSync(fd, buffer, 0, CHUNK, null)) > 0; ) yield buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Lines of a decoded stream of text chunks, to `line(text, start, end)`. */
function lines(texts, line) {
  let rest = '';
  for (const chunk of texts) {
    const text = rest + chunk;
    let at = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', at)) {
      line(text, at, text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
      at = nl + 1;
    }
    rest = text.slice(at);
  }
}

const decoders = {
  iconv: (file) => {
    const decoder = iconv.getDecoder('cp932');
    return (function* () {
      for (const b of chunks(file)) yield decoder.write(b);
    })();
  },
  textdecoder: (file) => {
    const decoder = new TextDecoder('shift_jis');
    return (function* () {
      for (const b of chunks(file)) yield decoder.decode(b, { stream: true });
    })();
  },
  latin1: (file) =>
    (function* () {
      for (const b of chunks(file)) yield b.toString('latin1');
    })(),
};

/** Each variant: resolves to the number of records (or characters, for a decode alone). */
const variants = {
  'decode: iconv-lite': async (files) => files.reduce((n, f) => n + [...decoders.iconv(f)].reduce((m, t) => m + t.length, 0), 0),
  'decode: TextDecoder': async (files) => files.reduce((n, f) => n + [...decoders.textdecoder(f)].reduce((m, t) => m + t.length, 0), 0),
  'decode: latin1 copy': async (files) => files.reduce((n, f) => n + [...decoders.latin1(f)].reduce((m, t) => m + t.length, 0), 0),
  'split: TextDecoder + csv-parse': async (files) => {
    let records = 0;
    for (const file of files) {
      const parser = parse({ bom: true, relax_column_count: true });
      parser.on('data', () => records++);
      const done = new Promise((resolve, reject) => parser.on('end', resolve).on('error', reject));
      for (const text of decoders.textdecoder(file)) parser.write(text);
      parser.end();
      await done;
    }
    return records;
  },
  'split: TextDecoder + udsv': async (files) => {
    let udsv;
    try {
      udsv = await import('udsv');
    } catch {
      return 'skipped: udsv is not installed (npm i --no-save udsv)';
    }
    let records = 0;
    for (const file of files) {
      let parser;
      for (const text of decoders.textdecoder(file)) {
        parser ??= udsv.initParser(udsv.inferSchema(text));
        parser.chunk(text, parser.stringArrs, () => {
          records++;
        });
      }
      parser.end();
    }
    return records;
  },
  'split: TextDecoder + String.split': async (files) => {
    let records = 0;
    for (const file of files) lines(decoders.textdecoder(file), (text, start, end) => (records += text.slice(start, end).split(',').length > 0 ? 1 : 0));
    return records;
  },
  'split: latin1 + String.split': async (files) => {
    let records = 0;
    for (const file of files) lines(decoders.latin1(file), (text, start, end) => (records += text.slice(start, end).split(',').length > 0 ? 1 : 0));
    return records;
  },
  'split: latin1 + indexOf per field': async (files) => {
    let records = 0;
    const fields = [];
    for (const file of files) {
      lines(decoders.latin1(file), (text, start, end) => {
        fields.length = 0;
        let from = start;
        for (let c = text.indexOf(',', start); c !== -1 && c < end; c = text.indexOf(',', from)) {
          fields.push(text.slice(from, c));
          from = c + 1;
        }
        fields.push(text.slice(from, end));
        records++;
      });
    }
    return records;
  },
  'read: careful reader (csv-parse), 1 thread': (files) => readWith(files, { reader: 'careful', threads: 1 }),
  'read: plain reader, 1 thread': (files) => readWith(files, { threads: 1 }),
  'read: plain reader, 2 threads': (files) => readWith(files, { threads: 2 }),
};

async function readWith(files, options) {
  const { readLogFiles } = await import(join(root, 'dist/source/io/log-folder.js'));
  const { LogAggregator } = await import(join(root, 'dist/source/core/log-aggregate.js'));
  const read = await readLogFiles(files, new LogAggregator(300), undefined, options);
  if (read.reader !== (options.reader ?? 'plain')) throw new Error(`read ${read.reader}: ${read.carefulBecause}`);
  return read.files.reduce((n, f) => n + f.rows, 0);
}

/** How many one- and two-byte sequences TextDecoder('shift_jis', fatal) decodes otherwise than iconv-lite's cp932. */
function decoderDifferences() {
  const td = new TextDecoder('shift_jis', { fatal: true });
  const differ = [];
  const check = (bytes) => {
    const b = Buffer.from(bytes);
    let t;
    try {
      t = td.decode(b);
    } catch {
      return;
    }
    if (t !== iconv.decode(b, 'cp932')) differ.push(b.toString('hex'));
  };
  for (let a = 0; a < 256; a++) check([a]);
  for (let a = 0x80; a < 256; a++) for (let b = 0; b < 256; b++) check([a, b]);
  const singles = differ.filter((h) => h.length === 2);
  const leads = new Set(differ.filter((h) => h.length === 4 && !/(1a|1c|7f)$/.test(h)).map((h) => h.slice(0, 2)));
  return { count: differ.length, singles, otherLeads: [...leads] };
}

if (process.argv[2] === '--child') {
  const [, , , name, dir] = process.argv;
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().map((f) => join(dir, f));
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await variants[name](files);
  const used = process.cpuUsage(cpu);
  process.stdout.write(JSON.stringify({ result, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 }) + '\n');
} else {
  const size = Number(arg('--size', '1000000'));
  const runs = Number(arg('--runs', '3'));
  const dataDir = arg('--data-dir', tmpdir());
  const data = await ensureData({ size, dir: join(dataDir, `lanscope-kot-bench-${size}`), log: (s) => process.stderr.write(s + '\n') });
  const times = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  const results = {};
  for (let r = 0; r < runs; r++) {
    for (const name of Object.keys(variants)) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, data.logDir], { encoding: 'utf8', cwd: root });
      if (child.status !== 0) throw new Error(`${name}: ${child.stderr}`);
      const out = JSON.parse(child.stdout);
      results[name] = out.result;
      if (typeof out.result !== 'string') times[name].push(out);
      process.stderr.write(`  ${r + 1}/${runs} ${name}: ${typeof out.result === 'string' ? out.result : `${out.ms.toFixed(0)} ms, CPU ${out.cpuMs.toFixed(0)} ms`}\n`);
    }
  }
  const median = (v) => {
    const s = [...v].sort((a, b) => a - b);
    return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const out = [`Choices on ${size.toLocaleString('en-US')} rows (${(data.stats.logBytes / 1e6).toFixed(0)} MB of CP932), median of ${runs}, each in its own process:`, '', '| variant | wall | CPU |', '|---|---:|---:|'];
  for (const name of Object.keys(variants)) {
    out.push(typeof results[name] === 'string' ? `| ${name} | ${results[name]} | |` : `| ${name} | ${median(times[name].map((t) => t.ms)).toFixed(0)} ms | ${median(times[name].map((t) => t.cpuMs)).toFixed(0)} ms |`);
  }
  const d = decoderDifferences();
  out.push('', `TextDecoder('shift_jis') vs iconv-lite cp932: ${d.count} one- or two-byte sequences both decode differently; single bytes ${d.singles.join(', ')} (and the same bytes after a single-byte character); double-byte leads ${d.otherLeads.join(', ')}.`);
  process.stdout.write(out.join('\n') + '\n');
}

import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { fetchKotItems } from '../source/io/kot-api.js';
import { JsonArraySplitter, SplitError, type SplitProblem } from '../source/io/json-split.js';

/** The benchmark's seeded PRNG (mulberry32), as the fuzz test uses it. */
const { mulberry32 } = (await import(new URL('../../bench/generate.mjs', import.meta.url).href)) as { mulberry32: (seed: number) => () => number };

/**
 * The Web API answers are read as they arrive, one small value at a time (issue 13, memory bounded): the
 * splitter must hand out exactly what JSON.parse of the whole answer holds, wherever the network cuts it,
 * and refuse what JSON.parse refuses.
 */
type Event = ['item', number, unknown] | ['member', number, string, unknown] | ['element', number, number, unknown] | ['end', number];

function split(bytes: Buffer, cuts: number[], into?: string): Event[] | SplitProblem {
  const events: Event[] = [];
  const splitter = new JsonArraySplitter(
    {
      item: (value, i) => events.push(['item', i, value]),
      member: (i, key, value) => events.push(['member', i, key, value]),
      element: (i, e, value) => events.push(['element', i, e, value]),
      itemEnd: (i) => events.push(['end', i]),
    },
    into,
  );
  try {
    let at = 0;
    for (const cut of [...cuts, bytes.length]) {
      splitter.write(bytes.subarray(at, cut));
      at = cut;
    }
    splitter.end();
  } catch (err) {
    if (err instanceof SplitError) return err.problem;
    throw err;
  }
  return events;
}

/** What the splitter should hand out, from JSON.parse of the whole. */
function expected(value: unknown[], into?: string): Event[] {
  if (into === undefined) return value.map((v, i) => ['item', i, v]);
  const events: Event[] = [];
  value.forEach((item, i) => {
    for (const [key, member] of Object.entries(item as Record<string, unknown>)) {
      if (key === into && Array.isArray(member)) member.forEach((e, j) => events.push(['element', i, j, e]));
      else events.push(['member', i, key, member]);
    }
    events.push(['end', i]);
  });
  return events;
}

/** A value of any JSON kind, with strings that hold what a scanner gets wrong: quotes, backslashes, escapes, multi-byte UTF-8. */
function randomValue(random: () => number, depth: number): unknown {
  const pick = Math.floor(random() * (depth > 2 ? 5 : 7));
  const strings = ['', 'plain', 'say "hi"', 'back\\slash\\', '\\"', '勤怠 太郎', '😀', 'tab\there', 'esc\u001b]0;x\u0007', '}]{[,:', 'u\u2028v'];
  switch (pick) {
    case 0:
      return strings[Math.floor(random() * strings.length)];
    case 1:
      return Math.floor(random() * 2e6) - 1e6 + (random() < 0.3 ? 0.25 : 0);
    case 2:
      return [true, false, null][Math.floor(random() * 3)];
    case 3:
      return -1.5e-7;
    case 4:
      return strings[Math.floor(random() * strings.length)]! + strings[Math.floor(random() * strings.length)]!;
    case 5:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, (_, k) => [strings[k % strings.length]! + k, randomValue(random, depth + 1)]));
  }
}

/** JSON text with white space where the grammar allows it (what pretty printers and other servers send). */
function spaced(value: unknown, random: () => number): string {
  const ws = () => [' ', '\n', '\r\n  ', '\t', ''][Math.floor(random() * 5)]!;
  if (Array.isArray(value)) return `[${ws()}${value.map((v) => spaced(v, random)).join(`${ws()},${ws()}`)}${ws()}]`;
  if (value !== null && typeof value === 'object') return `{${ws()}${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}${ws()}:${ws()}${spaced(v, random)}`).join(`${ws()},${ws()}`)}${ws()}}`;
  return JSON.stringify(value);
}

describe('JsonArraySplitter', () => {
  it('hands out what JSON.parse of the whole holds, however the bytes are cut (300 random answers, both modes)', () => {
    const random = mulberry32(13);
    for (let n = 0; n < 300; n++) {
      const answer = Array.from({ length: Math.floor(random() * 5) }, () => {
        const item = randomValue(random, 1);
        const base = item !== null && typeof item === 'object' && !Array.isArray(item) ? item : {};
        // The timerecord shape: members around an array split out element by element.
        return { date: '2024-12-17', ...base, dailyWorkings: Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, 2)) };
      });
      const text = (random() < 0.2 ? '\uFEFF' : '') + spaced(answer, random) + (random() < 0.5 ? '\r\n' : '');
      const bytes = Buffer.from(text, 'utf8');
      const cuts = Array.from({ length: Math.floor(random() * 8) }, () => Math.floor(random() * bytes.length)).sort((a, b) => a - b);
      for (const into of [undefined, 'dailyWorkings']) {
        assert.deepEqual(split(bytes, cuts, into), expected(answer, into), `answer ${n} (${into ?? 'items'}), cut at ${cuts.join(',')}:\n${text}`);
      }
    }
  });

  it('one byte at a time: escapes, a backslash at the end of a chunk, a character of three bytes cut in three', () => {
    const answer = [{ date: 'a\\"b', dailyWorkings: [{ n: '勤怠\\\\"x' }, 'x\\', 12, [true]] }, { dailyWorkings: [] }, {}];
    const bytes = Buffer.from(JSON.stringify(answer), 'utf8');
    const everyByte = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    assert.deepEqual(split(bytes, everyByte, 'dailyWorkings'), expected(answer, 'dailyWorkings'));
    assert.deepEqual(split(bytes, everyByte), expected(answer));
    assert.deepEqual(split(Buffer.from('[]'), []), []);
    assert.deepEqual(split(Buffer.from(' [ 1 , -2.5e3 , "x" , null ] '), [4, 9]), [['item', 0, 1], ['item', 1, -2500], ['item', 2, 'x'], ['item', 3, null]]);
  });

  it('refuses what JSON.parse refuses: anything cut short, a missing or extra comma, garbage after the end', () => {
    const whole = JSON.stringify([{ date: '2024-12-17', dailyWorkings: [{ a: 1 }, { b: [2, '3'] }] }, { date: 'x' }]);
    // Every answer cut short (the server stopped, the connection broke) is not JSON.
    for (let length = 0; length < whole.length; length++) {
      for (const into of [undefined, 'dailyWorkings']) assert.deepEqual(split(Buffer.from(whole.slice(0, length)), [], into), { kind: 'not-json' }, `${length}: ${whole.slice(0, length)}`);
    }
    const objects = ['[{"a":1,}]', '[{"a" 1}]', '[{"a":}]', '[{1:2}]', '[{"a":1}{"b":2}]', '[{"a":1}]x', '[{"a":1},]', '[{"a":1},,{}]', '   ', ''];
    const items = ['[1 2]', '[1,]', '[,1]', '[1]x', '[tru]', '["a\\"]'];
    for (const bad of [...objects, ...items]) assert.deepEqual(split(Buffer.from(bad), []), { kind: 'not-json' }, bad);
    // Looking into items: the split array is held to the same grammar.
    for (const bad of [...objects, '[{"dailyWorkings":[1,]}]', '[{"dailyWorkings":[1 2]}]', '[{"dailyWorkings":[,]}]']) {
      assert.deepEqual(split(Buffer.from(bad), [], 'dailyWorkings'), { kind: 'not-json' }, `${bad} (dailyWorkings)`);
    }
    assert.deepEqual(split(Buffer.from('{"errors":[]}'), []), { kind: 'not-array' });
    assert.deepEqual(split(Buffer.from('<html>maintenance</html>'), []), { kind: 'not-array' });
    assert.deepEqual(split(Buffer.from('[{"date":"x"}, 3]'), [], 'dailyWorkings'), { kind: 'not-object', item: 1 });
  });

  it('reads the answer as it arrives: the first employees are folded before the server sends the rest', { timeout: 10_000 }, async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const seen: string[] = [];
    const server = http.createServer(async (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[{"date":"2024-12-17","dailyWorkings":[{"employeeKey":"k1"},');
      // The rest only once the client has handed out the first element: a client that waits for the whole answer never gets it.
      await released;
      res.end('{"employeeKey":"k2"}]}]');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
      const result = await fetchKotItems('daily-workings/timerecord?start=2024-12-17&end=2024-12-17', { base, token: 't', timeoutMs: 5000 }, {
        into: 'dailyWorkings',
        member: () => undefined,
        element: (_i, _e, value) => {
          seen.push((value as { employeeKey: string }).employeeKey);
          release();
        },
        itemEnd: () => undefined,
      });
      assert.ok(result.ok, JSON.stringify(result));
      assert.deepEqual(seen, ['k1', 'k2']);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

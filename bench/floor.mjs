// A peer of `npm run bench` (issue 14): the least a JavaScript reader of these files can do and still give
// doctor's answer. For each CSV of a folder, in name order: read in 1 MiB chunks → Node's
// TextDecoder('shift_jis', { stream: true }) → lines by indexOf('\n') → split(',') → the first start and last
// end per user and LanScope day (05:00), columns found by the header's names. No checks, no errors, no
// quoting. Prints {"files":N,"records":M,"users":U,"userDays":D} on stdout.
//
//   node bench/floor.mjs DIR

import { closeSync, openSync, readSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node bench/floor.mjs DIR\n');
  process.exit(2);
}
const DAY_START = 5 * 3600;
const files = (await readdir(dir)).filter((name) => /\.csv$/i.test(name)).sort();
/** user → day → [first start, last end] */
const users = new Map();
let records = 0;
let userDays = 0;

const digits = (text, at, n) => {
  let value = 0;
  for (let i = at; i < at + n; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
};
let lastDate = '';
let lastMidnight = 0;

/** `2024/12/02 09:03:12` → seconds of that wall clock since 1970 (no zone); a file has few dates. */
function seconds(text) {
  const date = text.slice(0, 10);
  if (date !== lastDate) {
    lastDate = date;
    lastMidnight = Date.UTC(digits(text, 0, 4), digits(text, 5, 2) - 1, digits(text, 8, 2)) / 1000;
  }
  return lastMidnight + digits(text, 11, 2) * 3600 + digits(text, 14, 2) * 60 + digits(text, 17, 2);
}

function row(fields, col) {
  records++;
  const time = seconds(fields[col.time]);
  const day = Math.floor((time - DAY_START) / 86_400);
  let days = users.get(fields[col.user]);
  if (!days) users.set(fields[col.user], (days = new Map()));
  let span = days.get(day);
  if (!span) {
    days.set(day, (span = [Infinity, -Infinity]));
    userDays++;
  }
  if (fields[col.type] === '1') span[0] = Math.min(span[0], time);
  else span[1] = Math.max(span[1], time);
}

const buffer = Buffer.allocUnsafe(1 << 20);
for (const name of files) {
  const fd = openSync(join(dir, name), 'r');
  const decoder = new TextDecoder('shift_jis');
  let rest = '';
  let col;
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, null);
    const text = rest + decoder.decode(buffer.subarray(0, n), { stream: n > 0 });
    let at = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', at)) {
      const fields = text.slice(at, text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl).split(',');
      at = nl + 1;
      if (col === undefined) col = { time: fields.indexOf('イベント日時'), user: fields.indexOf('ログオンユーザ名'), type: fields.indexOf('ログ種類') };
      else row(fields, col);
    }
    rest = text.slice(at);
    if (n === 0) break;
  }
  if (rest !== '') row(rest.replace(/\r$/, '').split(','), col);
  closeSync(fd);
}
process.stdout.write(JSON.stringify({ files: files.length, records, users: users.size, userDays }) + '\n');

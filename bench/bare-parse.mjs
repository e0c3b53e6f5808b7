// The baseline of `npm run bench`: the least any reader of these files must do. For each CSV of a folder,
// in name order: fs.createReadStream → iconv-lite decodeStream('cp932') → csv-parse({ columns: true, bom: true }),
// counting the records. Prints {"files":N,"records":M} on stdout.
//
//   node bench/bare-parse.mjs DIR

import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node bench/bare-parse.mjs DIR\n');
  process.exit(2);
}
const files = (await readdir(dir)).filter((name) => /\.csv$/i.test(name)).sort();
let records = 0;
for (const name of files) {
  await pipeline(
    createReadStream(join(dir, name)),
    iconv.decodeStream('cp932'),
    parse({ columns: true, bom: true }),
    new Writable({
      objectMode: true,
      write(_record, _encoding, done) {
        records++;
        done();
      },
    }),
  );
}
process.stdout.write(JSON.stringify({ files: files.length, records }) + '\n');

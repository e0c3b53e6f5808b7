// Child of streaming.test.ts, run with --expose-gc: prints the heap retained after reading a folder.
// `node --test dist/test/` also loads every file of a test folder; without a folder argument this does nothing.
import { readOutputDir } from '../source/io/read-inputs.js';

const gc = (globalThis as { gc?: () => void }).gc;
const folder = process.argv[2];
if (gc && folder) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const read = await readOutputDir({ logDir: folder, windowStartMinutes: 300 });
  gc();
  gc();
  process.stdout.write(`${process.memoryUsage().heapUsed - before}\n`);
  // Keep the result alive until measured.
  if (read.logs!.users.size === 0) process.exitCode = 1;
}

// A stand-in KING OF TIME Web API on 127.0.0.1 for trying `lanscope-kot reconcile` on the bundled demo
// (in a clone, after `npm run build`): it answers with what PC login link would have made of
// examples/demo, plus the differences test/reconcile-demo.ts describes. Prints the base URL and writes the
// token to a file; Ctrl-C stops it.
//
//   node examples/kot-api-demo.mjs [TOKEN_FILE]      (default: kot-api-demo-token.txt in the temp folder)
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKotStub } from '../dist/test/kot-server.js';
import { demoStubData } from '../dist/test/reconcile-demo.js';

const tokenFile = process.argv[2] ?? join(tmpdir(), 'kot-api-demo-token.txt');
const stub = await startKotStub(await demoStubData(true));
writeFileSync(tokenFile, `${stub.token}\n`, { mode: 0o600 });
process.stdout.write(`Web API stand-in: ${stub.base}\ntoken file:       ${tokenFile}\n\n`);
process.stdout.write(
  `lanscope-kot reconcile --from 2024-12-16 --to 2024-12-18 --log-dir examples/demo/logs \\\n` +
    `  --mapping examples/demo/mapping-export.csv --sql examples/demo/勤怠簿出力.sql \\\n` +
    `  --kot-api-token-file ${tokenFile} --kot-api-base ${stub.base}\n`,
);
process.on('SIGINT', () => void stub.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void stub.close().then(() => process.exit(0)));

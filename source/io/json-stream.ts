import type { Writable } from 'node:stream';
import type { Report } from '../core/report.js';
import { secretRedactor } from '../core/secret.js';

/**
 * Writes the report as one JSON document, punches one at a time in buffered chunks that respect
 * back-pressure: a month of punches for 20,000 people never sits in memory as one string. The known
 * secrets are redacted across the chunks (core/secret.ts secretRedactor): one cut in two by a chunk's
 * end is hidden as one inside a chunk is.
 */
export async function writeJsonReport(report: Report, out: Writable, secrets: readonly string[]): Promise<void> {
  const redactor = secretRedactor(secrets);
  const { punches, ...head } = report;
  const prefix = JSON.stringify(head, null, 2);
  let chunk = prefix.slice(0, -2) + ',\n  "punches": [';
  let first = true;
  // Punches come user by user: each user's quoted names are made once, not looked up for every punch.
  let user: string | undefined;
  let employee: string | undefined;
  let names = '';
  for (const p of punches) {
    if (p.user !== user || p.employee !== employee) {
      user = p.user;
      employee = p.employee;
      names = `{"user":${JSON.stringify(user)},"employee":${JSON.stringify(employee)},"kind":"`;
    }
    // Times and dates are our own digits and dashes: no escaping needed.
    const punch = `${names}${p.kind}","time":"${p.time}","workDate":"${p.workDate}","windowDate":"${p.windowDate}"}`;
    chunk += (first ? '\n    ' : ',\n    ') + punch;
    first = false;
    if (chunk.length > 64 * 1024) {
      await write(out, redactor.push(chunk));
      chunk = '';
    }
  }
  chunk += first ? ']\n}\n' : '\n  ]\n}\n';
  await write(out, redactor.push(chunk) + redactor.end());
}

function write(out: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

import { fileURLToPath } from 'node:url';
import { dryRunPunches, type Punch } from '../source/core/dry-run.js';
import { matchUsers } from '../source/core/user-matching.js';
import { readMappingFile, readOutputDir } from '../source/io/read-inputs.js';
import { addRecord, kotTime, recordsFromPunches, type StubData, type StubEmployee } from './kot-server.js';

/**
 * KING OF TIME as it would look after the bundled demo (examples/demo) went live: what PC login link
 * made of the logs, filed under each division's day-change time (本社 1001 still changes day at 00:00,
 * 支社 1002 at 05:00 like the SQL), plus the differences an admin meets:
 *   - tarouk's clock-out of 12/16 never arrived (missing-out);
 *   - suzuki's clock-in of 12/17 is 10 minutes off (time-differs);
 *   - tanaka clocked in with an IC card on 12/17 and the PC punch is not there (time-differs, other source);
 *   - jirou's log-off after midnight on 12/17 is filed under 12/18 (wrong-day, the 00:00 day change);
 *   - nothing of LanScope's 12/18 arrived (day-not-sent);
 *   - 髙橋 (8100) joined after the /employees list was cached: only the timerecord answer names them.
 * The logs of unmapped users and of the duplicate 共用 never became punches, as in real life.
 */
export const demoFolder = fileURLToPath(new URL('../../examples/demo/', import.meta.url));

export const DEMO_DIVISIONS = [
  { code: '1001', name: '本社', dayBorderTime: '00:00' },
  { code: '1002', name: '支社', dayBorderTime: '05:00' },
];

const HONSHA = new Set(['1000', '3000', '0012', '0045']);

export async function demoPunches(): Promise<{ punches: Punch[]; employees: StubEmployee[] }> {
  const mapping = await readMappingFile(`${demoFolder}mapping-export.csv`);
  const { logs } = await readOutputDir({ logDir: `${demoFolder}logs`, windowStartMinutes: 5 * 60 });
  const employees: StubEmployee[] = mapping.data.rows.map((row, i) => {
    const [lastName = '', firstName = ''] = row.name.split(' ');
    return { key: `key${String(i).padStart(4, '0')}${row.employee}`, code: row.employee, lastName, firstName, divisionCode: HONSHA.has(row.employee) ? '1001' : '1002' };
  });
  const matching = matchUsers(logs!.users, mapping.data);
  const punches = [...dryRunPunches({ logs: logs!.users, byServiceAccount: matching.byServiceAccount, dayChangeFor: (e) => (HONSHA.has(e) ? 0 : 5 * 60) })];
  return { punches, employees };
}

export async function demoStubData(differences = true): Promise<StubData> {
  const { punches, employees } = await demoPunches();
  if (!differences) return { divisions: DEMO_DIVISIONS, employees, records: recordsFromPunches(punches) };
  const sent = punches.filter(
    (p) =>
      p.windowDate !== '2024-12-18' &&
      !(p.user === 'tarouk' && p.windowDate === '2024-12-16' && p.kind === 'out') &&
      !(p.user === 'tanaka' && p.windowDate === '2024-12-17' && p.kind === 'in'),
  );
  const records = recordsFromPunches(sent.map((p) => (p.user === 'suzuki' && p.windowDate === '2024-12-17' && p.kind === 'in' ? { ...p, time: '2024-12-17T09:12:00' } : p)));
  addRecord(records, '2024-12-17', '4100', { time: kotTime('2024-12-17T08:20:00'), code: '1', credentialName: 'ICカード' });
  // A break (休憩) is not what the link sends: it is read and left aside.
  addRecord(records, '2024-12-17', '1000', { time: kotTime('2024-12-17T12:00:00'), code: '3', credentialName: 'ブラウザ' });
  return { divisions: DEMO_DIVISIONS, employees, listed: (e) => e.code !== '8100', records };
}

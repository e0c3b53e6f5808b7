// Writes the sample data of `lanscope-kot setup --demo` (examples/demo/) in the encodings real files
// come in: CP932 with CRLF, as a Japanese Windows server writes them. The outputs are committed; run
// `node examples/generate.mjs` again only to change them.
//
// The story the demo tells, step by step:
//   2  勤怠簿出力.sql starts collecting at 05:00; division 1001 still has KING OF TIME's 00:00.
//   3  three days of LanScope CSVs (2024-12-16 … 12-18), events with the computer name.
//   5  the mapping export has a near miss by case (Hanakok ↔ hanakok), one by domain prefix
//      (ACME\saburo ↔ saburo), an unedited row (5000 = 勤怠 四郎, whose PC user is 勤怠四郎),
//      a duplicate (共用 → 6000 and 7000, on two PCs), a shared PC user (yamada on PC-07 and PC-08),
//      a user with no row at all (temp01) and a row for someone who left (taishoku).
//   6  jirou and (once fixed) hanakok work past midnight: with a 00:00 day change their log-off
//      lands on the next day.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const root = join(dirname(fileURLToPath(import.meta.url)), 'demo');
const write = (path, text) => {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, iconv.encode(text.replace(/\r?\n/g, '\r\n'), 'cp932'));
};

rmSync(root, { recursive: true, force: true });

write(
  '勤怠簿出力.sql',
  `-- 勤怠簿出力.sql（LanScope 提供・デモ用）
-- 前日 05:00 から当日 05:00 までのログを、ログオンユーザ名ごとに集計して CSV に出力します。
declare @tmpDay datetime
set @tmpDay = dateadd(day, -1, getdate())
select ログオンユーザ名, min(イベント日時) as 開始日時, max(イベント日時) as 終了日時
from (
select *
from lspcat_evmr01..eventmr
where 日時 >= convert(varchar, @tmpDay, 111) + '05:00:00.000'
and 日時 < convert(varchar, dateadd(day, 1, @tmpDay), 111) + '05:00:00.000'
and イベント日時 >= convert(varchar, @tmpDay, 111) + '05:00:00.000'
and イベント日時 < convert(varchar, dateadd(day, 1, @tmpDay), 111) + '05:00:00.000'
and ログオンユーザ名 <> 'SYSTEM'
and (ログ種類 = 1 or ログ種類 = 2)
)ev01
group by /*サブマネージャno, エージェントno, */ログオンユーザ名
order by /*サブマネージャno, エージェントno, */ログオンユーザ名 asc
`,
);

// As LanScope ships it; `setup --demo` writes its own copy pointing at the copied logs folder.
write('conf.ini', `; LanScope 出力設定\n[Output]\nOUTPUTDIR=C:\\TEMP\n`);

// user, computer, [start, end] per day (times on the day itself; "+1 02:10" is after midnight).
const people = [
  ['tarouk', 'PC-01', ['08:58', '18:12'], ['09:03', '18:22'], ['08:51', '17:40']],
  ['hanakok', 'PC-02', ['09:10', '18:00'], ['11:00', '+1 02:10'], ['09:20', '18:30']],
  ['jirou', 'PC-03', ['09:30', '17:45'], ['10:12', '+1 01:30'], ['10:05', '19:10']],
  ['saburo', 'PC-04', ['10:00', '19:00'], ['09:58', '19:05'], ['09:40', '18:45']],
  ['勤怠四郎', 'PC-05', ['08:45', '17:30'], ['08:40', '17:35'], ['08:50', '17:20']],
  ['suzuki', 'PC-06', ['09:00', '18:00'], ['09:02', '18:04'], ['08:59', '17:58']],
  ['tanaka', 'PC-09', ['08:30', '17:15'], ['08:33', '17:20'], ['08:31', '17:05']],
  ['髙橋①', 'PC-10', ['09:10', '18:00'], ['09:05', '18:10'], ['09:15', '18:05']],
  ['temp01', 'PC-11', ['13:00', '17:00'], ['13:05', '17:10'], null],
];
const days = ['2024/12/16', '2024/12/17', '2024/12/18'];
const next = { '2024/12/16': '2024/12/17', '2024/12/17': '2024/12/18', '2024/12/18': '2024/12/19' };
const at = (day, time) => (time.startsWith('+1 ') ? `${next[day]} ${time.slice(3)}:00` : `${day} ${time}:00`);

days.forEach((day, d) => {
  const rows = [];
  for (const [user, pc, ...spans] of people) {
    const span = spans[d];
    if (!span) continue;
    rows.push(`${at(day, span[0])},${user},1,${pc}`, `${at(day, span[1])},${user},2,${pc}`);
  }
  // 共用: one Windows user name on two non-domain PCs, used by two people (§5.2.2).
  rows.push(`${day} 07:50:00,共用,1,PC-E`, `${day} 16:00:00,共用,2,PC-E`, `${day} 12:55:00,共用,1,PC-F`, `${day} 21:05:00,共用,2,PC-F`);
  // yamada: one person, two PCs on the 17th (a meeting room PC).
  rows.push(`${day} 08:40:00,yamada,1,PC-07`, `${day} 18:15:00,yamada,2,PC-07`);
  if (d === 1) rows.push(`${day} 14:00:00,yamada,1,PC-08`, `${day} 15:30:00,yamada,2,PC-08`);
  const compact = day.replaceAll('/', '');
  write(`logs/events-${compact}.csv`, `イベント日時,ログオンユーザ名,ログ種類,コンピュータ名\n${rows.join('\n')}\n`);
});

// Exported from PC ログイン連携 > 連携設定 > [CSV データ保存], not yet (fully) edited.
write(
  'mapping-export.csv',
  `連携種別,種別コード,打刻先アカウント,姓・名,サービスアカウント
LanScope連携,"2","1000",勤怠 太郎,"tarouk"
LanScope連携,"2","3000",勤怠 花子,"Hanakok"
LanScope連携,"2","0012",勤怠 次郎,"jirou"
LanScope連携,"2","0045",勤怠 三郎,"ACME\\saburo"
LanScope連携,"2","5000",勤怠 四郎,"5000"
LanScope連携,"2","4000",鈴木 一,"suzuki"
LanScope連携,"2","4100",田中 二郎,"tanaka"
LanScope連携,"2","8100",髙橋 一,"髙橋①"
LanScope連携,"2","2000",山田 一郎,"yamada"
LanScope連携,"2","6000",共用 一,"共用"
LanScope連携,"2","7000",共用 二,"共用"
LanScope連携,"2","9000",退職 者,"taishoku"
`,
);

import type { Lang } from './message.js';

/** Help of reconcile, schedule and watch: plain strings, so --help loads nothing else. */
export const reconcileHelp: Record<Lang, string> = {
  en: `Usage: lanscope-kot reconcile --from DATE [--to DATE] | --days N  [options]

After go-live: compares the punches the LanScope logs call for (the dry run) with the punches
KING OF TIME holds (Web API), per employee and work day. Findings: missing-in, missing-out,
time-differs (more than a minute apart), wrong-day (filed under another work day), day-not-sent
(logs, and not one punch arrived), each with its likely cause where it can be known.

Work days
  --from DATE            first work day (2024-12-17); --to defaults to yesterday (JST)
  --to DATE              last work day
  --days N               the N work days up to yesterday (JST), 1–62
Inputs (as in doctor)
  --log-dir DIR | --conf-ini FILE    the LanScope CSVs
  --mapping FILE         mapping CSV exported from PC ログイン連携
  --sql FILE             勤怠簿出力.sql (collection start time; default 05:00)
  --day-change T         day-change time (the Web API's divisions are used first)
Web API
  --kot-api-token-file F the KING OF TIME Web API token (or KOT_API_TOKEN); never a flag value
  --kot-api-base URL     default https://api.kingtime.jp/v1.0
  --proxy URL            http://[user:pass@]host:port (else HTTPS_PROXY, honouring NO_PROXY)
  --timeout S            seconds per request (default 10)
Output
  --json                 {version, summary, days, findings} on stdout
  --csv FILE             the findings for HR: UTF-8 with BOM (opens in Excel), written whole
  --since-last FILE      state file: list only findings new since the run that last wrote it
  --lang ja|en           language

The Web API is closed 08:30–10:00 and 17:30–18:30 JST: reconcile sends nothing then.
Exit codes: 0 nothing differs, 1 differences, 2 usage error, unreadable input or the Web API refused.
`,
  ja: `使い方: lanscope-kot reconcile --from 日付 [--to 日付] | --days 日数  [オプション]

運用開始後に、LanScope のログから本来できるはずの打刻（ドライラン）と、KING OF TIME にある打刻
（Web API）を、従業員・勤務日ごとに突き合わせます。結果の種類: missing-in（出勤なし）、
missing-out（退勤なし）、time-differs（1 分を超える時刻違い）、wrong-day（別の勤務日に記録）、
day-not-sent（ログがあるのに 1 件も届いていない日）。分かる場合は原因も示します。

勤務日
  --from 日付            最初の勤務日（2024-12-17）。--to の既定は昨日（日本時間）
  --to 日付              最後の勤務日
  --days 日数            昨日（日本時間）までの N 日間（1〜62）
入力（doctor と同じ）
  --log-dir フォルダ | --conf-ini ファイル    LanScope の CSV
  --mapping ファイル      PC ログイン連携からエクスポートした連携設定 CSV
  --sql ファイル          勤怠簿出力.sql（収集開始時刻。既定 05:00）
  --day-change 時刻       日付変更時間（Web API の所属の値を優先）
Web API
  --kot-api-token-file F KING OF TIME の Web API トークン（または KOT_API_TOKEN）。値をオプションに書かない
  --kot-api-base URL     既定 https://api.kingtime.jp/v1.0
  --proxy URL            http://[ユーザー:パスワード@]ホスト:ポート（なければ HTTPS_PROXY、NO_PROXY を尊重）
  --timeout 秒           1 リクエストの待ち時間（既定 10）
出力
  --json                 {version, summary, days, findings} を標準出力へ
  --csv ファイル          人事向けの結果一覧: BOM 付き UTF-8（Excel で開けます）。一度に書き込みます
  --since-last ファイル   状態ファイル: 前回この状態ファイルを書いた実行以降に新しく見つかった結果だけを表示
  --lang ja|en           表示言語

Web API は日本時間 08:30〜10:00 と 17:30〜18:30 は利用できません。その時間には何も送信しません。
終了コード: 0 相違なし、1 相違あり、2 使い方の誤り・読めない入力・Web API の拒否。
`,
};

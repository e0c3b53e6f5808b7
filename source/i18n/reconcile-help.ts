import type { Lang } from './message.js';

/** Help of reconcile, schedule and watch: plain strings, so --help loads nothing else. */
export const reconcileHelp: Record<Lang, string> = {
  en: `Usage: lanscope-kot reconcile --from DATE [--to DATE] | --days N  [options]

After go-live: compares the punches the LanScope logs call for (the dry run)
with the punches KING OF TIME holds (Web API), per employee and work day.
Findings: missing-in, missing-out, time-differs (more than a minute apart),
wrong-day (filed under another work day), day-not-sent (logs, and not one
punch arrived), each with its likely cause where it can be known.

Work days
  --from DATE             first work day (2024-12-17); --to defaults to yesterday (JST)
  --to DATE               last work day
  --days N                the N work days up to yesterday (JST), 1–62
Inputs (as in doctor)
  --log-dir DIR | --conf-ini FILE    the LanScope CSVs
  --mapping FILE          mapping CSV exported from PC ログイン連携
  --sql FILE              勤怠簿出力.sql (collection start time; default 05:00)
  --day-change T          day-change time (the Web API's divisions are used first)
Web API
  --kot-api-token-file F  the KING OF TIME Web API token (or KOT_API_TOKEN); never a flag value
  --kot-api-base URL      default https://api.kingtime.jp/v1.0
  --proxy URL             [http://][user:pass@]host:port (else HTTPS_PROXY, HTTP_PROXY, ALL_PROXY,
                          honouring NO_PROXY); a Windows account as DOMAIN%5Cuser (NTLM)
  --ca-file FILE          trust this CA certificate too (PEM or DER), e.g. an inspecting proxy's
  --timeout S             seconds for each request to answer (default 10)
Output
  --json                  {version, summary, days, findings} on stdout
  --csv FILE              the findings for HR: UTF-8 with BOM (opens in Excel), written whole
  --since-last FILE       state file: list only findings new since the run that last wrote it
  --lang ja|en            language

The Web API is closed 08:30–10:00 and 17:30–18:30 JST: nothing is sent then.
Exit codes: 0 nothing differs, 1 differences,
            2 usage error, unreadable input or the Web API refused.
`,
  ja: `使い方: lanscope-kot reconcile --from 日付 [--to 日付] | --days 日数
                               [オプション]

運用開始後に、LanScope のログから本来できるはずの打刻（ドライラン）と、
KING OF TIME にある打刻（Web API）を、従業員・勤務日ごとに突き合わせます。
結果の種類: missing-in（出勤なし）、missing-out（退勤なし）、
time-differs（1 分を超える時刻違い）、wrong-day（別の勤務日に記録）、
day-not-sent（ログがあるのに 1 件も届いていない日）。
分かる場合は原因も示します。

勤務日
  --from 日付             最初の勤務日（2024-12-17）。--to の既定は昨日（日本時間）
  --to 日付               最後の勤務日
  --days 日数             昨日（日本時間）までの N 日間（1〜62）
入力（doctor と同じ）
  --log-dir フォルダ | --conf-ini ファイル    LanScope の CSV
  --mapping ファイル      PC ログイン連携からエクスポートした連携設定 CSV
  --sql ファイル          勤怠簿出力.sql（収集開始時刻。既定 05:00）
  --day-change 時刻       日付変更時間（Web API の所属の値を優先）
Web API
  --kot-api-token-file F  KING OF TIME の Web API トークン（または KOT_API_TOKEN）。値をオプションに書かない
  --kot-api-base URL      既定 https://api.kingtime.jp/v1.0
  --proxy URL             [http://][ユーザー:パスワード@]ホスト:ポート（なければ HTTPS_PROXY、HTTP_PROXY、
                          ALL_PROXY。NO_PROXY を考慮）。Windows アカウントは DOMAIN%5Cuser（NTLM）
  --ca-file ファイル      この CA 証明書も信頼する（PEM または DER）。HTTPS を検査するプロキシの CA など
  --timeout 秒            リクエストごとの応答待ち時間（既定 10 秒）
出力
  --json                  {version, summary, days, findings} を標準出力へ
  --csv ファイル          人事向けの結果一覧: BOM 付き UTF-8（Excel で開けます）。一度に書き込みます
  --since-last ファイル   状態ファイル: 前回この状態ファイルを書いた実行以降に新しく見つかった結果だけを表示
  --lang ja|en            表示言語

Web API は日本時間 08:30〜10:00 と 17:30〜18:30 は利用できません。
その時間には何も送信しません。
終了コード: 0 相違なし、1 相違あり、
            2 使い方の誤り・読めない入力・Web API の拒否。
`,
};

export const scheduleHelp: Record<Lang, string> = {
  en: `Usage: lanscope-kot schedule --at HH:MM --state FILE
                             [--install | --xml FILE] [inputs]

Sets up the daily check after go-live: "lanscope-kot watch" (doctor and
reconcile, reporting what is new since the last run) at a fixed time every day,
outside the Web API's closed hours.
On Windows it prints the task and, with --install, creates it in Task Scheduler
(schtasks /create /xml), running as you whether or not you are logged on; the
outcome of every run goes to the Application event log (source lanscope-kot).
Elsewhere it prints the equivalent crontab line.

  --at HH:MM             time of day, this machine's clock; 08:30–10:00 and 17:30–18:30 JST are refused
  --state FILE           the state file; the report (.report.txt) and findings (.findings.csv) go beside it
  --days N               work days reconcile looks back (default 7)
  --task-name NAME       default lanscope-kot
  --install              create the task now (Windows, as an administrator: also registers the event source)
  --xml FILE             write the task XML (UTF-16) to FILE, for review or schtasks /create /xml
  inputs                 doctor's flags (--log-dir, --mapping, --sql, --kot-api-token-file, …), made absolute

No token or password is written into the task: for the account it runs as,
give the token files (--token-file, --kot-api-token-file) or set the variables
(LANSCOPE_KOT_TOKEN, KOT_API_TOKEN). A --proxy with a password is refused.
`,
  ja: `使い方: lanscope-kot schedule --at 時刻 --state ファイル
                              [--install | --xml ファイル] [入力]

運用開始後の毎日の確認を設定します: 毎日決まった時刻に "lanscope-kot watch"
（doctor と reconcile。前回以降に新しく見つかったものを報告）を、Web API の
利用時間外を避けて実行します。
Windows ではタスクを表示し、--install でタスク スケジューラに作成します
（schtasks /create /xml）。ログオンしていなくてもあなたのアカウントで動き、
毎回の結果をアプリケーション イベント ログ（ソース lanscope-kot）に記録します。
ほかのシステムでは同じ内容の crontab の行を表示します。

  --at 時刻              このマシンの時刻。日本時間 08:30〜10:00 と 17:30〜18:30 は受け付けません
  --state ファイル       状態ファイル。その横に報告（.report.txt）と結果一覧（.findings.csv）を書きます
  --days 日数            reconcile がさかのぼる勤務日（既定 7）
  --task-name 名前       既定 lanscope-kot
  --install              今すぐタスクを作成（Windows、管理者として。イベント ソースも登録）
  --xml ファイル         タスクの XML（UTF-16）を書き出す（確認用、または schtasks /create /xml 用）
  入力                   doctor のオプション（--log-dir、--mapping、--sql、--kot-api-token-file など）。絶対パスにします

トークンやパスワードはタスクに書きません:
--token-file / --kot-api-token-file を指定するか、タスクを実行するアカウントに
LANSCOPE_KOT_TOKEN / KOT_API_TOKEN を設定してください。
パスワード付きの --proxy は受け付けません。
`,
};

export const watchHelp: Record<Lang, string> = {
  en: `Usage: lanscope-kot watch --state FILE [--days N] [--event-log] [inputs]

The daily check that "lanscope-kot schedule" sets up: doctor and reconcile (the
last N work days up to yesterday, default 7) on one reading of the inputs, each
listing only what is new since the run that last wrote FILE.
Writes FILE.report.txt and FILE.findings.csv beside the state file (UTF-8 with
BOM) and prints the report. Without a Web API token it runs doctor only.
--event-log (Windows) records the outcome in the Application event log, source
lanscope-kot: 100 information when clean, 200 warning with the first findings,
300 error when it could not check or a day was not sent.

Inputs: doctor's flags.
Exit codes: 0 clean, 1 a check failed or differences, 2 could not check.
`,
  ja: `使い方: lanscope-kot watch --state ファイル [--days 日数] [--event-log] [入力]

"lanscope-kot schedule" が設定する毎日の確認そのものです: 入力を 1 回読み、
doctor と reconcile（昨日までの N 勤務日、既定 7）を実行し、それぞれ前回この
状態ファイルを書いた実行以降に新しく見つかったものだけを表示します。
状態ファイルの横に .report.txt と .findings.csv（BOM 付き UTF-8）を書き、
報告を表示します。Web API トークンがなければ doctor のみ実行します。
--event-log（Windows）は結果をアプリケーション イベント ログ
（ソース lanscope-kot）に記録します: 問題なしは 100（情報）、
相違ありは 200（警告、最初の結果つき）、
確認できない・未連携の日ありは 300（エラー）。

入力: doctor のオプション。
終了コード: 0 問題なし、1 NG または相違あり、2 確認できない。
`,
};

import type { Lang } from './message.js';

/**
 * Help texts are plain strings so `--help` loads nothing else but their layout (help-layout.ts; start-up
 * budget: 2× `node -e 0`). Option tables put each description at one column, two spaces or more after the
 * option: the layout keeps that column when it wraps them for a narrower terminal.
 */
const general: Record<Lang, string> = {
  en: `lanscope-kot — set up and check the LanScope → KING OF TIME PC login link

Usage
  lanscope-kot [setup]          open the setup wizard (needs a terminal)
      --demo                    try it with the bundled sample data (examples/demo)
      --config-dir DIR          keep settings in DIR (or LANSCOPE_KOT_CONFIG_DIR)
      --endpoint URL            target of the wizard's connection test
      --kot-api-base URL        Web API for step 7's comparison (setup --help)
  lanscope-kot doctor [...]     run every check without questions (for troubleshooting and monitoring)
  lanscope-kot reconcile [...]  after go-live: compare the logs with the punches KING OF TIME holds
  lanscope-kot schedule [...]   a daily check in Windows Task Scheduler (or a crontab line)
  lanscope-kot watch [...]      the daily check itself: doctor and reconcile, reports beside a state file
  lanscope-kot --version        print the version
  lanscope-kot --help           this help; "lanscope-kot doctor --help" for the checks

Options for every command
  --lang ja|en                  language (default: from LANG / the system locale)
  --ascii                       draw marks in ASCII only (> + x | ... ->), for consoles that
                                draw the others two columns wide (chosen by itself on Windows
                                outside Windows Terminal)

Exit codes: 0 nothing failed, 1 a check failed,
            2 usage error or unreadable input.
`,
  ja: `lanscope-kot — LanScope と KING OF TIME の PC ログイン連携の設定と確認

使い方
  lanscope-kot [setup]          設定ウィザードを開く（端末が必要）
      --demo                    同梱のサンプルデータ（examples/demo）で試す
      --config-dir フォルダ     設定の保存先（または LANSCOPE_KOT_CONFIG_DIR）
      --endpoint URL            ウィザードの接続テストの宛先
      --kot-api-base URL        手順 7 の突き合わせの Web API（setup --help）
  lanscope-kot doctor [...]     すべてのチェックを対話なしで実行（トラブル調査・定期監視用）
  lanscope-kot reconcile [...]  運用開始後: ログと KING OF TIME にある打刻を突き合わせる
  lanscope-kot schedule [...]   毎日の確認を Windows のタスク スケジューラに登録（または crontab の行）
  lanscope-kot watch [...]      毎日の確認そのもの: doctor と reconcile、状態ファイルの横に報告
  lanscope-kot --version        バージョンを表示
  lanscope-kot --help           このヘルプ。チェックの説明は "lanscope-kot doctor --help"

共通オプション
  --lang ja|en                  表示言語（既定: LANG またはシステムのロケール）
  --ascii                       記号を ASCII のもの（> + x | ... ->）だけにする。ほかの記号を
                                2 文字幅で表示するコンソール向け（Windows Terminal 以外の
                                Windows では自動で選ばれます）

終了コード: 0 NG なし、1 NG あり、2 使い方の誤りまたは読めない入力。
`,
};

const doctor: Record<Lang, string> = {
  en: `Usage: lanscope-kot doctor [options]

Runs every check of the vendor manual and prints one line per check: its result
(pass / warn / fail / skip), what was found, what to do and the manual section.
A check whose input is not given is skipped.

Inputs
  --sql FILE              勤怠簿出力.sql: reads LanScope's collection start time
  --conf-ini FILE         LanScope conf.ini: reads OUTPUTDIR (default C:\\TEMP)
  --log-dir DIR           the CSV output folder (overrides OUTPUTDIR); its LanScope CSVs are read
                          (on Windows, with neither --log-dir nor --conf-ini: C:\\TEMP)
  --mapping FILE          mapping CSV exported from PC ログイン連携 ([CSV データ保存])
  --day-change T          KING OF TIME day-change time: 05:00 for every division, or CODE=05:00
                          for one division (repeat for several); 5:00, 0500 and full-width accepted
  --company-code C        企業コード (3 or 6 letters/digits)
  --token-file FILE       file holding the 32-character access token
                          (or set LANSCOPE_KOT_TOKEN; never given as a flag value)
Network
  --proxy URL             [http://][user:pass@]host:port (else HTTPS_PROXY, HTTP_PROXY, ALL_PROXY,
                          honouring NO_PROXY); a Windows account as DOMAIN%5Cuser (NTLM)
  --ca-file FILE          trust this CA certificate too (PEM or DER), e.g. an inspecting proxy's
  --endpoint URL          target of the connection check (default https://pclogin.secomtrust.net/)
  --timeout S             seconds for each request to answer (default 10)
  --offline               skip the network checks
  --kot-api-token-file F  optional KING OF TIME Web API token (or KOT_API_TOKEN): reads each
                          division's day-change time and the employees from KING OF TIME
  --kot-api-base URL      Web API base (default https://api.kingtime.jp/v1.0)
Output
  --json                  JSON report (version 1) on stdout: checks, users, dry-run punches
  --lang ja|en            language of messages
  --since-last FILE       state file: also list what is new since the run that last wrote it
  --ascii                 marks in ASCII only (+ x ->); automatic on Windows outside
                          Windows Terminal

Exit codes: 0 nothing failed, 1 a check failed,
            2 usage error or unreadable input.

Example
  lanscope-kot doctor --sql 勤怠簿出力.sql --log-dir C:\\TEMP \\
    --mapping export.csv --day-change 05:00 --company-code ABC123 \\
    --token-file token.txt --offline
`,
  ja: `使い方: lanscope-kot doctor [オプション]

ベンダーマニュアルのすべてのチェックを実行し、チェックごとに 1 行
（OK / 注意 / NG / 未確認）で、見つかった内容・対処・マニュアルの節を示します。
入力が指定されていないチェックは未確認になります。

入力
  --sql ファイル          勤怠簿出力.sql（LanScope のログ収集の起点時刻を読みます）
  --conf-ini ファイル     LanScope の conf.ini（OUTPUTDIR を読みます。既定 C:\\TEMP）
  --log-dir フォルダ      CSV 出力先フォルダ（OUTPUTDIR より優先）。LanScope の CSV を読みます
                          （Windows で --log-dir も --conf-ini もなければ C:\\TEMP）
  --mapping ファイル      PC ログイン連携から出力した紐づけ CSV（[CSV データ保存]）
  --day-change 時刻       KING OF TIME の日付変更時間: 全所属なら 05:00、所属ごとなら 所属コード=05:00
                          （複数指定可）。5:00、0500、全角も可
  --company-code コード   企業コード（英数字 3 文字または 6 文字）
  --token-file ファイル   32 桁のアクセストークンを書いたファイル
                          （または LANSCOPE_KOT_TOKEN。トークンはコマンドラインには書けません）
ネットワーク
  --proxy URL             [http://][ユーザー:パスワード@]ホスト:ポート（なければ HTTPS_PROXY、HTTP_PROXY、
                          ALL_PROXY。NO_PROXY を考慮）。Windows アカウントは DOMAIN%5Cuser（NTLM）
  --ca-file ファイル      この CA 証明書も信頼する（PEM または DER）。HTTPS を検査するプロキシの CA など
  --endpoint URL          接続確認の宛先（既定 https://pclogin.secomtrust.net/）
  --timeout 秒            リクエストごとの応答待ち時間（既定 10 秒）
  --offline               ネットワークのチェックを行わない
  --kot-api-token-file F  任意: KING OF TIME Web API のトークン（または KOT_API_TOKEN）。
                          各所属の日付変更時間と従業員を KING OF TIME から読みます
  --kot-api-base URL      Web API のベース URL（既定 https://api.kingtime.jp/v1.0）
出力
  --json                  JSON レポート（version 1）を標準出力へ: チェック、ユーザー、打刻のドライラン
  --lang ja|en            表示言語
  --since-last ファイル   状態ファイル: 前回この状態ファイルを書いた実行以降に新しく見つかったものも表示
  --ascii                 記号を ASCII のもの（+ x ->）だけにする。Windows Terminal
                          以外の Windows では自動

終了コード: 0 NG なし、1 NG あり、2 使い方の誤りまたは読めない入力。

例
  lanscope-kot doctor --sql 勤怠簿出力.sql --log-dir C:\\TEMP \\
    --mapping export.csv --day-change 05:00 --company-code ABC123 \\
    --token-file token.txt --offline
`,
};

export const helpText = { general, doctor };

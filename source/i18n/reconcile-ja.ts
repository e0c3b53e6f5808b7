/* 突き合わせ（reconcile）・状態ファイル（--since-last）・schedule・watch の日本語メッセージ。キーは reconcile-en.ts と型で一致させている。 */
import type { ReconcileCatalog } from './reconcile-en.js';

const n = (value: number): string => value.toLocaleString('ja-JP');

export const reconcileJa: ReconcileCatalog = {
  // 使い方（終了コード 2）
  'rc.usage': (p) => `${p.detail}。"lanscope-kot ${p.command} --help" をご覧ください。`,
  'rc.needRange': () => '比べる勤務日を指定してください: --from 日付 [--to 日付] または --days 日数',
  'rc.badDate': (p) => `${p.flag} ${p.value}: 2024-12-17 のような日付を指定してください`,
  'rc.badDays': (p) => `--days ${p.value}: 1〜62 の日数を指定してください`,
  'rc.rangeOrder': (p) => `--to ${p.to} が --from ${p.from} より前です`,
  'rc.rangeTooLong': (p) => `${p.days} 日分が指定されました。1 回に比べられるのは 62 日までです`,
  'rc.future': (p) => `${p.flag} ${p.value} は今日（${p.today}、日本時間）より後です`,
  'rc.bothRanges': () => '--from/--to と --days はどちらか一方を指定してください',
  'rc.needToken': () =>
    'KING OF TIME の Web API トークンが必要です: --kot-api-token-file ファイル または KOT_API_TOKEN（KING OF TIME の管理画面で発行するもので、連携サービスのアクセストークンとは別です）',
  'rc.needLogs': () => 'LanScope の CSV が必要です: --log-dir フォルダ または --conf-ini ファイル',
  'rc.needMapping': () => '連携設定のエクスポートが必要です: --mapping ファイル',
  'rc.notFlag': (p) => `${p.flag} は doctor 用のオプションで、ここでは使いません`,
  'rc.badCsvPath': (p) => `--csv ${p.file}: フォルダがありません`,

  // 実行中
  'rc.closedNow': (p) => `KING OF TIME の Web API は現在利用時間外です（日本時間 08:30〜10:00 と 17:30〜18:30）。何も送信していません。${p.until} 以降にもう一度実行してください。`,
  'rc.apiFailed': (p) => `KING OF TIME Web API: ${p.detail}。${p.advice}${p.lines.map((l) => `\n  ${l}`).join('')}`,
  'rc.noLogs': () => '出力フォルダに LanScope の CSV がありません。比べるものがありません',
  'rc.progress': (p) => `KING OF TIME から打刻を取得中: ${p.done} / ${p.total} 日`,
  'rc.writeFailed': (p) => `${p.file} に書き込めません（${p.reason}）。何も変更していません`,
  'rc.csvWritten': (p) => `${n(p.rows)} 件の結果を ${p.file} に書き出しました`,

  // テキストの報告
  'rc.header': (p) => `LanScope のログと KING OF TIME の打刻の突き合わせ: 勤務日 ${p.from} 〜 ${p.to}（取得した打刻 ${n(p.fetched)} 件）`,
  'rc.day': (p) => `${p.date}: ${n(p.expected)} 人中 ${n(p.matched)} 人が一致` + (p.differing ? `、${n(p.differing)} 人に相違` : ''),
  'rc.dayNotSent': (p) => `${p.date}: ${n(p.expected)} 人中 0 人が一致 — ${n(p.punches)} 件の打刻が 1 件も届いていません: この日は連携されていません`,
  'rc.notSentAdvice': () =>
    'その日に連携サービスが動いたか、LanScope がその日の CSV を出力フォルダに書いたか、プロキシ（lanscope-kot doctor）を確認してください。',
  'rc.kind.missing-in': () => '出勤なし',
  'rc.kind.missing-out': () => '退勤なし',
  'rc.kind.time-differs': () => '時刻違い',
  'rc.kind.wrong-day': () => '別の日',
  'rc.kind.day-not-sent': () => '未連携の日',
  'rc.punch.in': () => '出勤',
  'rc.punch.out': () => '退勤',
  'rc.what.missing': (p) => `ログでは${p.punch} ${p.expected}、KING OF TIME には打刻なし`,
  'rc.what.time-differs': (p) => `ログでは${p.punch} ${p.expected}、KING OF TIME では ${p.actual}`,
  'rc.what.wrong-day': (p) => `${p.punch} ${p.expected} が勤務日 ${p.workDate} ではなく ${p.actualDate} に記録されています`,
  'rc.cause.unmapped-user': (p) => `LanScope のユーザー ${p.detail} に完全一致する連携設定がありません`,
  'rc.cause.duplicate-mapping': (p) => `サービスアカウント ${p.detail} が複数の従業員に設定されているため、誰にも打刻されません`,
  'rc.cause.other-source': (p) => `別の打刻手段（${p.detail}）の打刻がすでにあります`,
  'rc.cause.day-change': (p) => `KING OF TIME の日付変更時間が ${p.detail} で、LanScope の収集開始時刻と違います（§5.2.1）`,
  'rc.cause.unknown-employee': () => 'この従業員コードは KING OF TIME にありません',
  'rc.unmappedWho': (p) => `（従業員不明）${p.user}`,
  'rc.more': (p) => `… この日はほかに ${n(p.count)} 件（すべては --csv または --json で）`,
  'rc.seenBefore': (p) => `ほかに前回も見つかった ${n(p.count)} 件（繰り返し表示しません。すべては --csv または --json で）`,
  'rc.unattributed': (p) => `KING OF TIME の打刻のうち ${n(p.count)} 件は従業員コードが分からない従業員キーのもので、比べていません`,
  'rc.summary': (p) =>
    `${p.days} 日、のべ ${n(p.expected)} 人日: 一致 ${n(p.matched)}、相違 ${n(p.differing)}` + (p.notSent ? `、未連携の日 ${p.notSent}` : '') + `（結果 ${n(p.findings)} 件）`,
  'rc.verdict.ok': () => 'ログが示す打刻はすべて KING OF TIME にあります。',
  'rc.verdict.diff': () => '相違があります。上の結果をご覧ください（終了コード 1）。',
  'rc.nothing': () => 'この勤務日には LanScope のログがありません。比べるものがありません',

  // --since-last（状態ファイル）
  'sl.badState': (p) =>
    `状態ファイル ${p.file} ` +
    (p.problem === 'unreadable' ? `を読めません（${p.reason}）` : p.problem === 'newer-version' ? 'は新しい版の lanscope-kot が書いたものです' : 'は lanscope-kot が書いたものではありません') +
    '。別のパスを指定するか、このファイルを移動して最初からやり直してください（ファイルは変更していません）',
  'sl.baseline': (p) => `${p.file} に前回の記録がありません。今回を基準として記録しました（${n(p.count)} 項目）。次回から新しく見つかったものを報告します。`,
  'sl.header': (p) => `前回（${p.at}）以降に新しく見つかったもの: ${n(p.count)} 件`,
  'sl.nothingNew': (p) => `前回（${p.at}）以降、新しく見つかったものはありません。`,
  'sl.resolved': (p) => `前回から ${n(p.count)} 件が解消しました。`,
  'sl.item.check': (p) => `${p.title}（${p.id}）: ${p.previous ? `${p.previous} → ` : ''}${p.value}`,
  'sl.item.unmapped-user': (p) => `LanScope のユーザー ${p.subject} にログがあり、連携設定がありません`,
  'sl.item.duplicate-mapping': (p) => `サービスアカウント ${p.subject} が複数の従業員に設定されています（${p.value}）`,
  'sl.item.shared-pc': (p) => `ユーザー名 ${p.subject} が複数の PC で使われています`,
  'sl.item.day-change': (p) => `${p.subject === '*' ? '全所属' : `所属 ${p.subject}`} の日付変更時間: ${p.previous ? `${p.previous} → ` : ''}${p.value}`,
  'sl.item.sql-start-time': (p) => `勤怠簿出力.sql の収集開始時刻: ${p.previous ? `${p.previous} → ` : ''}${p.value}`,

  // watch（毎日の確認）
  'w.needState': () => '--state ファイル を指定してください: 毎日の確認が見つけたものを記録する場所です（報告はその横に書きます）',
  'w.eventLogOnlyWindows': () => '--event-log は Windows のアプリケーション イベント ログに書き込むもので、Windows でのみ使えます',
  'w.header': (p) => `lanscope-kot 毎日の確認 ${p.at}`,
  'w.doctorTitle': () => '== チェック（doctor） ==',
  'w.reconcileTitle': () => '== ログと KING OF TIME の突き合わせ（reconcile） ==',
  'w.reconcileSkipped': (p) => `突き合わせは行っていません: ${p.reason}`,
  'w.noToken': () => 'Web API トークンがありません（--kot-api-token-file または KOT_API_TOKEN）',
  'w.offline': () => '--offline',
  'w.written': (p) => `報告: ${p.report}${p.csv ? `、人事向けの結果一覧: ${p.csv}` : ''}`,
  'w.event.checks': (p) => `チェック: NG ${p.fail}、注意 ${p.warn}、前回以降の新規 ${p.fresh}`,
  'w.event.reconcile': (p) => `KING OF TIME ${p.from} 〜 ${p.to}: 相違 ${n(p.findings)} 件、新規 ${n(p.fresh)} 件` + (p.notSent ? `、未連携の日 ${p.notSent}` : ''),
  'w.event.failed': (p) => `確認できませんでした: ${p.reason}`,
  'w.eventFailed': (p) =>
    `アプリケーション イベント ログに書き込めませんでした（${p.output}）。最初の 1 件には管理者によるイベント ソース lanscope-kot の登録が必要です。管理者として "lanscope-kot schedule … --install" を実行してください`,

  // schedule
  'sc.needAt': () => '--at 時刻 を指定してください: 毎日の確認の時刻（このマシンの時刻）。Web API の利用時間外を避けてください（例 10:30）',
  'sc.badAt': (p) => `--at ${p.value}: 10:30 のような時刻を指定してください`,
  'sc.closed': (p) => `--at ${p.at} は日本時間 ${p.jst} で、KING OF TIME Web API の利用時間外（日本時間 08:30〜10:00 と 17:30〜18:30）です。例えば 10:30 など、時間外を避けてください`,
  'sc.nearClosed': (p) => `注意: ${p.at}（日本時間 ${p.jst}）は Web API が止まる 30 分前以内です。時間のかかる実行は途中で止まることがあります`,
  'sc.proxyPassword': () => 'パスワード付きの --proxy はタスクに平文で保存されてしまいます。タスクを実行するアカウントに HTTPS_PROXY を設定してください',
  'sc.installNotWindows': () => '--install は Windows のタスクを作るものです。このシステムでは上の crontab の行を追加してください（crontab -e）',
  'sc.when': (p) => `毎日 ${p.at}（このマシンの時刻。日本時間 ${p.jst}）。Web API の利用時間外を避けています。`,
  'sc.runs': (p) => `実行:    ${p.command}`,
  'sc.writes': (p) => `書き込み: ${p.state}（--since-last 用の記録）、${p.report}、${p.csv}`,
  'sc.eventLog': () => '結果: Windows のアプリケーション イベント ログ、ソース lanscope-kot（ID 100 問題なし、200 相違あり、300 確認できない・未連携の日あり）',
  'sc.tokenEnv': () =>
    'Web API トークンはタスクの実行時に KOT_API_TOKEN から読みます。タスクを実行するアカウントに設定するか（setx KOT_API_TOKEN …）、--kot-api-token-file を指定してください。',
  'sc.noToken': () => 'Web API トークンがないため、毎日の確認は doctor のみです（KING OF TIME とも突き合わせるには --kot-api-token-file を指定）。',
  'sc.howInstall': (p) => `タスクを作るには: --install を付けて（管理者として）実行するか、--xml ファイル で書き出してから schtasks /create /tn ${p.name} /xml ファイル`,
  'sc.cron': () => 'crontab -e でこの行を追加してください（cron はこのマシンの時刻で動きます）:',
  'sc.installed': (p) => `タスク "${p.name}" を作成しました（タスク スケジューラ ライブラリ）。`,
  'sc.installFailed': (p) => `schtasks でタスクを作成できませんでした: ${p.output}`,
  'sc.xmlWritten': (p) => `タスクを ${p.file} に書き出しました（schtasks /create /xml が読む UTF-16）。`,
  'sc.sourceRegistered': () => 'アプリケーション ログにイベント ソース lanscope-kot を登録しました（情報 1 件）。',
  'sc.installedEvent': (p) => `lanscope-kot: 毎日の確認 "${p.name}" を毎日 ${p.at} に実行します。`,

  // doctor・reconcile・watch・schedule の Ctrl-C: その時点で本当のことを言う（commands/stopped.ts）
  'stop.line': (p) =>
    `lanscope-kot ${p.command}: 中断しました（Ctrl-C）。` +
    (p.written.length ? `中断前に書き終えたもの: ${p.written.join('、')}。ほかは何も書き込んでいません。` : '何も書き込んでいません。') +
    (p.state ? '状態ファイルにはこの実行の結果が記録されました。次回はこの実行以降に新しく見つかったものだけを報告します。' : '') +
    p.underway,
  'stop.written.state': (p) => `状態ファイル ${p.target}`,
  'stop.written.csv': (p) => `結果の CSV ${p.target}`,
  'stop.written.report': (p) => `レポート ${p.target}`,
  'stop.written.xml': (p) => `タスクのファイル ${p.target}`,
  'stop.written.task': (p) => `タスク「${p.target}」`,
  'stop.underway.task': (p) => `schtasks がタスク「${p.target}」を作成中でした。作成されたかどうかは schtasks /query /tn ${p.target} でご確認ください。`,
  'stop.underway.event': () => 'eventcreate がアプリケーション イベント ログに書き込み中でした。記録されていない可能性があります。',

  // ウィザードの運用開始チェックリスト:「KING OF TIME と突き合わせる」
  'ui.offer': () => 'Tab: KING OF TIME と突き合わせる（Web API、KOT_API_TOKEN）',
  'ui.offerRefused': (p) => `KING OF TIME との突き合わせは使えません。${p.reason}`,
  'ui.running': (p) => `${p.from} 〜 ${p.to} のログを KING OF TIME と突き合わせています …`,
  'ui.keys': () => '↑↓ PgUp/PgDn スクロール · Tab チェックリストに戻る',
  'ui.noDays': () => '直近 62 日に比べられる LanScope のログがありません',

  // 人事向け CSV（結果 1 件につき 1 行）
  'rc.csv.header': () => '種別,内容,従業員コード,氏名,LanScope ユーザー,勤務日,打刻,ログの時刻,KING OF TIME の時刻,KING OF TIME の勤務日,原因,詳細',
};

/* 設定ウィザードの日本語メッセージ。キーは wizard-en.ts と型で一致させている（欠けるとビルドが失敗する）。 */
import { jaCaFileUsageText, jaCaNotLoadedText, jaDayChangeTexts, jaKotApiAdviceText, jaMasked, jaProxySourceText, jaTlsIssuerAdviceText } from './ja.js';
import type { WizardCatalog } from './wizard-en.js';

export const wizardJa: WizardCatalog = {
  // コマンドライン
  'cli.notTty': () =>
    'lanscope-kot: 設定ウィザードには対話できる端末が必要です。スクリプトや CI では "lanscope-kot doctor" を実行してください（"lanscope-kot doctor --help" 参照）。',
  'cli.usage': (p) => `lanscope-kot setup: ${p.detail}。"lanscope-kot setup --help" をご覧ください。`,
  'cli.unknownOption': (p) => `不明なオプション ${p.option}`,
  'cli.missingValue': (p) => `${p.option} には値が必要です`,
  'cli.settingsUnreadable': (p) =>
    `lanscope-kot: 設定ファイル ${p.path} を読めません（${p.reason}）。空の入力欄で開始し、今回は保存しません。`,
  'cli.help': () => `使い方: lanscope-kot [setup] [オプション]

設定ウィザードを開きます。マニュアル 2～4 章の 7 ステップ（事前準備、
日付変更時間、連携サービスのフォルダ、プロキシ、従業員の紐づけ、打刻の
ドライラン）を経て、本番開始前チェックリストを表示します。
Enter で次へ、Esc で戻る、Ctrl-C で終了。

オプション
  --demo               同梱のサンプルデータで試す（お手元のファイルは読まず、変更もしません）
  --config-dir DIR     設定を DIR/config.json に保存（LANSCOPE_KOT_CONFIG_DIR でも可）
  --endpoint URL       「接続テスト」の宛先（既定 https://pclogin.secomtrust.net/）
  --kot-api-base URL   手順 7「KING OF TIME と突き合わせる」の Web API（KOT_API_TOKEN。既定 https://api.kingtime.jp/v1.0）
  --lang ja|en         表示言語
  --ascii              ほかの記号を 2 文字幅で表示するコンソール向けに、記号を ASCII のもの
                       （> + x | ... ->）だけにする。Windows Terminal 以外の Windows では自動

設定は本人のみ読み書きできる権限（0600）で、OS の設定フォルダに保存します。例:
  ~/.config/lanscope-kot/config.json
  %APPDATA%\\lanscope-kot\\Config\\config.json
アクセストークンは「保存する」にチェックしたときだけ保存し、
プロキシのパスワードは保存しません。端末がない場合（パイプ、CI）は
"lanscope-kot doctor" をお使いください。
`,
  'cli.finished': (p) =>
    ['lanscope-kot setup を終了しました。', p.report && `  レポート:         ${p.report}`, p.upload && `  アップロード用:   ${p.upload}`, p.settings && `  設定ファイル:     ${p.settings}`, p.demo && `  デモのファイル:   ${p.demo}`]
      .filter(Boolean)
      .join('\n'),
  'cli.interrupted': (p) =>
    [
      'lanscope-kot setup: 中断しました（Ctrl-C）。',
      p.settings ? `完了したステップまでは ${p.settings} に保存済みです。` : '設定は保存していません。',
      p.demo ? `デモのファイルは ${p.demo} に残っています。` : '',
      'それ以外は何も書き込んでいません。',
    ].join(''),
  'cli.settingsReadOnly': (p) => `lanscope-kot: ${p.path} に設定を保存できません（${p.reason}）。ウィザードは使えますが、次回のために何も記憶しません。`,
  'cli.settingsNotSaved': (p) => `lanscope-kot: ${p.path} に設定を保存できませんでした（${p.reason}）。`,

  // 画面
  'app.demo': () => 'デモデータ',
  'app.manual': (p) => `マニュアル ${p.section}`,
  'app.stepsLoading': () => '読み込んでいます …',
  'app.demoUnwritable': (p) => `デモのサンプルファイルを ${p.dir} に書き込めませんでした（${p.reason}）。空き容量を確認するか、TMPDIR（Windows では TEMP）を別のフォルダーにして、もう一度起動してください。`,
  'app.stepsUnloadable': (p) => `この手順を読み込めませんでした（${p.reason}）。lanscope-kot を入れ直してください（クローンでは npm ci）。`,
  'app.moreAbove': () => '↑ 上に続きがあります',
  'app.moreBelow': () => '↓ 下に続きがあります',
  'keys.first': () => 'Enter 次へ · Tab/↑↓ 項目移動 · Ctrl-C 終了',
  'keys.global': () => 'Enter 次へ · Esc 戻る · Tab/↑↓ 項目移動 · Ctrl-C 終了',
  'step.preparation': () => '事前準備',
  'step.dayChange': () => '日付変更時間',
  'step.outputDir': () => '連携サービスの設定',
  'step.proxy': () => 'プロキシ',
  'step.mapping': () => '従業員の紐づけ',
  'step.dryRun': () => '打刻のドライラン',
  'step.checklist': () => '本番開始前チェック',
  'common.reading': (p) => `${p.what} を読んでいます …`,
  'common.windowsPath': (p) => `${p.path} は Windows のパスで、この PC は Windows ではありません。統合マネージャー上で実行するか、コピーしたファイルのパスを入力してください`,
  'common.skipNote': () => '空欄のままでも進めます。チェックリストでは「未確認」になります。',

  // コアのメッセージのウィザード版: doctor のオプション名ではなく入力欄とステップの名前で言う（ui/i18n.ts IN_WIZARD）。
  'ctx.dayChange.pass': jaDayChangeTexts((s) => (s === 'sql' ? '勤怠簿出力.sql' : 'LanScope の初期値。ステップ 2 で 勤怠簿出力.sql を指定すると実際の値を読めます')).pass,
  'ctx.dayChange.fail': jaDayChangeTexts((s) => (s === 'sql' ? '勤怠簿出力.sql' : 'LanScope の初期値。ステップ 2 で 勤怠簿出力.sql を指定すると実際の値を読めます')).fail,
  'ctx.outputDir.elsewhereAdvice': () => 'ウィザードを統合マネージャー上で実行するか、CSV をこの PC にコピーして「conf.ini/フォルダ」欄にそのフォルダを入力してください。',
  'ctx.outputDir.missingAdvice': (p) => (p.source === 'conf-ini' ? 'OUTPUTDIR のフォルダを作成するか、conf.ini の OUTPUTDIR を直してください。' : '「conf.ini/フォルダ」欄に入力したフォルダをご確認ください。'),
  'ctx.proxy.authMissingAdvice': () => '「認証が必要なプロキシサーバー」にチェックを入れ、ここと HTLanScopeServiceConfig に認証アカウントとパスワードを入力してください。',
  'ctx.proxy.tlsIssuerAdvice': jaTlsIssuerAdviceText({ given: '指定した CA 証明書ファイル', giveIt: '「CA 証明書ファイル」欄に指定してください', giveFile: '「CA 証明書ファイル」欄に指定してもう一度テストしてください' }),
  'ctx.proxy.caNotLoaded': jaCaNotLoadedText({ name: 'CA 証明書ファイル', giveIt: '「CA 証明書ファイル」欄に指定する' }),
  'ctx.usage.caFile': jaCaFileUsageText('手順 4 の CA 証明書ファイル'),
  'ctx.proxy.source': jaProxySourceText('手順 4'),
  'ctx.kotApi.advice': jaKotApiAdviceText({ badAnswer: 'Web API のアドレスをご確認ください。https://api.kingtime.jp/v1.0 を指定します。', other: 'Web API のアドレスと Web API のトークン（KOT_API_TOKEN）をご確認ください。' }),
  'ctx.problem.advice.conf-ini': () => 'LanScope の conf.ini（数行のテキストファイル）か、CSV のフォルダそのものを「conf.ini/フォルダ」欄に入力してください。',
  'ctx.problem.advice.token': (p) =>
    p.variable
      ? `${p.variable} には 32 文字のアクセストークンだけを設定するか、手順 1 の「アクセストークン」欄に入力してください。`
      : 'ファイルには 32 文字のアクセストークンだけを入れてください（サポートセンターからのメールからコピーし直してください）。',

  // ステップ 1
  'prep.intro': () => '連携サービスには企業コードと、KING OF TIME サポートセンターから届いたアクセストークンが必要です。',
  'prep.code': () => '企業コード',
  'prep.codeHint': () => 'KING OF TIME 管理者ログイン ID の最初の 3 文字または 6 文字',
  'prep.codeCounter': (p) => `${p.length} 文字${p.ok ? ' ✔' : p.length === 3 || p.length === 6 ? '' : '（3 または 6）'}`,
  'prep.token': () => 'アクセストークン',
  'prep.tokenHint': () => 'サポートセンターから届いた 32 桁の英数字。未着なら空欄のまま進めます',
  'prep.useEnv': (p) => `このシェルの LANSCOPE_KOT_TOKEN を使う（${jaMasked(p.masked)}）`,
  'prep.remember': () => 'トークンを設定ファイルに保存する',
  'prep.rememberWhere': (p) => `${p.path}（本人のみ読み取り可）。保存しない場合は次回もう一度入力します`,
  'prep.rememberDemo': () => 'デモ: --config-dir を指定したときだけ設定を保存します',
  'prep.rememberNowhere': () => 'このセッションでは設定を保存しません',
  'prep.rememberReadOnly': (p) => `${p.path} に設定を保存できません（${p.reason}）。次回のために何も記憶しません`,
  'prep.rememberUnreadable': (p) => `設定ファイル ${p.path} を読めません（${p.reason}）。今回は何も保存しません`,
  'prep.fault.repairable': (p) =>
    p.kind === 'spaces'
      ? `空白が含まれています。Enter で取り除きます（${p.length} 文字）`
      : p.kind === 'fullWidth'
        ? `全角文字が含まれています。Enter で半角に変換します（${p.length} 文字）`
        : `全角文字と空白が含まれています。Enter で半角に変換し、空白を取り除きます（${p.length} 文字）`,
  'prep.fault.characters': () => '半角英数字のみ使えます',
  'prep.fault.codeLength': (p) => `${p.length} 文字です。企業コードは 3 文字または 6 文字です`,
  'prep.fault.tokenLength': (p) => `${p.length} 文字です。トークンは 32 文字です`,
  'prep.fault.tokenCut': (p) =>
    `長すぎるため ${p.limit} 文字で切り捨てました。${p.limit} バイトを超えるトークンファイルや LANSCOPE_KOT_TOKEN も使いません。32 文字のトークンだけを貼り付けてください`,
  'prep.repaired': (p) =>
    `${p.kind === 'spaces' ? '空白を取り除きました' : p.kind === 'fullWidth' ? '半角に変換しました' : '半角に変換し、空白を取り除きました'}。確認して Enter を押してください`,
  'prep.keys': () => 'Space でチェックを切り替えます。',
  // ステップ 2
  'day.intro': () =>
    'KING OF TIME の日付変更時間は、LanScope のログ収集の起点時刻（LanScope 初期値 05:00、KING OF TIME 初期値 00:00）と同じにします。異なると別の勤務日の打刻になります（§5.2.1）。',
  'day.sqlHint': () => 'LanScope から提供された 勤怠簿出力.sql のパス（Shift_JIS・UTF-8・UTF-16 のいずれも可）',
  'common.yenHint': () => 'パスに ¥ または ￥ が含まれています。Windows ではその位置にバックスラッシュ（\\）を入力してください',
  'day.start': (p) => `ログ収集の起点時刻 ${p.time}（${p.encoding}）`,
  'day.bound': (p) => `${p.line} 行目: ${p.column || '日時'} ${p.side === 'from' ? '>= 当日' : '< 翌日'} + '${p.literal}'`,
  'day.moreBounds': (p) => `（ほか ${p.count} か所）`,
  'day.divisions': () => 'KING OF TIME の各所属の日付変更時間',
  'day.where': () => 'KING OF TIME: 設定 > 組織 > 所属設定 > [編集] > 日付変更時間',
  'day.add': () => '所属を追加',
  'day.addHint': () => '所属コード=HH:MM、全所属なら HH:MM · Enter で追加、空欄で Enter を押すと次へ',
  'day.badEntry': (p) => `"${p.input}" は 所属コード=HH:MM または HH:MM の形ではありません（例 1001=05:00、5:00、0500）`,
  'day.normalised': (p) => `"${p.input}" を ${p.value} として読みました（全角を半角に変換）`,
  'day.none': () => '所属がまだありません。追加しないとチェックリストで日付変更時間が「未確認」になります',
  'day.all': () => '全所属',
  'day.cannotCompare': () => 'SQL の時刻がそろうまで比較できません',
  'day.same': (p) => `ログ収集の起点時刻 ${p.start} と同じ`,
  'day.differs': (p) =>
    `${p.start} ではありません: ${p.onDate} ${p.time} の${p.event === 'end' ? 'ログオフ' : 'ログオン'}は ${p.lanscopeDate} ではなく ${p.kotDate} の打刻になります`,
  'day.removeHint': () => 'Backspace または Delete で選択中の所属を削除します',
  'day.defaultStart': (p) => `LanScope の初期値 ${p.start} と比べています。SQL を指定すると実際の値を確認できます`,

  // ステップ 3
  'out.intro': () => '連携サービスは、LanScope が conf.ini の OUTPUTDIR（初期値 C:\\TEMP）に書き出す CSV を読みます。ローカルフォルダである必要があります（§2.4）。',
  'out.input': () => 'conf.ini/フォルダ',
  'out.hint': () => 'LanScope の conf.ini のパス（OUTPUTDIR を読みます）、または CSV フォルダそのもの',
  'out.defaultHint': () => 'LanScope の OUTPUTDIR の初期値（Windows で自動入力）。conf.ini が別のフォルダを指定している場合は conf.ini のパスかそのフォルダを入力してください',
  'out.progress': (p) => `LanScope の CSV を読んでいます: ${p.files} ファイル、${p.rows} 行`,
  'out.csvGiven': (p) => `${p.file} は CSV ファイルです。そのフォルダを出力先として読みます`,
  'out.notConfIni': (p) => `${p.file} は LanScope の conf.ini ではありません（OUTPUTDIR の行がありません）。conf.ini か CSV フォルダを入力してください`,
  'out.yen': (p) => `${p.given} を ${p.path} として読みました（¥・￥ は日本語 Windows のパスの区切り文字 \\ です）`,
  'out.folder': () => 'フォルダ',
  'out.source': () => '読み取り元',
  'out.fromConf': (p) => (p.isDefault ? 'conf.ini に OUTPUTDIR がないため LanScope の初期値' : `conf.ini ${p.line} 行目の OUTPUTDIR`),
  'out.local': () => 'ローカルフォルダ',
  'out.localYes': () => 'はい',
  'out.localNo': () => 'いいえ: ネットワークフォルダは連携サービスで使えません',
  'out.exists': () => '存在',
  'out.elsewhere': () => 'Windows のパスです。統合マネージャー上でのみ確認できます（またはコピーしたフォルダを指定）',
  'out.existsYes': () => 'あり',
  'out.notDir': () => 'フォルダではなくファイルです',
  'out.existsNo': () => 'フォルダがありません',
  'out.csvs': () => 'LanScope の CSV',
  'out.csvCount': (p) =>
    p.files === 0
      ? `まだありません${p.other ? `（ほかの CSV ${p.other} ファイル）` : ''}`
      : `${p.files} ファイル、${p.rows} 行、${p.from === p.to ? p.from : `${p.from}～${p.to}`}${p.other ? `（ほかの CSV ${p.other} ファイル）` : ''}`,
  'out.shape.events': () => '開始・終了のログ',
  'out.shape.summary': () => '日ごとの集計',
  'out.rows': (p) => `${p.rows} 行`,
  'out.moreFiles': (p) => `（ほか ${p.count} ファイル）`,

  // ステップ 4
  'proxy.intro': () => 'このサーバーがプロキシ経由でインターネットに出る場合、HTLanScopeServiceConfig（歯車マーク > 設定）に設定が必要です。',
  'proxy.use': () => 'プロキシサーバーを使用する',
  'proxy.direct': () => '直接接続',
  'proxy.host': () => 'プロキシアドレス',
  'proxy.hostHint': () => '例 proxy.example.co.jp（ホスト:ポート の形で入力すると分けて読みます）',
  'proxy.port': () => 'ポート番号',
  'proxy.auth': () => '認証が必要なプロキシサーバー',
  'proxy.user': () => '認証アカウント',
  'proxy.userHint': () => 'Windows アカウントは DOMAIN\\user（NTLM）',
  'proxy.password': () => 'パスワード',
  'proxy.passwordHint': () => '保存も表示もしません。接続テストにだけ使います',
  'proxy.err.host': () => 'プロキシのホスト名または IP アドレスだけを入力してください（http:// は不要、ポート番号は「ポート番号」欄へ）',
  'proxy.err.port': () => '1～65535 のポート番号を入力してください',
  'proxy.err.user': () => 'プロキシの認証アカウントを入力してください',
  'proxy.err.password': () => 'そのアカウントのパスワードを入力してください',
  'proxy.caFile': () => 'CA 証明書ファイル',
  'proxy.caFileHint': () => '任意: HTTPS を検査するプロキシの CA（PEM または DER の .cer）。このツール自身の接続にだけ使います',
  'proxy.test': (p) => `${p.endpoint} への接続テスト`,
  'proxy.testing': (p) => `${p.endpoint} に接続しています …`,
  'proxy.unavailable': () => 'このバージョンでは接続テストを使えません。入力した設定は保持されます',
  'proxy.keys': () => 'Space でチェックを切り替え · 接続テストのボタン上で Enter を押すとテスト、それ以外では次へ。',

  // ステップ 5
  'map.path': () => '紐づけ CSV',
  'map.hint': () => 'PC ログイン連携 > 連携設定 > [CSV データ保存] で出力したファイル',
  'map.loaded': (p) => `${p.rows} 行、${p.encoding}、${p.columns} 列`,
  'map.noLogs': () => 'LanScope の CSV を読んでいないため（ステップ 3）、ユーザーとの照合はできません。紐づけ CSV だけを確認します',
  'map.filter': () => '絞り込み:',
  'map.all': () => 'すべて',
  'map.empty': () => 'この状態の行はありません',
  'map.col.status': () => '状態',
  'map.col.user': () => 'ユーザー名',
  'map.col.account': () => 'サービスアカウント',
  'map.col.employee': () => '打刻先',
  'map.col.name': () => '姓・名',
  'map.keys': () => '↑↓ PgUp/PgDn スクロール · ←→ または数字で絞り込み · Space 修正を採用 · a すべて採用 · Tab ファイル名の欄へ',
  'map.fix.unedited': () => '未編集の行。従業員と同じ名前の LanScope ユーザーがいます',
  'map.detail.line': (p) => `CSV ${p.line} 行目`,
  'map.detail.nearMiss': (p) => `ほぼ一致（${p.kind}）`,
  'map.detail.fix': (p) => `サービスアカウント "${p.from}" → "${p.to}"${p.accepted ? '（採用済み。Space で取り消し）' : '（Space で採用）'}`,
  'map.detail.duplicate': (p) => `"${p.account}" が複数の従業員に紐づいています。ログは誰の打刻にもなりません`,
  'map.note.pcs': (p) => `${p.date} に ${p.pcs} で使用`,
  'map.note.unmapped': () => '紐づけ行なし: ログは捨てられます',
  'map.note.default': () => '未編集: 従業員コードのまま',
  'map.note.notInLogs': () => 'LanScope のログにない',
  'map.pending': (p) => `${p.count} 件の修正を採用 · Enter でアップロード用ファイルを作成（変更した行のみ）`,
  'map.upload.written': (p) => `アップロード用ファイルを作成しました: ${p.file}（${p.rows} 行、${p.encoding}、出力した CSV と同じ列と引用符）`,
  'map.upload.next': (p) => `次に: PC ログイン連携 → [CSV データ入力] → このファイルを選択 → [送信]。「${p.rows} 件のアカウントを更新」と表示されます。`,
  'map.upload.excel': () => 'この CSV は Excel で変わっています。修正を書き出す前に出力し直してください（壊れた値がそのままアップロードされます）',
  'map.upload.conflict': (p) => `同じサービスアカウントが複数の行に: ${p.list}。どれか 1 つだけ採用してください`,
  'map.upload.unencodable': (p) => `出力した CSV は ${p.encoding} で、${p.chars} を書けません。このユーザー名はこのファイルではアップロードできません`,
  'row.duplicate': () => '重複',
  'row.near-miss': () => 'ほぼ一致',
  'row.unmapped': () => '紐づけなし',
  'row.shared-pc': () => '複数 PC',
  'row.unused': () => '未使用',
  'row.mapped': () => '紐づけ済',
  'row.no-logs': () => 'ログなし',
  'kind.domain-prefix': () => 'ドメイン名',
  'kind.full-width': () => '全角',
  'kind.spaces': () => '空白',
  'kind.case': () => '大文字小文字',

  // ステップ 6
  'dry.needs': (p) =>
    `ドライランには ${[!p.logs && 'LanScope の CSV（ステップ 3）', !p.mapping && '紐づけ CSV（ステップ 5）'].filter(Boolean).join(' と ')} が必要です`,
  'dry.enter': () => 'Enter でチェックリストへ、Esc で戻ります。',
  'dry.basis': (p) =>
    `KING OF TIME の日別データに表示される打刻です。日付変更時間 ${p.dayChange}${p.given ? (p.division ? `（所属 ${p.division}）` : '') : '（起点時刻と同じと仮定）'}、LanScope の収集起点 ${p.start}。`,
  'dry.withUpload': (p) => `${p.file} の ${p.rows} 件の修正を反映した結果です。先にアップロードしてください。`,
  'dry.summary': (p) => `従業員 ${p.employees} 人 · ${p.days} 日分 · 打刻 ${p.punches} 件`,
  'dry.sumWrong': (p) => `別の日の打刻 ${p.count} 件`,
  'dry.sumNoWrong': () => '別の日の打刻なし',
  'dry.sumDropped': (p) => `${p.users} ユーザーのログが捨てられます（${p.days} 日分）`,
  'dry.sumDuplicates': (p) => `重複した紐づけ ${p.count} 件`,
  'dry.col.employee': () => '打刻先',
  'dry.col.name': () => '姓・名',
  'dry.col.day': () => '日付',
  'dry.col.in': () => '出勤',
  'dry.col.out': () => '退勤',
  'dry.wrongDay': (p) => `${p.kind === 'in' ? '出勤' : '退勤'}→${p.workDay}（本来 ${p.windowDay}）`,
  'dry.merged': (p) => `${p.pcs} を合算`,
  'dry.mergedDetail': (p) => `同じユーザー名の ${p.pcs} のログがこの日に合算されています。出勤・退勤が別の人のものかもしれません（§5.2.2）`,
  'dry.sumMerged': (p) => `複数 PC を合算した日 ${p.count} 件`,
  'dry.detail': (p) => `${p.who} ${p.day}: 出勤 ${p.in}、退勤 ${p.out}`,
  'dry.section.dropped': (p) => `捨てられるログ: 紐づけ行なし（${p.count}）`,
  'dry.section.duplicates': (p) => `複数の従業員に紐づけ: 誰の打刻にもなりません（${p.count}）`,
  'dry.dropped': (p) => `${p.days} 日分のログ（${p.first === p.last ? p.first : `${p.first}～${p.last}`}）が打刻になりません`,
  'dry.duplicate': (p) => `→ ${p.employees}: ${p.days} 日分のログが誰の打刻にもなりません`,
  'dry.empty': () => '打刻はありません',
  'dry.keysProblems': () => '↑↓ PgUp/PgDn スクロール · p 問題のみ表示 · Enter チェックリスト',
  'dry.keysAll': () => '↑↓ PgUp/PgDn スクロール · p すべて表示 · Enter チェックリスト',

  // ステップ 7
  'check.ready': () => '連携を有効にできます: NG はありません。',
  'check.notReady': (p) =>
    `まだ有効にできません: ${[p.fail && `NG ${p.fail} 件`, p.unchecked && `未確認 ${p.unchecked} 件`].filter(Boolean).join('、')}。先にすること:`,
  'check.moreTodo': (p) => `（ほか ${p.count} 件: 下のチェックとレポートを参照）`,
  'check.todoUpload': (p) => `${p.file} を PC ログイン連携 → [CSV データ入力] でアップロード（下のチェックはアップロード後を想定。ファイルは ${p.folder} にあります）`,
  'check.todoFix': (p) => `${p.title} — ${p.what}（ステップ ${p.step}）`,
  'check.notGiven': (p) => `未確認: ステップ ${p.step} を参照`,
  'check.proxyNotTested': () => '未確認: ステップ 4 で「接続テスト」を実行してください',
  'check.kotApiOptional': () => '任意: "lanscope-kot doctor" で KING OF TIME Web API から所属を読み込めます',
  'check.notGivenShort': () => '（未入力）',
  'check.detail': (p) => `${p.title}（${p.manual} · ${p.id}）: ${p.text}`,
  'check.checks': (p) => `チェック（OK ${p.pass}、注意 ${p.warn}、NG ${p.fail}、未確認 ${p.unchecked}${p.optional ? `、任意で未実行 ${p.optional}` : ''}）· ↑↓ で詳細`,
  'check.configHeading': () => 'HTLanScopeServiceConfig に入力する値',
  'check.config.companyCode': () => '企業コード',
  'check.config.token': () => 'アクセストークン',
  'check.config.masked': (p) => jaMasked(p.masked),
  'check.config.folder': () => 'ログサーバーのログ出力先',
  'check.config.proxy': () => 'プロキシサーバー',
  'check.config.proxyUser': (p) => `認証アカウント ${p.user}、パスワードはステップ 4 で入力したもの（非表示）`,
  'check.config.noProxy': () => '使用しない',
  'check.report': () => 'レポート (Markdown)',
  'check.reportHint': () => 'Enter で保存（トークン・パスワードは含みません）、もう一度 Enter で終了',
  'check.reportHintEmpty': () => '保存するにはパスを入力。空欄のまま Enter で終了',
  'check.reportNotMd': () => '.md で終わるファイル名、またはフォルダを指定してください',
  'check.reportNoFolder': (p) => `フォルダ ${p.folder} がありません。作成するか、別のパスを入力してください`,
  'check.reportDenied': (p) => `${p.folder} に書き込む権限がありません。別のパスを入力してください`,
  'check.reportFailed': (p) => `レポートを書き込めませんでした（${p.reason}）。書きかけのファイルは残していません`,
  'check.reportSaved': (p) => `保存しました: ${p.file} · Enter で終了`,
  'check.keys': () => 'Enter レポート保存 / 終了 · Esc 戻る · Ctrl-C 中断',
  'md.title': () => 'LanScope → KING OF TIME: 本番開始前チェックリスト',
  'md.generated': (p) => `lanscope-kot setup が ${p.date} に作成。アクセストークンとパスワードは含みません。`,
  'md.notReady': () => 'まだ連携を有効にできません。',
  'md.todo': () => '先にすること',
  'md.checks': () => 'チェック',
  'md.col.status': () => '結果',
  'md.col.check': () => 'チェック',
  'md.col.found': () => '内容 / 対処',
  'md.col.manual': () => 'マニュアル',
  'md.configIntro': () => 'HTLanScopeServiceConfig（§2.4、§2.5）: トークンはサポートセンターからのメールの値を入力してください（ここでは伏せています）。',
  'md.proxyUser': () => 'プロキシ認証アカウント（パスワードは記録しません）',
  'md.users': () => 'ユーザー',
  'md.users.mapped': (p) => `紐づけ済みの LanScope ユーザー ${p.count} 人`,
  'md.users.unmapped': (p) => `紐づけなし ${p.count} 人${p.count ? `: ${p.list}` : ''}`,
  'md.users.other': (p) => `ほぼ一致 ${p.near} 件、重複した紐づけ ${p.duplicates} 件、複数 PC ${p.shared} 日、未使用の行 ${p.unused} 件`,
  'md.footer': () => 'lanscope-kot · "lanscope-kot doctor" と同じチェック',
};

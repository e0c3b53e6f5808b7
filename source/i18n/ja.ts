/* 日本語カタログ。キーは en.ts と型で一致させている（欠けるとビルドが失敗する）。 */
import type { OddPunchKind } from '../core/dry-run.js';
import type { KotApiFailureReason } from '../core/facts.js';
import type { NearMissKind } from '../core/user-matching.js';
import type { Catalog } from './message.js';

type Fault = 'full-width' | 'spaces' | 'characters' | 'length';

const fault = (f: Fault, length: number): string =>
  ({
    'full-width': '全角文字が含まれています',
    spaces: '空白が含まれています',
    characters: '英数字以外の文字が含まれています',
    length: `${length} 文字です`,
  })[f];

/** `a、b、c（ほか 2 件）`: 長い一覧の先頭だけ。 */
const list = (items: readonly string[], more: number): string => items.join('、') + (more > 0 ? `（ほか ${more} 件）` : '');
const NEAR_MISS_KIND: Record<NearMissKind, string> = { case: '大文字小文字の違い', 'domain-prefix': 'ドメイン名付き', spaces: '空白の違い', 'full-width': '全角・半角の違い' };
const ODD_PUNCH_KIND: Record<OddPunchKind, string> = { 'start-before-day-change': '日付変更前の開始', 'over-16h': '16 時間超', 'end-before-start': '開始より前の終了' };

/** A secret as core/secret.ts masks it (`abcd…wxyz (32 chars)`), its length said in Japanese. */
export const jaMasked = (masked: string): string => masked.replace(/ \((\d+) chars\)$/, '（$1 文字）');

type InputKind = 'sql' | 'conf-ini' | 'mapping' | 'log' | 'token' | 'kot-api-token';
type Skipped = { name: string; reason: 'mapping-export' | 'empty' | 'not-a-file' }[];

const number = (n: number): string => n.toLocaleString('ja-JP');
const megabytes = (n: number): string => (n % 1048576 === 0 ? `${n / 1048576} MB` : `${number(n)} バイト`);
const kindName = (k: InputKind | undefined): string =>
  k === undefined
    ? 'このファイル'
    : {
        sql: '勤怠簿出力.sql',
        'conf-ini': 'conf.ini',
        mapping: '紐づけのエクスポート',
        log: 'LanScope の CSV',
        token: 'トークン',
        'kot-api-token': 'Web API のトークン',
      }[k];
const skippedList = (skipped: Skipped): string =>
  skipped.length === 0
    ? ''
    : '。読まなかったファイル: ' +
      list(
        skipped.slice(0, 5).map((s) => `${s.name}（${{ 'mapping-export': '紐づけのエクスポート', empty: '空', 'not-a-file': 'ファイルではない' }[s.reason]}）`),
        skipped.length - 5,
      );

const startSource = (s: 'sql' | 'default'): string => (s === 'sql' ? '勤怠簿出力.sql' : 'LanScope の初期値。--sql で実際の値を読めます');

/** 指定された CA ファイルが使えない理由。名前の言い方だけが doctor（--ca-file）とウィザード（欄）で異なる。 */
export const jaCaFileUsageText =
  (name: string): Catalog['usage.caFile'] =>
  (p) =>
    `${name} ${p.file}: ${p.problem === 'missing' ? 'ファイルがありません' : p.problem === 'not-a-file' ? 'ファイルではなくフォルダーです' : p.problem === 'no-certificate' ? '証明書が含まれていません（PEM か DER）' : '読み取れません'}`;

/** CA ファイルが読み込まれなかった理由。指定先の言い方だけが doctor（--ca-file）とウィザード（欄）で異なる。 */
export const jaCaNotLoadedText =
  (w: { name: string; giveIt: string }): Catalog['proxy.caNotLoaded'] =>
  (p) =>
    `${p.env ? 'NODE_EXTRA_CA_CERTS' : w.name} の ${p.file} は読み込まれていません: ${
      p.problem === 'missing'
        ? 'ファイルがありません'
        : p.problem === 'der'
          ? `DER（バイナリ）形式で、NODE_EXTRA_CA_CERTS は PEM しか読めません。${w.giveIt}か、Base64 でエクスポートしてください`
          : p.problem === 'no-certificate'
            ? '証明書が含まれていません'
            : p.problem === 'not-a-file'
              ? 'フォルダーです'
              : '読み取れません'
    }`;

/** 信頼されていない発行者への対処。CA の指定先の言い方だけが doctor とウィザードで異なる。 */
export const jaTlsIssuerAdviceText =
  (w: { given: string; giveIt: string; giveFile: string }): Catalog['proxy.tlsIssuerAdvice'] =>
  (p) =>
    p.caFileGiven
      ? `${w.given}に「${p.issuer}」（またはそこまでの証明書チェーン）が含まれていません。その CA 証明書をエクスポートして${w.giveIt}。証明書の検証は無効にしないでください。`
      : `「${p.issuer}」が社内のもの（HTTPS を検査するプロキシの CA）なら、Windows の証明書ストアからエクスポートし（Base64 または DER の .cer）、${w.giveFile}。連携サービスは Windows の証明書ストアを使うため、すでに信頼されている場合があります。証明書の検証は無効にしないでください。`;

/** 日付変更時間の文。起点時刻の出どころの言い方だけが doctor（--sql）とウィザード（ステップ 2）で異なる。 */
export const jaDayChangeTexts = (source: (s: 'sql' | 'default') => string): { pass: Catalog['dayChange.pass']; fail: Catalog['dayChange.fail'] } => ({
  pass: (p) => `${p.count === 1 ? '日付変更時間は' : `${p.count} 所属すべて`} ${p.startTime} で、収集の起点時刻と一致しています（${source(p.startSource)}）`,
  fail: (p) =>
    `ログ収集の起点は ${p.startTime}（${source(p.startSource)}）ですが、KING OF TIME の日付変更時間は ${p.divisions} です: ` +
    `${p.onDate} ${p.time} の${p.event === 'end' ? 'ログオフ' : 'ログオン'}は ${p.lanscopeDate} ではなく ${p.kotDate} の打刻になります`,
});

const JA_KOT_API_ADVICE: Partial<Record<KotApiFailureReason, string>> = {
  'auth': 'KING OF TIME の管理画面で発行した Web API のトークンをご確認ください。連携サービスのアクセストークンとは別物です。',
  'closed-hours': '利用不可の時間帯が終わってから再度チェックしてください。',
  'forbidden-ip': 'このサーバーのグローバル IP アドレスをトークンの許可IPアドレスに追加するか、許可されたアドレスから実行してください。',
  'forbidden': '途中のプロキシ・ファイアウォール・ゲートウェイが拒否した可能性があります。上の応答の先頭をネットワーク管理者にお見せください。KING OF TIME の場合はトークンの許可IPアドレスをご確認ください。',
  'rate-limited': '回数制限です。数分おいて再試行し、複数のチェックを同時に実行しないでください。',
  'server-error': '時間をおいて再試行し、続く場合は KING OF TIME のサポートセンターにお問い合わせください。',
};

/** Web API の失敗への対処。アドレスの指定場所の言い方は呼ぶ側が渡す（doctor は --kot-api-base）。 */
export const jaKotApiAdviceText =
  (w: { badAnswer: string; other: string }): Catalog['kotApi.advice'] =>
  (p) =>
    JA_KOT_API_ADVICE[p.reason as KotApiFailureReason] ?? (p.reason === 'bad-answer' ? w.badAnswer : w.other);

/** プロキシの出どころ。管理者が指定したものの言い方は呼ぶ側が渡す（doctor は --proxy、ウィザードは手順 4）。 */
export const jaProxySourceText =
  (given: string): Catalog['proxy.source'] =>
  (p) =>
    p.via === 'direct' ? 'プロキシ: なし' : `プロキシ ${p.via}（${p.source === 'flag' ? given : p.source} から）`;

export const ja: Catalog = {
  'status.pass': () => 'OK',
  'status.warn': () => '注意',
  'status.fail': () => 'NG',
  'status.skip': () => '未確認',
  'title.company-code': () => '企業コード',
  'title.access-token': () => 'アクセストークン',
  'title.sql-start-time': () => 'LanScope のログ収集の起点時刻',
  'title.day-change': () => '各所属の日付変更時間',
  'title.output-dir': () => 'CSV 出力先フォルダ',
  'title.mapping-excel': () => '紐づけ CSV の破損（Excel による変化）',
  'title.unmapped-users': () => 'LanScope ユーザーの紐づけ漏れ',
  'title.duplicate-mappings': () => 'サービスアカウントの重複',
  'title.shared-pc-users': () => '複数 PC で使われているユーザー名',
  'title.near-misses': () => 'よく似たサービスアカウント',
  'title.unused-mappings': () => '未編集・未使用の紐づけ行',
  'title.punch-times': () => '打刻時刻の妥当性',
  'title.proxy': () => 'PC ログイン連携への接続',
  'title.kot-api': () => 'KING OF TIME Web API との照合',
  'manual.section': (p) => `マニュアル ${p.section}`,

  'skip.notGiven': (p) => `未確認: ${p.flag} を指定してください`,
  'skip.noToken': () => '未確認: --token-file を指定するか LANSCOPE_KOT_TOKEN を設定してください',
  'skip.noLogs': () => '未確認: LanScope の CSV を読んでいません（--log-dir か --conf-ini を指定してください）',
  'skip.offline': () => '未確認: --offline',
  'check.crashed': (p) => `チェック ${p.id} が内部エラーで止まりました（${p.reason}）。開発元にご報告ください`,

  'companyCode.pass': (p) => `${p.code}（${p.code.length} 文字）`,
  'companyCode.fail': (p) => `企業コードに${fault(p.fault, p.length)}` + (p.fault === 'full-width' ? `（半角では ${p.fixed}）` : ''),
  'companyCode.advice': () => 'KING OF TIME 管理者ログイン ID の最初の 3 文字または 6 文字を、半角英数字で入力してください。',
  'token.pass': (p) => `${jaMasked(p.masked)}、英数字 32 文字`,
  'token.fail': (p) => `トークン ${jaMasked(p.masked)} に${p.fault === 'length' ? `問題があります: ${fault(p.fault, p.length)}` : fault(p.fault, p.length)}。半角英数字 32 文字が必要です`,
  'token.advice': (p) =>
    `サポートセンターからのメールのトークンを、空白や改行を含めずに${p.source === 'file' ? 'トークンファイルへ' : p.source === 'env' ? ' LANSCOPE_KOT_TOKEN へ' : ''}写し直してください。`,

  'sql.pass': (p) => `${p.startTime}（${p.count} か所の時刻が一致、${p.file} ${p.lines} 行目）`,
  'sql.none': (p) => `${p.file} に収集の起点時刻が見つかりません（コメント外に "convert(varchar, @tmpDay, 111) + 'HH:MM:SS'" がありません）`,
  'sql.noneAdvice': () => 'LanScope から提供された 勤怠簿出力.sql か、時刻の条件がコメントアウトされていないかをご確認ください。',
  'sql.disagree': (p) => `${p.file} の時刻条件が一致しません: ${p.outliers.map((o) => `${o.line} 行目（${o.time}）`).join('、')}が他と異なります`,
  'sql.disagreeAdvice': () => '日時・イベント日時の開始・終了すべての条件を同じ時刻にそろえ、KING OF TIME にも同じ時刻を設定してください。',
  'dayChange.sqlFirst': () => '未確認: 先に SQL の起点時刻を直してください',
  'dayChange.pass': jaDayChangeTexts(startSource).pass,
  'dayChange.fail': jaDayChangeTexts(startSource).fail,
  'dayChange.advice': (p) => `KING OF TIME の 設定 > 組織 > 所属設定 > [編集] > 日付変更時間 を、すべての所属で ${p.startTime} にしてください。`,

  'outputDir.pass': (p) => `${p.path}: LanScope の CSV ${p.files} 件、${p.rows} 行、${p.from === p.to ? p.from : `${p.from}～${p.to}`}${skippedList(p.skipped)}`,
  'outputDir.network': (p) => `${p.path} はネットワークフォルダです。連携サービスはネットワークフォルダを読めません`,
  'outputDir.networkAdvice': () => 'LanScope の conf.ini の OUTPUTDIR を統合マネージャーのローカルフォルダ（例: C:\\TEMP）にし、HTLanScopeServiceConfig にも同じフォルダを設定してください。',
  'outputDir.elsewhere': (p) => `${p.path} は Windows のパスで、この PC は Windows ではないため読んでいません`,
  'outputDir.elsewhereAdvice': () => '統合マネージャー上で実行するか、CSV をこの PC にコピーして --log-dir でそのフォルダを指定してください。',
  'outputDir.missing': (p) => `${p.path} がありません`,
  'outputDir.missingAdvice': (p) =>
    p.source === 'conf-ini'
      ? 'OUTPUTDIR のフォルダを作成するか、conf.ini の OUTPUTDIR を直してください。'
      : p.source === 'default'
        ? '--log-dir も --conf-ini も指定がないため、LanScope の OUTPUTDIR の初期値 C:\\TEMP を確認しました。実際のフォルダを --log-dir で、または LanScope の conf.ini を --conf-ini で指定してください。'
        : '--log-dir のパスをご確認ください。',
  'outputDir.defaultUsed': (p) =>
    `${p.path} は LanScope の OUTPUTDIR の初期値です（--log-dir も --conf-ini も指定がないため読みました）。異なる場合は --log-dir または --conf-ini で指定してください。`,
  'outputDir.notDir': (p) => `${p.path} はファイルです（フォルダではありません）`,
  'outputDir.unreadable': (p) => `${p.path} をこのユーザーで読めません`,
  'outputDir.unreadableAdvice': () => '連携サービスを動かすアカウントにフォルダの読み取り権限を与えてください。',
  'outputDir.yen': (p) => `パス ${p.given} に ¥/￥ が含まれています。Windows が ${p.path} と読むのは円記号がバックスラッシュの場合だけです`,
  'outputDir.yenAdvice': (p) => `バックスラッシュで入力してください: ${p.path}`,
  'outputDir.noCsv': (p) => `${p.path} に LanScope の CSV がありません（その他の CSV ${p.csvCount} 件）${skippedList(p.skipped)}`,
  'outputDir.skippedAdvice': () =>
    '空の CSV やファイルでない項目は LanScope のログではありません。フォルダから取り除くか（連携サービスはそこにある CSV をすべて読みます）、勤怠簿出力.sql が空のファイルを書いた場合は実行し直してください。',
  'outputDir.noCsvAdvice': () => '勤怠簿出力.sql を一度実行するか、次の起点時刻の収集を待ってから再確認してください。',

  'excel.pass': (p) => `${p.file}: ${p.rows} 行、${p.encoding}、Excel で保存し直した形跡はありません`,
  'excel.damaged': (p) =>
    [
      `${p.file} は Excel で壊れています。`,
      p.scientific ? `${p.scientific} 行目のコードが指数表記（E+）の数値になっています（例: ${p.scientificExample}）。` : '',
      p.zerosLost
        ? p.zerosBy === 'widths'
          ? `${p.zerosLost} 行目で先頭の 0 が消えている可能性があります（例: ${p.zerosExample}）。引用符がなく、数字だけのコードの桁数がそろっていません。`
          : `${p.zerosLost} 行目で先頭の 0 が消えています（例: ${p.zerosExample}）${p.zerosBy === 'employees' ? '。KING OF TIME の従業員一覧と照合しました' : ''}。`
        : '',
      p.quotesGone ? 'エクスポートにあった引用符がすべて消えています。' : '',
    ].join(''),
  'excel.quotesGone': (p) => `${p.file} の値に引用符がありません。エクスポートはコードを引用符で囲むため、Excel で保存し直された可能性があります`,
  'excel.advice': () => 'PC ログイン連携から CSV を出力し直し（[CSV データ保存]）、Excel ではなくメモ帳などのテキストエディターで編集してください。',
  'duplicates.pass': () => 'どのサービスアカウントも 1 人の従業員にだけ紐づいています',
  'duplicates.fail': (p) => `${p.count} 件のサービスアカウントが複数の従業員に紐づいています: ${p.list}。これらのログは誰の打刻にもなりません`,
  'duplicates.advice': () => '従業員ごとに別のサービスアカウントにしてください（非ドメイン PC では Windows ユーザー名を変更、§5.2.2）。直した行をアップロードしてください。',
  'unused.pass': (p) => `${p.rows} 行すべて編集済みで使われています`,
  'unused.warn': (p) =>
    [p.defaults ? `${p.defaults} 行のサービスアカウントが従業員コードのままです（${p.defaultList}）` : '', p.unseen ? `${p.unseen} 件のサービスアカウントがどのログにも現れません（${p.unseenList}）` : '']
      .filter(Boolean)
      .join('。'),
  'unused.advice': () => 'PC を使う従業員のサービスアカウントを、LanScope のユーザー名（Windows のユーザー名）にしてください。',
  'unmapped.pass': (p) => `LanScope ユーザー ${p.count} 人すべてが紐づいています`,
  'unmapped.fail': (p) => `LanScope ユーザー ${p.total} 人のうち ${p.count} 人に紐づけがなく、ログが打刻になりません: ${p.list}`,
  'unmapped.advice': (p) =>
    `サービスアカウントをこの名前と完全に同じ（大文字小文字も含む）にし、変更した行をアップロードしてください。${p.nearMisses ? `${p.nearMisses} 件は入力ミスのようです（よく似たサービスアカウントを参照）。` : ''}`,
  'nearMiss.pass': () => '大文字小文字・ドメイン・空白・全角だけが違うサービスアカウントはありません',
  'nearMiss.warn': (p) =>
    `${p.count} 件のサービスアカウントが LanScope ユーザーとほぼ一致しています: ${list(p.items.map((i) => `${i.employee}: "${i.from}" → "${i.to}"（${NEAR_MISS_KIND[i.kind]}）`), p.more)}`,
  'nearMiss.advice': () => '照合は大文字小文字を含む完全一致です。サービスアカウントを右側の名前に変えて、その行をアップロードしてください。',
  'sharedPc.noColumn': () => '未確認: CSV にコンピュータ名・エージェントno の列がありません',
  'sharedPc.pass': () => '同じ日に複数の PC で使われたユーザー名はありません',
  'sharedPc.warn': (p) => `${p.count} 件のユーザー名が同じ日に複数の PC で使われています（延べ ${p.days} 日）: ${p.list}`,
  'sharedPc.advice': () => '別の人が同じユーザー名を使っている場合（非ドメイン PC）、Windows のユーザー名を分けてから紐づけ直してください（§5.2.2）。',
  'punchTimes.pass': () => '日付変更前の開始、16 時間超の勤務、開始より前の終了はありません',
  'punchTimes.warn': (p) =>
    `深夜（日付変更前）の開始 ${p.early} 件、16 時間超 ${p.long} 件、開始より前の終了 ${p.reversed} 件: ${list(p.items.map((i) => `${i.user} ${i.date}（${ODD_PUNCH_KIND[i.kind]}）`), p.more)}`,
  'punchTimes.advice': () => 'LanScope は PC の任意の操作を開始/終了として記録します。該当日を従業員に確認し（§5.2.3）、設定は MOTEX 社にご相談ください。',
  'proxy.notTested': () => '未確認: プロキシのステップで「接続テスト」を実行してください',
  'proxy.ok': (p) => `${p.endpoint} に${p.via === 'direct' ? '直接' : `プロキシ ${p.via} 経由で`}接続できました（HTTP ${p.status}、${p.ms} ms）`,
  'proxy.httpStatus': (p) => `${p.endpoint} に${p.via === 'direct' ? '直接' : `プロキシ ${p.via} 経由で`}到達しましたが、HTTP ${p.status} が返りました`,
  'proxy.httpStatusAdvice': () => 'ネットワーク経路は正常です。それでも送信できない場合は、時間をおいて再試行するか、サポートセンターにサービスの状態をお問い合わせください。',
  'proxy.unreachable': (p) =>
    p.answered
      ? `プロキシ ${p.via} は接続を受け付けましたが、CONNECT に応答せずに切断しました${p.code ? `（${p.code}）` : ''}`
      : `プロキシ ${p.via} に接続できません: ${p.code === 'ECONNREFUSED' ? 'そのポートで待ち受けていません（接続拒否）' : p.code === 'EHOSTUNREACH' || p.code === 'ENETUNREACH' ? '経路がありません' : '接続を拒否または切断されました'}${p.code ? `（${p.code}）` : ''}`,
  'proxy.addressAdvice': () => 'プロキシサーバーのアドレスとポート（HTLanScopeServiceConfig の歯車 > 設定 > プロキシサーバーを使用する）をネットワーク管理者にご確認ください。',
  'proxy.authMissing': (p) => `プロキシ ${p.via} は認証が必要です（HTTP ${p.status}${p.schemes ? `、方式 ${p.schemes}` : ''}）が、アカウントが指定されていません`,
  'proxy.authMissingAdvice': (p) =>
    `「認証が必要なプロキシサーバー」にチェックを入れ、認証アカウントとパスワードを入力してください（ここでは --proxy http://USER:PASSWORD@ホスト:ポート${p.ntlm ? '。Windows アカウントは DOMAIN%5Cuser と書きます' : ''}）。`,
  'proxy.authWrong': (p) =>
    `プロキシ ${p.via} がアカウントまたはパスワードを拒否しました（${p.scheme === 'ntlm' ? 'NTLM' : 'Basic'} 認証、HTTP ${p.status}）。このチェックは 1 回だけ試し、再試行していません`,
  'proxy.authWrongAdvice': () =>
    'アカウント（Windows アカウントは DOMAIN\\user）とパスワードをネットワーク管理者に確認してから再度お試しください。Windows アカウントでは、失敗のたびにアカウントロックアウトの回数に数えられます。',
  'proxy.authNoPassword': (p) => `プロキシ ${p.via} は認証が必要ですが、アカウントだけでパスワードが指定されていません。何も送信していません`,
  'proxy.authNoPasswordAdvice': () => 'プロキシ認証アカウントのパスワードも入力してください。',
  'proxy.authUnsupported': (p) => `プロキシ ${p.via} は ${p.schemes} 認証しか受け付けず、このチェックでは実行できません（NTLM と Basic に対応）。パスワードの誤りではありません`,
  'proxy.authUnsupportedAdvice': (p) =>
    `連携サービスは Windows サービスとして動くため、そのアカウントで認証できる場合があります。確実にするには、そのアカウントに NTLM か Basic を許可するか、${p.target} を認証なしで通すよう、ネットワーク管理者に依頼してください。`,
  'proxy.refused': (p) =>
    `プロキシ ${p.via} が ${p.target} へのトンネルを拒否しました: HTTP ${p.status}${p.statusText ? ` "${p.statusText}"` : ''}${p.proxyError ? `（${p.proxyError}）` : ''}。アドレスの問題ではなく、プロキシ側のポリシーです`,
  'proxy.refusedAdvice': (p) =>
    `プロキシ管理者に、このサーバーから ${p.target} への CONNECT を許可するよう依頼してください（プロキシの応答: ${p.status}${p.statusText ? ` ${p.statusText}` : ''}${p.proxyError ? `、${p.proxyError}` : ''}）。`,
  'proxy.upstream': (p) =>
    `プロキシ ${p.via} は応答しましたが、プロキシ自身が ${p.target} に到達できません: HTTP ${p.status}${p.statusText ? ` "${p.statusText}"` : ''}${p.proxyError ? `（${p.proxyError}）` : ''}`,
  'proxy.upstreamAdvice': (p) =>
    `プロキシのアドレス・ポート・アカウントは正しく設定されています。プロキシから ${p.target} に届かない理由をプロキシ管理者にご確認ください（応答: ${p.status}${p.statusText ? ` ${p.statusText}` : ''}${p.proxyError ? `、${p.proxyError}` : ''}）。届く場合はサービス側の障害の可能性があります。時間をおいて再試行してください。`,
  'proxy.dns': (p) => `${p.isProxy ? 'プロキシのホスト名' : 'ホスト名'} ${p.host} をこのマシンで名前解決できません${p.code ? `（${p.code}）` : ''}`,
  'proxy.dnsAdvice': (p) => (p.viaProxy ? 'プロキシのホスト名の綴りと、このサーバーで名前解決できるかをご確認ください。' : 'このサーバーの DNS をご確認ください。インターネットへはプロキシ経由でしか出られない場合は、プロキシを設定してください（§2.5）。'),
  'proxy.dnsAtProxy': (p) => `プロキシ ${p.via} が ${p.host} を名前解決できませんでした（HTTP ${p.status}${p.proxyError ? `、${p.proxyError}` : ''}）`,
  'proxy.dnsAtProxyAdvice': (p) => `${p.host} の綴りをご確認ください。正しければ、プロキシの DNS 設定をプロキシ管理者にご確認ください。`,
  'proxy.timeout': (p) =>
    p.stage === 'proxy-connect'
      ? `プロキシ ${p.via} に ${p.seconds} 秒以内に TCP 接続できません`
      : p.stage === 'proxy-tls'
        ? `プロキシ ${p.via} は接続を受け付けましたが、${p.seconds} 秒以内に TLS が完了しません`
        : p.stage === 'proxy-auth' || p.stage === 'tunnel'
          ? `プロキシ ${p.via} は接続を受け付けましたが、${p.seconds} 秒以内に CONNECT に応答しません`
          : p.stage === 'connect'
            ? `${p.peer} に ${p.seconds} 秒以内に TCP 接続できません`
            : p.via === 'direct'
              ? `${p.peer} は接続を受け付けましたが、${p.seconds} 秒以内に ${p.stage === 'tls' ? 'TLS' : 'HTTP'} の応答がありません`
              : `プロキシ ${p.via} はトンネルを開きましたが、その先の ${p.peer} から ${p.seconds} 秒以内に ${p.stage === 'tls' ? 'TLS' : 'HTTP'} の応答がありません`,
  'proxy.timeoutAdvice': (p) =>
    p.stage === 'proxy-connect'
      ? 'プロキシのポート番号と、このサーバーからプロキシへの通信がファイアウォールで許可されているかをご確認ください。'
      : p.stage === 'proxy-tls' || p.stage === 'proxy-auth' || p.stage === 'tunnel'
        ? 'プロキシには届いていますが、応答が止まっています。プロキシ管理者にご確認ください（過負荷、または CONNECT を黙って破棄する設定）。'
        : p.stage === 'connect'
          ? 'ファイアウォールが直接の通信を遮断している可能性があります。プロキシが必要なネットワークでは設定してください（§2.5）。'
          : p.viaProxy
            ? 'プロキシは正常です。その先の接続先が応答していません。時間をおいて再試行し、続く場合はプロキシと接続先の間で通信が遮断されていないかプロキシ管理者にご確認ください。'
            : '接続先が応答していません。時間をおいて再試行し、続く場合はサポートセンターにサービスの状態をお問い合わせください。',
  'proxy.tlsProxyPlain': (p) => `プロキシ ${p.via} は通常の HTTP プロキシで TLS を話しませんが、プロキシの URL が https:// になっています`,
  'proxy.tlsProxyPlainAdvice': (p) => `プロキシには http:// を指定してください（例: HTTPS_PROXY=http://${p.via}）。接続先との通信はトンネル内で暗号化されます。`,
  'proxy.tlsPlain': (p) => `${p.peer} は TLS ではなく平文の HTTP で応答しました。このポートは HTTP です`,
  'proxy.tlsPlainAdvice': (p) => `URL ${p.endpoint} をご確認ください。このポートには http:// を使うか、HTTPS のポートを指定してください。`,
  'proxy.tlsExpired': (p) => (p.notYet ? `${p.peer} の証明書は ${p.validFrom} より前には有効になりません` : `${p.peer} の証明書は ${p.validTo} に期限切れです`),
  'proxy.tlsExpiredAdvice': () => 'まずこのマシンの日付と時刻をご確認ください。正しければ、サーバーの証明書の更新が必要です（運用者にご連絡ください）。証明書の検証は無効にしないでください。',
  'proxy.tlsName': (p) => `${p.peer} が提示した証明書は ${p.names} 用で、${p.host} 用ではありません`,
  'proxy.tlsNameAdvice': (p) =>
    `URL のホスト名をご確認ください。${p.viaProxy ? 'その名前がプロキシやセキュリティ機器のものなら、HTTPS を中継・検査しています。対象外にするか証明書を発行するよう、ネットワーク管理者に依頼してください。' : ''}証明書の検証は無効にしないでください。`,
  'proxy.tlsIssuer': (p) =>
    `${p.peer} の証明書の発行者「${p.issuer}」をこのマシンは信頼していません（${p.code}）${p.viaProxy ? '。HTTPS を検査するプロキシでよくある状況です' : ''}`,
  'proxy.tlsIssuerAdvice': jaTlsIssuerAdviceText({ given: '指定した --ca-file ', giveIt: ' --ca-file で指定してください', giveFile: '--ca-file ファイル で指定してください' }),
  'proxy.tlsOther': (p) => `${p.peer} との TLS に失敗しました（${p.code}）`,
  'proxy.tlsOtherAdvice': () => 'URL と、このサーバーと接続先の間にある機器をネットワーク管理者とご確認ください。証明書の検証は無効にしないでください。',
  'proxy.caNotLoaded': jaCaNotLoadedText({ name: '--ca-file', giveIt: '--ca-file で指定する' }),
  'proxy.badUrl': (p) => `${p.source} のプロキシ URL は使えません: ${p.problem === 'scheme' ? `${p.scheme}:// には対応していません（http:// と https:// のプロキシのみ）` : 'プロキシの URL として正しくありません'}`,
  'proxy.badUrlAdvice': (p) => `${p.source} を http://ホスト:ポート にする（または削除する）か、--proxy を指定してください。`,
  'proxy.other': (p) =>
    p.code === 'NOT_HTTP'
      ? `プロキシ ${p.via} が HTTP で応答しません（HTTP プロキシですか？）`
      : p.stage === 'connect'
        ? `${p.peer} に接続できません: ${p.code === 'ECONNREFUSED' ? '待ち受けていないか、ファイアウォールが拒否しています' : p.code === 'ENETUNREACH' || p.code === 'EHOSTUNREACH' ? '経路がありません' : '接続に失敗しました'}（${p.code}）`
        : `${p.peer} との接続が HTTP の応答前に切れました${p.code ? `（${p.code}）` : ''}`,
  'proxy.otherAdvice': (p) =>
    p.stage === 'connect'
      ? 'インターネットへはプロキシ経由でしか出られない場合は、プロキシを設定してください（§2.5）。そうでなければファイアウォールをご確認ください。'
      : p.viaProxy
        ? 'プロキシのアドレスとポートをネットワーク管理者にご確認ください。'
        : '時間をおいて再試行し、続く場合は URL とファイアウォールをご確認ください。',
  'proxy.source': jaProxySourceText('--proxy'),
  'proxy.bypassed': (p) => `${p.variable} のプロキシは使いません: NO_PROXY がこのホストを指定しています`,
  'stage.tcp': (p) =>
    `${p.toProxy ? 'プロキシ' : '接続'} ${p.peer}: ${p.ok ? `TCP 接続${p.address && !p.peer.startsWith(p.address) ? `（${p.address}）` : ''}` : `失敗（${p.code}）`}、${p.ms} ms`,
  'stage.tls': (p) => `${p.toProxy ? 'プロキシ TLS' : 'TLS'} ${p.peer}: ${p.ok ? '証明書を検証済み' : `失敗（${p.code}）`}、${p.ms} ms`,
  'stage.proxyAuth': (p) =>
    `プロキシ認証: ${p.schemes ? `方式 ${p.schemes}` : '方式の提示なし'}。${
      p.sent ? `${p.sent === 'ntlm' ? 'NTLM' : 'Basic'} ${p.ok ? '成功' : p.status ? `拒否（HTTP ${p.status}）` : `失敗（${p.code}）`}` : '送信なし'
    }、${p.ms} ms`,
  'stage.tunnel': (p) => `CONNECT ${p.peer}: ${p.status ? `HTTP ${p.status}${p.statusText ? ` ${p.statusText}` : ''}${p.proxyError ? `（${p.proxyError}）` : ''}` : `応答なし（${p.code}）`}、${p.ms} ms`,
  'stage.http': (p) => `GET ${p.peer}: ${p.ok ? `HTTP ${p.status}` : `応答なし（${p.code}）`}、${p.ms} ms`,
  'stage.certificate': (p) => `  証明書: ${p.subject}${p.names ? `。名前 ${p.names}` : ''}。発行者 ${p.issuer}。有効期間 ${p.validFrom} – ${p.validTo}。SHA-256 ${p.sha256}`,
  'stage.chain': (p) => `  発行元: ${p.subject}。発行者 ${p.issuer}。有効期間 ${p.validFrom} – ${p.validTo}`,
  'skip.noKotApiToken': () => '未確認: 任意。--kot-api-token-file か KOT_API_TOKEN を指定すると、KING OF TIME から所属と従業員を読みます',
  'kotApi.pass': (p) =>
    `所属 ${p.divisions} 件、従業員 ${p.employees} 人を取得しました` +
    (p.missing ? `。${p.missing} 人が紐づけ CSV にありません（${p.missingList}）` : '') +
    (p.unknown ? `。紐づけ CSV の ${p.unknown} 件のコードが KING OF TIME にありません（${p.unknownList}）` : ''),
  'kotApi.crossAdvice': () => 'PC ログイン連携で [勤怠管理連携] > [連携実行] を行い（§3.2）、紐づけ CSV を出力し直してコードをご確認ください。',
  'kotApi.fail': (p) => {
    const said = p.said ? `: "${p.said}"` : '';
    const codeText = p.code ? `、コード ${p.code}` : '';
    switch (p.reason) {
      case 'auth':
        return p.status ? `Web API がトークンを拒否しました（HTTP ${p.status}${codeText}）${said}` : 'Web API のトークンがありません（ファイルが空です）';
      case 'closed-hours':
        return `この時間帯は Web API を利用できません（コード 104。08:30～10:00 と 17:30～18:30 JST は利用不可）${p.retryAfter ? `。${p.retryAfter} 以降に再試行してください` : ''}`;
      case 'forbidden-ip':
        return `HTTP 403${codeText}: Web API がこのマシンのアドレスを拒否しました（トークンの許可IPアドレスにありません）${said}`;
      case 'forbidden':
        return `/${p.resource} に HTTP 403 が返りましたが、Web API の形式ではないため、誰が拒否したかは不明です${p.bodyLine ? `。応答の先頭: "${p.bodyLine}"` : ''}`;
      case 'rate-limited':
        return `Web API の利用回数の制限にかかりました: 短時間にリクエストが多すぎます（HTTP ${p.status}${codeText}）`;
      case 'server-error':
        return `KING OF TIME のサービス側でエラーが起きています（HTTP ${p.status}${codeText}）${said}`;
      case 'bad-answer':
        return `/${p.resource} の応答を使えません: ${
          p.problem === 'missing-field'
            ? `${p.item} 件目に ${p.field} がありません`
            : p.problem === 'bad-field'
              ? `${p.item} 件目の ${p.field} が Web API の仕様にない形です${p.value ? `（"${p.value}"）` : ''}`
              : p.problem === 'not-object' ? `${p.item} 件目がオブジェクトではありません` : p.problem === 'not-array' ? 'JSON の配列ではありません' : 'JSON ではありません'
        }（HTTP ${p.status}）`;
      default:
        return `/${p.resource} に Web API が HTTP ${p.status} を返しました${codeText}${said}`;
    }
  },
  'kotApi.advice': jaKotApiAdviceText({ badAnswer: '--kot-api-base をご確認ください。Web API（https://api.kingtime.jp/v1.0）を指定します。', other: '--kot-api-base と Web API のトークンをご確認ください。' }),
  'kotApi.network': (p) => `Web API ${p.base}`,

  'problem.not-found': () => 'ファイルがありません',
  'problem.not-a-file': () => 'ファイルではなくフォルダです',
  'problem.not-regular': () => '通常のファイルではありません（パイプ、デバイス、ソケット）。ファイルを指定してください',
  'problem.not-a-directory': () => 'フォルダではなくファイルです',
  'problem.unreadable': (p) => `読み込めません${p.reason ? `（${p.reason}）` : ''}`,
  'problem.empty': () => 'ファイルが空です',
  'problem.binary': () => 'テキストファイルではありません（バイナリ）',
  'problem.csv-syntax': (p) => `CSV として読めません${p.reason ? `（${p.reason}）` : ''}`,
  'problem.csv-quote-not-closed': () => 'CSV の引用符が壊れています: この行で開いた引用符が閉じていません',
  'problem.csv-quote-inside': () => 'CSV の引用符が壊れています: 引用符で始まらない値の途中に引用符（"）があります',
  'problem.csv-quote-after': () => 'CSV の引用符が壊れています: 値を閉じる引用符の直後に文字があります',
  'problem.too-big': (p) =>
    p.variable
      ? `${number(p.size)} バイトあり、${kindName(p.kind)}としては長すぎます（最大 ${number(p.limit)} バイト）。読み込んでいません`
      : `${number(p.size)} バイトあり、${kindName(p.kind)}としては大きすぎます（最大 ${number(p.limit)} バイト）。読み込んでいません`,
  'problem.line-too-long': (p) => `この行は ${megabytes(p.limit)} を超えています。${kindName(p.kind)}の行がこれほど長いことはありません`,
  'problem.duplicate-column': (p) => `見出し行に ${p.field ?? ''} の列が 2 つあります（${p.value ?? ''} 列目）。どちらを読むべきか判断できません`,
  'problem.date-out-of-range': (p) => `${p.field ?? '日時の列'} の "${p.value ?? ''}" は ${p.reason ?? ''} 年の範囲外です。LanScope が書く日時ではなく、壊れた値です`,
  'problem.csv-fields': (p) => `この行の値の数が合いません${p.value ? `（${p.value.replace('/', ' 個、必要 ')} 個）` : ''}`,
  'problem.unknown-header': (p) => `見出し行を認識できません: "${p.found}"。次のいずれかが必要です: ${p.needed}`,
  'problem.bad-datetime': (p) => `${p.field ?? '日時の列'} の "${p.value ?? ''}" は日時ではありません（例: 2024/12/17 09:03:12）`,
  'problem.bad-log-type': (p) => `ログ種類 "${p.value ?? ''}" は 1（開始）でも 2（終了）でもありません`,
  'problem.advice.export': () => 'PC ログイン連携から出力し直し、テキストエディターで編集してください。',
  'problem.advice.log': () =>
    'このファイルは LanScope が勤怠簿出力.sql で書くものです。書かれたまま（Excel で保存し直さずに）使い、LanScope のログでないファイルはフォルダから移してください。',
  'problem.advice.sql': () => 'LanScope から提供された勤怠簿出力.sql（数 KB のテキストファイル）を指定してください。',
  'problem.advice.conf-ini': () => 'LanScope の conf.ini（数行のテキストファイル）を指定するか、--log-dir で CSV のフォルダを直接指定してください。',
  'problem.advice.token': (p) =>
    p.variable
      ? `${p.variable} には 32 文字のアクセストークンだけを設定するか、--token-file を使ってください。`
      : 'ファイルには 32 文字のアクセストークンだけを入れてください（サポートセンターからのメールからコピーし直してください）。',
  'problem.advice.kot-api-token': (p) => `KING OF TIME の管理画面で発行した Web API のトークンだけを${p.variable ? ` ${p.variable} に設定して` : 'ファイルに入れて'}ください。`,

  'usage.unknownOption': (p) => `不明なオプション ${p.option} です。"lanscope-kot doctor --help" をご覧ください。`,
  'usage.missingValue': (p) => `${p.option} には値が必要です。"lanscope-kot doctor --help" をご覧ください。`,
  'usage.noValue': (p) => `${p.option} は値を取りません。"lanscope-kot doctor --help" をご覧ください。`,
  'usage.unexpectedArgument': (p) => `余分な引数 "${p.argument}" があります（オプションは -- で始まります）。"lanscope-kot doctor --help" をご覧ください。`,
  'usage.invalid': () => '引数が正しくありません。"lanscope-kot doctor --help" をご覧ください。',
  'usage.badTimeout': (p) => `--timeout ${p.value}: 秒数を指定してください（例: 10）`,
  'usage.badUrl': (p) => `${p.flag} ${p.value}: http:// または https:// で始まる URL を指定してください`,
  'usage.badDayChange': (p) => `--day-change ${p.value}: HH:MM か 所属コード=HH:MM で指定してください（例: 05:00、5:00、0500、1001=05:00）`,
  'usage.badLang': (p) => `--lang ${p.value}: ja か en を指定してください`,
  'usage.badProxy': (p) =>
    `--proxy: ${
      {
        empty: 'プロキシの URL が空です',
        'not-url': 'プロキシの URL ではありません（http://ホスト:ポート の形で指定してください）',
        scheme: `プロキシの URL のスキーム "${p.scheme}" には対応していません（http:// か https:// を使ってください）`,
        userinfo: 'プロキシの URL のユーザー名かパスワードに "/"、"\\"、"?"、"#"、"@" が含まれています。パーセントエンコードしてください（例: "/" は %2F、"\\" は %5C、"@" は %40）',
        'ipv6-unterminated': 'プロキシの URL の IPv6 アドレスが閉じていません（"[" に対応する "]" がありません）',
        'ipv6-brackets': 'プロキシの URL の IPv6 アドレスに角かっこがありません（http://[アドレス]:ポート と書いてください）',
        'bad-port': 'プロキシの URL のポートが正しくありません（1～65535 の数字）',
        'no-host': 'プロキシの URL にホストがありません',
        'invalid-host': 'プロキシの URL が正しくありません（ホスト名をご確認ください）',
      }[p.problem] ?? 'プロキシの URL が正しくありません'
    }`,
  'usage.caFile': jaCaFileUsageText('--ca-file'),
  'usage.tokenFlag': () => 'トークンはコマンドラインでは受け取りません（シェルの履歴に残るため）。--token-file か LANSCOPE_KOT_TOKEN を使ってください',
  'usage.emptyToken': (p) => `${p.source} が空です`,
  'usage.nothingToCheck': () =>
    '確認する対象がありません: --sql、--log-dir（または --conf-ini）、--mapping、--day-change、--company-code、--token-file（または LANSCOPE_KOT_TOKEN）のいずれか、接続だけなら --proxy / --endpoint を指定してください',
  'usage.normalised': (p) => `注: ${p.flag} の "${p.input}" を ${p.value} として読みました（全角を半角に変換）`,

  'doctor.summary': (p) => `OK ${p.pass} 件、注意 ${p.warn} 件、NG ${p.fail} 件、未確認 ${p.skip} 件`,
  'doctor.verdict.ok': () => 'NG はありません。',
  'doctor.verdict.fail': () => '連携サービスを有効にする前に、NG の項目を直してください。',
  'doctor.progress': (p) => `LanScope の CSV を読み込み中: ${p.files} ファイル、${p.rows} 行`,
  'doctor.fixHint': () => '対処',
};

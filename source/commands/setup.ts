import { helpText } from '../i18n/help.js';
import { detectLang } from '../i18n/locale.js';

export interface SetupIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

/** The interactive wizard is not built yet (issue #3): say so plainly and point to doctor. */
export async function runSetup(_args: readonly string[], io: SetupIo): Promise<number> {
  const lang = detectLang(io.env);
  io.stderr.write(
    lang === 'ja'
      ? 'lanscope-kot: 設定ウィザードはまだありません。今は "lanscope-kot doctor" でチェックを実行できます。\n\n'
      : 'lanscope-kot: the setup wizard is not available yet; run the checks with "lanscope-kot doctor".\n\n',
  );
  io.stdout.write(helpText.general[lang]);
  return 2;
}

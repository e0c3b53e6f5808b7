import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { eastAsianWidthType } from 'get-east-asian-width';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { writeHelp } from '../source/commands/write-help.js';
import { displayWidth } from '../source/core/display-width.js';
import { fitHelp } from '../source/i18n/help-layout.js';
import { helpText } from '../source/i18n/help.js';
import { reconcileHelp, scheduleHelp, watchHelp } from '../source/i18n/reconcile-help.js';
import { wizardEn } from '../source/i18n/wizard-en.js';
import { wizardJa } from '../source/i18n/wizard-ja.js';
import { binary } from './helpers.js';

const lines = (text: string, columns: number): string[] => fitHelp(text, columns).split('\n');

/** Every help text the CLI prints, with the arguments that print it. */
const HELP = [
  ['general', helpText.general, ['--help']],
  ['doctor', helpText.doctor, ['doctor', '--help']],
  ['reconcile', reconcileHelp, ['reconcile', '--help']],
  ['watch', watchHelp, ['watch', '--help']],
  ['schedule', scheduleHelp, ['schedule', '--help']],
  ['setup', { en: wizardEn['cli.help']({}), ja: wizardJa['cli.help']({}) }, ['setup', '--help']],
] as const;
const TEXTS = HELP.flatMap(([name, text]) => (['en', 'ja'] as const).map((lang) => [`${name} ${lang}`, text[lang]] as const));

/** What a reader gets from a text whatever its line breaks: its characters, and its Latin words in order. */
const content = (text: string) => ({ characters: text.replace(/\s+/g, ''), words: text.match(/[\x21-\x7e]+/g) ?? [] });

/** [what it shows, the text, the terminal's columns, the lines expected] */
const EXAMPLES: [string, string, number, string[]][] = [
  ['wraps an option\'s description under itself, at its column', '  --proxy URL    the proxy to go through, as http://host:port, else from HTTPS_PROXY', 50, ['  --proxy URL    the proxy to go through, as', '                 http://host:port, else from', '                 HTTPS_PROXY']],
  ['puts the description under an option too long to leave it room', '  --kot-api-token-file FILE  the KING OF TIME Web API token', 40, ['  --kot-api-token-file FILE', '      the KING OF TIME Web API token']],
  ['puts the description under its option where a URL beside it would be cut', '  --kot-api-base URL   Web API (default https://api.kingtime.jp/v1.0)', 50, ['  --kot-api-base URL', '      Web API (default', '      https://api.kingtime.jp/v1.0)']],
  ['wraps prose at its own indentation', '    Runs every check of the vendor manual and prints one line per check', 40, ['    Runs every check of the vendor', '    manual and prints one line per', '    check']],
  ['wraps Japanese between phrases', '  --sql ファイル   勤怠簿出力.sql（LanScope のログ収集の起点時刻を読みます）', 50, ['  --sql ファイル   勤怠簿出力.sql（LanScope の', '                   ログ収集の起点時刻を読みます）']],
  ['joins Japanese lines without a space', '  --proxy URL   （なければ HTTPS_PROXY、HTTP_PROXY、\n                ALL_PROXY。NO_PROXY を考慮）。Windows アカウントは DOMAIN%5Cuser（NTLM）', 70, ['  --proxy URL   （なければ HTTPS_PROXY、HTTP_PROXY、ALL_PROXY。', '                NO_PROXY を考慮）。Windows アカウントは DOMAIN%5Cuser', '                （NTLM）']],
  ['keeps the space before a Latin word after kana (以外の Windows)', '  --ascii  記号を半角にする。Windows Terminal 以外の\n           Windows では自動', 40, ['  --ascii  記号を半角にする。Windows', '           Terminal 以外の Windows では', '           自動']],
];

describe('help laid out for the terminal (i18n/help-layout.ts)', () => {
  for (const [what, text, columns, expected] of EXAMPLES) it(what, () => assert.deepEqual(lines(text, columns), expected));

  it('wraps the lines under an option with it, wherever the source broke them', () => {
    const oneLine = '  --day-change T   KING OF TIME day-change time: 05:00 for every division, or CODE=05:00 for one division';
    const broken = '  --day-change T   KING OF TIME day-change time: 05:00 for every division,\n                   or CODE=05:00 for one division';
    assert.equal(fitHelp(broken, 60), fitHelp(oneLine, 60));
    assert.deepEqual(lines(broken, 60), [
      '  --day-change T   KING OF TIME day-change time: 05:00 for',
      '                   every division, or CODE=05:00 for one',
      '                   division',
    ]);
    // Where it all fits, the source's own breaks stay.
    assert.equal(fitHelp(broken, 120), broken);
  });

  it('leaves blank lines and what fits as they are', () => {
    const fits = 'Usage: lanscope-kot reconcile --from DATE  [options]\n\n   \n  --to DATE    last work day  \n';
    assert.equal(fitHelp(fits, 80), fits);
  });

  it('fits every help text, in both languages, at any width from 40 columns: nothing lost, and laid out once', () => {
    for (const [name, text] of TEXTS) {
      for (const columns of [40, 44, 50, 55, 60, 72, 80, 100, 120, 200]) {
        const out = fitHelp(text, columns);
        const wide = out.split('\n').filter((line) => displayWidth(line) > columns - 1);
        assert.deepEqual(wide, [], `${name} at ${columns}`);
        assert.equal(content(out).characters, content(text).characters, `${name} at ${columns}: the same characters`);
        // Under 44 columns setup's %APPDATA% path is longer than a line, and is cut in two.
        if (columns >= 44) assert.deepEqual(content(out).words, content(text).words, `${name} at ${columns}: the same words`);
        assert.equal(fitHelp(out, columns), out, `${name} at ${columns}: formatting twice changes nothing`);
      }
    }
  });

  it('leaves every line that fits 119 columns as it is at 120', () => {
    for (const [name, text] of TEXTS) {
      const out = lines(text, 120);
      for (const line of text.split('\n').filter((l) => displayWidth(l) <= 119)) assert.ok(out.includes(line), `${name}: ${line}`);
    }
  });

  it('writes to a terminal at its width, and 80 columns wide to a pipe or a file', async () => {
    const written = (stream: PassThrough) => String(stream.read() ?? '');
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 60 });
    await writeHelp({ stdout: terminal, args: [], env: {} }, helpText.doctor.ja);
    assert.equal(written(terminal), fitHelp(helpText.doctor.ja, 60));
    const pipe = new PassThrough();
    await writeHelp({ stdout: pipe, args: [], env: {} }, helpText.doctor.ja);
    assert.equal(written(pipe), fitHelp(helpText.doctor.ja, 80));
  });

  it('with --ascii, the marks a Japanese console draws two columns wide are replaced, and every line still fits 79 columns counting them as two', () => {
    for (const [name, , args] of HELP) {
      for (const lang of ['en', 'ja'] as const) {
        const r = spawnSync(process.execPath, [binary, ...args, '--ascii', '--lang', lang], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
        assert.equal(r.status, 0, `${name} ${lang}: ${r.stderr}`);
        const ambiguous = [...r.stdout].filter((ch) => eastAsianWidthType(ch.codePointAt(0)!) === 'ambiguous');
        assert.deepEqual(ambiguous, [], `${name} ${lang}`);
        assert.deepEqual(r.stdout.split('\n').filter((line) => displayWidth(line) > 79), [], `${name} ${lang}`);
      }
    }
  });

  it('the real binary, piped: every help within 79 columns, in both languages', () => {
    for (const [name, text, args] of HELP) {
      for (const lang of ['en', 'ja'] as const) {
        const r = spawnSync(process.execPath, [binary, ...args, '--lang', lang], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
        assert.equal(r.status, 0, `${name} ${lang}: ${r.stderr}`);
        assert.deepEqual(r.stdout.split('\n').filter((line) => displayWidth(line) > 79), [], `${name} ${lang}`);
        assert.equal(r.stdout, fitHelp(text[lang], 80), `${name} ${lang}`);
      }
    }
  });
});

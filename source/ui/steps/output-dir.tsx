import { useEffect, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../widgets/keys.js';
import { useEnterAfterRead } from '../widgets/enter-after-read.js';
import { stepStatus } from '../widgets/step-header.js';
import { windowStartMinutes } from '../../core/facts.js';
import { outputDirRequest, readOutputDir } from '../../io/read-inputs.js';
import type { StepProps } from '../app.js';
import { useT } from '../i18n.js';
import { problemText, withYenHint } from '../load.js';
import { cleanPath, defaultOutputDirShown } from '../state.js';
import { Spinner } from '../widgets/spinner.js';
import { Advice, adviceLines, Finding, findingLines } from '../widgets/finding.js';
import { TextField, textFieldLines } from '../widgets/text-field.js';
import { Para, paraLines } from '../widgets/para.js';
import { narrowSafeText } from '../glyphs.js';
import { fitColumns, fitColumnsMiddle } from '../widgets/fit-columns.js';
import { gapBlock, ScrollBlocks, textBlock, type Block } from '../widgets/scroll-blocks.js';

/** The output-dir check's data (see core/checks/output-dir.ts). */
interface OutputDirData {
  path: string;
  source: 'flag' | 'conf-ini';
  confIniLine: number | null;
  exists: boolean;
  local: boolean;
  csvFiles: number;
  rows: number;
  from: string | null;
  to: string | null;
  files: { file: string; shape: string; rows: number }[];
}

/** Step 3 (§2.4): the CSV output folder the link service reads, as the output-dir check sees it. */
export function OutputDirStep({ values, update, loaded, setLoaded, facts, results, next, width, height }: StepProps) {
  const tr = useT();
  const { t, m, lang, g } = tr;
  const [reading, setReading] = useState(false);
  const [progress, setProgress] = useState<{ files: number; rows: number } | undefined>();
  const lastProgress = useRef(0);
  const input = cleanPath(values.outputInput);
  const windowStart = windowStartMinutes(facts);
  const current = loaded.output?.input === input && loaded.output.windowStart === windowStart ? loaded.output : undefined;

  const load = async (): Promise<void> => {
    setReading(true);
    setProgress(undefined);
    try {
      const request = await outputDirRequest(input);
      const csvFile = 'csvFile' in request ? request.csvFile : undefined;
      const { outputDir, logs } = await readOutputDir({
        ...request,
        windowStartMinutes: windowStart,
        onProgress: (p) => {
          const now = Date.now();
          if (now - lastProgress.current < 200) return;
          lastProgress.current = now;
          setProgress({ ...p });
        },
      });
      // Any file that is not a CSV is read as conf.ini; one without OUTPUTDIR (and not named .ini) was not meant as one.
      const conf = outputDir.confIni;
      if (conf && conf.setting.line === undefined && !/\.ini$/i.test(conf.file)) {
        setLoaded((l) => ({ ...l, output: { input, windowStart, error: t('out.notConfIni', { file: conf.file }) } }));
        return;
      }
      setLoaded((l) => ({ ...l, output: { input, windowStart, outputDir, ...(csvFile ? { csvFile } : {}), ...(logs ? { logs } : {}) } }));
    } catch (err) {
      setLoaded((l) => ({ ...l, output: { input, windowStart, error: problemText(err, lang) } }));
    } finally {
      setReading(false);
    }
  };

  useEffect(() => {
    if (input !== '' && !current) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const enter = (): void => {
    if (input !== '' && (!current || current.error)) return void load();
    next();
  };
  // An Enter pressed during the read goes on once it ends, unless the folder fails: that is shown first.
  const afterRead = useEnterAfterRead(reading, Boolean(current?.outputDir) && stepStatus(3, results) !== 'fail', enter);
  useKeys((_input, key) => {
    if (key.ctrl || key.escape || !key.return) return;
    if (reading) return afterRead.keep();
    enter();
  });

  const result = results.find((r) => r.id === 'output-dir')!;
  const data = current?.outputDir ? (result.data as unknown as OutputDirData) : undefined;
  const dir = current?.outputDir;
  const field = { label: t('out.input'), width, error: withYenHint(current?.error, input, t), hint: input === '' ? t('out.hint') : defaultOutputDirShown(input) ? t('out.defaultHint') : undefined };
  const valueWidth = width - 2 - LABEL;
  const fact = (key: string, label: string, text: string, color?: string, dim = false): Block => ({
    key,
    lines: paraLines(text, valueWidth),
    node: (
      <Box marginLeft={2}>
        <Box width={LABEL} flexShrink={0}>
          <Text>{fitColumns(label, LABEL - 1, g.ellipsis)}</Text>
        </Box>
        <Para text={text} width={valueWidth} color={color} dimColor={dim} />
      </Box>
    ),
  });
  const yes = (ok: boolean, word: string): [string, string] => [`${ok ? g.pass : g.fail} ${word}`, ok ? 'green' : 'red'];
  const line = (key: string, text: string, props: { dim?: boolean; color?: string } = {}): Block => textBlock(key, text, width, { ...props, indent: 2 });

  const head: Block[] = [
    { key: 'intro', lines: paraLines(t('out.intro'), width), node: <Para text={t('out.intro')} width={width} dimColor /> },
    gap('g1'),
    { key: 'input', lines: textFieldLines(field, g.fail), node: <TextField {...field} value={values.outputInput} onChange={(outputInput) => update({ outputInput })} focus={!reading} /> },
    ...(reading ? [{ key: 'reading', lines: 1, node: <Spinner label={progress ? t('out.progress', progress) : t('common.reading', { what: input })} width={width} /> }] : []),
  ];
  const facts_: Block[] = [];
  const fileLines: Block[] = [];
  if (dir && data) {
    if (current?.csvFile) facts_.push(line('csv', t('out.csvGiven', { file: current.csvFile }), { dim: true }));
    facts_.push(fact('folder', t('out.folder'), dir.path));
    if (dir.given !== dir.path) facts_.push(line('yen', t('out.yen', { given: dir.given, path: dir.path }), { color: 'yellow' }));
    if (dir.confIni) facts_.push(fact('source', t('out.source'), t('out.fromConf', { line: dir.confIni.setting.line ?? 0, isDefault: dir.confIni.setting.line === undefined }), undefined, true));
    facts_.push(fact('local', t('out.local'), ...yes(data.local, data.local ? t('out.localYes') : t('out.localNo'))));
    facts_.push(
      dir.elsewhere
        ? fact('exists', t('out.exists'), `${g.warn} ${t('out.elsewhere')}`, 'yellow')
        : fact('exists', t('out.exists'), ...yes(data.exists && dir.isDirectory, data.exists ? (dir.isDirectory ? t('out.existsYes') : t('out.notDir')) : t('out.existsNo'))),
    );
    const counted = t('out.csvCount', { files: data.csvFiles, rows: data.rows, from: data.from ?? '', to: data.to ?? '', other: Math.max(0, dir.csvCount - data.csvFiles) });
    facts_.push(fact('csvs', t('out.csvs'), `${data.csvFiles > 0 ? g.pass : g.warn} ${counted}`, data.csvFiles > 0 ? 'green' : 'yellow'));
    for (const f of data.files) {
      fileLines.push({
        key: `file-${f.file}`,
        lines: 1,
        node: (
          <Box marginLeft={2 + LABEL}>
            <Text dimColor>
              {fitColumnsMiddle(`${g.safe ? narrowSafeText(f.file.split(/[\\/]/).pop() ?? '') : f.file.split(/[\\/]/).pop()} ${g.dot} ${t(f.shape === 'summary' ? 'out.shape.summary' : 'out.shape.events')} ${g.dot} ${t('out.rows', { rows: f.rows })}`, width - 2 - LABEL, g.ellipsis)}
            </Text>
          </Box>
        ),
      });
    }
  }
  const verdict: Block[] = dir
    ? [
        gap('g2'),
        { key: 'finding', lines: findingLines(result.status, m(result.detail), width - 2, tr), node: <Box marginLeft={2}><Finding status={result.status} text={m(result.detail)} width={width - 2} /></Box> },
        ...(result.advice ? [{ key: 'advice', lines: adviceLines(m(result.advice), width, 4, g.arrow), node: <Advice text={m(result.advice)} width={width} indent={4} /> }] : []),
      ]
    : [];
  const tail: Block[] = input === '' ? [gap('g3'), line('skip', t('common.skipNote'), { dim: true })] : [];
  // The verdict comes right under the field; the list of files gets what room is left (at least one).
  const used = [...head, ...verdict, ...facts_, ...tail].reduce((n, b) => n + b.lines, 0) + 1;
  const room = Math.max(1, height - used - (fileLines.length > 1 ? 1 : 0));
  const shownFiles = fileLines.length > room ? fileLines.slice(0, room) : fileLines;
  const more: Block[] = fileLines.length > shownFiles.length ? [{ key: 'more', lines: 1, node: <Box marginLeft={2 + LABEL}><Text dimColor>{t('out.moreFiles', { count: fileLines.length - shownFiles.length })}</Text></Box> }] : [];
  const blocks = [...head, ...verdict, ...(facts_.length ? [gap('g4')] : []), ...facts_, ...shownFiles, ...more, ...tail];
  return <ScrollBlocks blocks={blocks} focus={2} height={height} />;
}

const LABEL = 18;
const gap = gapBlock;

import { useEffect, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../widgets/keys.js';
import { windowStartMinutes } from '../../core/facts.js';
import { outputDirRequest, readOutputDir } from '../../io/read-inputs.js';
import type { StepProps } from '../app.js';
import { useT } from '../i18n.js';
import { problemText } from '../load.js';
import { cleanPath } from '../state.js';
import { Spinner } from '../widgets/spinner.js';
import { Advice, Finding } from '../widgets/finding.js';
import { TextField } from '../widgets/text-field.js';

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

const MAX_FILES = 4;

/** Step 3 (§2.4): the CSV output folder the link service reads, as the output-dir check sees it. */
export function OutputDirStep({ values, update, loaded, setLoaded, facts, results, next, width }: StepProps) {
  const { t, m, lang } = useT();
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
      setLoaded((l) => ({ ...l, output: { input, windowStart, outputDir, ...(logs ? { logs } : {}) } }));
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

  useKeys((_input, key) => {
    if (key.ctrl || key.escape || !key.return || reading) return;
    if (input !== '' && (!current || current.error)) return void load();
    next();
  });

  const result = results.find((r) => r.id === 'output-dir')!;
  const data = current?.outputDir ? (result.data as unknown as OutputDirData) : undefined;
  const dir = current?.outputDir;
  const yes = (ok: boolean, word: string) => <Text color={ok ? 'green' : 'red'}>{ok ? '✔' : '✖'} {word}</Text>;
  const label = (text: string) => (
    <Box width={18} flexShrink={0}>
      <Text>{text}</Text>
    </Box>
  );

  return (
    <Box flexDirection="column">
      <Text dimColor>{t('out.intro')}</Text>
      <Box marginTop={1} flexDirection="column">
        <TextField
          label={t('out.input')}
          value={values.outputInput}
          onChange={(outputInput) => update({ outputInput })}
          focus={!reading}
          error={current?.error}
          hint={input === '' ? t('out.hint') : undefined}
        />
      </Box>
      {reading ? (
        <Box marginTop={1}>
          <Spinner label={progress ? t('out.progress', progress) : t('common.reading', { what: input })} />
        </Box>
      ) : null}
      {dir && data ? (
        <Box marginTop={1} flexDirection="column" marginLeft={2} width={width - 2}>
          <Box>
            {label(t('out.folder'))}
            <Text>{dir.path}</Text>
          </Box>
          {dir.confIni ? (
            <Box>
              {label(t('out.source'))}
              <Text dimColor>{t('out.fromConf', { line: dir.confIni.setting.line ?? 0, isDefault: dir.confIni.setting.line === undefined })}</Text>
            </Box>
          ) : null}
          <Box>
            {label(t('out.local'))}
            {yes(data.local, data.local ? t('out.localYes') : t('out.localNo'))}
          </Box>
          <Box>
            {label(t('out.exists'))}
            {dir.elsewhere ? <Text color="yellow">! {t('out.elsewhere')}</Text> : yes(data.exists && dir.isDirectory, data.exists ? (dir.isDirectory ? t('out.existsYes') : t('out.notDir')) : t('out.existsNo'))}
          </Box>
          <Box>
            {label(t('out.csvs'))}
            <Text color={data.csvFiles > 0 ? 'green' : 'yellow'}>
              {data.csvFiles > 0 ? '✔' : '!'} {t('out.csvCount', { files: data.csvFiles, rows: data.rows, from: data.from ?? '', to: data.to ?? '', other: Math.max(0, dir.csvCount - data.csvFiles) })}
            </Text>
          </Box>
          {data.files.slice(0, MAX_FILES).map((f) => (
            <Box key={f.file} marginLeft={18}>
              <Text dimColor wrap="truncate-middle">
                {f.file.split(/[\\/]/).pop()} · {f.shape} · {t('out.rows', { rows: f.rows })}
              </Text>
            </Box>
          ))}
          {data.files.length > MAX_FILES ? (
            <Box marginLeft={18}>
              <Text dimColor>{t('out.moreFiles', { count: data.files.length - MAX_FILES })}</Text>
            </Box>
          ) : null}
          <Box marginTop={1} flexDirection="column">
            <Finding status={result.status} text={m(result.detail)} />
            {result.advice ? <Advice text={m(result.advice)} /> : null}
          </Box>
        </Box>
      ) : null}
      {input === '' ? (
        <Box marginTop={1}>
          <Text dimColor>{t('common.skipNote')}</Text>
        </Box>
      ) : null}
    </Box>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import type { Facts } from '../../core/facts.js';
import { normaliseProxyFields, proxyUrlFromFields } from '../../core/proxy-settings.js';
import type { ReconcileResult } from '../../core/reconcile.js';
import type { Message } from '../../i18n/message.js';
import { formatDay } from '../../core/wall-clock.js';
import { escapeControls } from '../../core/printable.js';
import { findingLine } from '../../commands/reconcile-text.js';
import { todayJst } from '../../commands/reconcile-options.js';
import { tr } from '../../i18n/reconcile.js';
import { useT } from '../i18n.js';
import { useServices } from '../services.js';
import type { WizardValues } from '../state.js';
import { useKeys } from '../widgets/keys.js';
import { Spinner } from '../widgets/spinner.js';
import { Para } from '../widgets/para.js';
import { wrapText } from '../../core/wrap-text.js';
import { narrowSafeText, type Glyphs } from '../glyphs.js';

/**
 * After go-live, from the checklist: the same comparison as `lanscope-kot reconcile` over the work days of
 * the logs read in step 3 (the last 62 up to yesterday), as one scrollable list: each day's summary line,
 * worst first, then its findings. Tab goes back.
 */
export function KotCompare({ facts, values, token, env, height, width }: { facts: Facts; values: WizardValues; token: string; env: Record<string, string | undefined>; height: number; width: number }) {
  const { lang, g, m } = useT();
  const services = useServices();
  const range = useMemo(() => logRange(facts, services.now()), [facts, services]);
  const [state, setState] = useState<{ result: ReconcileResult } | { error: string } | undefined>();
  const [top, setTop] = useState(0);

  useEffect(() => {
    if (!range) return;
    let live = true;
    void (async () => {
      try {
        const compare = await services.loadCompare();
        const proxy = values.proxy.use ? proxyUrlFromFields(values.proxy) : undefined;
        const caFile = normaliseProxyFields(values.proxy).caFile || undefined;
        // The way out is step 4's (no proxy variable of this shell); the trust is step 4's CA file and NODE_EXTRA_CA_CERTS, as its test had.
        const trustEnv = { NODE_EXTRA_CA_CERTS: env.NODE_EXTRA_CA_CERTS };
        const request = { token, ...(proxy ? { proxy } : {}), ...(caFile ? { caFile } : {}), kotApiBase: services.kotApiBase, timeoutSeconds: 10, from: range.from, to: range.to, now: services.now() };
        const { result } = await compare(facts, request, trustEnv);
        if (live) setState({ result });
      } catch (err) {
        // A ReconcileFailure (commands/reconcile.ts, loaded on demand): in the wizard's words where it has its own.
        const { text } = err as { text?: (l: typeof lang, say: (message: Message) => string) => string };
        const message = typeof text === 'function' ? text(lang, m) : err instanceof Error ? err.message : String(err);
        if (live) setState({ error: [token, values.proxy.password].filter(Boolean).reduce((s, secret) => s.split(secret).join('***'), message) });
      }
    })();
    return () => {
      live = false;
    };
  }, [facts, range, services, token, values.proxy, env.NODE_EXTRA_CA_CERTS, lang, m]);

  // Long findings wrap under themselves (issue #10: a cut line hides the part that matters); the list scrolls by line.
  const lines = useMemo(
    () =>
      (state && 'result' in state ? listLines(state.result, lang, g) : []).flatMap(({ text, level }) => {
        const indent = text.match(/^ */)![0].length + 2;
        // Names come from KING OF TIME and the logs: escaped, as every output is.
        const shown = escapeControls(text.trimStart());
        return wrapText(g.safe ? narrowSafeText(shown) : shown, width - indent).map((part, i) => ({ text: ' '.repeat(i ? indent : indent - 2) + part, level }));
      }),
    [state, lang, g, width],
  );
  const visible = Math.max(3, height - 4);
  useKeys((_input, key) => {
    const last = Math.max(0, lines.length - visible);
    if (key.downArrow) setTop((t) => Math.min(last, t + 1));
    else if (key.upArrow) setTop((t) => Math.max(0, t - 1));
    else if (key.pageDown) setTop((t) => Math.min(last, t + visible));
    else if (key.pageUp) setTop((t) => Math.max(0, t - visible));
  });

  return (
    <Box flexDirection="column">
      {!range ? <Para text={tr(lang, 'ui.noDays')} width={width} /> : null}
      {range && !state ? <Spinner label={tr(lang, 'ui.running', { from: formatDay(range.from), to: formatDay(range.to) })} width={width} /> : null}
      {state && 'error' in state ? <Para text={`${g.fail} ${state.error}`} width={width} color="red" /> : null}
      {lines.slice(top, top + visible).map((line, i) => (
        <Text key={top + i} color={LEVEL_COLOR[line.level]}>
          {line.text}
        </Text>
      ))}
      <Box marginTop={1}>
        <Para text={tr(lang, 'ui.keys')} width={width} dimColor />
      </Box>
    </Box>
  );
}

/** The work days the logs cover, within the 62 days up to yesterday (JST). */
function logRange(facts: Facts, now: Date): { from: number; to: number } | undefined {
  const to = todayJst(now) - 1;
  let first = Infinity;
  let last = -Infinity;
  for (const logs of facts.logs?.users.values() ?? []) {
    logs.forEachWindow((day) => {
      if (day < first) first = day;
      if (day > last) last = day;
    });
  }
  const end = Math.min(last, to);
  const start = Math.max(first, end - 61);
  return Number.isFinite(start) && start <= end ? { from: start, to: end } : undefined;
}

type Level = 'fail' | 'warn' | 'pass' | 'info';
const LEVEL_COLOR: Record<Level, string | undefined> = { fail: 'red', warn: 'yellow', pass: 'green', info: undefined };

function listLines(result: ReconcileResult, lang: 'ja' | 'en', g: Glyphs): { text: string; level: Level }[] {
  const lines: { text: string; level: Level }[] = [
    { text: tr(lang, 'rc.summary', { days: result.summary.days, expected: result.summary.expected, matched: result.summary.matched, differing: result.summary.differing, notSent: result.summary.daysNotSent, findings: result.summary.findings }), level: 'info' },
  ];
  for (const day of result.days) {
    const date = `${day.date.slice(5, 7)}/${day.date.slice(8, 10)}`;
    lines.push(
      day.notSent
        ? { text: `${g.fail} ${tr(lang, 'rc.dayNotSent', { date, expected: day.expected, punches: day.punches })}`, level: 'fail' }
        : { text: `${day.differing ? g.warn : g.pass} ${tr(lang, 'rc.day', { date, matched: day.matched, expected: day.expected, differing: day.differing })}`, level: day.differing ? 'warn' : 'pass' },
    );
    for (const f of result.findings) if (f.workDate === day.date && f.kind !== 'day-not-sent') lines.push({ text: `  ${findingLine(f, lang)}`, level: 'info' });
  }
  return lines;
}

import { useState } from 'react';
import { Box } from 'ink';
import { useKeys } from '../widgets/keys.js';
import { describeConnection } from '../../core/checks/proxy.js';
import type { ConnectionFact } from '../../core/facts.js';
import { normaliseProxyFields, proxyFieldProblems, proxyUrlFromFields } from '../../core/proxy-settings.js';
import type { StepProps } from '../app.js';
import { useT, type Translator } from '../i18n.js';
import { useServices } from '../services.js';
import { proxyKey, type ProxyValues } from '../state.js';
import { useFocusList } from '../widgets/focus.js';
import { Spinner } from '../widgets/spinner.js';
import { TextField, textFieldLines } from '../widgets/text-field.js';
import { Button, Toggle, toggleLines } from '../widgets/toggle.js';
import { gapBlock, ScrollBlocks, textBlock, type Block } from '../widgets/scroll-blocks.js';

type Field = 'use' | 'host' | 'port' | 'auth' | 'user' | 'password' | 'caFile' | 'test';
type Problems = Partial<Record<Field, string>>;

function proxyProblems(p: ProxyValues, t: Translator['t']): Problems {
  const problems: Problems = {};
  for (const field of proxyFieldProblems(p)) problems[field] = t(`proxy.err.${field}`);
  return problems;
}

type TestState = { state: 'running' } | { state: 'done'; fact: ConnectionFact } | { state: 'unavailable' } | { state: 'error'; message: string };

/** Step 4 (§2.5): the proxy HTLanScopeServiceConfig will use, and a test of the way out through it. */
export function ProxyStep({ values, update, setLoaded, next, env, width, height }: StepProps) {
  const { t, g, m } = useT();
  const services = useServices();
  const p = values.proxy;
  const fields: Field[] = p.use ? ['use', 'host', 'port', 'auth', ...(p.auth ? (['user', 'password'] as const) : []), 'caFile', 'test'] : ['use', 'caFile', 'test'];
  const focus = useFocusList(fields);
  const [shownProblems, setShownProblems] = useState<Problems>({});
  const [test, setTest] = useState<TestState | undefined>();
  const set = (patch: Partial<ProxyValues>) => {
    setShownProblems({});
    // A result belongs to the settings it was tested with.
    if (test?.state !== 'running') setTest(undefined);
    update((v) => ({ proxy: { ...v.proxy, ...patch } }));
  };

  const validate = (): ProxyValues | undefined => {
    const normal = normaliseProxyFields(p);
    if (JSON.stringify(normal) !== JSON.stringify(p)) update({ proxy: normal });
    const problems = proxyProblems(normal, t);
    setShownProblems(problems);
    const first = fields.find((f) => problems[f]);
    if (first) {
      focus.set(first);
      return undefined;
    }
    return normal;
  };

  const runTest = async (): Promise<void> => {
    const proxy = validate();
    if (!proxy) return;
    setTest({ state: 'running' });
    try {
      const probe = await services.loadProbe();
      if (!probe) return setTest({ state: 'unavailable' });
      const timeoutMs = 10_000;
      const url = proxyUrlFromFields(proxy);
      // NODE_EXTRA_CA_CERTS as the wizard was given it: step 7's comparison trusts the same.
      const { trust, ...result } = await probe({ endpoint: services.endpoint, ...(url ? { proxy: url } : {}), timeoutMs, secrets: [proxy.password].filter(Boolean), ...(proxy.caFile ? { caFile: proxy.caFile } : {}) }, env);
      const fact: ConnectionFact = { endpoint: services.endpoint, proxySource: url ? 'wizard' : 'none', timeoutMs, trust, result };
      setTest({ state: 'done', fact });
      // The proxy check of step 7 reads it, as doctor's reads its own test.
      setLoaded((l) => ({ ...l, connection: { key: proxyKey(proxy), fact } }));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // Never the password, whatever a library put in its message.
      setTest({ state: 'error', message: proxy.password ? message.split(proxy.password).join('***') : message });
    }
  };

  useKeys((input, key) => {
    if (key.ctrl || key.escape) return;
    if (test?.state === 'running') return;
    if (key.return) {
      if (focus.current === 'test') return void runTest();
      if (validate()) next();
      return;
    }
    if (focus.move(key)) return;
    if (input === ' ' && focus.current === 'use') set({ use: !p.use });
    if (input === ' ' && focus.current === 'auth') set({ auth: !p.auth });
  });

  // One block per field, in the order of `fields`: a new field (an NTLM domain, a CA file) is a line in
  // `fields` and a block here.
  const field = (f: Field, label: string, value: string, props: { mask?: string; hint?: string } = {}): Block & { field: Field } => {
    const common = { label, width: width - 2, error: shownProblems[f], hint: props.hint };
    return {
      key: f,
      field: f,
      lines: textFieldLines(common, g.fail),
      node: (
        <Box marginLeft={2}>
          <TextField {...common} value={value} {...(props.mask ? { mask: props.mask } : {})} onChange={(v) => set({ [f]: v })} focus={focus.current === f} />
        </Box>
      ),
    };
  };
  const toggle = (f: Field, label: string, checked: boolean, indent = 0): Block & { field: Field } => ({
    key: f,
    field: f,
    lines: toggleLines(label, width - indent),
    node: (
      <Box marginLeft={indent}>
        <Toggle label={label} checked={checked} focus={focus.current === f} width={width - indent} />
      </Box>
    ),
  });
  const line = (key: string, text: string, props: { dim?: boolean; color?: string; indent?: number } = {}): Block => textBlock(key, text, width, props);
  const result: Block[] =
    test?.state === 'running'
      ? [{ key: 'running', lines: 1, node: <Spinner label={t('proxy.testing', { endpoint: services.endpoint })} width={width} /> }]
      : test?.state === 'unavailable'
        ? [line('result', `${g.warn} ${t('proxy.unavailable')}`, { color: 'yellow' })]
        : test?.state === 'error'
          ? [line('result', `${g.fail} ${test.message}`, { color: 'red' })]
          : test?.state === 'done'
            ? testResult(test.fact)
            : [];
  /** What doctor's proxy check says of the same test: the finding; for a failure each stage tried; what to do. */
  function testResult(fact: ConnectionFact): Block[] {
    const outcome = describeConnection(fact);
    const status = outcome.status === 'pass' || outcome.status === 'warn' ? outcome.status : 'fail';
    return [
      line('result', `${g[status]} ${m(outcome.detail)}`, { color: status === 'pass' ? 'green' : status === 'warn' ? 'yellow' : 'red' }),
      ...(status === 'pass' ? [] : outcome.lines).map((stage, i) => line(`stage-${i}`, m(stage), { dim: true, indent: 2 })),
      ...(outcome.advice ? [line('advice', `${g.arrow} ${m(outcome.advice)}`)] : []),
    ];
  }

  const blocks: (Block & { field?: Field })[] = [
    line('intro', t('proxy.intro'), { dim: true }),
    gap('g1'),
    toggle('use', t('proxy.use'), p.use),
    ...(p.use
      ? [
          field('host', t('proxy.host'), p.host, { hint: t('proxy.hostHint') }),
          field('port', t('proxy.port'), p.port),
          toggle('auth', t('proxy.auth'), p.auth, 2),
          ...(p.auth
            ? [field('user', t('proxy.user'), p.user, { hint: t('proxy.userHint') }), field('password', t('proxy.password'), p.password, { mask: '*', hint: t('proxy.passwordHint') })]
            : []),
        ]
      : [line('direct', t('proxy.direct'), { dim: true, indent: 6 })]),
    field('caFile', t('proxy.caFile'), p.caFile ?? '', { hint: t('proxy.caFileHint') }),
    gap('g2'),
    { key: 'test', field: 'test', lines: 1, node: <Button label={t('proxy.test', { endpoint: services.endpoint })} focus={focus.current === 'test'} /> },
    ...result,
    gap('g3'),
    line('keys', t('proxy.keys'), { dim: true }),
  ];
  // On the test button the window follows its result down to the advice (a failure's stages take several
  // lines: at 80×24 the window would otherwise stop at the button, with the result below the fold).
  const shown = focus.current === 'test' && result.length > 0 ? blocks.indexOf(result.at(-1)!) : blocks.findIndex((b) => b.field === focus.current);
  return <ScrollBlocks blocks={blocks} focus={shown} height={height} />;
}

const gap = gapBlock;

import { useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../widgets/keys.js';
import { normaliseProxyFields, proxyFieldProblems, proxyUrlFromFields } from '../../core/proxy-settings.js';
import type { StepProps } from '../app.js';
import { useT, type Translator } from '../i18n.js';
import { useServices, type ProbeResult } from '../services.js';
import { proxyKey, type ProxyValues } from '../state.js';
import { useFocusList } from '../widgets/focus.js';
import { Spinner } from '../widgets/spinner.js';
import { TextField } from '../widgets/text-field.js';
import { Button, Toggle } from '../widgets/toggle.js';

type Field = 'use' | 'host' | 'port' | 'auth' | 'user' | 'password' | 'test';
type Problems = Partial<Record<Field, string>>;

function proxyProblems(p: ProxyValues, t: Translator['t']): Problems {
  const problems: Problems = {};
  for (const field of proxyFieldProblems(p)) problems[field] = t(`proxy.err.${field}`);
  return problems;
}

function resultText(r: ProbeResult, t: Translator['t']): string {
  switch (r.reason) {
    case 'ok':
      return t('proxy.result.ok', { via: r.via, status: r.status ?? 0, ms: Math.round(r.elapsedMs) });
    case 'proxy-auth':
      return r.proxyAuth === 'missing' ? t('proxy.result.authMissing') : t('proxy.result.authWrong');
    case 'proxy-unreachable':
      return t('proxy.result.proxyUnreachable', { via: r.via });
    case 'dns':
      return t('proxy.result.dns', { host: r.host ?? '' });
    case 'timeout':
      return t('proxy.result.timeout', { via: r.via });
    case 'tls':
      return t('proxy.result.tls');
    case 'http-status':
      return t('proxy.result.httpStatus', { status: r.status ?? 0 });
    default:
      return t('proxy.result.other');
  }
}

type TestState = { state: 'running' } | { state: 'done'; result: ProbeResult } | { state: 'unavailable' } | { state: 'error'; message: string };

/** Step 4 (§2.5): the proxy HTLanScopeServiceConfig will use, and a test of the way out through it. */
export function ProxyStep({ values, update, setLoaded, next }: StepProps) {
  const { t } = useT();
  const services = useServices();
  const p = values.proxy;
  const fields: Field[] = p.use ? ['use', 'host', 'port', 'auth', ...(p.auth ? (['user', 'password'] as const) : []), 'test'] : ['use', 'test'];
  const focus = useFocusList(fields);
  const [shownProblems, setShownProblems] = useState<Problems>({});
  const [test, setTest] = useState<TestState | undefined>();
  const set = (patch: Partial<ProxyValues>) => {
    setShownProblems({});
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
      const result = await probe({ endpoint: services.endpoint, ...(url ? { proxy: url } : {}), timeoutMs, secrets: [proxy.password].filter(Boolean) });
      setTest({ state: 'done', result });
      // The proxy check of step 7 reads it, as doctor's reads its own test.
      setLoaded((l) => ({ ...l, connection: { key: proxyKey(proxy), fact: { endpoint: services.endpoint, proxySource: url ? 'wizard' : 'none', timeoutMs, result } } }));
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

  return (
    <Box flexDirection="column">
      <Text dimColor>{t('proxy.intro')}</Text>
      <Box marginTop={1} flexDirection="column">
        <Toggle label={t('proxy.use')} checked={p.use} focus={focus.current === 'use'} />
        {p.use ? (
          <Box flexDirection="column" marginTop={1}>
            <TextField label={t('proxy.host')} value={p.host} onChange={(host) => set({ host })} focus={focus.current === 'host'} error={shownProblems.host} hint={t('proxy.hostHint')} />
            <TextField label={t('proxy.port')} value={p.port} onChange={(port) => set({ port })} focus={focus.current === 'port'} error={shownProblems.port} />
            <Toggle label={t('proxy.auth')} checked={p.auth} focus={focus.current === 'auth'} />
            {p.auth ? (
              <Box flexDirection="column">
                <TextField label={t('proxy.user')} value={p.user} onChange={(user) => set({ user })} focus={focus.current === 'user'} error={shownProblems.user} />
                <TextField
                  label={t('proxy.password')}
                  value={p.password}
                  mask="*"
                  onChange={(password) => set({ password })}
                  focus={focus.current === 'password'}
                  error={shownProblems.password}
                  hint={t('proxy.passwordHint')}
                />
              </Box>
            ) : null}
          </Box>
        ) : (
          <Box marginLeft={6}>
            <Text dimColor>{t('proxy.direct')}</Text>
          </Box>
        )}
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Button label={t('proxy.test', { endpoint: services.endpoint })} focus={focus.current === 'test'} />
        {test?.state === 'running' ? <Spinner label={t('proxy.testing', { endpoint: services.endpoint })} /> : null}
        {test?.state === 'unavailable' ? <Text color="yellow">! {t('proxy.unavailable')}</Text> : null}
        {test?.state === 'error' ? <Text color="red">✖ {test.message}</Text> : null}
        {test?.state === 'done' ? (
          <Box flexDirection="column">
            <Text color={test.result.reason === 'ok' ? 'green' : 'red'}>
              {test.result.reason === 'ok' ? '✔' : '✖'} {resultText(test.result, t)}
            </Text>
            <Text dimColor>  {test.result.detail}</Text>
          </Box>
        ) : null}
      </Box>
      <Box marginTop={1}>
        <Text dimColor>{t('proxy.keys')}</Text>
      </Box>
    </Box>
  );
}

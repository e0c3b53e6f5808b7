import { useState } from 'react';
import { useKeys } from '../widgets/keys.js';
import { COMPANY_CODE_LENGTHS, identifierFault, TOKEN_LENGTHS, type IdentifierFault } from '../../core/checks/preparation.js';
import { maskSecret, MAX_TOKEN_BYTES } from '../../core/secret.js';
import type { StepProps } from '../app.js';
import { useT, type Translator } from '../i18n.js';
import { TextField, textFieldLines } from '../widgets/text-field.js';
import { Toggle, toggleLines } from '../widgets/toggle.js';
import { Para, paraLines } from '../widgets/para.js';
import { gapBlock, ScrollBlocks, type Block } from '../widgets/scroll-blocks.js';
import { useFocusList } from '../widgets/focus.js';

type Field = 'code' | 'env' | 'token' | 'remember';


/** Full-width characters and spaces are what pasting brings; both have one obvious repair. */
const repairable = (f: IdentifierFault | undefined): boolean => f === 'full-width' || f === 'spaces';
const repair = (value: string): string => value.normalize('NFKC').replace(/\s+/g, '');
/** What a repair changes, named exactly: only spaces, only full-width, or both. */
const repairKind = (value: string): 'fullWidth' | 'spaces' | 'both' => {
  const wide = value.normalize('NFKC').replace(/\s+/g, '') !== value.replace(/\s+/g, '');
  const spaces = /\s/.test(value);
  return wide && spaces ? 'both' : wide ? 'fullWidth' : 'spaces';
};

function faultText(t: Translator['t'], fault: IdentifierFault, value: string, which: 'code' | 'token'): string {
  switch (fault) {
    case 'full-width':
    case 'spaces':
      return t('prep.fault.repairable', { kind: repairKind(value), length: [...repair(value)].length });
    case 'characters':
      return t('prep.fault.characters');
    case 'length':
      return which === 'code' ? t('prep.fault.codeLength', { length: [...value].length }) : t('prep.fault.tokenLength', { length: [...value].length });
  }
}

const gap = gapBlock;

/** Step 1 (§2.1): 企業コード and アクセストークン, checked as they are typed. */
export function PreparationStep({ values, update, next, env, settingsPath, settingsProblem, refusedEnv, demo, width, height }: StepProps) {
  const envTokenRefused = refusedEnv?.LANSCOPE_KOT_TOKEN;
  const tr = useT();
  const { t, g } = tr;
  const envToken = env.LANSCOPE_KOT_TOKEN || undefined;
  const fields: Field[] = ['code', ...(envToken ? (['env'] as const) : []), ...(values.useEnvToken && envToken ? [] : (['token', 'remember'] as const))];
  const focus = useFocusList(fields);
  // Which field was submitted with a wrong length: shown as an error until it is edited again.
  const [attempted, setAttempted] = useState<{ code: boolean; token: boolean }>({ code: false, token: false });
  const [note, setNote] = useState<{ field: Field; text: string } | undefined>();
  // A paste longer than any token source (a whole file, 12 KB) was cut at MAX_TOKEN_BYTES: said until the value is edited.
  const [tokenCut, setTokenCut] = useState(false);

  const codeFault = values.companyCode === '' ? undefined : identifierFault(values.companyCode, COMPANY_CODE_LENGTHS);
  const tokenInUse = !(values.useEnvToken && envToken);
  const tokenFault = !tokenInUse || values.token === '' ? undefined : identifierFault(values.token, TOKEN_LENGTHS);

  const submit = (): void => {
    for (const [field, value, fault, key] of [
      ['code', values.companyCode, codeFault, 'companyCode'],
      ['token', values.token, tokenFault, 'token'],
    ] as const) {
      if (repairable(fault)) {
        update({ [key]: repair(value) });
        setNote({ field, text: t('prep.repaired', { kind: repairKind(value) }) });
        focus.set(field);
        return;
      }
    }
    if (codeFault) {
      setAttempted((a) => ({ ...a, code: true }));
      focus.set('code');
      return;
    }
    if (tokenFault) {
      setAttempted((a) => ({ ...a, token: true }));
      focus.set('token');
      return;
    }
    next();
  };

  useKeys((input, key) => {
    if (key.ctrl || key.escape) return;
    if (key.return) return submit();
    if (focus.move(key)) return;
    if (input === ' ' && focus.current === 'env') update((v) => ({ useEnvToken: !v.useEnvToken }));
    if (input === ' ' && focus.current === 'remember') update((v) => ({ rememberToken: !v.rememberToken }));
  });

  // Spaces and full-width are shown as typed; a wrong length (too short or too long alike) only as the
  // counter until Enter, then as an error until the value is edited.
  const shown = (fault: IdentifierFault | undefined, tried: boolean): boolean => fault !== undefined && (fault !== 'length' || tried);
  const codeLength = [...values.companyCode].length;
  const tokenLength = [...values.token].length;

  const codeField = {
    label: t('prep.code'),
    width,
    counter: values.companyCode === '' ? undefined : { text: t('prep.codeCounter', { length: codeLength, ok: codeFault === undefined }), ok: codeFault === undefined },
    error: shown(codeFault, attempted.code) ? faultText(t, codeFault!, values.companyCode, 'code') : undefined,
    note: note?.field === 'code' ? note.text : undefined,
    hint: t('prep.codeHint'),
  };
  const tokenField = {
    label: t('prep.token'),
    width,
    counter: values.token === '' ? undefined : { text: `${tokenLength}/32${tokenFault ? '' : ` ${g.pass}`}`, ok: tokenFault === undefined },
    error: tokenCut ? t('prep.fault.tokenCut', { limit: MAX_TOKEN_BYTES }) : shown(tokenFault, attempted.token) ? faultText(t, tokenFault!, values.token, 'token') : undefined,
    note: note?.field === 'token' ? note.text : undefined,
    hint: t('prep.tokenHint'),
  };
  const envLabel = envToken ? t('prep.useEnv', { masked: maskSecret(envToken) }) : '';
  // The line said at start is gone under the first full-screen frame: why nothing is saved is said here too.
  const rememberHint = settingsPath
    ? t('prep.rememberWhere', { path: settingsPath })
    : settingsProblem
      ? t(settingsProblem.kind === 'read-only' ? 'prep.rememberReadOnly' : 'prep.rememberUnreadable', { path: settingsProblem.path, reason: settingsProblem.reason })
      : demo
        ? t('prep.rememberDemo')
        : t('prep.rememberNowhere');

  const blocks: (Block & { field?: Field })[] = [
    { key: 'intro', lines: paraLines(t('prep.intro'), width), node: <Para text={t('prep.intro')} width={width} dimColor /> },
    gap('g1'),
    {
      key: 'code',
      field: 'code',
      lines: textFieldLines(codeField, g.fail),
      node: (
        <TextField
          {...codeField}
          value={values.companyCode}
          onChange={(companyCode) => {
            setNote(undefined);
            setAttempted((a) => ({ ...a, code: false }));
            update({ companyCode });
          }}
          focus={focus.current === 'code'}
        />
      ),
    },
    // Said on stderr at start too, but the first full-screen frame scrolls that line away.
    ...(envTokenRefused
      ? [gap('g2r'), { key: 'envRefused', lines: paraLines(`${g.warn} ${envTokenRefused}`, width), node: <Para text={`${g.warn} ${envTokenRefused}`} width={width} color="yellow" /> }]
      : []),
    ...(envToken
      ? [
          gap('g2'),
          { key: 'env', field: 'env' as const, lines: toggleLines(envLabel, width), node: <Toggle label={envLabel} checked={values.useEnvToken} focus={focus.current === 'env'} width={width} /> },
        ]
      : []),
    ...(tokenInUse
      ? [
          gap('g3'),
          {
            key: 'token',
            field: 'token' as const,
            lines: textFieldLines(tokenField, g.fail),
            node: (
              <TextField
                {...tokenField}
                value={values.token}
                mask="*"
                maxLength={MAX_TOKEN_BYTES}
                onCut={() => setTokenCut(true)}
                onChange={(token) => {
                  setNote(undefined);
                  setTokenCut(false);
                  setAttempted((a) => ({ ...a, token: false }));
                  update({ token });
                }}
                focus={focus.current === 'token'}
              />
            ),
          },
          gap('g4'),
          {
            key: 'remember',
            field: 'remember' as const,
            lines: toggleLines(t('prep.remember'), width, rememberHint),
            node: <Toggle label={t('prep.remember')} checked={values.rememberToken} focus={focus.current === 'remember'} hint={rememberHint} width={width} />,
          },
        ]
      : []),
    gap('g5'),
    { key: 'keys', lines: paraLines(t('prep.keys'), width), node: <Para text={t('prep.keys')} width={width} dimColor /> },
  ];
  return <ScrollBlocks blocks={blocks} focus={blocks.findIndex((b) => b.field === focus.current)} height={height} />;
}

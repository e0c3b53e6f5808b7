import { useState } from 'react';
import { Box, Text } from 'ink';
import { useKeys } from '../widgets/keys.js';
import { COMPANY_CODE_LENGTHS, identifierFault, TOKEN_LENGTHS, type IdentifierFault } from '../../core/checks/preparation.js';
import { maskSecret } from '../../core/secret.js';
import type { StepProps } from '../app.js';
import { useT, type Translator } from '../i18n.js';
import { TextField } from '../widgets/text-field.js';
import { Toggle } from '../widgets/toggle.js';
import { useFocusList } from '../widgets/focus.js';

type Field = 'code' | 'env' | 'token' | 'remember';


/** Full-width characters and spaces are what pasting brings; both have one obvious repair. */
const repairable = (f: IdentifierFault | undefined): boolean => f === 'full-width' || f === 'spaces';
const repair = (value: string): string => value.normalize('NFKC').replace(/\s+/g, '');

function faultText(t: Translator['t'], fault: IdentifierFault, value: string, which: 'code' | 'token'): string {
  switch (fault) {
    case 'full-width':
      return t('prep.fault.fullWidth', { fixed: repair(value) });
    case 'spaces':
      return t('prep.fault.spaces');
    case 'characters':
      return t('prep.fault.characters');
    case 'length':
      return which === 'code' ? t('prep.fault.codeLength', { length: [...value].length }) : t('prep.fault.tokenLength', { length: [...value].length });
  }
}

/** Step 1 (§2.1): 企業コード and アクセストークン, checked as they are typed. */
export function PreparationStep({ values, update, next, env, settingsPath, demo }: StepProps) {
  const { t } = useT();
  const envToken = env.LANSCOPE_KOT_TOKEN || undefined;
  const fields: Field[] = ['code', ...(envToken ? (['env'] as const) : []), ...(values.useEnvToken && envToken ? [] : (['token', 'remember'] as const))];
  const focus = useFocusList(fields);
  const [attempted, setAttempted] = useState(false);
  const [note, setNote] = useState<{ field: Field; text: string } | undefined>();

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
        setNote({ field, text: t('prep.repaired') });
        focus.set(field);
        return;
      }
    }
    if (codeFault) {
      setAttempted(true);
      focus.set('code');
      return;
    }
    if (tokenFault) {
      setAttempted(true);
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

  // Spaces and full-width are shown as typed; a wrong length only as a counter until Enter.
  const shown = (fault: IdentifierFault | undefined): boolean => fault !== undefined && (fault !== 'length' || attempted);
  const codeLength = [...values.companyCode].length;
  const tokenLength = [...values.token].length;

  return (
    <Box flexDirection="column">
      <Text dimColor>{t('prep.intro')}</Text>
      <Box marginTop={1} flexDirection="column">
        <TextField
          label={t('prep.code')}
          value={values.companyCode}
          onChange={(companyCode) => {
            setNote(undefined);
            update({ companyCode });
          }}
          focus={focus.current === 'code'}
          counter={values.companyCode === '' ? undefined : { text: t('prep.codeCounter', { length: codeLength, ok: codeFault === undefined }), ok: codeFault === undefined }}
          error={shown(codeFault) ? faultText(t, codeFault!, values.companyCode, 'code') : undefined}
          note={note?.field === 'code' ? note.text : undefined}
          hint={t('prep.codeHint')}
        />
      </Box>
      {envToken ? (
        <Box marginTop={1}>
          <Toggle label={t('prep.useEnv', { masked: maskSecret(envToken) })} checked={values.useEnvToken} focus={focus.current === 'env'} />
        </Box>
      ) : null}
      {tokenInUse ? (
        <Box marginTop={1} flexDirection="column">
          <TextField
            label={t('prep.token')}
            value={values.token}
            mask="*"
            onChange={(token) => {
              setNote(undefined);
              update({ token });
            }}
            focus={focus.current === 'token'}
            counter={values.token === '' ? undefined : { text: `${tokenLength}/32${tokenFault ? '' : ' ✔'}`, ok: tokenFault === undefined }}
            error={shown(tokenFault) ? faultText(t, tokenFault!, values.token, 'token') : undefined}
            note={note?.field === 'token' ? note.text : undefined}
            hint={t('prep.tokenHint')}
          />
          <Box marginTop={1}>
            <Toggle
              label={t('prep.remember')}
              checked={values.rememberToken}
              focus={focus.current === 'remember'}
              hint={settingsPath ? t('prep.rememberWhere', { path: settingsPath }) : demo ? t('prep.rememberDemo') : t('prep.rememberNowhere')}
            />
          </Box>
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Text dimColor>{t('prep.keys')}</Text>
      </Box>
    </Box>
  );
}

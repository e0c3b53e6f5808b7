import { msg } from '../../i18n/message.js';
import { maskSecret } from '../secret.js';
import { skip, type Check } from './check.js';

/** What is wrong with a typed identifier, in the order an admin can fix it. */
export type IdentifierFault = 'full-width' | 'spaces' | 'characters' | 'length';

/** 企業コード: the first 3 or 6 characters of the admin login ID; アクセストークン: 32 characters (§2.1). */
export const COMPANY_CODE_LENGTHS: readonly number[] = [3, 6];
export const TOKEN_LENGTHS: readonly number[] = [32];

export function identifierFault(value: string, lengths: readonly number[]): IdentifierFault | undefined {
  if (value.normalize('NFKC') !== value) return 'full-width';
  if (/\s/.test(value)) return 'spaces';
  if (!/^[A-Za-z0-9]*$/.test(value)) return 'characters';
  if (!lengths.includes(value.length)) return 'length';
  return undefined;
}

export const companyCode: Check = {
  id: 'company-code',
  manual: '§2.1',
  run({ facts }) {
    const code = facts.companyCode;
    if (code === undefined) return skip(msg('skip.notGiven', { flag: '--company-code' }));
    const fault = identifierFault(code, COMPANY_CODE_LENGTHS);
    const data = { length: code.length, fault: fault ?? null };
    if (fault === undefined) return { status: 'pass', detail: msg('companyCode.pass', { code }), data };
    const fixed = code.normalize('NFKC').trim();
    return {
      status: 'fail',
      detail: msg('companyCode.fail', { fault, length: code.length, fixed }),
      advice: msg('companyCode.advice', {}),
      data,
    };
  },
};

export const accessToken: Check = {
  id: 'access-token',
  manual: '§2.1',
  run({ facts }) {
    const token = facts.token;
    if (token === undefined) return skip(msg('skip.noToken', {}));
    const masked = maskSecret(token.value);
    const fault = identifierFault(token.value, TOKEN_LENGTHS);
    const data = { masked, length: token.value.length, source: token.source, fault: fault ?? null };
    if (fault === undefined) return { status: 'pass', detail: msg('token.pass', { masked }), data };
    return {
      status: 'fail',
      detail: msg('token.fail', { fault, masked, length: token.value.length }),
      advice: msg('token.advice', { source: token.source }),
      data,
    };
  },
};

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckResult } from '../../source/core/checks/index.js';
import { goLiveMarkdown, goLiveVerdict, serviceConfigValues, type MarkdownText } from '../../source/core/go-live.js';
import { msg } from '../../source/i18n/message.js';

const result = (id: CheckResult['id'], status: CheckResult['status']): CheckResult => ({ id, status, manual: '§0', detail: msg('skip.noLogs', {}) });
const TOKEN = 'AbCdEfGh0123456789IjKlMnOpQrStUv';

describe('go-live (core/go-live.ts)', () => {
  it('is ready only when nothing fails and the essentials were checked', () => {
    const essentials = ['company-code', 'access-token', 'sql-start-time', 'day-change', 'output-dir', 'unmapped-users'] as const;
    const all = essentials.map((id) => result(id, 'pass'));
    assert.equal(goLiveVerdict([...all, result('proxy', 'skip'), result('shared-pc-users', 'warn')]).ready, true);
    assert.equal(goLiveVerdict([...all, result('duplicate-mappings', 'fail')]).ready, false);
    const missing = goLiveVerdict([...all.slice(1), result('company-code', 'skip')]);
    assert.equal(missing.ready, false);
    assert.deepEqual(missing.unchecked.map((r) => r.id), ['company-code']);
  });

  it('gives HTLanScopeServiceConfig values with the token masked and no proxy password', () => {
    const values = serviceConfigValues({ companyCode: 'ABC123', token: TOKEN, folder: 'C:\\TEMP', proxy: { host: 'proxy', port: '8080', user: 'svc' } });
    assert.deepEqual(values, { companyCode: 'ABC123', tokenMasked: 'AbCd…StUv (32 chars)', folder: 'C:\\TEMP', proxy: { host: 'proxy', port: '8080', user: 'svc' } });
  });

  it('writes Markdown with the checks and values, and redacts a secret that slipped into a message', () => {
    const text: MarkdownText = {
      title: 'T',
      generated: 'G',
      verdict: 'V',
      todoHeading: 'Do',
      todo: ['first'],
      checksHeading: 'Checks',
      columns: { status: 's', check: 'c', found: 'f', manual: 'm' },
      status: { pass: 'pass', warn: 'warn', fail: 'fail', skip: 'skip' },
      configHeading: 'Config',
      configIntro: 'intro',
      config: { companyCode: 'code', token: 'token', folder: 'folder', proxy: 'proxy', proxyUser: 'user', none: 'none', notGiven: '-' },
      usersHeading: 'Users',
      users: ['u'],
      footer: 'F',
    };
    const md = goLiveMarkdown(
      { checks: [{ id: 'access-token', status: 'fail', title: 'Token | x', detail: `token ${TOKEN} has spaces`, advice: 'copy it', manual: '§2.1', data: {} }] },
      serviceConfigValues({ companyCode: 'ABC123', token: TOKEN }),
      text,
      [TOKEN],
    );
    assert.ok(!md.includes(TOKEN));
    assert.match(md, /\| fail \| Token \\\| x \(`access-token`\) \| token \*\*\* has spaces<br>→ copy it \| §2\.1 \|/);
    assert.match(md, /- token: `AbCd…StUv \(32 chars\)`/);
    assert.match(md, /- proxy: none/);
    assert.match(md, /1\. first/);
  });
});

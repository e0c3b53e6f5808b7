import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { configDirFrom, openSettings, sanitise } from '../../source/io/settings.js';
import { settingsFromValues, valuesFromSettings } from '../../source/ui/state.js';
import { blankValues } from './helpers.js';

const TOKEN = 'AbCdEfGh0123456789IjKlMnOpQrStUv';

describe('settings (io/settings.ts)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-conf-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('saves owner-only, without the token unless asked, never the proxy password', () => {
    const store = openSettings(dir);
    assert.equal(store.path, join(dir, 'config.json'));
    const values = blankValues({ companyCode: 'ABC123', token: TOKEN, proxy: { use: true, host: 'p', port: '8080', auth: true, user: 'svc', password: 'Pr0xy-S3cret!' } });
    store.save(settingsFromValues(values));
    const text = readFileSync(store.path, 'utf8');
    assert.equal(statSync(store.path).mode & 0o777, 0o600);
    assert.ok(!text.includes(TOKEN));
    assert.ok(!text.includes('Pr0xy-S3cret!'));
    assert.equal(store.load().companyCode, 'ABC123');
    store.save(settingsFromValues({ ...values, rememberToken: true }));
    assert.equal(openSettings(dir).load().token, TOKEN);
    store.save(settingsFromValues({ ...values, rememberToken: false }));
    assert.ok(!readFileSync(store.path, 'utf8').includes(TOKEN), 'unticking forgets it');
  });

  it('pre-fills the next run, and offers LANSCOPE_KOT_TOKEN when no token was kept', () => {
    const store = openSettings(dir);
    store.save(settingsFromValues(blankValues({ companyCode: 'ABC123', sqlPath: 'a.sql', divisions: ['05:00'] })));
    const next = valuesFromSettings(openSettings(dir).load(), { LANSCOPE_KOT_TOKEN: TOKEN });
    assert.equal(next.companyCode, 'ABC123');
    assert.deepEqual(next.divisions, ['05:00']);
    assert.equal(next.useEnvToken, true);
    assert.equal(next.token, '');
    assert.equal(next.proxy.password, '');
  });

  it('keeps only well-typed values from a hand-edited file', () => {
    assert.deepEqual(sanitise({ companyCode: 5, sqlPath: 'x', token: TOKEN, divisions: ['05:00', 3], proxy: { use: 'yes', host: 'h' } }), {
      sqlPath: 'x',
      divisions: ['05:00'],
      proxy: { use: false, host: 'h', port: '', auth: false, user: '' },
    });
  });

  it('takes --config-dir over LANSCOPE_KOT_CONFIG_DIR', () => {
    assert.equal(configDirFrom('/a', { LANSCOPE_KOT_CONFIG_DIR: '/b' }), '/a');
    assert.equal(configDirFrom(undefined, { LANSCOPE_KOT_CONFIG_DIR: '/b' }), '/b');
    assert.equal(configDirFrom(undefined, {}), undefined);
  });

  it('throws on a corrupt file instead of silently clearing it', () => {
    writeFileSync(join(dir, 'config.json'), '{ not json');
    assert.throws(() => openSettings(dir).load());
  });
});

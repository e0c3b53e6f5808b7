import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { configDirFrom, openSettings, sanitise, settingsFile, SettingsError } from '../../source/io/settings.js';
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

  it('keeps step 4\'s CA certificate file (a path, not a secret) and pre-fills it; the proxy password still never', () => {
    const store = openSettings(dir);
    const caFile = 'C:\\certs\\Example Corp SSL Inspection CA.cer';
    store.save(settingsFromValues(blankValues({ proxy: { use: true, host: 'p', port: '8080', auth: true, user: 'svc', password: 'Pr0xy-S3cret!', caFile } })));
    const text = readFileSync(store.path, 'utf8');
    assert.ok(!text.includes('Pr0xy-S3cret!'));
    const next = valuesFromSettings(openSettings(dir).load(), {});
    assert.equal(next.proxy.caFile, caFile);
    assert.equal(next.proxy.password, '');
    // Without a proxy too: the CA file is asked for whether or not a proxy is used.
    store.save(settingsFromValues(blankValues({ proxy: { use: false, host: '', port: '', auth: false, user: '', password: '', caFile: '/etc/ca.pem' } })));
    assert.equal(valuesFromSettings(openSettings(dir).load(), {}).proxy.caFile, '/etc/ca.pem');
    // An emptied field is saved as nothing.
    store.save(settingsFromValues(blankValues({ proxy: { use: false, host: '', port: '', auth: false, user: '', password: '', caFile: '' } })));
    assert.equal(JSON.parse(readFileSync(store.path, 'utf8')).proxy.caFile, undefined);
    assert.deepEqual(sanitise({ proxy: { caFile: 5 } }).proxy, { use: false, host: '', port: '', auth: false, user: '' });
  });

  it('keeps only well-typed values from a hand-edited file', () => {
    assert.deepEqual(sanitise({ companyCode: 5, sqlPath: 'x', token: TOKEN, divisions: ['05:00', 3], proxy: { use: 'yes', host: 'h' } }), {
      sqlPath: 'x',
      divisions: ['05:00'],
      proxy: { use: false, host: 'h', port: '', auth: false, user: '' },
    });
  });

  it('drops a remembered token longer than any token source may be (256 bytes)', () => {
    assert.deepEqual(sanitise({ rememberToken: true, token: 'x'.repeat(257) }), { rememberToken: true });
    assert.deepEqual(sanitise({ rememberToken: true, token: 'x'.repeat(256) }), { rememberToken: true, token: 'x'.repeat(256) });
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

describe('settings file hardening (issue 9)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-conf-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a corrupted file is named, with a short reason and never its content', () => {
    writeFileSync(join(dir, 'config.json'), `{ "token": "${TOKEN}", oops`);
    assert.throws(() => openSettings(dir), (err: unknown) => {
      assert.ok(err instanceof SettingsError);
      assert.equal(err.path, join(dir, 'config.json'));
      assert.equal(err.reason, 'not valid JSON');
      assert.ok(!err.message.includes(TOKEN));
      return true;
    });
  });

  it('accepts the UTF-8 BOM Notepad writes', () => {
    writeFileSync(join(dir, 'config.json'), '\uFEFF{ "companyCode": "ABC123" }');
    assert.equal(openSettings(dir).load().companyCode, 'ABC123');
  });

  it('refuses a config.json that is not a regular file, without reading it', { skip: process.platform === 'win32' ? 'no mkfifo' : false }, () => {
    execFileSync('mkfifo', [join(dir, 'config.json')]);
    assert.throws(() => openSettings(dir), /not a regular file/);
  });

  it('the default file is where conf would put it (env-paths: XDG, %APPDATA%, Library/Preferences)', () => {
    assert.equal(settingsFile(undefined, { XDG_CONFIG_HOME: '/x' }, 'linux'), '/x/lanscope-kot/config.json');
    assert.equal(settingsFile(undefined, {}, 'linux'), join(homedir(), '.config', 'lanscope-kot', 'config.json'));
    assert.equal(settingsFile(undefined, {}, 'darwin'), join(homedir(), 'Library', 'Preferences', 'lanscope-kot', 'config.json'));
    assert.equal(settingsFile(undefined, { APPDATA: '/appdata' }, 'win32'), join('/appdata', 'lanscope-kot', 'Config', 'config.json'));
    assert.equal(settingsFile('rel'), join(process.cwd(), 'rel', 'config.json'));
  });

  it('a folder it cannot write to is known at open, and a save there fails with the file named', () => {
    // Root writes anywhere: the probe runs as an unprivileged user when the tests run as root.
    const settings = fileURLToPath(new URL('../../source/io/settings.js', import.meta.url));
    const script = `import(${JSON.stringify(pathToFileURL(settings).href)}).then((m) => {
      const s = m.openSettings(process.argv[1]);
      let saved = 'saved';
      try { s.save({ companyCode: 'X' }); } catch (e) { saved = e.name + ' ' + e.path + ' ' + e.reason; }
      process.stdout.write(JSON.stringify({ path: s.path, unwritable: s.unwritable, saved }));
    })`;
    const readOnly = join(dir, 'read-only');
    mkdirSync(readOnly);
    chmodSync(dir, 0o755);
    for (const [folder, mode] of [
      [readOnly, 0o555],
      [join(readOnly, 'missing'), 0o555],
    ] as const) {
      chmodSync(readOnly, mode);
      const asRoot = process.getuid?.() === 0;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, folder], { encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
      assert.equal(run.status, 0, run.stderr);
      const out = JSON.parse(run.stdout) as { path: string; unwritable: string; saved: string };
      assert.equal(out.unwritable, 'EACCES', folder);
      assert.equal(out.saved, `SettingsError ${join(folder, 'config.json')} EACCES`, folder);
    }
    chmodSync(readOnly, 0o755);
  });
});

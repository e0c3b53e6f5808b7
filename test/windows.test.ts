import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as tls from 'node:tls';
import { parseDoctorOptions, somethingToCheck } from '../source/commands/doctor-options.js';
import { outputDir } from '../source/core/checks/output-dir.js';
import { diagnose } from '../source/core/checks/index.js';
import { translate } from '../source/i18n/translate.js';
import { defaultCertificates, loadTrust } from '../source/io/certificates.js';
import { INTERRUPT_SIGNALS, onInterrupt } from '../source/io/interrupt.js';
import { nativePath, readOutputDir } from '../source/io/read-inputs.js';
import { defaultOutputDirShown, valuesFromSettings } from '../source/ui/state.js';
import { binary, hasTmux, repoRoot, tmuxPane } from './helpers.js';

/** What differs on Windows, tested on any OS: paths, the default folder, Ctrl-C as a signal. */

describe('Windows paths', () => {
  it('are shown as Windows writes them on Windows, untouched elsewhere', () => {
    assert.equal(nativePath('examples/demo/勤怠簿出力.sql', 'win32'), 'examples\\demo\\勤怠簿出力.sql');
    assert.equal(nativePath('C:/TEMP', 'win32'), 'C:\\TEMP');
    assert.equal(nativePath('/work/logs', 'win32'), '\\work\\logs');
    assert.equal(nativePath('examples/demo/x.sql', 'linux'), 'examples/demo/x.sql');
  });

  it('the log folder typed with / on Windows is read and shown with \\ and not taken for a ¥ path', async () => {
    const { outputDir: dir } = await readOutputDir({ logDir: 'C:/TEMP/lanscope-kot-no-such-folder', windowStartMinutes: 300, platform: 'win32' });
    assert.equal(dir.path, 'C:\\TEMP\\lanscope-kot-no-such-folder');
    const result = outputDir.run(diagnose({ outputDir: dir, offline: true, dayChanges: [] } as never));
    assert.equal(result.status, 'fail');
    assert.equal(translate(result.detail, 'en'), 'C:\\TEMP\\lanscope-kot-no-such-folder does not exist');
  });
});

describe("C:\\TEMP, LanScope's default OUTPUTDIR, when nothing else is given on Windows", () => {
  it('is the folder doctor reads, and it says so (pass and missing)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanscope-kot-default-'));
    try {
      const read = await readOutputDir({ logDir: join(repoRoot, 'examples/demo/logs'), isDefault: true, windowStartMinutes: 300 });
      assert.equal(read.outputDir.source, 'default');
      const pass = outputDir.run(diagnose({ outputDir: read.outputDir, logs: read.logs, offline: true, dayChanges: [] } as never));
      assert.equal(pass.status, 'pass');
      assert.match(translate(pass.advice!, 'en'), /LanScope's default OUTPUTDIR, read because neither --log-dir nor --conf-ini was given/);
      assert.match(translate(pass.advice!, 'ja'), /OUTPUTDIR の初期値/);
      const missing = await readOutputDir({ logDir: join(dir, 'TEMP'), isDefault: true, windowStartMinutes: 300 });
      const fail = outputDir.run(diagnose({ outputDir: missing.outputDir, offline: true, dayChanges: [] } as never));
      assert.equal(fail.status, 'fail');
      assert.match(translate(fail.advice!, 'en'), /C:\\TEMP is LanScope's default OUTPUTDIR.*--log-dir.*--conf-ini/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is something to check: doctor with no input at all reads it on Windows, refuses as before elsewhere', () => {
    const bare = parseDoctorOptions([]);
    assert.equal(somethingToCheck(bare, {}, 'win32'), true);
    assert.equal(somethingToCheck(bare, {}, 'linux'), false);
  });

  it('fills the wizard’s folder field on Windows only, and the field then says what it is', () => {
    assert.equal(valuesFromSettings({}, {}, 'win32').outputInput, 'C:\\TEMP');
    assert.equal(valuesFromSettings({}, {}, 'linux').outputInput, '');
    assert.equal(valuesFromSettings({ outputInput: 'D:\\LanScope\\out' }, {}, 'win32').outputInput, 'D:\\LanScope\\out');
    assert.equal(defaultOutputDirShown('C:\\TEMP', 'win32'), true);
    assert.equal(defaultOutputDirShown('c:\\temp', 'win32'), true);
    assert.equal(defaultOutputDirShown('C:\\TEMP', 'linux'), false);
    assert.equal(defaultOutputDirShown('D:\\out', 'win32'), false);
  });
});

describe('Ctrl-C as a signal (a Windows console event, or kill -INT)', () => {
  it('stops once, before any other listener, on the first of SIGINT, SIGBREAK (Ctrl-Break) and SIGHUP (console closed), until released', () => {
    const source = new EventEmitter();
    const order: string[] = [];
    // conf's when-exit listens already and re-raises the signal (on Windows: the process ends, exit 1).
    source.on('SIGINT', () => order.push('when-exit'));
    const release = onInterrupt(() => order.push('stop'), source);
    assert.deepEqual(INTERRUPT_SIGNALS, ['SIGINT', 'SIGBREAK', 'SIGHUP']);
    source.emit('SIGINT');
    source.emit('SIGBREAK');
    assert.deepEqual(order, ['stop', 'when-exit'], 'first, and once');
    release();
    for (const signal of ['SIGBREAK', 'SIGHUP']) assert.equal(source.listenerCount(signal), 0);
    assert.equal(source.listenerCount('SIGINT'), 1);
  });

  it('ends doctor with exit 130 and "stopped", also while it waits on the network', async () => {
    // A loopback server that accepts the connection check and never answers: doctor is then surely running.
    const waiting: Socket[] = [];
    let connected: () => void = () => {};
    const server = createServer((socket) => {
      waiting.push(socket);
      connected();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const [lang, stopped] of [['en', 'stopped (Ctrl-C). Nothing was written.'], ['ja', '中断しました（Ctrl-C）']] as const) {
        const reached = new Promise<void>((resolve) => (connected = resolve));
        const child = spawn(process.execPath, [binary, 'doctor', '--endpoint', `http://127.0.0.1:${port}/`, '--timeout', '60', '--lang', lang], {
          env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        await reached;
        child.kill('SIGINT');
        const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
        assert.equal(code, 130);
        assert.ok(stderr.includes(stopped), stderr);
      }
    } finally {
      for (const socket of waiting) socket.destroy();
      server.close();
    }
  });

  it('ends the wizard with exit 130 and "stopped", the terminal given back (tmux)', { skip: hasTmux ? false : 'tmux is not installed (Debian package tmux)' }, async () => {
    const temp = mkdtempSync(join(tmpdir(), 'lanscope-kot-sigint-'));
    const pane = tmuxPane('sigint', `env -u CI TMPDIR=${JSON.stringify(temp)} LANG=en_US.UTF-8 ${JSON.stringify(process.execPath)} ${JSON.stringify(binary)} setup --demo; code=$?; stty -a | grep -o ' icanon'; (exit $code)`);
    try {
      await pane.waitFor(/1\/7 /);
      const shell = pane.tmux('display', '-p', '#{pane_pid}').trim();
      const child = execFileSync('ps', ['-o', 'pid=', '--ppid', shell], { encoding: 'utf8' }).trim();
      process.kill(Number(child), 'SIGINT');
      assert.match(await pane.waitFor(/EXIT=\d+/), /stopped \(Ctrl-C\)[\s\S]*EXIT=130/);
      assert.match(await pane.waitFor(/ icanon/), / icanon/, 'the terminal is back in line mode');
    } finally {
      pane.close();
      rmSync(temp, { recursive: true, force: true });
    }
  });
});

describe('the certificates trusted beside --ca-file', () => {
  it("keep Node's default list, which in the exe (--use-system-ca) holds the Windows store", async () => {
    const { ca } = await loadTrust(join(repoRoot, 'test/fixtures/tls/ca.pem'), {});
    const defaults = defaultCertificates();
    const { getCACertificates } = tls as { getCACertificates?: (type: 'default') => string[] };
    assert.deepEqual(defaults, getCACertificates ? getCACertificates('default') : tls.rootCertificates);
    assert.deepEqual(ca!.slice(0, defaults.length), [...defaults]);
    assert.equal(ca!.length, defaults.length + 1);
  });
});

import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embedded } from '../embedded.js';
import { emptyProxy, type WizardValues } from './state.js';

/**
 * `--demo`: the bundled sample (examples/demo, made by examples/generate.mjs) copied to a fresh temporary
 * folder, so the upload file and the report the newcomer writes land there, never in the package. The
 * copy's conf.ini names the copy's own CSV folder in OUTPUTDIR (the bundled one says C:\TEMP, as shipped).
 */
export interface DemoInfo {
  dir: string;
  sqlPath: string;
  confIni: string;
  logsDir: string;
  mappingPath: string;
  reportPath: string;
}

export const DEMO_COMPANY_CODE = 'ABC123';
/** Not a real token: 32 letters and digits so every check passes. */
export const DEMO_TOKEN = 'Dm7kQ2xR9pL4vN8sT1wY6zB3cF5hJ0aE';
/** Division 1001 still has KING OF TIME's default 00:00: the demo shows what a mismatch does. */
export const DEMO_DIVISIONS = ['1001=00:00', '1002=05:00'];

export function demoSource(): string {
  return fileURLToPath(new URL('../../../examples/demo/', import.meta.url));
}

/**
 * The demo's temporary folder and its paths, nothing in it yet: all the first frame needs. The files
 * follow in fillDemoFolder, once the first frame is on the screen (copying them and loading the CP932
 * encoder for conf.ini cost ~35 ms before it).
 */
export function demoFolder(parent: string = tmpdir()): DemoInfo {
  const dir = mkdtempSync(join(parent, 'lanscope-kot-demo-'));
  const logsDir = join(dir, 'logs');
  return {
    dir,
    sqlPath: join(dir, '勤怠簿出力.sql'),
    confIni: join(dir, 'conf.ini'),
    logsDir,
    mappingPath: join(dir, 'mapping-export.csv'),
    reportPath: join(dir, 'lanscope-kot-report.md'),
  };
}

/** The sample files written into the demo's folder; `encode` is io/encoding.ts's (passed in: see demoFolder). */
export function writeDemoFiles(demo: DemoInfo, encode: (text: string, encoding: 'cp932') => Buffer): void {
  if (embedded) {
    // The exe has no examples/ folder beside it: the same files travel inside it.
    for (const file of embedded.demoFiles) {
      const target = join(demo.dir, ...file.path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, Buffer.from(file.base64, 'base64'));
    }
  } else {
    cpSync(demoSource(), demo.dir, { recursive: true });
  }
  // A plain write: the folder was created just now, for this run only, and nothing reads it yet.
  writeFileSync(demo.confIni, encode(`; LanScope 出力設定（デモ）\r\n[Output]\r\nOUTPUTDIR=${demo.logsDir}\r\n`, 'cp932'));
}

/** writeDemoFiles with the encoder loaded on demand. */
export async function fillDemoFolder(demo: DemoInfo): Promise<void> {
  const { encode } = await import('../io/encoding.js');
  writeDemoFiles(demo, encode);
}

export function demoValues(demo: DemoInfo): WizardValues {
  return {
    companyCode: DEMO_COMPANY_CODE,
    token: DEMO_TOKEN,
    useEnvToken: false,
    rememberToken: false,
    sqlPath: demo.sqlPath,
    divisions: [...DEMO_DIVISIONS],
    outputInput: demo.confIni,
    proxy: emptyProxy(),
    mappingPath: demo.mappingPath,
    acceptedFixes: {},
    reportPath: demo.reportPath,
  };
}

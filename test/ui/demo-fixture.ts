import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { cleanup } from 'ink-testing-library';
import { DEFAULT_SQL_START_MINUTES } from '../../source/core/facts.js';
import { readMappingFile, readOutputDir, readSql } from '../../source/io/read-inputs.js';
import { demoFolder, demoValues, writeDemoFiles, type DemoInfo } from '../../source/ui/demo.js';
import { encode } from '../../source/io/encoding.js';
import type { Loaded, WizardValues } from '../../source/ui/state.js';

/** A fresh copy of the bundled demo in a temporary folder (upload files and reports land there). */
export function demoCopy(): { demo: DemoInfo; values: WizardValues; cleanup: () => void } {
  const parent = mkdtempSync(join(tmpdir(), 'lanscope-kot-ui-'));
  const demo = demoFolder(parent);
  writeDemoFiles(demo, encode);
  return { demo, values: demoValues(demo), cleanup: () => rmSync(parent, { recursive: true, force: true }) };
}

/** What steps 2, 3 and 5 would have read for these values, so a later step can be tested alone. */
export async function loadedFor(values: WizardValues): Promise<Loaded> {
  const loaded: Loaded = {};
  if (values.sqlPath) loaded.sql = { path: values.sqlPath, fact: await readSql(values.sqlPath) };
  const windowStart = loaded.sql?.fact?.result.minutes ?? DEFAULT_SQL_START_MINUTES;
  if (values.outputInput) {
    const request = /\.ini$/i.test(values.outputInput) ? { confIni: values.outputInput } : { logDir: values.outputInput };
    const { outputDir, logs } = await readOutputDir({ ...request, windowStartMinutes: windowStart });
    loaded.output = { input: values.outputInput, windowStart, outputDir, ...(logs ? { logs } : {}) };
  }
  if (values.mappingPath) loaded.mapping = { path: values.mappingPath, fact: await readMappingFile(values.mappingPath) };
  return loaded;
}

/**
 * For a describe block: a demo copy and what steps 2, 3 and 5 read from it, made before its tests and
 * removed after them (ink-testing-library's renders unmounted too).
 */
export function demoForSuite(): { demo: () => ReturnType<typeof demoCopy>; loaded: () => Loaded } {
  let demo: ReturnType<typeof demoCopy> | undefined;
  let loaded: Loaded | undefined;
  before(async () => {
    demo = demoCopy();
    loaded = await loadedFor(demo.values);
  });
  after(() => {
    cleanup();
    demo?.cleanup();
  });
  return { demo: () => demo!, loaded: () => loaded! };
}

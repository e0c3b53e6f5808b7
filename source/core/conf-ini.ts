/** LanScope's `conf.ini` names the CSV output folder in `OUTPUTDIR`; absent means LanScope's default. */
export const DEFAULT_OUTPUT_DIR = 'C:\\TEMP';

export interface OutputDirSetting {
  value: string;
  /** 1-based line of the key; undefined when the default applies. */
  line: number | undefined;
  section: string | undefined;
}

export function findOutputDir(iniText: string): OutputDirSetting {
  let section: string | undefined;
  const lines = iniText.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';') || line.startsWith('#')) continue;
    const header = /^\[(.*)\]$/.exec(line);
    if (header) {
      section = header[1]!.trim();
      continue;
    }
    const pair = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
    if (pair && pair[1]!.normalize('NFKC').toUpperCase() === 'OUTPUTDIR') {
      const value = pair[2]!.replace(/^"(.*)"$/, '$1').trim();
      if (value !== '') return { value, line: index + 1, section };
    }
  }
  return { value: DEFAULT_OUTPUT_DIR, line: undefined, section: undefined };
}

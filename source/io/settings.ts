import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Conf from 'conf';
import { MAX_TOKEN_BYTES } from '../core/secret.js';

/**
 * What the wizard remembers between runs, with `conf` (atomic writes). The file is created owner-only
 * (0600). The access token is kept only when the admin asked for it (`rememberToken`); the proxy password
 * never is (the CA certificate file of step 4 is a path, not a secret: it is kept). Where the file lives:
 * `--config-dir DIR` or LANSCOPE_KOT_CONFIG_DIR → DIR/config.json, else the platform's config folder
 * (~/.config/lanscope-kot/config.json, %APPDATA%\lanscope-kot\Config\config.json,
 * ~/Library/Preferences/lanscope-kot/config.json).
 */
export interface SavedProxy {
  use: boolean;
  host: string;
  port: string;
  auth: boolean;
  user: string;
  /** The CA certificate file (an inspecting proxy's) the connection test and the comparison trust. */
  caFile?: string;
}

export interface SavedSettings {
  companyCode?: string;
  rememberToken?: boolean;
  /** Present only when rememberToken is true. */
  token?: string;
  sqlPath?: string;
  divisions?: string[];
  outputInput?: string;
  proxy?: SavedProxy;
  mappingPath?: string;
  reportPath?: string;
}

export interface SettingsStore {
  /** The settings file, to show the admin where it is. */
  path: string;
  /** Why nothing can be saved there (EACCES, EROFS, …), known before the first save; undefined when it can. */
  unwritable: string | undefined;
  load(): SavedSettings;
  /** Replaces what was saved; drops the token unless rememberToken. Throws SettingsError when it cannot. */
  save(settings: SavedSettings): void;
}

/** The settings file cannot be read or written: names the file and a short reason, never its content. */
export class SettingsError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'SettingsError';
  }
}

/** A settings file is a few hundred bytes: anything much larger is not ours, and is not read. */
const MAX_SETTINGS_BYTES = 1024 * 1024;

/** Where the settings file is: DIR/config.json, else the platform's config folder (as `conf` would choose it). */
export function settingsFile(configDir: string | undefined, env: Record<string, string | undefined> = process.env, platform: NodeJS.Platform = process.platform): string {
  if (configDir) return resolve(configDir, 'config.json');
  const home = homedir();
  const folder =
    platform === 'win32'
      ? join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'lanscope-kot', 'Config')
      : platform === 'darwin'
        ? join(home, 'Library', 'Preferences', 'lanscope-kot')
        : join(env.XDG_CONFIG_HOME || join(home, '.config'), 'lanscope-kot');
  return join(folder, 'config.json');
}

export function openSettings(configDir: string | undefined): SettingsStore {
  const path = settingsFile(configDir);
  const exists = checkSettingsFile(path);
  const unwritable = whyUnwritable(path);
  // conf creates the folder as soon as it opens; where it cannot, there is nothing to load and nowhere to save.
  if (!exists && unwritable) {
    return {
      path,
      unwritable,
      load: () => ({}),
      save: () => {
        throw new SettingsError(path, unwritable);
      },
    };
  }
  let conf: Conf<Record<string, unknown>>;
  try {
    conf = new Conf<Record<string, unknown>>({
      projectName: 'lanscope-kot',
      cwd: dirname(path),
      configFileMode: 0o600,
      // Notepad saves UTF-8 with a BOM; JSON.parse refuses it.
      deserialize: (text) => JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>,
    });
  } catch (err) {
    throw settingsError(path, err);
  }
  return {
    path,
    unwritable,
    load: () => {
      try {
        return sanitise(conf.store);
      } catch (err) {
        throw settingsError(path, err);
      }
    },
    save: (settings) => {
      try {
        conf.store = toStore(settings);
      } catch (err) {
        throw settingsError(path, err);
      }
    },
  };
}

/**
 * Only a regular file of a sensible size is read (conf would block on a FIFO and read any size whole).
 * Whether it exists: a missing file is a first run.
 */
function checkSettingsFile(path: string): boolean {
  let info;
  try {
    info = statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw settingsError(path, err);
  }
  if (!info.isFile()) throw new SettingsError(path, 'not a regular file');
  if (info.size > MAX_SETTINGS_BYTES) throw new SettingsError(path, `${info.size} bytes, not a settings file`);
  return true;
}

/** The reason, never the message: a JSON error quotes the file, and the file may hold the token. */
function settingsError(path: string, err: unknown): SettingsError {
  if (err instanceof SettingsError) return err;
  if (err instanceof SyntaxError) return new SettingsError(path, 'not valid JSON');
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return new SettingsError(path, code ?? (err instanceof Error ? err.name : 'error'));
}

/**
 * Whether a save can work, asked once at start so the admin hears it before typing anything: the file
 * (when it exists) and its folder must be writable (conf writes a temporary file beside it, then renames),
 * else the nearest folder that exists, where the missing ones would be created.
 */
function whyUnwritable(path: string): string | undefined {
  const check = (target: string): void => accessSync(target, constants.W_OK);
  try {
    try {
      statSync(path);
      check(path);
      check(dirname(path));
      return undefined;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    let folder = dirname(path);
    for (;;) {
      try {
        statSync(folder);
        break;
      } catch {
        const parent = dirname(folder);
        if (parent === folder) break;
        folder = parent;
      }
    }
    check(folder);
    return undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? 'error';
  }
}

/** The directory given by flag or environment, if any (the flag wins). */
export function configDirFrom(flag: string | undefined, env: Record<string, string | undefined>): string | undefined {
  return flag ?? (env.LANSCOPE_KOT_CONFIG_DIR || undefined);
}

function toStore(s: SavedSettings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(s)) if (value !== undefined) out[key] = value;
  if (!s.rememberToken) delete out.token;
  // Field by field: whatever else a proxy value holds (the password) is never written.
  if (s.proxy) out.proxy = { use: s.proxy.use, host: s.proxy.host, port: s.proxy.port, auth: s.proxy.auth, user: s.proxy.user, ...(s.proxy.caFile ? { caFile: s.proxy.caFile } : {}) };
  return out;
}

/** A hand-edited file may hold anything: keep only values of the expected types. */
export function sanitise(store: Record<string, unknown>): SavedSettings {
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const out: SavedSettings = {};
  const strings = ['companyCode', 'sqlPath', 'outputInput', 'mappingPath', 'reportPath'] as const;
  for (const key of strings) {
    const v = str(store[key]);
    if (v !== undefined) out[key] = v;
  }
  if (store.rememberToken === true) {
    out.rememberToken = true;
    const token = str(store.token);
    // Nothing the wizard saves is longer: a hand-edited file's 12 KB "token" is not offered as one.
    if (token !== undefined && Buffer.byteLength(token) <= MAX_TOKEN_BYTES) out.token = token;
  }
  if (Array.isArray(store.divisions)) out.divisions = store.divisions.filter((d): d is string => typeof d === 'string');
  const p = store.proxy;
  if (p && typeof p === 'object') {
    const r = p as Record<string, unknown>;
    const caFile = str(r.caFile);
    out.proxy = { use: r.use === true, host: str(r.host) ?? '', port: str(r.port) ?? '', auth: r.auth === true, user: str(r.user) ?? '', ...(caFile ? { caFile } : {}) };
  }
  return out;
}

import Conf from 'conf';

/**
 * What the wizard remembers between runs, with `conf` (atomic writes). The file is created owner-only
 * (0600). The access token is kept only when the admin asked for it (`rememberToken`); the proxy password
 * never is. Where the file lives: `--config-dir DIR` or LANSCOPE_KOT_CONFIG_DIR → DIR/config.json, else the
 * platform's config folder (~/.config/lanscope-kot/config.json, %APPDATA%\lanscope-kot\Config\config.json,
 * ~/Library/Preferences/lanscope-kot/config.json).
 */
export interface SavedProxy {
  use: boolean;
  host: string;
  port: string;
  auth: boolean;
  user: string;
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
  load(): SavedSettings;
  /** Replaces what was saved; drops the token unless rememberToken. */
  save(settings: SavedSettings): void;
}

export function openSettings(configDir: string | undefined): SettingsStore {
  const conf = new Conf<Record<string, unknown>>({
    projectName: 'lanscope-kot',
    projectSuffix: '',
    ...(configDir ? { cwd: configDir } : {}),
    configFileMode: 0o600,
  });
  return {
    path: conf.path,
    load: () => sanitise(conf.store),
    save: (settings) => {
      conf.store = toStore(settings);
    },
  };
}

/** The directory given by flag or environment, if any (the flag wins). */
export function configDirFrom(flag: string | undefined, env: Record<string, string | undefined>): string | undefined {
  return flag ?? (env.LANSCOPE_KOT_CONFIG_DIR || undefined);
}

function toStore(s: SavedSettings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(s)) if (value !== undefined) out[key] = value;
  if (!s.rememberToken) delete out.token;
  if (s.proxy) out.proxy = { use: s.proxy.use, host: s.proxy.host, port: s.proxy.port, auth: s.proxy.auth, user: s.proxy.user };
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
    if (token !== undefined) out.token = token;
  }
  if (Array.isArray(store.divisions)) out.divisions = store.divisions.filter((d): d is string => typeof d === 'string');
  const p = store.proxy;
  if (p && typeof p === 'object') {
    const r = p as Record<string, unknown>;
    out.proxy = { use: r.use === true, host: str(r.host) ?? '', port: str(r.port) ?? '', auth: r.auth === true, user: str(r.user) ?? '' };
  }
  return out;
}

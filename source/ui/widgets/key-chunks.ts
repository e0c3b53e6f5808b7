import type { Key } from 'ink';

/** One key as the steps see it: Ink's (input, key) pair. */
export interface KeyPress {
  input: string;
  key: Key;
}

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

const press = (input: string, flags: Partial<Key> = {}): KeyPress => ({ input, key: { ...NO_KEY, ...flags } });

/** C0 controls, DEL and the C1 range: never part of a value. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const NAMED: readonly (keyof Key)[] = ['upArrow', 'downArrow', 'leftArrow', 'rightArrow', 'pageDown', 'pageUp', 'home', 'end', 'return', 'escape', 'ctrl', 'tab', 'backspace', 'delete', 'meta'];

/**
 * The keys in one read from the terminal. Ink hands a paste, an RDP/SSH burst or fast typing to
 * `useInput` as one string (`ABC123XYZ⌫⌫⌫⏎`); escape sequences it already splits off. Here the rest is
 * cut into printable runs (one insertion each) and single control keys, mapped as Ink maps them when
 * they come alone (DEL is Ink's `delete`, BS its `backspace`). CR LF is one Enter, so a line pasted
 * with its Windows line end submits once — also when the LF comes in the next read (`line`, given by the
 * caller, remembers whether the last read ended in a CR); other controls become Ctrl+letter or are dropped.
 */
export function splitKeys(input: string, key: Key, line: { endedInCR: boolean } = { endedInCR: false }): KeyPress[] {
  const afterCR = line.endedInCR;
  // Ink hands a CR alone to useInput as `return` with no input.
  line.endedInCR = key.return || input.endsWith('\r');
  if (NAMED.some((name) => key[name])) return [{ input, key }];
  if (afterCR && input.startsWith('\n')) {
    input = input.slice(1);
    if (input === '') return [];
  }
  if (!CONTROL.test(input)) return [{ input, key }];
  const keys: KeyPress[] = [];
  let text = '';
  const flush = (): void => {
    if (text) keys.push(press(text));
    text = '';
  };
  const chars = [...input];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (!CONTROL.test(ch)) {
      text += ch;
      continue;
    }
    flush();
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && chars[i + 1] === '\n') i++;
      keys.push(press('', { return: true }));
    } else if (ch === '\t') keys.push(press('', { tab: true }));
    else if (ch === '\u007f') keys.push(press('', { delete: true }));
    else if (ch === '\b') keys.push(press('', { backspace: true }));
    else if (ch === '\u001b') keys.push(press('', { escape: true, meta: true }));
    else if (ch >= '\u0001' && ch <= '\u001a') keys.push(press(String.fromCharCode(ch.charCodeAt(0) + 96), { ctrl: true }));
    // Other controls (NUL, the C1 range, FS–US) mean nothing here and are dropped.
  }
  flush();
  return keys;
}

/** Text that may go into a field: no control character, ever (a pasted CR or DEL stays out of config.json). */
export function printable(text: string): string {
  return [...text].filter((ch) => !CONTROL.test(ch)).join('');
}

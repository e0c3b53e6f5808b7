import { Box } from 'ink';
import type { CheckStatus } from '../../core/checks/check.js';
import { displayWidth } from '../../core/display-width.js';
import { useT, type Translator } from '../i18n.js';
import { Para, paraLines } from './para.js';
import { StatusMark } from './status-mark.js';

const markWidth = (status: CheckStatus, { g, m }: Translator): number => displayWidth(`${g[status]} ${m({ key: `status.${status}`, params: {} })}`) + 1;

/** The lines a Finding takes at `width`. */
export const findingLines = (status: CheckStatus, text: string, width: number, tr: Translator): number => paraLines(text, Math.max(10, width - markWidth(status, tr)));

/** `✔ pass  what was found`, wrapped lines indented under the text, not under the mark. */
export function Finding({ status, text, width }: { status: CheckStatus; text: string; width: number }) {
  const tr = useT();
  return (
    <Box>
      <Box flexShrink={0} marginRight={1}>
        <StatusMark status={status} />
      </Box>
      <Para text={text} width={Math.max(10, width - markWidth(status, tr))} />
    </Box>
  );
}

/** The lines an Advice takes at `width`. */
export const adviceLines = (text: string, width: number, indent = 2, arrow = '→'): number => paraLines(text, Math.max(10, width - indent - displayWidth(arrow) - 1));

/** `→ what to do`, in yellow, wrapped lines indented under the text. */
export function Advice({ text, width, indent = 2 }: { text: string; width: number; indent?: number }) {
  const { g } = useT();
  const arrow = displayWidth(g.arrow) + 1;
  return (
    <Box marginLeft={indent}>
      <Box width={arrow} flexShrink={0}>
        <Para text={g.arrow} width={arrow} color="yellow" />
      </Box>
      <Para text={text} width={Math.max(10, width - indent - arrow)} color="yellow" />
    </Box>
  );
}

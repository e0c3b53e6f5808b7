import { useEffect, useRef } from 'react';

/**
 * An Enter pressed while a step is still reading its file (steps 2, 3, 5) is kept and applied once the
 * read has ended well, as if pressed just after it: a path pasted with its line end starts the read, and
 * the Enter that follows at once — or the one pressed while a remembered path is read — is not lost (it
 * used to be, and a second Enter was needed). One Enter at most is kept, so pressing it again and again
 * during a long read does not skip steps. It is dropped when the read did not end well (`readOk`: the file
 * could not be read, or the step's check fails): going on past a failure nobody has seen is not what an
 * Enter pressed before it showed can mean.
 */
export function useEnterAfterRead(reading: boolean, readOk: boolean, onEnter: () => void): { keep: () => void } {
  const kept = useRef(false);
  const latest = useRef(onEnter);
  latest.current = onEnter;
  useEffect(() => {
    if (reading || !kept.current) return;
    kept.current = false;
    if (readOk) latest.current();
  }, [reading, readOk]);
  return {
    keep: () => {
      kept.current = true;
    },
  };
}

import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

/** The terminal's size, updated when the window is resized (Ink re-lays out, but does not re-render us). */
export function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 100, rows: stdout.rows || 30 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize((old) => {
      const now = read();
      return now.columns === old.columns && now.rows === old.rows ? old : now;
    });
    stdout.on('resize', onResize);
    // A resize between the first render and this subscription would otherwise be missed.
    onResize();
    return () => {
      stdout.off('resize', onResize);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout]);
  return size;
}

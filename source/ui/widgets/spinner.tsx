import { useEffect, useState } from 'react';
import { Text } from 'ink';
import { useT } from '../i18n.js';
import { fitColumns } from './fit-columns.js';
import { narrowSafeText } from '../glyphs.js';

export function Spinner({ label, width = 200 }: { label: string; width?: number }) {
  const { g } = useT();
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => f + 1), 100);
    return () => clearInterval(timer);
  }, []);
  return (
    <Text color="cyan">
      {g.spinner[frame % g.spinner.length]} {fitColumns(g.safe ? narrowSafeText(label) : label, width - 3, g.ellipsis)}
    </Text>
  );
}

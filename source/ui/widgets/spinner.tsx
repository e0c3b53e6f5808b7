import { useEffect, useState } from 'react';
import { Text } from 'ink';
import { useT } from '../i18n.js';

export function Spinner({ label }: { label: string }) {
  const { g } = useT();
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => f + 1), 100);
    return () => clearInterval(timer);
  }, []);
  return (
    <Text color="cyan" wrap="truncate-end">
      {g.spinner[frame % g.spinner.length]} {label}
    </Text>
  );
}

import { Button, Card, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { Api } from '../api';
import { useFormStyles } from '../forms';
import { useDownload } from '../useDownload';

const files = [
  { path: '/api/tab/record.html', label: 'Readable record (HTML)' },
  { path: '/api/tab/record.json', label: 'Record as JSON' },
  { path: '/api/tab/mypl.csv', label: 'MyPL entries (CSV)' },
  { path: '/api/tab/mypl.html', label: 'MyPL entries (printable)' },
] as const;

/**
 * Everything the app keeps about the person, to keep or to carry into MyPL for Professional Update. Fetched with the
 * person's sign-in (a plain link could not carry it), as the dashboard's CSV downloads are.
 */
export function RecordDownloads({ api }: { api: Api }) {
  const styles = useFormStyles();
  const [error, setError] = useState<string | null>(null);
  const { downloading, download } = useDownload(api, setError);
  return (
    <Card>
      <Text as="h2" weight="semibold">
        Your record
      </Text>
      <Text>
        Download everything the CLPL app keeps about you, including feedback you gave anonymously, your goals, reflections and hours by school year. The MyPL entries list each
        learning activity with its date, provider, hours, GTCS standards and your own words on impact, ready for Professional Update. Open an HTML file in your browser to read or print it.
      </Text>
      <div className={styles.row}>
        {files.map((f) => (
          <Button key={f.path} disabled={downloading !== null} onClick={() => void download(f.path)}>
            {downloading === f.path ? 'Downloading…' : f.label}
          </Button>
        ))}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}

import { Card, Field, ProgressBar } from '@fluentui/react-components';
import { ReactNode } from 'react';
import { RecordView } from '../api';
import { Section } from './Section';

/** Hours this school year against the (pro rata) target; `children` is where the owner changes their share of full time. */
export function HoursSection({ title, as, record, own, children }: { title: string; as?: 'h1' | 'h2'; record: Pick<RecordView, 'hours' | 'ftePercent'>; own: boolean; children?: ReactNode }) {
  const { hours } = record;
  // The owner sees (and edits) their share of full time below; anyone else reads it in the hint.
  const hint = own
    ? `${hours.attendedHours} h at sessions, ${hours.loggedHours} h logged by you`
    : `${hours.attendedHours} h at sessions, ${hours.loggedHours} h logged · ${record.ftePercent}% of full time`;
  return (
    <Section title={title} as={as}>
      <Card>
        <Field label={`${hours.totalHours} of ${hours.targetHours} hours`} hint={hint}>
          <ProgressBar value={Math.min(1, hours.totalHours / (hours.targetHours || 1))} thickness="large" />
        </Field>
        {children}
      </Card>
    </Section>
  );
}

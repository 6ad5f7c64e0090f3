import { Text } from '@fluentui/react-components';
import { ClplRecord } from '../api';
import { useFormStyles } from '../forms';
import { Section } from './Section';
import { day } from './format';

const usedText = { yes: 'Part of my practice now', partly: 'Tried it', no: 'Not yet' } as const;

/** The person's own answers weeks after sessions: what changed in their practice, for pupils, and their confidence. */
export function PracticeFollowUps({ followUps }: { followUps: NonNullable<ClplRecord['followUps']> }) {
  const styles = useFormStyles();
  if (followUps.length === 0) return null;
  return (
    <Section title="In practice, weeks later">
      <ul className={styles.list} aria-label="Practice follow-ups">
        {followUps.map((f) => (
          <li key={f.offerId}>
            <Text weight="semibold">
              {day(f.startsAt, f.timeZone)} · {f.title}
            </Text>
            <br />
            <Text>
              {usedText[f.used]} · confidence {f.confidenceNow}/5: {f.practiceChange}
              {f.pupilEffect ? ` Pupils: ${f.pupilEffect}` : ''}
            </Text>
          </li>
        ))}
      </ul>
    </Section>
  );
}

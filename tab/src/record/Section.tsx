import { Title3 } from '@fluentui/react-components';
import { ReactNode, useId } from 'react';
import { useFormStyles } from '../forms';

/** A titled region of the record; `toolbar` sits beside the title (the owner's own actions, e.g. "Log other CLPL"). */
export function Section({ title, as = 'h2', toolbar, children }: { title: string; as?: 'h1' | 'h2'; toolbar?: ReactNode; children: ReactNode }) {
  const styles = useFormStyles();
  // Generated, as a record can be on the page more than once (own and a report's) and ids must stay unique.
  const headingId = useId();
  const heading = (
    <Title3 as={as} id={headingId} className={toolbar ? undefined : styles.heading}>
      {title}
    </Title3>
  );
  return (
    <section aria-labelledby={headingId}>
      {toolbar ? (
        <div className={styles.toolbar}>
          {heading}
          {toolbar}
        </div>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}

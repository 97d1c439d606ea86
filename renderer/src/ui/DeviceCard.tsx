// A device's card: what is known of it as label and value pairs (who holds it, its post, its
// code), the same markup wherever devices are listed (devices waiting for approval, the ones
// a lead approved, the ones waiting at HQ, this device in Settings).
import { Fragment, type ReactNode } from 'react';

/** One line of the card: a label and its value; false or null leaves the line out. */
export type DeviceFact = readonly [label: ReactNode, value: ReactNode] | false | null;

export function DeviceCard({
  facts,
  className,
  testId,
}: {
  facts: readonly DeviceFact[];
  /** Classes beside `details`. */
  className?: string;
  testId?: string;
}) {
  return (
    <dl className={className ? `details ${className}` : 'details'} data-testid={testId}>
      {facts.map((fact, i) =>
        fact ? (
          <Fragment key={i}>
            <dt>{fact[0]}</dt>
            <dd>{fact[1]}</dd>
          </Fragment>
        ) : null,
      )}
    </dl>
  );
}

/** A person as devices name them: the name, then the officer id in brackets. */
export function Holder({ name, officerId }: { name: string; officerId: string }) {
  return (
    <>
      {name} <span className="hint">({officerId})</span>
    </>
  );
}

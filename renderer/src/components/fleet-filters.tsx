import type { FleetSummaryRow } from '@contract/fleet-summary';
import { Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { firstFailing, tally } from '../lib/fleet-rows';
import { ANY, useFleetStore } from '../state/fleet-store';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
});

/** A text filter (device, user, id, build, file) and one per trust model and first failing check. */
export function FleetFilters({ rows }: { rows: readonly FleetSummaryRow[] }) {
  const styles = useStyles();
  const text = useFleetStore((s) => s.text);
  const trustModel = useFleetStore((s) => s.trustModel);
  const rootCause = useFleetStore((s) => s.rootCause);
  const store = useFleetStore.getState();
  // The choices are the values the fleet has, so no filter leads to an empty table by itself.
  const trustModels = tally(rows, (row) => row.trustModel).map(([name]) => name);
  const rootCauses = tally(rows, firstFailing).map(([name]) => name);
  return (
    <div className={styles.bar}>
      <Field label="Filter">
        <Input
          type="search"
          value={text}
          placeholder="Device, user, build or file"
          onChange={(_, data) => store.setText(data.value)}
          data-testid="fleet-filter-text"
        />
      </Field>
      <Field label="Trust model used">
        <Select
          value={trustModel}
          onChange={(_, data) => store.setTrustModel(data.value)}
          data-testid="fleet-filter-trust"
        >
          <option value={ANY}>Any</option>
          {trustModels.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="First failing check">
        <Select
          value={rootCause}
          onChange={(_, data) => store.setRootCause(data.value)}
          data-testid="fleet-filter-check"
        >
          <option value={ANY}>Any</option>
          {rootCauses.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

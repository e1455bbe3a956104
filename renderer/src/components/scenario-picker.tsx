import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useAppInfoStore } from '../state/app-info-store';
import { openSource } from '../state/run-actions';
import { useRunStore } from '../state/run-store';
import { useSourceStore } from '../state/source-store';

const useStyles = makeStyles({
  picker: {
    display: 'grid',
    gridTemplateColumns: 'minmax(16rem, 22rem) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    alignItems: 'end',
  },
  description: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

const NONE = '';

/** The built-in practice devices, with what each one teaches. */
export function ScenarioPicker() {
  const styles = useStyles();
  const scenarios = useAppInfoStore((s) => s.info?.scenarios);
  const source = useSourceStore((s) => s.source);
  const running = useRunStore((s) => s.running);
  if (!scenarios || scenarios.length === 0) return null;
  const current = source?.kind === 'scenario' ? source.name : NONE;
  const description = scenarios.find((s) => s.name === current)?.description;
  return (
    <div className={styles.picker}>
      <Field label="Practice scenario">
        <Select
          value={current}
          disabled={running}
          data-testid="scenario-select"
          onChange={(_, data) => {
            if (data.value !== NONE) void openSource({ kind: 'scenario', name: data.value });
          }}
        >
          {current === NONE && <option value={NONE}>Choose a scenario…</option>}
          {scenarios.map((scenario) => (
            <option key={scenario.name} value={scenario.name}>
              {scenario.title}
            </option>
          ))}
        </Select>
      </Field>
      <p className={styles.description} data-testid="scenario-description">
        {description ?? 'Pick a practice device to see how the checklist reads a known problem.'}
      </p>
    </div>
  );
}

import { Button, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useAppInfoStore } from '../state/app-info-store';
import { openSource } from '../state/run-actions';
import { useRunStore } from '../state/run-store';
import { useSourceStore } from '../state/source-store';
import { DisclosureChevron } from './disclosure-chevron';

const useStyles = makeStyles({
  picker: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  label: { whiteSpace: 'nowrap' },
  select: { width: '17rem', maxWidth: '40vw' },
  // The description sits on its own line under the bar, when asked for.
  description: {
    flexBasis: '100%',
    order: 10,
    margin: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    maxWidth: '110ch',
  },
});

const NONE = '';

/** The built-in practice devices; what each one is about stays folded away until asked for. */
export function ScenarioPicker() {
  const styles = useStyles();
  const selectId = useId();
  const descriptionId = useId();
  const [aboutOpen, setAboutOpen] = useState(false);
  const scenarios = useAppInfoStore((s) => s.info?.scenarios);
  const source = useSourceStore((s) => s.source);
  const running = useRunStore((s) => s.running);
  if (!scenarios || scenarios.length === 0) return null;
  const current = source?.kind === 'scenario' ? source.name : NONE;
  const description = scenarios.find((s) => s.name === current)?.description;
  return (
    <>
      <div className={styles.picker}>
        <label htmlFor={selectId} className={styles.label}>
          Practice scenario
        </label>
        <Select
          id={selectId}
          className={styles.select}
          size="small"
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
        <Button
          size="small"
          appearance="subtle"
          aria-label="About this scenario"
          aria-expanded={aboutOpen}
          aria-controls={descriptionId}
          icon={<DisclosureChevron open={aboutOpen} />}
          onClick={() => setAboutOpen(!aboutOpen)}
        >
          About
        </Button>
      </div>
      <p
        id={descriptionId}
        className={styles.description}
        hidden={!aboutOpen}
        data-testid="scenario-description"
      >
        {description ?? 'Pick a practice device to see how the checklist reads a known problem.'}
      </p>
    </>
  );
}

import { describe, expect, it } from 'vitest';
import { latestProvisioningEvent } from '../../../electron/engine/checks/provisioning-event';
import { buildFactSet } from '../../../electron/engine/facts/fact-set';
import { parseUdrEvents } from '../../../electron/engine/parsers/parse-udr-events';
import { loadScenario } from '../../../electron/engine/scenarios/scenario-catalog';

const OWN_SID = 'S-1-5-21-1004336348-1177238915-682003330-1107';
const OTHER_SID = 'S-1-5-21-1004336348-1177238915-682003330-1190';

describe('provisioning events', () => {
  const capture = loadScenario('healthy-hybrid');
  const events = capture.probes['events-udr'];
  if (!events) throw new Error('healthy-hybrid has events');

  it('reads the account each event was written for', () => {
    const parsed = parseUdrEvents(events.stdout);
    expect(parsed.facts.events.map((e) => e.userSid)).toEqual([OWN_SID, OWN_SID]);
  });

  it("judges by the signed-in user's newest event, not another user's on a shared device", () => {
    // The newest event belongs to a colleague whose policy said cloud trust was off.
    const colleague = events.stdout
      .replace(OWN_SID, OTHER_SID)
      .replace(
        'Cloud trust for on premise auth policy is enabled: Yes',
        'Cloud trust for on premise auth policy is enabled: No',
      );
    const set = buildFactSet({ ...capture.probes, 'events-udr': { ...events, stdout: colleague } });
    const latest = latestProvisioningEvent(set);
    expect(latest?.event.userSid).toBe(OWN_SID);
    expect(latest?.item(/cloud trust for on premise auth/i)?.value).toBe('Yes');
  });
});

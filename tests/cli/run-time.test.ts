/** The time a run prints as 作成日時: now, or SOURCE_DATE_EPOCH for identical bytes from runs apart. */
import { runTime } from '../../src/cli/evaluate';

describe('the run time printed as 作成日時', () => {
  it('is SOURCE_DATE_EPOCH (seconds) when set', () => {
    expect(runTime({ SOURCE_DATE_EPOCH: '1795219200' }).toISOString()).toBe('2026-11-21T00:00:00.000Z');
  });

  it('is now when unset or not a number of seconds', () => {
    const before = Date.now();
    for (const env of [{}, { SOURCE_DATE_EPOCH: 'yesterday' }]) {
      const at = runTime(env).getTime();
      expect(at).toBeGreaterThanOrEqual(before);
      expect(at).toBeLessThanOrEqual(Date.now());
    }
  });
});

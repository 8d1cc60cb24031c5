import { describe, expect, it } from 'vitest';
import { countSeverities, severityText } from './severity-counts.ts';

describe('severity counts', () => {
  it('counts and describes by severity, omitting zeros', () => {
    const tally = countSeverities([{ severity: 'error' }, { severity: 'info' }, { severity: 'error' }]);
    expect(tally).toEqual({ error: 2, warning: 0, info: 1 });
    expect(severityText(tally)).toBe('2 error · 1 info');
    expect(severityText(countSeverities([]))).toBe('');
  });
});

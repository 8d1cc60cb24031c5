import { describe, expect, it } from 'vitest';
import { anOperation } from '../../test/support/report-fixture.ts';
import { summarise, verdictFor } from './verdict.ts';

const ran = { unsupported: false, transportOnly: false };
const nothingCompleted = { unsupported: false, transportOnly: true };

describe('verdictFor', () => {
  it('is unsupported when the target does not implement the operation, whatever else', () => {
    expect(
      verdictFor([{ kind: 'missing-member', severity: 'error' }], { unsupported: true, transportOnly: true }),
    ).toBe('unsupported');
  });

  it('is inconclusive when nothing completed and only transport deviations (or none) exist', () => {
    expect(verdictFor([], nothingCompleted)).toBe('inconclusive');
    expect(verdictFor([{ kind: 'transport', severity: 'error' }], nothingCompleted)).toBe('inconclusive');
  });

  it('deviates on error or warning deviations', () => {
    expect(verdictFor([{ kind: 'wrong-type', severity: 'error' }], ran)).toBe('deviates');
    expect(verdictFor([{ kind: 'wrong-type', severity: 'warning' }], ran)).toBe('deviates');
    expect(verdictFor([{ kind: 'state', severity: 'error' }], nothingCompleted)).toBe('deviates');
    expect(verdictFor([{ kind: 'transport', severity: 'error' }], ran)).toBe('deviates');
  });

  it('is conformant with no deviations or info-only ones', () => {
    expect(verdictFor([], ran)).toBe('conformant');
    expect(verdictFor([{ kind: 'unexpected-member', severity: 'info' }], ran)).toBe('conformant');
  });
});

describe('summarise', () => {
  it('counts verdicts and deviation entries', () => {
    const d = {
      check: 'positive',
      kind: 'state',
      severity: 'error',
      path: '',
      expected: 1,
      actual: 2,
      message: 'm',
      request: {},
      reproduce: { command: 'x' },
    } as const;
    expect(
      summarise([
        anOperation('A', { verdict: 'deviates', deviations: [d, d] }),
        anOperation('B'),
        anOperation('C', { verdict: 'unsupported' }),
        anOperation('D', { verdict: 'inconclusive' }),
        anOperation('E'),
      ]),
    ).toEqual({ operations: 5, conformant: 2, deviating: 1, unsupported: 1, inconclusive: 1, deviations: 2 });
  });
});

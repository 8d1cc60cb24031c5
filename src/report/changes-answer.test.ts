import { describe, expect, it } from 'vitest';
import { changesSupport } from './changes-answer.ts';

const of = (...values: (boolean | null)[]) => changesSupport(values.map((supported) => ({ supported })));

describe('changesSupport', () => {
  it('answers yes, partly, no or unknown', () => {
    expect(of(true, true)).toEqual({
      answer: 'yes',
      supported: 2,
      unsupported: 0,
      undetermined: 0,
      withdrawn: 0,
    });
    expect(of(true, false).answer).toBe('partly');
    expect(of(true, null).answer).toBe('partly');
    expect(of(false, null).answer).toBe('no');
    expect(of(null).answer).toBe('unknown');
    expect(of().answer).toBe('unknown');
  });

  it('leaves changes the current reference withdrew out of the answer', () => {
    const withdrawn = { supported: null, withdrawn: 'ns#Shape$Member' };
    expect(changesSupport([{ supported: true }, withdrawn])).toEqual({
      answer: 'yes',
      supported: 1,
      unsupported: 0,
      undetermined: 0,
      withdrawn: 1,
    });
    expect(changesSupport([withdrawn]).answer).toBe('unknown');
  });
});

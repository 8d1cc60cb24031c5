import { describe, expect, it } from 'vitest';
import { generateSpecs } from './build-specs.ts';
import { documentsIn } from './default-paths.ts';
import { diffAgainstBaseline, loadKnownDisagreements } from './disagreement-baseline.ts';
import { comparePageWithModel } from './page-model-comparison.ts';
import type { ServiceModel } from './service-model.ts';
import { describeWithDocuments, lazy } from './test-support/source-documents.ts';
import type { OperationSpec } from '../format/index.ts';

const KNOWN = new URL('./known-disagreements.json', import.meta.url);

describeWithDocuments(
  'page/model comparison of the seed documents',
  ({ seedsDir, modelPath, referencePath }) => {
    const compared = lazy(() => {
      const { specs, model } = generateSpecs(documentsIn(seedsDir), modelPath, referencePath);
      const found = specs.flatMap((spec) => comparePageWithModel(spec, model));
      return { found, ...diffAgainstBaseline(found, loadKnownDisagreements(KNOWN)) };
    });

    it('finds no disagreement that known-disagreements.json does not list', () => {
      // Paste-ready entries (add a reason) when this fails.
      expect(JSON.stringify(compared().unexpected, null, 2)).toBe('[]');
    });

    it('lists no disagreement that no longer occurs', () => {
      expect(JSON.stringify(compared().stale, null, 2)).toBe('[]');
    });

    it('includes the InitiateAuth narrowing among the known ones', () => {
      expect(compared().found).toContainEqual({
        operation: 'InitiateAuth',
        direction: 'request',
        path: '/AuthFlow',
        kind: 'enum',
        page: [],
        model: ['ADMIN_NO_SRP_AUTH'],
      });
    });
  },
);

describe('comparePageWithModel', () => {
  const model: ServiceModel = {
    name: 'test.json',
    operations: { Op: { input: { shape: 'In' } } },
    shapes: {
      In: {
        type: 'structure',
        required: ['A'],
        members: { A: { shape: 'S' }, B: { shape: 'E' }, C: { shape: 'L' }, M: { shape: 'S' } },
      },
      S: { type: 'string' },
      E: { type: 'string', enum: ['X', 'Y'] },
      L: { type: 'list', member: { shape: 'S' } },
    },
  };
  const spec = (request: Record<string, unknown>, operation = 'Op') =>
    ({
      operation,
      request,
      response: { type: 'object', properties: {}, additionalProperties: false },
    }) as unknown as OperationSpec;

  it('reports members, types, enums and required flags that differ', () => {
    const request = {
      type: 'object',
      properties: {
        A: { type: 'string' },
        B: { type: 'string', enum: ['X', 'Z'] },
        C: { type: 'array', items: { type: 'integer' } },
        N: { type: 'boolean' },
      },
      required: ['B'],
      additionalProperties: false,
    };
    expect(comparePageWithModel(spec(request), model)).toEqual([
      { operation: 'Op', direction: 'request', path: '/A', kind: 'required', page: false, model: true },
      { operation: 'Op', direction: 'request', path: '/B', kind: 'required', page: true, model: false },
      { operation: 'Op', direction: 'request', path: '/B', kind: 'enum', page: ['Z'], model: ['Y'] },
      { operation: 'Op', direction: 'request', path: '/C/*', kind: 'type', page: 'integer', model: 'string' },
      {
        operation: 'Op',
        direction: 'request',
        path: '/N',
        kind: 'member-missing-in-model',
        page: 'boolean',
        model: null,
      },
      {
        operation: 'Op',
        direction: 'request',
        path: '/M',
        kind: 'member-missing-on-page',
        page: null,
        model: 'string',
      },
    ]);
  });

  it('reports an operation the model lacks', () => {
    expect(comparePageWithModel(spec({ type: 'object', properties: {} }, 'Other'), model)).toEqual([
      {
        operation: 'Other',
        direction: 'operation',
        path: '',
        kind: 'operation-missing-in-model',
        page: null,
        model: null,
      },
    ]);
  });
});

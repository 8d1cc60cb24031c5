import { describeOperation } from '../operation-suite.ts';

describeOperation('InitiateAuth');

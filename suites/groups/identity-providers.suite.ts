import { describeGroup } from '../operation-suite.ts';

describeGroup('identity providers');

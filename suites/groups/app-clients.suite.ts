import { describeGroup } from '../operation-suite.ts';

describeGroup('app clients');

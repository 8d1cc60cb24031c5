import { describeGroup } from '../operation-suite.ts';

describeGroup('resource servers');

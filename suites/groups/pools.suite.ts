import { describeGroup } from '../operation-suite.ts';

describeGroup('pools');

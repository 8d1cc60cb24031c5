import { describeGroup } from '../operation-suite.ts';

describeGroup('sign-in and tokens');

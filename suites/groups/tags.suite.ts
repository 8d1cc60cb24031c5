import { describeGroup } from '../operation-suite.ts';

describeGroup('tags');

import { join } from 'node:path';

/** The entities the foundation issue requires on the sample article and on any coverage of the story. */
export const REQUIRED_IDS = [
  'privacy-act-1974', 'ssa-medicaid-confidentiality', 'eo-14218',
  'cms', 'hhs', 'dhs', 'ice', 'irs',
  'donald-trump', 'robert-f-kennedy-jr', 'gavin-newsom', 'laura-friedman', 'andrew-nixon', 'tricia-mclaughlin', 'kim-brandt', 'jeffrey-grant',
  'california', 'illinois', 'washington', 'district-of-columbia', 'new-york', 'oregon', 'minnesota', 'colorado',
];

/** The seed report lives outside the project (../shared); tests that need it skip when it is absent. */
export const SEED_PATH = join(import.meta.dirname, '../../../shared/seed/000_ecedb3fde63ac8d2.txt');

import { browserPackageConfig } from '../../tsup.config.base';

// One entry per concern: the browser-safe root, Node file loading, the reference evaluator,
// iCalendar, and each bundled plan on its own.
export default browserPackageConfig({
  index: 'src/index.ts',
  node: 'src/node.ts',
  reference: 'src/reference.ts',
  ics: 'src/ics.ts',
  'plans/kontum-1102-2019': 'src/plans/kontum-1102-2019.ts',
  'plans/vn-nq17-2019': 'src/plans/vn-nq17-2019.ts',
});

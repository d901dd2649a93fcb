import { browserPackageConfig } from '../../tsup.config.base';

export default browserPackageConfig();

import type { FeatureRoute } from '../../app/feature-registry';
import { HomePage } from './HomePage';

export const routes: FeatureRoute[] = [{ path: '/', labelKey: 'nav.home', navOrder: 0, render: () => <HomePage /> }];

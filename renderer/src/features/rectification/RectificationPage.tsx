import { ItemDetail } from './items/ItemDetail';
import { PlanDetail } from './plans/PlanDetail';
import { PlansPage } from './plans/PlansPage';
import './rectification.css';

/**
 * #/rectification: the plans; #/rectification/<planId>/<view>: one plan's items and views;
 * #/rectification/<planId>/item/<itemId>: one item with its evidence and history.
 */
export function RectificationPage({ subPath }: { subPath: string }) {
  const [planId, view = '', itemId] = subPath.split('/');
  if (!planId) return <PlansPage />;
  if (view === 'item' && itemId) return <ItemDetail key={itemId} planId={planId} itemId={itemId} />;
  return <PlanDetail key={planId} planId={planId} view={view} />;
}

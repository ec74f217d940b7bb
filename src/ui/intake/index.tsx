/**
 * 工单受理 (/intake), the 12345 hotline office's desk: register an order from any channel with
 * the published guiding cases most like it beside the form, dispatch it at once when the
 * scheme's next step is the desk's, and the desk's queue of dispatch, review and callback work.
 */
import { useState } from 'preact/hooks';
import { ErrorBanner, Loading, Page } from '../shared/components.js';
import { useApi } from '../shared/use-api.js';
import { useSession } from '../shared/session.js';
import { IntakeForm, type Region, type Unit } from './intake-form.js';
import { RegisteredOrderPanel } from './registered-order.js';
import { SimilarCases } from './similar-cases.js';
import { TaskQueue } from './task-queue.js';

export function IntakePage() {
  const session = useSession();
  const regions = useApi<Region[]>('/api/regions');
  const units = useApi<Unit[]>('/api/units');
  const [typed, setTyped] = useState({ content: '', category: '' });
  const [orderId, setOrderId] = useState<string | null>(null);
  const [queueTick, setQueueTick] = useState(0);
  const refreshQueue = () => setQueueTick((n) => n + 1);

  if (!session) return null;
  const error = regions.error ?? units.error;
  return (
    <Page title="工单受理">
      <ErrorBanner error={error} />
      {(!regions.data || !units.data) && !error && <Loading />}
      {regions.data && units.data && (
        <>
          <div class="intake-layout">
            <div class="intake-main">
              {orderId && <RegisteredOrderPanel key={orderId} orderId={orderId} session={session} units={units.data} onChanged={refreshQueue} />}
              <IntakeForm
                regions={regions.data}
                units={units.data}
                fixedRegion={session.user.region ?? null}
                onContentChange={(content, category) => setTyped({ content, category })}
                onRegistered={(order) => {
                  setOrderId(order.id);
                  refreshQueue();
                }}
              />
            </div>
            <div class="intake-side">
              <SimilarCases content={typed.content} category={typed.category} />
              <TaskQueue session={session} refresh={queueTick} />
            </div>
          </div>
        </>
      )}
    </Page>
  );
}

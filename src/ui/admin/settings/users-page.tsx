/** /admin/users: units and users, and what each role may do. */
import { useState } from 'preact/hooks';
import { ErrorBanner, Page } from '../../shared/components.js';
import { useApi } from '../../shared/use-api.js';
import type { RegionRow, Unit } from './admin-types.js';
import { RolesLegend } from './role-checks.js';
import { UnitsPanel } from './units-panel.js';
import { UsersPanel } from './users-panel.js';

type Tab = 'users' | 'units';

export function UsersPage() {
  const [tab, setTab] = useState<Tab>('users');
  const units = useApi<Unit[]>('/api/units');
  const regions = useApi<RegionRow[]>('/api/regions');
  return (
    <Page
      title="单位与用户"
      actions={
        <div role="tablist" aria-label="单位与用户" class="tabs">
          {(['users', 'units'] as const).map((t) => (
            <button key={t} type="button" role="tab" aria-selected={tab === t} class={tab === t ? 'primary' : ''} onClick={() => setTab(t)}>
              {t === 'users' ? '用户' : '单位'}
            </button>
          ))}
        </div>
      }
    >
      <ErrorBanner error={units.error ?? regions.error} />
      {tab === 'users' ? (
        <div class="users-page">
          <UsersPanel units={units.data ?? []} />
          <details class="panel" open>
            <summary>角色说明</summary>
            <RolesLegend />
          </details>
        </div>
      ) : (
        <UnitsPanel units={units.data ?? []} regions={regions.data ?? []} onChanged={units.reload} />
      )}
    </Page>
  );
}

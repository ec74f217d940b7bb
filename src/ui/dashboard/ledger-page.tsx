/**
 * 工作台账 (seed 001 annex 3): the ledger of /api/ledger for a region, unit and month range,
 * page by page, with the annex's 17 columns as the API names them; 导出 Excel / CSV download
 * the whole filtered ledger under the user's token, with the same filter.
 */
import { useEffect, useState } from 'preact/hooks';
import { download } from '../shared/api.js';
import { ErrorBanner, Loading, Page } from '../shared/components.js';
import { useClockReady } from '../shared/clock.js';
import { useSession } from '../shared/session.js';
import { useApi } from '../shared/use-api.js';
import { FilterBar, readFilter, useRegions, useUnits, writeFilter, type Filter } from './filters.js';
import { periodQuery } from './period.js';

export const LEDGER_PAGE = 20;

interface LedgerPageAnswer {
  columns: string[];
  total: number;
  firstResult: number;
  maxResults: number;
  items: Array<{ id: string; number: string; row: Record<string, string | number> }>;
}

/** Long cells (主要诉求, 备注) are cut in the table; the whole text is on hover and in the export. */
const WIDE = new Set(['主要诉求', '备注', '政务服务部门及牵头部门']);

export function LedgerPage() {
  // The default period (本月) is the service's month, so wait until its time is known.
  if (!useClockReady()) return <Loading />;
  return <LedgerPageBody />;
}

function LedgerPageBody() {
  const session = useSession();
  const [filter, setFilterState] = useState<Filter>(() => readFilter(session?.user.region ?? null));
  const [first, setFirst] = useState(0);
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  useEffect(() => writeFilter(filter), [filter]);
  const regions = useRegions();
  const units = useUnits();
  const query = { region: filter.region, unit: filter.unit, ...periodQuery(filter.range) };
  const page = useApi<LedgerPageAnswer>('/api/ledger', { ...query, firstResult: first, maxResults: LEDGER_PAGE });
  const setFilter = (f: Filter) => {
    setFilterState(f);
    setFirst(0);
  };

  const regionName = regions.find((r) => r.id === filter.region)?.name ?? '全部区域';
  const unitName = filter.unit ? `-${units.find((u) => u.id === filter.unit)?.name ?? filter.unit}` : '';
  const period = filter.range.from === filter.range.to ? filter.range.from : `${filter.range.from}至${filter.range.to}`;
  const exportAs = async (format: 'xlsx' | 'csv') => {
    setExporting(format);
    setExportError(null);
    try {
      await download(`/api/ledger.${format}`, query, `工作台账-${regionName}${unitName}-${period}.${format}`);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(null);
    }
  };

  const data = page.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / LEDGER_PAGE)) : 1;
  return (
    <Page
      title="工作台账"
      actions={
        <>
          <button type="button" class="primary" disabled={!!exporting} onClick={() => exportAs('xlsx')}>
            {exporting === 'xlsx' ? '正在导出…' : '导出 Excel'}
          </button>
          <button type="button" disabled={!!exporting} onClick={() => exportAs('csv')}>
            {exporting === 'csv' ? '正在导出…' : '导出 CSV'}
          </button>
        </>
      }
    >
      <FilterBar filter={filter} onChange={setFilter} units={units} />
      <ErrorBanner error={exportError} />
      <ErrorBanner error={page.error} />
      {!data && page.loading && <Loading />}
      {data && (
        <section class="panel ledger" aria-busy={page.loading} aria-label="工作台账">
          <div class="ledger-scroll">
            <table class="data compact ledger-table">
              <caption>
                工作台账：{regionName}，{period}，共 {data.total} 条
              </caption>
              <thead>
                <tr>
                  {data.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={item.id}>
                    {data.columns.map((c) => {
                      const text = String(item.row[c] ?? '');
                      return (
                        <td key={c} class={c === '序号' ? 'num' : WIDE.has(c) ? 'wide' : undefined} title={WIDE.has(c) ? text : undefined}>
                          {text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
            {data.total === 0 && <div class="empty">所选条件下没有工单</div>}
          </div>
          <nav class="pager" aria-label="翻页">
            <button type="button" disabled={first === 0} onClick={() => setFirst(Math.max(0, first - LEDGER_PAGE))}>
              上一页
            </button>
            <span>
              第 {Math.floor(first / LEDGER_PAGE) + 1} / {pages} 页，共 {data.total} 条
            </span>
            <button type="button" disabled={first + LEDGER_PAGE >= data.total} onClick={() => setFirst(first + LEDGER_PAGE)}>
              下一页
            </button>
          </nav>
        </section>
      )}
    </Page>
  );
}

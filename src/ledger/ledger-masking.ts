import { maskName, maskPhone, seesRequester, type CategoryCode, type Viewer } from '../work-orders/index.js';
import type { LedgerRow } from './columns.js';

/** Who reads the ledger: the same masking roles as the work-order API (src/work-orders/masking.ts). */
export type LedgerViewer = Pick<Viewer, 'role'>;

/**
 * The ledger row as the viewer may see it: the requester's name, the unit's contact person and
 * the phone number masked exactly where GET /api/work-orders masks them (an auditor, a handler
 * reading a 举报), so the export is no back door to what the list hides.
 */
export function maskLedgerRow(row: LedgerRow, r: Record<string, unknown>, viewer: LedgerViewer | undefined): LedgerRow {
  if (!viewer || seesRequester(viewer, String(r.category) as CategoryCode)) return row;
  return {
    ...row,
    // A unit's name is not personal data; its contact person's is.
    姓名或单位名称: r.requester_type === 'unit' ? row.姓名或单位名称 : maskName(row.姓名或单位名称),
    单位联系人: row.单位联系人 === '' ? '' : maskName(row.单位联系人),
    联系方式: maskPhone(row.联系方式),
  };
}

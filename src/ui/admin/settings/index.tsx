/** Placeholder until this folder's pages are built. */
import { Page, Notice } from '../../shared/components.js';
export function CalendarPage() { return <Page title="工作日历"><Notice>建设中</Notice></Page>; }
export function UsersPage() { return <Page title="单位与用户"><Notice>建设中</Notice></Page>; }

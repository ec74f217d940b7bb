/** Placeholder until this folder's pages are built. */
import { Page, Notice } from '../shared/components.js';
export function DashboardPage() { return <Page title="DashboardPage"><Notice>建设中</Notice></Page>; }
export function LedgerPage() { return <Page title="LedgerPage"><Notice>建设中</Notice></Page>; }

/** Placeholder until this folder's pages are built. */
import { Page, Notice } from '../shared/components.js';
export function OrderListPage() { return <Page title="OrderListPage"><Notice>建设中</Notice></Page>; }
export function OrderPage() { return <Page title="OrderPage"><Notice>建设中</Notice></Page>; }

/** Placeholder until this folder's pages are built. */
import { Page, Notice } from '../shared/components.js';
export function TaskListPage() { return <Page title="TaskListPage"><Notice>建设中</Notice></Page>; }
export function TaskPage() { return <Page title="TaskPage"><Notice>建设中</Notice></Page>; }

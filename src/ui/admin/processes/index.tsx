/** Placeholder until this folder's pages are built. */
import { Page, Notice } from '../../shared/components.js';
export function ProcessLibraryPage() { return <Page title="流程管理"><Notice>建设中</Notice></Page>; }
export function ModelerPage() { return <Page title="流程设计"><Notice>建设中</Notice></Page>; }
export function DiffPage() { return <Page title="版本比较"><Notice>建设中</Notice></Page>; }

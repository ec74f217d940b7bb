/** Placeholder until this folder's pages are built. */
import { Page, Notice } from '../shared/components.js';
export function ProcessLibraryPage() { return <Page title="ProcessLibraryPage"><Notice>建设中</Notice></Page>; }
export function ModelerPage() { return <Page title="ModelerPage"><Notice>建设中</Notice></Page>; }
export function DiffPage() { return <Page title="DiffPage"><Notice>建设中</Notice></Page>; }
export function CalendarPage() { return <Page title="CalendarPage"><Notice>建设中</Notice></Page>; }
export function UsersPage() { return <Page title="UsersPage"><Notice>建设中</Notice></Page>; }

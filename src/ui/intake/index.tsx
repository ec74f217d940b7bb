/** Placeholder until this folder's pages are built. */
import { Page, Notice } from '../shared/components.js';
export function IntakePage() { return <Page title="IntakePage"><Notice>建设中</Notice></Page>; }

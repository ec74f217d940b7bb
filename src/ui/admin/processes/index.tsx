/** 流程管理: the process library per region, the modeler, and the comparison of two versions. */
export { ProcessLibraryPage } from './library.js';
export { ModelerPage } from './modeler.js';
export { DiffPage } from './diff.js';

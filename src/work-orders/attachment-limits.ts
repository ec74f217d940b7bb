/**
 * What a work order may carry as attachments. Files are uploaded to object storage first and
 * the order keeps a reference (storage key, name, size, type), so intake never streams bytes;
 * these limits keep the references honest and the ledger exportable.
 *
 * The types are what windows and the hotline produce: photos of the problem, scans, office
 * documents, and call recordings (AMR is what many telephone systems record in).
 */
export const ATTACHMENT_MAX_COUNT = 20;
/** One file: 50 MiB (a few minutes of video from a phone). */
export const ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024;
/** All files of one order together: 200 MiB. */
export const ATTACHMENT_MAX_TOTAL_BYTES = 200 * 1024 * 1024;

export const ATTACHMENT_CONTENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/ofd',
  'text/plain',
  'audio/mpeg',
  'audio/wav',
  'audio/amr',
  'video/mp4',
] as const;

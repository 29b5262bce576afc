// The Bulk check, Settings and Audit log sections reach the shared page helpers through here.
import { downloadBlob } from '@/lib/options/download';

export { useAppDb as useDb } from '@/components/use-app-db';
export { errorText } from '@/lib/messaging/client';

/** Saves a Blob under a file name (no network, no download permission). */
export function saveBlob(blob: Blob, fileName: string): void {
  downloadBlob(fileName, blob);
}

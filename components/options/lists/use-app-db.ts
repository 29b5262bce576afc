// The lists, import and backup sections reach the shared page helpers through here. Errors are shown in the
// page's language where the store gave their words (import and backup errors).
export { useAppDb } from '@/components/use-app-db';
export { shownError as errorText } from '@/lib/options/errors';

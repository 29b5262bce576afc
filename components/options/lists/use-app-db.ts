// The lists, import and backup sections reach the shared page helpers through here.
export { useAppDb } from '@/components/use-app-db';
export { errorText } from '@/lib/messaging/client';

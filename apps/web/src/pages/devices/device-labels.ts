import { t, type MessageKey } from '@/i18n';

/**
 * How the device pages name things (SPEC R11): people by their name, falling back to the id on rows from before
 * names were kept; states through the message tree.
 */
export const personLabel = (name: string | null | undefined, id: string | null | undefined): string =>
  name ?? id ?? '—';

export const statusLabel = (s: string) => t(`devices.statuses.${s}` as MessageKey);
export const kindLabel = (k: string) => t(`devices.kinds.${k}` as MessageKey);
export const stateLabel = (s: string) => t(`devices.states.${s}` as MessageKey);
export const returnStateLabel = (s: string) => t(`devices.returnStates.${s}` as MessageKey);
export const exportStateLabel = (s: string) => t(`devices.exportStates.${s}` as MessageKey);
export const retireKindLabel = (k: string) => t(`devices.retireKinds.${k}` as MessageKey);

/** The tag colour of a state that needs attention: overdue and missing in red, late in amber, the rest neutral. */
export function severity(state: string | null | undefined): 'danger' | 'warning' | 'success' | 'info' {
  if (state === 'overdue' || state === 'missing') return 'danger';
  if (state === 'late' || state === 'returned-late') return 'warning';
  if (state === 'exported' || state === 'returned') return 'success';
  return 'info';
}

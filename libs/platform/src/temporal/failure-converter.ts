import { DefaultFailureConverter } from '@temporalio/common';

/**
 * The failure converter of every client and worker that seals payloads (payload-codec.ts, by its path: the worker
 * bundles it into the workflow code, and the client loads it by that path as well). By default a failure's message
 * and stack trace travel beside the payloads in clear, so a refusal naming a party ("…某公司…") would sit readable
 * in the workflow history; with common attributes encoded they move into a payload, which the codec encrypts, and
 * the history shows only "Encoded failure" (issue 12).
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });

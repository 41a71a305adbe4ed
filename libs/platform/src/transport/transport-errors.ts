/**
 * A connection failure's message, with the variables to look at when it is one of ours: kafkajs and the Temporal
 * transports say what failed (an authentication, a certificate) but not which setting holds it. Used where a start
 * or a set-up step gives up, so an operator reads the variable's name on the one line it prints; never a value.
 */
export function transportHint(err: unknown): string {
  const chain: string[] = [];
  for (let e = err as { name?: string; message?: string; cause?: unknown; originalError?: unknown } | undefined; e;) {
    chain.push(`${e.name ?? ''}: ${e.message ?? ''}`);
    e = (e.cause ?? e.originalError) as typeof e | undefined;
    if (chain.length > 5) break;
  }
  const text = chain.join(' / ');
  const message = (err as Error | undefined)?.message ?? String(err);
  const hint = HINTS.find(([pattern]) => pattern.test(text))?.[1];
  return hint ? `${message} (check ${hint})` : message;
}

const HINTS: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /KafkaJSSASLAuthenticationError|SASL .*authentication failed/i,
    'KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD, or their *_FILE',
  ],
  [
    /KafkaJS.*(certificate|self[- ]signed|altnames)|(certificate|self[- ]signed|altnames).*KafkaJS/i,
    'KAFKA_TLS_CA_FILE and KAFKA_BROKERS (the name on the brokers’ certificates)',
  ],
  [
    /InvalidCertificate|ERR_TLS_CERT_ALTNAME_INVALID|unable to verify the first certificate|transport error/i,
    'TEMPORAL_ADDRESS, TEMPORAL_TLS_CA_FILE, TEMPORAL_TLS_SERVER_NAME and the client pair TEMPORAL_TLS_CERT_FILE/TEMPORAL_TLS_KEY_FILE',
  ],
];

/** The JSON payload every system sends: about 300 bytes once serialised. */
export interface BenchPayload {
  [key: string]: unknown;
  seq: number;
}

/** Target size of a serialised payload, in bytes. */
export const PAYLOAD_BYTES = 300;

const BASE = {
  kind: 'order.created',
  customer: { id: 'c-1042', tier: 'gold', region: 'eu-west' },
  items: [
    { sku: 'A-100', qty: 2, price: 19.99 },
    { sku: 'B-220', qty: 1, price: 5.5 },
  ],
  note: '',
};

// Pads `note` so that a payload with a six-digit sequence number is PAYLOAD_BYTES long.
const unpadded = JSON.stringify({ seq: 100000, ...BASE }).length;
const TEMPLATE = { ...BASE, note: 'x'.repeat(Math.max(0, PAYLOAD_BYTES - unpadded)) };

/** A fresh payload object (as an application would build one per message). */
export function makePayload(seq: number): BenchPayload {
  return { seq, ...TEMPLATE };
}

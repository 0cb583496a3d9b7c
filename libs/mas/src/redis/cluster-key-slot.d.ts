/** Types of `cluster-key-slot` (CRC16 hash slot of a key, as Redis Cluster computes it; the package ships none). */
declare module 'cluster-key-slot' {
  /** The hash slot (0-16383) of `key`, honouring a `{hash tag}`. */
  function calculateSlot(key: string | Buffer): number;
  export = calculateSlot;
}

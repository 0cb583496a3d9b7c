/** Sends one command to 127.0.0.1:`port` and resolves with the raw reply text. */
export function rawCommand(port: number, args: Array<string | number>, timeoutMs?: number): Promise<string>;

/** Creates a cluster over running nodes on `ports` (`replicas` per master). */
export function clusterCreate(ports: number[], replicas?: number): void;

/** Resolves once every node on `ports` serves all slots and every replica among them has synced. */
export function waitClusterHealthy(ports: number[], timeoutMs?: number): Promise<void>;

/** A free loopback port whose cluster bus port (port + 10000) is free too. */
export function freeClusterPort(taken?: Set<number>): Promise<number>;

/** Arguments of a cluster node on `port` keeping its files in `dir`. */
export function clusterNodeArgs(port: number, dir: string, options?: { appendOnly?: boolean; args?: string[] }): string[];

/** A throw-away local cluster. */
export interface LocalCluster {
  url: string;
  ports: number[];
  stop(): Promise<void>;
}

/** Starts `masters` masters with one replica each on free loopback ports. */
export function startLocalCluster(options?: { masters?: number; args?: string[] }): Promise<LocalCluster>;

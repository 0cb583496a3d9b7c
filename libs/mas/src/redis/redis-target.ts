/**
 * What a Redis URL points at. Besides `redis://` and `rediss://` (one server) MAS accepts
 * `redis-cluster://[user:pass@]host:port[,host:port...]` (seed nodes of a Redis Cluster;
 * `rediss-cluster://` with TLS) and
 * `redis-sentinel://[user:pass@]host:port[,host:port...][/db]#<master-name>` (a Sentinel set;
 * `rediss-sentinel://` with TLS to the data nodes). The credentials are those of the data nodes.
 */
export type RedisTarget =
  | { kind: 'single'; url: string }
  | { kind: 'cluster'; nodes: RedisNodeAddress[]; tls: boolean; username?: string; password?: string }
  | { kind: 'sentinel'; sentinels: RedisNodeAddress[]; masterName: string; db: number; tls: boolean; username?: string; password?: string };

/** One `host:port`. */
export interface RedisNodeAddress {
  host: string;
  port: number;
}

const MULTI_NODE = /^(rediss?)-(cluster|sentinel):\/\/(?:([^@/]*)@)?([^/#]+)(?:\/(\d*))?(?:#(.*))?$/;

/**
 * Parses a Redis URL into what to connect to.
 * @throws Error for a cluster or sentinel URL without nodes, with a bad port, or a sentinel URL without `#<master-name>`
 */
export function parseRedisTarget(url: string): RedisTarget {
  const match = MULTI_NODE.exec(url);
  if (!match) return { kind: 'single', url };
  const [, scheme, kind, userinfo, hostList, db, masterName] = match;
  const nodes = hostList.split(',').map((entry) => parseAddress(entry, url));
  const credentials = parseUserinfo(userinfo);
  const tls = scheme === 'rediss';
  if (kind === 'cluster') {
    if (masterName) throw new Error(`A redis-cluster:// URL names no master ('#${masterName}'): ${maskedForError(url)}`);
    return { kind: 'cluster', nodes, tls, ...credentials };
  }
  if (!masterName) throw new Error(`A redis-sentinel:// URL needs the master name after '#': ${maskedForError(url)}`);
  return { kind: 'sentinel', sentinels: nodes, masterName: decodeURIComponent(masterName), db: db ? Number(db) : 0, tls, ...credentials };
}

/** True for `redis-cluster://` and `rediss-cluster://` URLs. */
export function isClusterUrl(url: string): boolean {
  return parseRedisTarget(url).kind === 'cluster';
}

function parseAddress(entry: string, url: string): RedisNodeAddress {
  const at = entry.lastIndexOf(':');
  const host = (at > 0 ? entry.slice(0, at) : entry).replace(/^\[(.*)\]$/, '$1');
  const port = at > 0 ? Number(entry.slice(at + 1)) : 6379;
  if (!host || !Number.isInteger(port) || port <= 0 || port > 65_535) throw new Error(`Bad node '${entry}' in ${maskedForError(url)}`);
  return { host, port };
}

function parseUserinfo(userinfo: string | undefined): { username?: string; password?: string } {
  if (!userinfo) return {};
  const colon = userinfo.indexOf(':');
  if (colon < 0) return { username: decodeURIComponent(userinfo) || undefined };
  const username = decodeURIComponent(userinfo.slice(0, colon));
  return { ...(username ? { username } : {}), password: decodeURIComponent(userinfo.slice(colon + 1)) };
}

function maskedForError(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

/**
 * `url` with its credentials replaced by `username` / `password` (percent-encoded), whatever it points
 * at: one server, a cluster's seed nodes or a Sentinel set (whose credentials are the data nodes').
 */
export function withRedisCredentials(url: string, username: string, password: string): string {
  const userinfo = `${encodeURIComponent(username)}:${encodeURIComponent(password)}@`;
  const match = MULTI_NODE.exec(url);
  if (!match) {
    const single = new URL(url);
    single.username = encodeURIComponent(username);
    single.password = encodeURIComponent(password);
    return single.toString();
  }
  const [, scheme, kind, , hostList, db, masterName] = match;
  return `${scheme}-${kind}://${userinfo}${hostList}${db !== undefined ? `/${db}` : ''}${masterName !== undefined ? `#${masterName}` : ''}`;
}

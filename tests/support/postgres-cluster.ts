import { execFileSync } from "node:child_process";
import { appendFileSync, chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/app-process";

// Throwaway PostgreSQL clusters made with the server's own tools (initdb, pg_ctl, pg_basebackup),
// for tests that need something the shared server cannot give them: a primary with a streaming
// replica. Each lives in a temporary folder on a free port and is removed at the end.

/** The newest PostgreSQL server's programs (Debian keeps them out of PATH), or null if none. */
export function postgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

// The server refuses to run as root: as root, run its programs as the postgres user.
const asRoot = process.getuid?.() === 0;
function run(bin: string, program: string, args: string[]): string {
  const command = path.join(bin, program);
  return asRoot ? execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8", stdio: "pipe" }) : execFileSync(command, args, { encoding: "utf8", stdio: "pipe" });
}

export interface Cluster {
  port: number;
  dir: string;
  /** postgres://postgres@127.0.0.1:port/<database> */
  url(database?: string): string;
  stop(mode?: "fast" | "immediate"): void;
}

function started(bin: string, dir: string, port: number): Cluster {
  run(bin, "pg_ctl", ["-D", dir, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
  let running = true;
  return {
    port,
    dir,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop(mode = "fast") {
      if (!running) return;
      run(bin, "pg_ctl", ["-D", dir, "-m", mode, "-w", "stop"]);
      running = false;
    },
  };
}

const settings = (port: number, socketDir: string) =>
  [`port = ${port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${socketDir}'`, "fsync = off", "synchronous_commit = off", "full_page_writes = off", "max_wal_senders = 5", "wal_level = replica", ""].join("\n");

export interface PrimaryAndReplica {
  primary: Cluster;
  replica: Cluster;
  /** Stops both and removes their folders. */
  remove(): void;
}

/** A new primary, and a streaming replica of it made with pg_basebackup -R. */
export async function primaryWithReplica(bin: string): Promise<PrimaryAndReplica> {
  const root = mkdtempSync(path.join(os.tmpdir(), "cnis-replication-"));
  chmodSync(root, 0o777);
  const primaryDir = path.join(root, "primary");
  const replicaDir = path.join(root, "replica");
  if (asRoot) execFileSync("chown", ["postgres", root]);
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  // initdb's own pg_hba.conf trusts local connections, replication ones included.
  run(bin, "initdb", ["-D", primaryDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"]);
  appendPostgresConf(primaryDir, settings(primaryPort, root));
  const primary = started(bin, primaryDir, primaryPort);
  let replica: Cluster | undefined;
  try {
    run(bin, "pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", replicaDir, "-R", "-X", "stream"]);
    appendPostgresConf(replicaDir, `port = ${replicaPort}\n`);
    replica = started(bin, replicaDir, replicaPort);
  } catch (error) {
    primary.stop("immediate");
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    primary,
    replica,
    remove() {
      for (const cluster of [replica, primary]) {
        try {
          cluster?.stop("immediate");
        } catch {
          // already stopped
        }
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function appendPostgresConf(dir: string, text: string) {
  const file = path.join(dir, "postgresql.conf");
  if (asRoot) execFileSync("runuser", ["-u", "postgres", "--", "sh", "-c", `cat >> '${file}'`], { input: text });
  else appendFileSync(file, text);
}

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, stopProcess } from "../../scripts/app-process";

// nginx from Debian's packages in front of several app processes, as a load balancer would be in
// production: round robin, keep-alive to the processes, the forwarding headers the app trusts with
// TRUST_PROXY, and a failed connection to one process retried on the next (nginx retries only
// requests that are safe to retry: never a POST once it was sent).

export const NGINX = "/usr/sbin/nginx";

export interface LoadBalancer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

export function nginxConfig(options: { prefix: string; port: number; upstreams: number[] }): string {
  const temp = (name: string) => path.join(options.prefix, name);
  return `worker_processes 1;
pid ${temp("nginx.pid")};
error_log stderr warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${temp("body")};
  proxy_temp_path ${temp("proxy")};
  fastcgi_temp_path ${temp("fastcgi")};
  uwsgi_temp_path ${temp("uwsgi")};
  scgi_temp_path ${temp("scgi")};
  upstream app {
${options.upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=10s;`).join("\n")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${options.port};
    # The app sets its own body limits (BODY_LIMIT_BYTES) and answers 413 with its own page: bodies
    # are passed on as they arrive, not held back and measured here.
    client_max_body_size 0;
    proxy_request_buffering off;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout http_502;
      proxy_connect_timeout 2s;
    }
  }
}
`;
}

export async function startLoadBalancer(upstreams: number[], port?: number): Promise<LoadBalancer> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: install Debian's nginx (apt-get install nginx), as .ci/run does`);
  const prefix = mkdtempSync(path.join(os.tmpdir(), "cnis-nginx-"));
  for (const dir of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(prefix, dir));
  port ??= await freePort();
  const conf = path.join(prefix, "nginx.conf");
  writeFileSync(conf, nginxConfig({ prefix, port: port, upstreams }));
  const child: ChildProcess = spawn(NGINX, ["-p", prefix, "-e", "stderr", "-c", conf, "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`nginx did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    output: () => output,
    async stop() {
      await stopProcess(child);
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// The runtime floor: a bare node:http server answering every request with a body of the same size
// and type as the app's, so the app's cost can be told from Node's own. It runs in a process of its
// own, as the app does: in the harness's process it would share a thread with autocannon.

const SERVER = `
const http = require("node:http");
const body = require("node:fs").readFileSync(process.env.BODY_FILE);
const server = http.createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    response.writeHead(200, { "Content-Type": process.env.CONTENT_TYPE, "Content-Length": body.length });
    response.end(body);
  });
});
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\\n"));
`;

export async function bareServer(body: Buffer, contentType: string): Promise<{ url: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cnis-bench-floor-"));
  const bodyFile = path.join(dir, "body");
  writeFileSync(bodyFile, body);
  const child = spawn(process.execPath, ["-e", SERVER], { env: { BODY_FILE: bodyFile, CONTENT_TYPE: contentType }, stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`The node:http floor exited (${code}) before listening`)));
    child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

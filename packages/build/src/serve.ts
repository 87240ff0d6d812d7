// Serves the built site (dist/) on 127.0.0.1, as a reader would get it from any static host.
import {createServer, type Server} from "node:http";
import {resolve} from "node:path";
import {parseArgs} from "node:util";
import sirv from "sirv";

export async function serveStatic(dir: string, port = 0, host = "127.0.0.1"): Promise<{server: Server; url: string}> {
  // `extensions: ["html"]` serves /etp from etp.html, as Framework's clean URLs expect;
  // `dev` reads the folder at each request, so a file removed after start is a 404.
  const handler = sirv(dir, {extensions: ["html"], dev: true, etag: true});
  const server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.end("Page introuvable");
    })
  );
  await new Promise<void>((done) => server.listen(port, host, done));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("Le serveur n'a pas d'adresse TCP.");
  return {server, url: `http://${host}:${address.port}`};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const {values} = parseArgs({
    options: {port: {type: "string", default: "3000"}, dir: {type: "string", default: "dist"}}
  });
  const {url} = await serveStatic(resolve(values.dir), Number(values.port));
  console.log(`Site servi sur ${url}/ (Ctrl+C pour arrêter)`);
}

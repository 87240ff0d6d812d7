// Serves the built site (dist/) on 127.0.0.1, as a reader would get it from any static host.
import {createReadStream, statSync} from "node:fs";
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import {extname, join, resolve, sep} from "node:path";
import {parseArgs} from "node:util";
import sirv from "sirv";

export interface ServeOptions {
  /**
   * Serve as the plainest static host does: a URL is a file, a URL ending in "/" is that
   * folder's index.html, anything else is a 404 (no clean URLs, no rewriting).
   */
  readonly plain?: boolean;
  /** Serve the site under this sub-path ("/pilotage/"); the URL returned includes it. */
  readonly base?: string;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".arrow": "application/vnd.apache.arrow.file",
  ".parquet": "application/vnd.apache.parquet"
};

function notFound(res: ServerResponse): void {
  res.statusCode = 404;
  res.setHeader("content-type", "text/plain; charset=utf-8");
  res.end("Page introuvable");
}

/** A static host with no rewriting at all (see ServeOptions.plain). */
function plainHandler(dir: string): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const root = resolve(dir);
  return (req, res, next) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      return next();
    }
    if (path.endsWith("/")) path += "index.html";
    const file = resolve(join(root, path));
    if (!file.startsWith(root + sep)) return next();
    let size: number;
    try {
      const stats = statSync(file);
      if (!stats.isFile()) return next();
      size = stats.size;
    } catch {
      return next();
    }
    res.setHeader("content-type", TYPES[extname(file)] ?? "application/octet-stream");
    res.setHeader("content-length", size);
    res.setHeader("access-control-allow-origin", "*");
    createReadStream(file).pipe(res);
  };
}

export async function serveStatic(
  dir: string,
  port = 0,
  host = "127.0.0.1",
  options: ServeOptions = {}
): Promise<{server: Server; url: string}> {
  // `extensions: ["html"]` also serves /etp from etp.html (clean URLs); `dev` reads the
  // folder at each request, so a file removed after start is a 404.
  const handler = options.plain ? plainHandler(dir) : sirv(dir, {extensions: ["html"], dev: true, etag: true});
  const base = options.base ? `/${options.base.replace(/^\/+|\/+$/g, "")}` : "";
  const server = createServer((req, res) => {
    if (base) {
      if (!req.url?.startsWith(`${base}/`)) return notFound(res);
      req.url = req.url.slice(base.length);
    }
    handler(req, res, () => notFound(res));
  });
  await new Promise<void>((done) => server.listen(port, host, done));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("Le serveur n'a pas d'adresse TCP.");
  return {server, url: `http://${host}:${address.port}${base}`};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const {values} = parseArgs({
    options: {
      port: {type: "string", default: "3000"},
      dir: {type: "string", default: "dist"},
      plain: {type: "boolean", default: false},
      base: {type: "string"}
    }
  });
  const {url} = await serveStatic(resolve(values.dir), Number(values.port), "127.0.0.1", {
    plain: values.plain,
    base: values.base
  });
  console.log(`Site servi sur ${url}/ (Ctrl+C pour arrêter)`);
}

// A text file written through a stream, optionally gzip-compressed, with backpressure:
// lines are gathered into chunks of about 64 kB and each chunk waits for the stream to
// drain, so memory stays flat however many rows a table has.
import {createWriteStream, type WriteStream} from "node:fs";
import {once} from "node:events";
import {createGzip, constants, type Gzip} from "node:zlib";
import {finished} from "node:stream/promises";

const CHUNK = 64 * 1024;

// Fixed level: the same input must give the same bytes. Node writes no file name and
// an mtime of 0 in the gzip header, so nothing depends on when or where it ran.
const GZIP_OPTIONS = {level: 6, memLevel: 8, strategy: constants.Z_DEFAULT_STRATEGY};

export class TextSink {
  private buffer = "";
  private readonly file: WriteStream;
  private readonly gzip: Gzip | undefined;
  bytesIn = 0;

  constructor(
    readonly path: string,
    compress: boolean
  ) {
    this.file = createWriteStream(path);
    if (compress) {
      this.gzip = createGzip(GZIP_OPTIONS);
      this.gzip.pipe(this.file);
    }
  }

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer === "") return;
    const chunk = Buffer.from(this.buffer, "utf8");
    this.buffer = "";
    this.bytesIn += chunk.length;
    const target = this.gzip ?? this.file;
    if (!target.write(chunk)) await once(target, "drain");
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.gzip) this.gzip.end();
    else this.file.end();
    await finished(this.file);
  }
}

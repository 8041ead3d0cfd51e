// How Moodle 4.3 serves a SCORM package's files: through pluginfile.php, which has no
// MIME type for .wasm (nor .pack, .gz): application/octet-stream, sent as it is; a
// usual web server in front gzip-compresses the text types. One rule for the test
// servers (harness.mjs) and the benchmark's (bench/bench.mjs).
import zlib from 'node:zlib';

const TEXT = /\.(html|js|mjs|css|svg|json|xml)$/;

/** A response for `file` (its `body` and `headers` as a plain server sends them) as Moodle sends it. */
export function asMoodleServes(file, body, headers, acceptEncoding = '') {
  if (!TEXT.test(file)) return { body, headers: { ...headers, 'Content-Type': 'application/octet-stream' } };
  if (!/gzip/.test(acceptEncoding)) return { body, headers };
  return { body: zlib.gzipSync(body, { level: 9 }), headers: { ...headers, 'Content-Encoding': 'gzip' } };
}

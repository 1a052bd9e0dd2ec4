// fsFetch serves files under root as fetch would serve them over HTTP,
// ignoring the query string, and counts the requests and bytes. Given
// files (a Map), each file is read from the disk once and kept there
// (a missing one as null), for a script that reads the same index anew
// many times (cut.mjs, where reading the files again took over half of
// its time); requests and bytes still count every request.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export function fsFetch(root, files) {
  const f = async (url) => {
    const path = url.replace(/\?.*$/, '');
    f.requests.push(path);
    const file = join(root, path);
    let body;
    if (files?.has(file)) {
      body = files.get(file);
    } else {
      body = await readFile(file).catch(() => null);
      files?.set(file, body);
    }
    if (!body) return { ok: false, status: 404, text: async () => '', json: async () => null };
    f.bytes += body.length;
    return { ok: true, status: 200, text: async () => body.toString('utf8'), json: async () => JSON.parse(body) };
  };
  f.requests = [];
  f.bytes = 0;
  return f;
}

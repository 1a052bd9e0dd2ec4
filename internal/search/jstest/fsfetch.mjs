// fsFetch serves files under root as fetch would serve them over HTTP,
// ignoring the query string, and counts the requests and bytes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export function fsFetch(root) {
  const f = async (url) => {
    const path = url.replace(/\?.*$/, '');
    f.requests.push(path);
    try {
      const body = await readFile(join(root, path));
      f.bytes += body.length;
      return { ok: true, status: 200, text: async () => body.toString('utf8'), json: async () => JSON.parse(body) };
    } catch {
      return { ok: false, status: 404, text: async () => '', json: async () => null };
    }
  };
  f.requests = [];
  f.bytes = 0;
  return f;
}

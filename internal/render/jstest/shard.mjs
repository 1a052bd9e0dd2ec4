// shard.mjs reads from its standard input a JSON list of
// {slug, shards} and prints, as a JSON list, the shard oma-helminauha.js
// fetches each slug from (necklaceShard). TestNecklaceShardSameInScript
// in ../necklace_data_test.go runs it and compares with the generator's.
import { necklaceShard } from '../../../themes/helminauha/assets/oma-helminauha.js';

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
process.stdout.write(JSON.stringify(input.map((c) => necklaceShard(c.slug, c.shards))));

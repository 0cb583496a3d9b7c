// `npm start`: makes sure a Redis answers (starting a throw-away one when redis-server is
// installed), then runs the demo app: two agents exchanging request/reply.
import { runExample } from './run-example.mjs';

process.exit(await runExample('demo'));

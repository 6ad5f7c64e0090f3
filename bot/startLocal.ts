// `npm start`: run everything on this machine with nothing but Node (embedded SQLite, no bot authentication,
// loopback only). Set before main reads the environment; an explicit CLPL_LOCAL in the environment still wins.
process.env.CLPL_LOCAL ??= '1';
require('./main');

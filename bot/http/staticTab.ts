import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { Server } from 'restify';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Teams (web, desktop, mobile, Outlook and the Microsoft 365 app) may frame the tab; nobody else. */
const frameAncestors =
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://*.skype.com https://*.office.com https://*.cloud.microsoft https://outlook.office.com https://*.microsoft365.com";

/**
 * Serves the built tab (`dist/tab`, written by `npm run build:tab`) under /tab. Hashed assets are cached for a year;
 * index.html is revalidated so a new deployment shows at once.
 */
export function mountStaticTab(server: Server, distDir: string): void {
  const root = normalize(distDir);
  server.get('/tab', (_req, res, next) => {
    res.redirect(302, '/tab/index.html', next);
  });
  server.get('/tab/*', (req, res, next) => {
    const relative = decodedPath(req.getPath().slice('/tab/'.length));
    const file = relative === null ? null : normalize(join(root, relative || 'index.html'));
    if (file === null || !file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.header('Content-Type', 'text/plain; charset=utf-8');
      res.send(404, existsSync(join(root, 'index.html')) ? 'Not found' : 'The tab has not been built: run `npm run build:tab`.');
      return next();
    }
    const { size } = statSync(file);
    res.writeHead(200, {
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': relative?.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'Content-Security-Policy': frameAncestors,
      'X-Content-Type-Options': 'nosniff',
    });
    createReadStream(file).pipe(res).on('finish', () => next());
  });
}

/** A path as sent, decoded; null when its percent-encoding is broken (then it names no file: 404, not a thrown URIError). */
function decodedPath(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

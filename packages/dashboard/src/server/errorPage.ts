const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ??
      character,
  );

/**
 * A page for a refused or failed request (403, 401, 404): the status as a heading, the reason,
 * and a way back, in the dashboard's colours, with no script.
 */
export const errorPage = (
  status: number,
  heading: string,
  reason: string,
): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${status} ${escapeHtml(heading)} · Clientele</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;margin:3rem auto;max-width:40rem;color:#1b1f29;background:#fff}
a{color:#0b57a4}a:focus{outline:3px solid #1b1f29;outline-offset:2px}h1{font-size:1.6rem}</style></head>
<body><main><h1 data-status="${status}">${status} — ${escapeHtml(heading)}</h1><p>${escapeHtml(reason)}</p>
<p><a href="/">Back to the overview</a></p></main></body></html>`;

/**
 * The sign-in page: one field for a signed actor token from the issuer (the one the command line takes), posted to this
 * server, which keeps it in an HttpOnly cookie. No script.
 */
export const signInPage = (): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in · Clientele</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;margin:3rem auto;max-width:40rem;color:#1b1f29;background:#fff}
label{display:flex;flex-direction:column;gap:.3rem}input,button{font:inherit;padding:.4rem;border:1px solid #7a8294;border-radius:4px}
button{background:#0b57a4;color:#fff;border-color:#0b57a4;margin-top:1rem}
input:focus-visible,button:focus-visible{outline:3px solid #1b1f29;outline-offset:2px}h1{font-size:1.6rem}</style></head>
<body><main><h1>Sign in</h1>
<form method="post" action="/sign-in"><label>Signed actor token (from your issuer)
<input name="token" type="password" autocomplete="off" required autofocus></label>
<button type="submit">Sign in</button></form></main></body></html>`;

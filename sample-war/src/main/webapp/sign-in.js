// Signs in at /sign-in (the sample's stand-in for a real login) and opens a WebSocket that carries
// the signed token as a subprotocol entry: browsers cannot set an Authorization header on a
// WebSocket, and a token in the query string would end up in access logs.
const base = location.pathname.replace(/[^/]*$/, '');

export async function signIn(user) {
    const response = await fetch(`${base}sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ user }),
    });
    if (!response.ok) throw new Error(`sign-in refused (${response.status}): use letters, digits, '_' or '-'`);
    return (await response.json()).token;
}

export function openSocket(path, token) {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    return new WebSocket(`${scheme}://${location.host}${base}${path}`, ['hauyna', `bearer.${token}`]);
}

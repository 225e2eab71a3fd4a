// The web server writes the TCP peer's address into this header before Next.js sees the
// request, replacing anything a client sent, so rate limits key on an address nobody can forge.
export const CLIENT_ADDRESS_HEADER = "x-baton-client-address";

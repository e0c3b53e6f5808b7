// js-md4 ships no types: the one function the NTLM test server uses.
declare module 'js-md4' {
  const md4: { arrayBuffer(message: ArrayBuffer | Uint8Array | string): ArrayBuffer };
  export default md4;
}

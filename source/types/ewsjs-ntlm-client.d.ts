// @ewsjs/ntlm-client ships no types; these are the two functions the CONNECT exchange uses (the Type 2
// message is decoded by io/proxy-connect.ts, more leniently). It is
// CommonJS: Node's ESM import sees its functions on the default export only.
declare module '@ewsjs/ntlm-client' {
  export interface Type2Message {
    flags: number;
    encoding: 'ascii' | 'ucs2';
    version: 1 | 2;
    challenge: Buffer;
    targetName: string;
  }
  const ntlm: {
    /** "NTLM <base64>" */
    createType1Message(workstation?: string, target?: string): string;
    /** "NTLM <base64>" */
    createType3Message(type2: Type2Message, username: string, password: string, workstation?: string, target?: string): string;
  };
  export default ntlm;
}

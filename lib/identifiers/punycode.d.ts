// The npm package ships no types, and '@types/node' only describes Node's deprecated builtin 'punycode'.
// The trailing slash makes bundlers and Node resolve the npm package, so it needs its own declaration.
declare module 'punycode/' {
  export function toASCII(domain: string): string;
  export function toUnicode(domain: string): string;
  export function encode(input: string): string;
  export function decode(input: string): string;
  const punycode: {
    toASCII: typeof toASCII;
    toUnicode: typeof toUnicode;
    encode: typeof encode;
    decode: typeof decode;
  };
  export default punycode;
}

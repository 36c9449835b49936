// The slice of upng-js's API the screenshots use (it ships no types).
declare module 'upng-js' {
  interface Image {
    width: number;
    height: number;
  }
  const UPNG: {
    decode(data: ArrayBuffer): Image;
    toRGBA8(image: Image): ArrayBuffer[];
    /** `colours` 0: lossless; otherwise a palette of at most that many colours. */
    encode(frames: ArrayBuffer[], width: number, height: number, colours: number): ArrayBuffer;
  };
  export default UPNG;
}

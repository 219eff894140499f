// The camera scanners' second decoder: the standard BarcodeDetector, given by the browser where it has one (Android,
// ChromeOS, macOS) and otherwise by ZXing-C++ compiled to WebAssembly (the barcode-detector polyfill). html5-qrcode
// uses a BarcodeDetector when one exists and alternates it with its own ZXing port, which misses about one valid
// ticket code in forty however steadily it is held (ADR 0041). The .wasm is served from /lib like every other file:
// nothing is fetched from a CDN.
import { prepareZXingModule } from "barcode-detector/polyfill";

const wasm = "/lib/barcode-detector/zxing_reader.wasm";

prepareZXingModule({
  overrides: {
    locateFile: (path, prefix) => (path.endsWith(".wasm") ? wasm : prefix + path),
  },
});

// The desk's camera scanner: html5-qrcode (served from /lib, no CDN) behind three calls Blazor makes through an
// IJSObjectReference (CameraScanner.razor). A decoded code goes back to .NET, which checks it in exactly as a code typed
// into the scan box. Problems come back as a kind ("insecure", "denied", "none", "busy", "unsupported", "failed") so the
// page says what to do in words, never a browser error string.

// The BarcodeDetector first (ADR 0041): html5-qrcode looks for it when a scanner is made and then alternates it with its
// own decoder, which on its own misses a few valid codes at any distance.
const libraries = ["/lib/barcode-detector/barcode-detector.js", "/lib/html5-qrcode/html5-qrcode.min.js"];
let loading;
let scanner;
let last = { text: "", at: 0 };

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`Could not load ${src}`));
    document.head.appendChild(script);
  });
}

function loadLibrary() {
  if (window.__Html5QrcodeLibrary__) {
    return Promise.resolve();
  }
  loading ??= libraries.reduce((previous, src) => previous.then(() => loadScript(src)), Promise.resolve())
    .catch((error) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

function problem(error) {
  // Browsers reject with a DOMException; html5-qrcode sometimes wraps it into a plain string.
  const text = typeof error === "string" ? error : `${error?.name ?? ""} ${error?.message ?? ""}`;
  if (/NotAllowed|PermissionDenied|Permission denied|SecurityError/i.test(text)) return "denied";
  if (/NotFound|DevicesNotFound|Overconstrained|Requested device not found/i.test(text)) return "none";
  if (/NotReadable|TrackStart|AbortError|Could not start video source/i.test(text)) return "busy";
  return "failed";
}

function prerequisites() {
  // Browsers give the camera only to https pages (and localhost): say so rather than fail somewhere inside.
  if (!window.isSecureContext) return "insecure";
  if (!navigator.mediaDevices?.getUserMedia || !navigator.mediaDevices?.enumerateDevices) return "unsupported";
  return null;
}

// Asks for the camera once (the browser's permission prompt), then lists the cameras with their names.
export async function listCameras() {
  const missing = prerequisites();
  if (missing) return { problem: missing, cameras: [] };
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    stream.getTracks().forEach((t) => t.stop());
    const devices = await navigator.mediaDevices.enumerateDevices();
    const cameras = devices.filter((d) => d.kind === "videoinput")
      .map((d, i) => ({ id: d.deviceId, label: d.label || `Camera ${i + 1}` }));
    return cameras.length ? { problem: null, cameras } : { problem: "none", cameras: [] };
  } catch (error) {
    return { problem: problem(error), cameras: [] };
  }
}

// Starts scanning into the element; each new code (the same code again only after 3 s) goes to dotnet.OnCameraDecoded.
// The next code is read only once .NET has answered, so one QR held in front of the camera is one check-in attempt.
export async function start(elementId, cameraId, dotnet) {
  await stop();
  try {
    await loadLibrary();
    await reportDecoders();
    const lib = window.__Html5QrcodeLibrary__;
    scanner = new lib.Html5Qrcode(elementId, { formatsToSupport: [lib.Html5QrcodeSupportedFormats.QR_CODE], verbose: false });
    let answering = false;
    let frames = 0;
    const onDecoded = async (text) => {
      const now = Date.now();
      // A ticket held in view is one scan: each sighting of the same code restarts the quiet time, so it is sent again
      // only after it has been out of view for 3 s (otherwise "checked in" flips to "already checked in" while held).
      if (text === last.text && now - last.at < 3000) {
        last.at = now;
        return;
      }
      if (answering) return;
      answering = true;
      last = { text, at: now };
      // One line per attempt (not per frame), so a desk that "sees but does nothing" can be told apart from one that never
      // decoded; the code itself is not logged.
      console.info(`camera-scanner: decoded a code of ${text.length} characters; checking it in`);
      try {
        await dotnet.invokeMethodAsync("OnCameraDecoded", text);
        last.at = Date.now();
      } catch (error) {
        console.warn(`camera-scanner: the check-in call failed and will be retried: ${error?.message ?? error}`);
        // The circuit is away or the check-in failed before it could answer: forget the code, so the next sighting of
        // the ticket still in view tries again (the quiet time would otherwise swallow every retry while it is held).
        last = { text: "", at: 0 };
      } finally {
        answering = false;
      }
    };
    const camera = cameraId ? { deviceId: { exact: cameraId } } : { facingMode: "environment" };
    await scanner.start(camera, { fps: 10, qrbox: (w, h) => { const s = Math.floor(Math.min(w, h) * 0.8); return { width: s, height: s }; } },
      onDecoded, () => {
        // No code in this frame: normal. Counted now and then, so a log shows whether frames are being looked at at all.
        frames += 1;
        if (frames === 1 || frames % 100 === 0) console.info(`camera-scanner: ${frames} frame(s) looked at without a code`);
      });
    return null;
  } catch (error) {
    scanner = undefined;
    return problem(error);
  }
}

// One line saying whether the second decoder is there (and its WebAssembly compiled), so a desk that reads some tickets
// and not others can be told apart from one running on html5-qrcode's decoder alone.
async function reportDecoders() {
  let second = "none";
  try {
    if ("BarcodeDetector" in window) {
      second = (await window.BarcodeDetector.getSupportedFormats()).includes("qr_code") ? "BarcodeDetector" : "BarcodeDetector without QR";
    }
  } catch (error) {
    second = `BarcodeDetector failed: ${error?.message ?? error}`;
  }
  console.info(`camera-scanner: decoders html5-qrcode + ${second}`);
}

export async function stop() {
  const current = scanner;
  scanner = undefined;
  if (!current) return;
  try {
    if (current.isScanning) await current.stop();
    current.clear();
  } catch {
    // Already stopped (the element went away with the page).
  }
}

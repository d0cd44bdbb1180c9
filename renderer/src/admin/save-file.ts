/**
 * Save bytes the main process sent (base64) as a file the user downloads: a Blob behind an
 * object URL and a click on a detached <a download>. No inline script or data: URL is involved,
 * so it works under the app's Content Security Policy, in the browser and in the desktop shell.
 */

/** The bytes of a base64 string. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Offer `base64` as a download named `fileName`. */
export function saveBase64File(fileName: string, base64: string, type: string): void {
  saveBlob(fileName, new Blob([base64Bytes(base64)], { type }));
}

/** Offer text as a download named `fileName`. */
export function saveTextFile(fileName: string, text: string): void {
  saveBlob(fileName, new Blob([text], { type: 'text/plain;charset=utf-8' }));
}

function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; the URL is let go a little later (some browsers
  // read it asynchronously).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

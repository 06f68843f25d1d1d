import { toDataURL } from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * The QR payload drawn in the page with `qrcode`. A new payload replaces the picture only once
 * it is drawn, so a refresh never blinks to an empty square.
 */
export function QrCode({ value, alt }: { value: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    toDataURL(value, { errorCorrectionLevel: 'M', margin: 1, width: 264, color: { dark: '#111b21', light: '#ffffff' } }).then(
      (url) => {
        if (current) setSrc(url);
      },
      () => {
        if (current) setSrc(null);
      },
    );
    return () => {
      current = false;
    };
  }, [value]);

  return (
    <div className="qr-frame">
      {src ? <img className="qr-image" src={src} alt={alt} width={264} height={264} data-testid="qr-image" /> : <span className="spinner" aria-hidden="true" />}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { propertyPhotoUrl } from '../../media/attachment-cache';

/** The object URL of a property's photo once loaded; null meanwhile or when it cannot be read. */
export function usePhotoUrl(propertyId: number | null, photo: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    setUrl(null);
    if (propertyId === null || photo === null) return;
    let live = true;
    propertyPhotoUrl(propertyId, photo)
      .then((loaded) => live && setUrl(loaded))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [propertyId, photo]);
  return url;
}

import { useMemo } from 'react';

/** Every IANA zone the browser knows, as suggestions for a zone field (UTC is not listed on every engine). */
export function TimeZoneOptions({ id }: { id: string }) {
  const zones = useMemo(() => {
    const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    return listed.includes('UTC') ? listed : ['UTC', ...listed];
  }, []);
  return (
    <datalist id={id}>
      {zones.map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
}

import { useController, type Control, type FieldValues } from 'react-hook-form';
import { whatsappBrowsers } from '../../../../shared/desktop/schemas';
import { useT } from '../../i18n/use-t';

/** The two places WhatsApp Web can run, as radio buttons: the choice matters enough to show both at once. */
export function BrowserChoiceField({ control, error }: { control: unknown; error: string | undefined }) {
  const t = useT();
  const { field } = useController({ control: control as Control<FieldValues>, name: 'whatsappBrowser' });
  return (
    <fieldset className="desktop-browser" aria-describedby="desktop-browser-hint">
      <legend className="field-label">{t('desktop.browser')}</legend>
      {whatsappBrowsers.map((value) => (
        <label key={value} className="radio-field">
          <input type="radio" name="whatsappBrowser" value={value} checked={field.value === value} onChange={() => field.onChange(value)} onBlur={field.onBlur} data-testid={`desktop-browser-${value}`} />
          <span>{t(`desktop.browser.${value}`)}</span>
        </label>
      ))}
      <p className="field-hint" id="desktop-browser-hint">
        {t('desktop.browserHint')}
      </p>
      {error ? (
        <span className="field-error" data-testid="field-error-whatsappBrowser">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}

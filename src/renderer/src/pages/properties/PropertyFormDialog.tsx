import { useMemo, useRef, useState, type FormEvent } from 'react';
import { propertyStatuses, propertyTypes, type PropertyView } from '../../../../shared/properties/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../hooks/use-submit';
import { isolate } from '../../i18n/labels';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { describePropertyError } from './property-errors';
import { parseWhole, propertyChanges, propertyFormValues, readPropertyForm, type PropertyFormValues } from './property-form';
import { formatPrice, statusLabel, typeLabel } from './property-labels';
import { uploadFile } from '../../media/upload-file';
import { PropertyPhotosField, type PhotoDraft } from './PropertyPhotosField';

const fields = ['name', 'type', 'status', 'location', 'price', 'bedrooms', 'area'] as const;

/** Adds a property, or edits `property`. The form checks what it can before sending; the core's field errors land under the same fields. */
export function PropertyFormDialog({ property, onClose, onSaved }: { property?: PropertyView; onClose(): void; onSaved(property: PropertyView, created: boolean): void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [values, setValues] = useState<PropertyFormValues>(() => propertyFormValues(property));
  const submission = useSubmit(fields);
  const [photos, setPhotos] = useState<PhotoDraft>(() => ({ kept: property?.photos ?? [], added: [] }));
  const [photoProgress, setPhotoProgress] = useState<{ index: number; count: number; done: number } | null>(null);
  /** Created on a first try whose photos then failed: trying again updates it rather than adding a second. */
  const created = useRef<PropertyView | null>(null);
  const shown = useMemo(() => describePropertyError(t, submission.error, fields), [t, submission.error]);
  const set =
    <K extends keyof PropertyFormValues>(field: K) =>
    (value: PropertyFormValues[K]) =>
      setValues((v) => ({ ...v, [field]: value }));

  const price = parseWhole(values.price);
  const priceHint = 'value' in price && price.value !== null ? t('properties.field.pricePreview', { price: formatPrice(t, language, price.value) }) : t('properties.field.priceHint');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const read = readPropertyForm(values);
    if (!read.ok) {
      submission.fail(read.error);
      return;
    }
    let saved: PropertyView | undefined;
    const ok = await submission.run(async () => {
      const existing = property ?? created.current;
      if (!existing) {
        saved = await call('properties.create', read.values);
        created.current = saved;
      } else {
        const changes = propertyChanges(existing, read.values);
        saved = changes ? await call('properties.update', changes) : undefined;
      }
      const target = (saved ?? existing)!;
      saved = { ...target, photos: await savePhotos(target.id, target.photos) };
    });
    if (!ok) return;
    if (saved) onSaved(saved, !property);
    onClose();
  }

  /** Photos taken off go first, then new ones are uploaded one by one, with progress; returns the photos now stored. */
  async function savePhotos(id: number, before: string[]): Promise<string[]> {
    let stored = before;
    for (const photo of before.filter((p) => !photos.kept.includes(p))) stored = (await call('properties.removePhoto', { id, photo })).photos;
    const queue = photos.added;
    try {
      for (const [index, { key, file }] of queue.entries()) {
        const update = (done: number) => setPhotoProgress({ index: index + 1, count: queue.length, done });
        update(0);
        const upload = await uploadFile(file, update);
        stored = (await call('properties.addPhoto', { id, uploadId: upload.uploadId })).photos;
        // Saved: a retry after a later failure does not send it again.
        const now = stored;
        setPhotos((current) => ({ kept: now, added: current.added.filter((a) => a.key !== key) }));
      }
    } finally {
      setPhotoProgress(null);
    }
    return stored;
  }

  const optional = (label: string) => `${label} (${t('properties.field.optional')})`;
  const typeOptions = propertyTypes.map((type) => ({ value: type, label: typeLabel(t, type) }));
  const statusOptions = propertyStatuses.map((status) => ({ value: status, label: statusLabel(t, status) }));
  const { pending } = submission;
  return (
    <Dialog title={property ? t('properties.editTitle', { name: isolate(property.name) }) : t('properties.createTitle')} onClose={onClose} busy={pending} testId="property-form-dialog">
      <form noValidate onSubmit={onSubmit} data-testid="property-form">
        <div className="dialog-body form">
          {shown.formMessage ? (
            <Alert tone="error" testId="property-form-error">
              {shown.formMessage}
            </Alert>
          ) : null}
          <TextField
            name="name"
            label={t('properties.field.name')}
            placeholder={t('properties.field.namePlaceholder')}
            value={values.name}
            onChange={set('name')}
            error={shown.fields.name}
            autoComplete="off"
            maxLength={200}
            required
            testId="property-form-name"
          />
          <div className="field-row">
            <SelectField name="type" label={t('properties.field.type')} value={values.type} options={typeOptions} onChange={set('type')} error={shown.fields.type} testId="property-form-type" />
            <SelectField name="status" label={t('properties.field.status')} value={values.status} options={statusOptions} onChange={set('status')} error={shown.fields.status} testId="property-form-status" />
          </div>
          <TextField
            name="location"
            label={optional(t('properties.field.location'))}
            placeholder={t('properties.field.locationPlaceholder')}
            value={values.location}
            onChange={set('location')}
            error={shown.fields.location}
            autoComplete="off"
            maxLength={200}
            testId="property-form-location"
          />
          <TextField
            name="price"
            label={optional(t('properties.field.price'))}
            value={values.price}
            onChange={set('price')}
            error={shown.fields.price}
            hint={priceHint}
            inputMode="numeric"
            autoComplete="off"
            latin
            testId="property-form-price"
          />
          <div className="field-row">
            <TextField
              name="bedrooms"
              label={optional(t('properties.field.bedrooms'))}
              value={values.bedrooms}
              onChange={set('bedrooms')}
              error={shown.fields.bedrooms}
              inputMode="numeric"
              autoComplete="off"
              latin
              testId="property-form-bedrooms"
            />
            <TextField
              name="area"
              label={optional(t('properties.field.area'))}
              value={values.area}
              onChange={set('area')}
              error={shown.fields.area}
              inputMode="numeric"
              autoComplete="off"
              latin
              testId="property-form-area"
            />
          </div>
          <PropertyPhotosField propertyId={property?.id ?? created.current?.id ?? null} draft={photos} onChange={setPhotos} progress={photoProgress} disabled={pending} />
        </div>
        <FormDialogFooter submitLabel={property ? t('common.save') : t('properties.createSubmit')} pending={pending} onCancel={onClose} testIdPrefix="property-form" />
      </form>
    </Dialog>
  );
}

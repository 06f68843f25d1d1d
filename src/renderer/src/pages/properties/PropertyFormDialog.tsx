import { useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { parseMoney } from '../../../../shared/money';
import { propertyListings, propertyStatuses, propertyTypes, rentPeriods, type PropertyView } from '../../../../shared/properties/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormSelectField, FormTextAreaField, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { isolate } from '../../i18n/labels';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { uploadFile } from '../../media/upload-file';
import { branchOptions } from '../branches/branch-options';
import { useBranches } from '../branches/use-branches';
import { OwnerPicker, type OwnerChoice } from './OwnerPicker';
import { describePropertyError } from './property-errors';
import { propertyChanges, propertyFormSchema, propertyFormValues } from './property-form';
import { formatPrice, listingLabel, statusLabel, typeLabel } from './property-labels';
import { PropertyPhotosField, type PhotoDraft } from './PropertyPhotosField';

/** Adds a property, or edits `property`: the contract's schema checks the form before sending; the core's field errors land under the same fields. */
export function PropertyFormDialog({ property, onClose, onSaved }: { property?: PropertyView; onClose(): void; onSaved(property: PropertyView, created: boolean): void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const form = useContractForm(propertyFormSchema, propertyFormValues(property));
  const branches = useBranches();
  const [owner, setOwner] = useState<OwnerChoice | null>(property?.owner ?? null);
  const [photos, setPhotos] = useState<PhotoDraft>(() => ({ kept: property?.photos ?? [], added: [] }));
  const [photoProgress, setPhotoProgress] = useState<{ index: number; count: number; done: number } | null>(null);
  /** Created on a first try whose photos then failed: trying again updates it rather than adding a second. */
  const created = useRef<PropertyView | null>(null);
  const [listing, priceText] = useWatch({ control: form.control, name: ['listing', 'price'] }) as [string, string];

  const typed = typeof priceText === 'string' && priceText.trim() !== '' ? parseMoney(priceText) : null;
  const priceHint = typed?.ok ? t('properties.field.pricePreview', { price: formatPrice(t, language, typed.halalas) }) : t('properties.field.moneyHint');
  const forbidden = describePropertyError(t, form.serverError).formMessage;

  const onSubmit = form.submit(async (values) => {
    const existing = property ?? created.current;
    let saved: PropertyView;
    if (!existing) {
      saved = await call('properties.create', values);
      created.current = saved;
    } else {
      const changes = propertyChanges(existing, values);
      saved = changes ? await call('properties.update', changes) : existing;
    }
    saved = { ...saved, photos: await savePhotos(saved.id, saved.photos) };
    onSaved(saved, !property);
    onClose();
  });

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
  const { pending } = form;
  return (
    <Dialog title={property ? t('properties.editTitle', { name: isolate(property.name) }) : t('properties.createTitle')} onClose={onClose} busy={pending} testId="property-form-dialog" size="large">
      <form noValidate onSubmit={(event) => void onSubmit(event)} data-testid="property-form">
        <div className="dialog-body form">
          {form.formMessage || forbidden ? (
            <Alert tone="error" testId="property-form-error">
              {forbidden ?? form.formMessage}
            </Alert>
          ) : null}
          <FormTextField form={form} name="name" label={t('properties.field.name')} testId="property-form-name" autoComplete="off" />
          <div className="field-row">
            <FormSelectField form={form} name="type" label={t('properties.field.type')} options={propertyTypes.map((v) => ({ value: v, label: typeLabel(t, v) }))} testId="property-form-type" />
            <FormSelectField form={form} name="status" label={t('properties.field.status')} options={propertyStatuses.map((v) => ({ value: v, label: statusLabel(t, v) }))} testId="property-form-status" />
          </div>
          <div className="field-row">
            <FormSelectField form={form} name="listing" label={t('properties.field.listing')} options={propertyListings.map((v) => ({ value: v, label: listingLabel(t, v) }))} testId="property-form-listing" />
            {listing === 'rent' ? (
              <FormSelectField
                form={form}
                name="rentPeriod"
                label={t('properties.field.rentPeriod')}
                options={[{ value: '', label: t('properties.field.pickPeriod') }, ...rentPeriods.map((v) => ({ value: v, label: t(`properties.rentPeriod.${v}`) }))]}
                testId="property-form-rent-period"
              />
            ) : null}
          </div>
          <FormTextField form={form} name="price" label={t('properties.field.money')} hint={priceHint} inputMode="decimal" autoComplete="off" latin testId="property-form-price" />
          <div className="field-row">
            <FormTextField form={form} name="bedrooms" label={optional(t('properties.field.bedrooms'))} inputMode="numeric" autoComplete="off" latin testId="property-form-bedrooms" />
            <FormTextField form={form} name="area" label={optional(t('properties.field.area'))} inputMode="numeric" autoComplete="off" latin testId="property-form-area" />
          </div>
          <div className="field-row">
            <FormTextField form={form} name="city" label={t('properties.field.city')} autoComplete="off" testId="property-form-city" />
            <FormTextField form={form} name="district" label={t('properties.field.district')} autoComplete="off" testId="property-form-district" />
          </div>
          <FormTextField form={form} name="location" label={optional(t('properties.field.location'))} autoComplete="off" testId="property-form-location" />
          <FormSelectField form={form} name="branchId" label={t('branches.picker')} options={branchOptions(t, language, branches.data ?? [], property?.branch ?? null)} testId="property-form-branch" />
          <OwnerPicker
            value={owner}
            onChange={(next) => {
              setOwner(next);
              form.setValue('ownerContactId', next?.id ?? null, { shouldDirty: true });
            }}
            error={form.errorOf('ownerContactId')}
            disabled={pending}
          />
          <div className="field-row">
            <FormTextField form={form} name="adLicenceNumber" label={t('properties.field.licenceNumber')} hint={t('properties.field.licenceHint')} inputMode="numeric" autoComplete="off" latin testId="property-form-licence" />
            <FormTextField form={form} name="adLicenceExpiry" label={t('properties.field.licenceExpiry')} type="date" testId="property-form-licence-expiry" />
          </div>
          <FormTextAreaField form={form} name="descriptionAr" label={t('properties.field.descriptionAr')} rows={3} testId="property-form-description-ar" />
          <FormTextAreaField form={form} name="descriptionEn" label={t('properties.field.descriptionEn')} rows={3} testId="property-form-description-en" />
          <PropertyPhotosField propertyId={property?.id ?? created.current?.id ?? null} draft={photos} onChange={setPhotos} progress={photoProgress} disabled={pending} />
        </div>
        <FormDialogFooter submitLabel={property ? t('common.save') : t('properties.createSubmit')} pending={pending} onCancel={onClose} testIdPrefix="property-form" />
      </form>
    </Dialog>
  );
}

/** A property's photos in the catalogue's form. */
export const propertyPhotosAr = {
  'photos.add': 'إضافة صور',
  'photos.remove': 'إزالة الصورة',
  'photos.hint': 'JPEG أو PNG أو WebP، حتى 5 ميجابايت للصورة، و{max} صورة بحد أقصى.',
  'photos.uploading': 'جارٍ رفع الصورة {index} من {count}… {percent}٪',
  'fieldError.too_many_photos': 'يحتفظ العقار بـ {max} صورة كحد أقصى.',
} as const;

export const propertyPhotosEn: Record<keyof typeof propertyPhotosAr, string> = {
  'photos.add': 'Add photos',
  'photos.remove': 'Remove the photo',
  'photos.hint': 'JPEG, PNG or WebP, up to 5 MB each, {max} photos at most.',
  'photos.uploading': 'Uploading photo {index} of {count}… {percent}%',
  'fieldError.too_many_photos': 'A property keeps at most {max} photos.',
};

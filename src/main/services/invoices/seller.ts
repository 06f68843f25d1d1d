import type { SellerSnapshot } from '../../../shared/invoices/types';
import type { OfficeTaxSettings } from '../../../shared/office/tax';
import type { OfficeProfile } from '../../../shared/office/types';

/** The seller an invoice prints: the VAT settings' names and number, the profile's CR, FAL licence and address (its legal names when the VAT names are blank). */
export function sellerOf(tax: OfficeTaxSettings, profile: OfficeProfile): SellerSnapshot {
  return {
    nameAr: tax.sellerNameAr || profile.legalNameAr,
    nameEn: tax.sellerNameEn || profile.legalNameEn,
    vatNumber: tax.vatRegistered && tax.vatNumber ? tax.vatNumber : null,
    crNumber: profile.crNumber,
    falLicenceNumber: profile.falLicenceNumber,
    address: profile.nationalAddress,
    vatRegistered: tax.vatRegistered,
  };
}

namespace Fapiao.Validation;

/// <summary>
/// Every stable problem code, in one place. The CLI, the API and the UI all use these strings;
/// docs/error-codes.md documents each one. Never rename a code: other tools depend on them.
/// </summary>
public static class ErrorCodes
{
    // Input envelope
    public const string JsonSyntax = "json.syntax";
    public const string JsonUnknownField = "json.unknownField";
    public const string JsonType = "json.type";
    public const string JsonDepth = "json.depth";
    public const string JsonDuplicateField = "json.duplicateField";
    public const string EncodingInvalid = "encoding.invalid";
    public const string InputTooLarge = "input.tooLarge";
    public const string FieldRequired = "field.required";
    public const string TextControl = "text.control";
    public const string TextTooLong = "text.tooLong";
    public const string QrFormat = "qr.format";

    // Files (XML, OFD): hostile or broken containers, refused before any field is read
    public const string FileTooLarge = "file.tooLarge";
    public const string EncodingUnsupported = "encoding.unsupported";
    public const string XmlSyntax = "xml.syntax";
    public const string XmlDtd = "xml.dtd";
    public const string XmlDepth = "xml.depth";
    public const string XmlTooLarge = "xml.tooLarge";
    public const string XmlRootUnknown = "xml.rootUnknown";
    public const string XmlInconsistent = "xml.inconsistent";
    public const string ZipCorrupt = "zip.corrupt";
    public const string ZipBomb = "zip.bomb";
    public const string ZipPath = "zip.path";
    public const string ZipTooManyEntries = "zip.tooManyEntries";
    public const string OfdLayoutUnknown = "ofd.layoutUnknown";
    public const string OfdMissingField = "ofd.missingField";
    // Tables: tax-platform exports as CSV or XLSX
    public const string CsvSyntax = "csv.syntax";
    public const string CsvHeaderNotFound = "csv.headerNotFound";
    public const string CsvColumnMissing = "csv.columnMissing";
    public const string SpreadsheetNumberAsFloat = "spreadsheet.numberAsFloat";
    public const string SpreadsheetInvalid = "spreadsheet.invalid";
    public const string PlatformStatusUnknown = "platform.statusUnknown";
    public const string PlatformStateDiffers = "platform.stateDiffers";
    public const string VoidElectronic = "void.electronic";

    // Whole files: PDF e-invoices and QR images (Fapiao.Formats)
    public const string QrNotFound = "qr.notFound";
    public const string ImageUnreadable = "image.unreadable";
    public const string ImageTooLarge = "image.tooLarge";
    public const string PdfUnreadable = "pdf.unreadable";
    public const string PdfTooManyPages = "pdf.tooManyPages";
    public const string PdfQrTextMismatch = "pdf.qrTextMismatch";

    // Quarantine resubmissions and kept originals
    public const string QuarantineUnknown = "quarantine.unknown";
    public const string QuarantineResolved = "quarantine.resolved";
    public const string OriginalMissing = "original.missing";
    public const string OriginalTampered = "original.tampered";
    public const string OriginalAmbiguous = "original.ambiguous";

    // Identity
    public const string NumberFormat = "number.format";
    public const string CodeFormat = "code.format";
    public const string TypeUnknown = "type.unknown";
    public const string TypeKeyMismatch = "type.keyMismatch";
    public const string CheckCodeFormat = "checkCode.format";
    public const string CheckCodeUnexpected = "checkCode.unexpected";

    // Parties
    public const string TaxIdFormat = "taxId.format";
    public const string TaxIdChecksum = "taxId.checksum";
    public const string TaxIdRequired = "taxId.required";

    // Dates
    public const string DateFormat = "date.format";
    public const string DateFuture = "date.future";

    // Money and tax
    public const string AmountFormat = "amount.format";
    public const string QuantityFormat = "quantity.format";
    public const string SumLines = "sum.lines";
    public const string SumTax = "sum.tax";
    public const string SumTotal = "sum.total";
    public const string TaxTolerance = "tax.tolerance";
    public const string TaxRateUnknown = "taxRate.unknown";
    public const string LineLimit = "lines.tooMany";

    // Red-letter invoices
    public const string RedLetterExceedsOriginal = "redLetter.exceedsOriginal";
    public const string RedLetterOriginalUnknown = "redLetter.originalUnknown";
    public const string RedLetterSign = "redLetter.sign";
    public const string RedLetterReference = "redLetter.reference";
    public const string RedLetterOriginalIsRed = "redLetter.originalIsRed";

    // Ledger outcomes
    public const string Conflict = "conflict";

    // HTTP API: what a request (not an invoice in it) got wrong; carried in problem details (RFC 9457)
    public const string AuthRequired = "auth.required";
    public const string AuthForbidden = "auth.forbidden";
    public const string RouteNotFound = "route.notFound";
    public const string TenantNotFound = "tenant.notFound";
    public const string InvoiceNotFound = "invoice.notFound";
    public const string QuarantineNotFound = "quarantine.notFound";
    public const string ReconciliationNotFound = "reconciliation.notFound";
    public const string CheckpointNone = "checkpoint.none";
    public const string RequestInvalid = "request.invalid";
    public const string RequestTooLarge = "request.tooLarge";
    public const string RequestMediaType = "request.mediaType";
    public const string RequestRateLimited = "request.rateLimited";
    public const string IdempotencyMismatch = "idempotency.mismatch";
    public const string IdempotencyInFlight = "idempotency.inFlight";
    public const string ServerError = "server.error";

    // Reconciliation (fapiao reconcile, fapiao trace)
    public const string ReconcileFormat = "reconcile.format";
    public const string ReconcilePeriod = "reconcile.period";
}

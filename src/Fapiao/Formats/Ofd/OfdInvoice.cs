namespace Fapiao.Formats.Ofd;

/// <summary>The invoice an OFD file carries, and the part it was read from (e.g. <c>Doc_0/Attachs/original_invoice.xml</c>).</summary>
internal sealed record OfdInvoice(InvoiceDraft Draft, string Part);

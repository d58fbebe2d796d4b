namespace Fapiao.Formats.Exports;

/// <summary>The columns of a tax-platform export (and of the ledger's own CSV and XLSX export) that the reader knows.</summary>
internal enum ExportColumn
{
    /// <summary>发票代码: the legacy invoice code.</summary>
    Code,

    /// <summary>发票号码: the legacy 8-digit number, or in some exports the 20-digit 数电 number.</summary>
    Number,

    /// <summary>数电发票号码 / 数电票号码.</summary>
    ShudianNumber,

    /// <summary>发票票种: the kind as text (数电票（普通发票）, 增值税专用发票, …) or a two-digit type code.</summary>
    Type,

    /// <summary>开票日期.</summary>
    IssueDate,

    SellerTaxId,
    SellerName,
    BuyerTaxId,
    BuyerName,

    /// <summary>金额: before tax.</summary>
    Amount,

    /// <summary>税额.</summary>
    Tax,

    /// <summary>价税合计.</summary>
    Total,

    /// <summary>校验码.</summary>
    CheckCode,

    /// <summary>备注.</summary>
    Remarks,

    /// <summary>The ledger's own export only: the key of the blue invoice a red-letter invoice reverses.</summary>
    RedLetterOf,

    /// <summary>发票状态.</summary>
    Status,

    /// <summary>是否正数发票 (是/否): checked against the sign of the amounts.</summary>
    IsPositive,

    /// <summary>发票来源: recognised for finding the header; the canonical invoice has no field for it.</summary>
    Source,

    /// <summary>开票人: recognised for finding the header; the canonical invoice has no field for it.</summary>
    Drawer,
}

using Fapiao.Domain;

namespace Fapiao.Formats.Exports;

/// <summary>The platform export's 发票状态 text (and the ledger's own export's state names) to <see cref="PlatformStatus"/>.</summary>
internal static class PlatformStatuses
{
    /// <summary>The status the text names; <see cref="PlatformStatus.Unknown"/> for any other text.</summary>
    public static PlatformStatus Parse(string text) => text switch
    {
        "正常" or "normal" => PlatformStatus.Normal,
        "作废" or "已作废" or "voided" => PlatformStatus.Voided,
        "红冲" or "已红冲" or "全额红冲" or "已全额红冲" or "reversed" => PlatformStatus.Reversed,
        "部分红冲" or "已部分红冲" or "partially-reversed" => PlatformStatus.PartiallyReversed,
        _ => PlatformStatus.Unknown,
    };
}

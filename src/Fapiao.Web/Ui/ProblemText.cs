using Fapiao.Validation;

namespace Fapiao.Web.Ui;

/// <summary>
/// What each problem code means, in Chinese, for the pages in Chinese: the code and the core's own
/// message (English, with the exact values) stay beside it. Every code of <see cref="ErrorCodes"/>
/// has an entry (a test checks it).
/// </summary>
internal static class ProblemText
{
    private static readonly Dictionary<string, string> Zh = new(StringComparer.Ordinal)
    {
        [ErrorCodes.JsonSyntax] = "不是格式正确的 JSON。",
        [ErrorCodes.JsonUnknownField] = "发票没有这个字段：未知字段一律拒收，不会忽略。",
        [ErrorCodes.JsonType] = "字段的值类型不对（例如号码写成了数字而不是文本）。",
        [ErrorCodes.JsonDepth] = "JSON 嵌套层数超过发票可能的层数。",
        [ErrorCodes.JsonDuplicateField] = "同一对象中出现了两次相同的字段。",
        [ErrorCodes.EncodingInvalid] = "字节不是有效的文字编码（UTF-8，或文件声明的编码）。",
        [ErrorCodes.InputTooLarge] = "这一项超过长度上限；已保留其开头、长度和 SHA-256。",
        [ErrorCodes.FieldRequired] = "缺少必填字段。",
        [ErrorCodes.TextControl] = "文本中含有控制字符。",
        [ErrorCodes.TextTooLong] = "文本超过长度上限。",
        [ErrorCodes.QrFormat] = "不是发票二维码内容（版本,类型,代码,号码,金额,日期,校验码,随机码）。",
        [ErrorCodes.FileTooLarge] = "文件超过发票文件的大小上限（32 MiB）。",
        [ErrorCodes.EncodingUnsupported] = "XML 声明的编码不受支持（只读 UTF-8、UTF-16、GB18030）。",
        [ErrorCodes.XmlSyntax] = "不是格式正确的 XML。",
        [ErrorCodes.XmlDtd] = "XML 含有文档类型声明（DTD），出于安全一律拒收。",
        [ErrorCodes.XmlDepth] = "XML 嵌套超过 64 层。",
        [ErrorCodes.XmlTooLarge] = "XML 文档过大。",
        [ErrorCodes.XmlRootUnknown] = "XML 不是本版本能读取的发票（数电 EInvoice、旧版电子发票、XBRL）。",
        [ErrorCodes.XmlInconsistent] = "文件内容自相矛盾（例如两处发票号码不同）。",
        [ErrorCodes.ZipCorrupt] = "压缩包（OFD）已损坏，无法读取。",
        [ErrorCodes.ZipBomb] = "压缩包解压后过大（疑似压缩炸弹），已拒收。",
        [ErrorCodes.ZipPath] = "压缩包中的文件路径不安全（绝对路径或跳出目录）。",
        [ErrorCodes.ZipTooManyEntries] = "压缩包中的文件过多（超过 1000 个）。",
        [ErrorCodes.OfdLayoutUnknown] = "不是 OFD，或 OFD 中没有可识别的发票数据。",
        [ErrorCodes.OfdMissingField] = "OFD 的自定义标签指向了页面上不存在的文字。",
        [ErrorCodes.CsvSyntax] = "CSV 行的引号不完整或有误。",
        [ErrorCodes.CsvHeaderNotFound] = "前 20 行中找不到表头（需有 发票号码 或 数电发票号码 等列）。",
        [ErrorCodes.CsvColumnMissing] = "表头缺少每行都需要的列（发票号码/数电发票号码、发票票种、开票日期）。",
        [ErrorCodes.SpreadsheetNumberAsFloat] = "号码或税号被表格软件当成了数字（科学计数法或小数）：请把该列设为文本后重新导出。",
        [ErrorCodes.SpreadsheetInvalid] = "无法作为 XLSX 工作簿读取。",
        [ErrorCodes.PlatformStatusUnknown] = "导出文件中的发票状态不是 正常、作废、红冲 之一（例如 失控、异常）。",
        [ErrorCodes.PlatformStateDiffers] = "导出文件中的发票状态与台账不一致，单凭这一行无法判断：未做记录，请对账。",
        [ErrorCodes.VoidElectronic] = "导出文件显示作废，但电子发票不能作废，只能红冲：未做记录。",
        [ErrorCodes.QrNotFound] = "图片或 PDF 中找不到二维码。",
        [ErrorCodes.ImageUnreadable] = "图片已损坏或格式无法识别。",
        [ErrorCodes.ImageTooLarge] = "图片尺寸过大。",
        [ErrorCodes.PdfUnreadable] = "PDF 已损坏、被截断或有密码保护。",
        [ErrorCodes.PdfTooManyPages] = "PDF 超过 10 页（电子发票只有一两页）。",
        [ErrorCodes.PdfQrTextMismatch] = "PDF 的二维码与票面文字不一致。",
        [ErrorCodes.QuarantineUnknown] = "隔离区中没有这一项。",
        [ErrorCodes.QuarantineResolved] = "这一项已经解决。",
        [ErrorCodes.OriginalMissing] = "原始文件不在数据目录中。",
        [ErrorCodes.OriginalTampered] = "原始文件已被改动，与其 SHA-256 不符。",
        [ErrorCodes.OriginalAmbiguous] = "这张发票来自多个原始文件，请指定其中一个。",
        [ErrorCodes.NumberFormat] = "发票号码格式不对：数电票为 20 位数字，旧版发票为 8 位数字。",
        [ErrorCodes.CodeFormat] = "发票代码格式不对：应为 10 位或 12 位数字。",
        [ErrorCodes.TypeUnknown] = "发票类型代码不在已知列表中。",
        [ErrorCodes.TypeKeyMismatch] = "发票类型与发票代码或号码不符。",
        [ErrorCodes.CheckCodeFormat] = "校验码不是 20 位数字。",
        [ErrorCodes.CheckCodeUnexpected] = "这种发票（专用发票、数电票）没有校验码。",
        [ErrorCodes.TaxIdFormat] = "纳税人识别号格式不对：长度不对或含有不允许的字符。",
        [ErrorCodes.TaxIdChecksum] = "统一社会信用代码（或身份证号码）的校验位不对：请复核（部分早期登记的真实代码也会如此）。",
        [ErrorCodes.TaxIdRequired] = "销售方没有纳税人识别号。",
        [ErrorCodes.DateFormat] = "日期不是有效的 YYYY-MM-DD。",
        [ErrorCodes.DateFuture] = "开票日期晚于明天（北京时间）。",
        [ErrorCodes.AmountFormat] = "金额不是以元为单位的精确数（最多两位小数）。",
        [ErrorCodes.QuantityFormat] = "数量或单价不是普通的小数。",
        [ErrorCodes.SumLines] = "合计金额不等于各明细行金额之和。",
        [ErrorCodes.SumTax] = "合计税额不等于各明细行税额之和。",
        [ErrorCodes.SumTotal] = "价税合计不等于金额加税额。",
        [ErrorCodes.TaxTolerance] = "税额与 金额×税率 的差超过允许误差（每行 0.06 元，整张发票 1.27 元）。",
        [ErrorCodes.TaxRateUnknown] = "税率不在使用中的税率之列。",
        [ErrorCodes.LineLimit] = "明细行超过 10,000 行。",
        [ErrorCodes.RedLetterExceedsOriginal] = "红字发票冲减的金额超过了对应蓝字发票的金额。",
        [ErrorCodes.RedLetterOriginalUnknown] = "对应的蓝字发票还不在台账中；到达后会自动关联。",
        [ErrorCodes.RedLetterSign] = "红字发票的金额应为负数（或 是否正数发票 与金额符号矛盾）。",
        [ErrorCodes.RedLetterReference] = "负数金额却没有注明被红冲的蓝字发票号码。",
        [ErrorCodes.RedLetterOriginalIsRed] = "被红冲的发票本身是红字发票。",
        [ErrorCodes.Conflict] = "台账中已有同号发票，且这一字段不同：原记录保持不变，本次提交放入隔离区。",
        [ErrorCodes.AuthRequired] = "需要登录或有效的 API 密钥。",
        [ErrorCodes.AuthForbidden] = "当前角色无权进行此操作。",
        [ErrorCodes.RouteNotFound] = "没有这个地址。",
        [ErrorCodes.TenantNotFound] = "没有这个租户。",
        [ErrorCodes.InvoiceNotFound] = "台账中没有这张发票。",
        [ErrorCodes.QuarantineNotFound] = "隔离区中没有这一项。",
        [ErrorCodes.ReconciliationNotFound] = "没有这次对账。",
        [ErrorCodes.CheckpointNone] = "还没有签名检查点（台账为空）。",
        [ErrorCodes.RequestInvalid] = "请求无效。",
        [ErrorCodes.RequestTooLarge] = "请求内容超过大小上限。",
        [ErrorCodes.RequestMediaType] = "请求的内容类型不受支持。",
        [ErrorCodes.RequestRateLimited] = "请求过于频繁，请稍后再试。",
        [ErrorCodes.IdempotencyMismatch] = "同一个幂等键已用于不同的请求内容。",
        [ErrorCodes.IdempotencyInFlight] = "同一个幂等键的请求正在处理中，请稍后重试。",
        [ErrorCodes.ServerError] = "服务器内部错误。",
        [ErrorCodes.ReconcileFormat] = "对账只读取导出文件（CSV、XLSX，或 fapiao export 的文件）。",
        [ErrorCodes.ReconcilePeriod] = "期间格式不对：应为 起..止（日期或月份），且不能倒置。",
    };

    /// <summary>Every code with a Chinese meaning (for the completeness test).</summary>
    public static IReadOnlyCollection<string> Codes => Zh.Keys;

    /// <summary>The meaning of <paramref name="code"/> in the page's language: Chinese from this table, English as the core's message.</summary>
    public static string? Meaning(UiText t, string code) =>
        t.Language == UiLanguage.Zh && Zh.TryGetValue(code, out var text) ? text : null;
}

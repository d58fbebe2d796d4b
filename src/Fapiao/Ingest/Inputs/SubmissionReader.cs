using System.Globalization;
using System.Text;
using System.Text.Json;
using Fapiao.Domain;
using Fapiao.Formats;
using Fapiao.Formats.Json;
using Fapiao.Formats.Lines;
using Fapiao.Validation;

namespace Fapiao.Ingest.Inputs;

/// <summary>
/// Turns an input stream into submissions, item by item and in order, with bounded memory. Every
/// item becomes a submission, valid or not: nothing is dropped on the way to the ledger. Formats
/// that need packages come in through <paramref name="fileReaders"/> (see <see cref="IFileReader"/>).
/// </summary>
internal sealed class SubmissionReader(InvoiceValidator validator, IReadOnlyList<IFileReader>? fileReaders = null)
{
    private readonly IReadOnlyList<IFileReader> fileReaders = fileReaders ?? [];

    /// <summary>A whole JSON document (one object or an array) is read into memory up to this size.</summary>
    public const int MaxJsonDocumentBytes = 64 << 20;

    public IEnumerable<Submission> Read(Stream stream, string name, InputFormat format)
    {
        if (format == InputFormat.Auto)
        {
            var head = ReadHead(stream);
            format = fileReaders.FirstOrDefault(r => r.Recognises(head))?.Format ?? FormatDetector.Detect(head);
            stream = new ReplayStream(head, stream);
        }

        if (fileReaders.FirstOrDefault(r => r.Format == format) is { } fileReader)
        {
            return fileReader.Read(stream, name, this);
        }

        return format switch
        {
            InputFormat.JsonLines => ReadJsonLines(stream, name),
            InputFormat.Qr => ReadQrLines(stream, name),
            InputFormat.Json => ReadJsonDocument(stream, name),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    public Submission FromJson(string source, byte[] bytes)
    {
        var problems = new List<Problem>();
        var draft = InvoiceJsonReader.Read(bytes, problems);
        var invoice = draft is null ? null : validator.Validate(draft, problems);
        return Submission.Create(source, bytes, invoice, problems);
    }

    public Submission FromQr(string source, byte[] bytes)
    {
        var problems = new List<Problem>();
        Invoice? invoice = null;
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            problems.Add(Problem.Error(ErrorCodes.EncodingInvalid, "qr", "The QR content is not valid UTF-8."));
        }
        else if (ParseQr(Encoding.UTF8.GetString(bytes), problems) is { } draft)
        {
            invoice = validator.Validate(draft, problems);
        }

        return Submission.Create(source, bytes, invoice, problems);
    }

    /// <summary>
    /// A draft from QR content (as scanned from an image or a PDF), or null with the errors added.
    /// The validator checks the draft again, the type against the key included: its warnings are
    /// kept, the parser's are dropped so that none is reported twice.
    /// </summary>
    public InvoiceDraft? ParseQr(string text, List<Problem> problems)
    {
        var before = problems.Count;
        if (!QrContent.TryParse(text, out var qr, problems, MaxYear()) || qr is null)
        {
            return null;
        }

        problems.RemoveRange(before, problems.Count - before);
        return QrDraft(qr);
    }

    /// <summary>
    /// A whole file as one submission (a PDF, an image): <paramref name="draft"/> is validated
    /// unless it is null (a reader's error rejected it already). Quarantine keeps the first
    /// <see cref="Submission.MaxKeptBytes"/> of <paramref name="file"/>, its length and its SHA-256.
    /// </summary>
    public Submission FromFile(string source, byte[] file, InvoiceDraft? draft, List<Problem> problems)
    {
        var invoice = draft is null || problems.Exists(p => p.IsError) ? null : validator.Validate(draft, problems);
        return Submission.CreateKept(source, file, invoice, problems);
    }

    /// <summary>A QR code carries the key, type, date, check code and one amount: before tax for legacy types, the total for 数电.</summary>
    internal static InvoiceDraft QrDraft(QrContent qr)
    {
        var amount = Amounts.FormatMoney(qr.Amount);
        return new InvoiceDraft
        {
            Number = qr.Number,
            Code = qr.Code,
            Type = qr.Type.Code,
            IssueDate = qr.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            CheckCode = qr.CheckCode,
            Amount = qr.AmountIsTotal ? null : amount,
            Total = qr.AmountIsTotal ? amount : null,
            IsPartialSource = true,
        };
    }

    /// <summary>The latest plausible year of an invoice number, from the validator's clock.</summary>
    private int MaxYear() => validator.Today.Year;

    private IEnumerable<Submission> ReadJsonLines(Stream stream, string name)
    {
        foreach (var line in LineReader.Read(stream))
        {
            var source = $"{name}:{line.Number}";
            yield return line.TooLong ? TooLong(source, line) : FromJson(source, line.Bytes);
        }
    }

    private IEnumerable<Submission> ReadQrLines(Stream stream, string name)
    {
        foreach (var line in LineReader.Read(stream, maxLineBytes: 4096))
        {
            var source = $"{name}:{line.Number}";
            yield return line.TooLong ? TooLong(source, line) : FromQr(source, TrimLine(line.Bytes));
        }
    }

    private IEnumerable<Submission> ReadJsonDocument(Stream stream, string name)
    {
        var bytes = ReadBounded(stream, out var length);
        if (bytes is null)
        {
            yield return Submission.Create($"{name}:1", [], null,
                [Problem.Error(ErrorCodes.InputTooLarge, "$", $"The JSON document is {length} bytes or more; the limit is {MaxJsonDocumentBytes}. Use JSON Lines for large inputs.")]);
            yield break;
        }

        var body = bytes.AsMemory();
        if (body.Span.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        var items = SplitArray(body.Span, out var error);
        if (error is not null)
        {
            yield return Submission.Create($"{name}:1", body.ToArray(), null, [error]);
            yield break;
        }

        foreach (var (start, end) in items)
        {
            var line = 1 + body.Span[..start].Count((byte)'\n');
            yield return FromJson($"{name}:{line}", body[start..end].ToArray());
        }
    }

    /// <summary>The byte ranges of the array's elements, or of the one top-level object.</summary>
    private static List<(int Start, int End)> SplitArray(ReadOnlySpan<byte> body, out Problem? error)
    {
        var ranges = new List<(int, int)>();
        error = null;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = InvoiceJsonReader.MaxDepth + 1 });
        try
        {
            if (!reader.Read())
            {
                error = Problem.Error(ErrorCodes.JsonSyntax, "$", "The input is empty.");
                return ranges;
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                return [(0, body.Length)];
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                error = Problem.Error(ErrorCodes.JsonType, "$", "Expected an invoice object or an array of them.");
                return ranges;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                ranges.Add((start, (int)reader.BytesConsumed));
            }
        }
        catch (JsonException ex)
        {
            // One malformed element spoils the array's framing: the whole document goes to quarantine.
            error = Problem.Error(ErrorCodes.JsonSyntax, $"$@{ex.BytePositionInLine}", $"Malformed JSON (line {ex.LineNumber + 1}): the array cannot be split into invoices.");
        }

        return ranges;
    }

    private static Submission TooLong(string source, RawLine line) => new()
    {
        Source = source,
        Raw = line.Bytes,
        RawLength = line.Length,
        RawSha256 = line.Sha256,
        Problems = [Problem.Error(ErrorCodes.InputTooLarge, "$", $"The item is {line.Length} bytes long; the limit is {line.Bytes.Length}. Its first bytes, length and SHA-256 are kept.")],
    };

    private static byte[] TrimLine(byte[] bytes) => bytes.AsSpan().Trim(" \t\r"u8).ToArray();

    /// <summary>Up to 4 KiB from the start, enough to tell the format; the stream need not seek (stdin).</summary>
    private static byte[] ReadHead(Stream stream)
    {
        var head = new byte[4096];
        var n = 0;
        int read;
        while (n < head.Length && (read = stream.Read(head, n, head.Length - n)) > 0)
        {
            n += read;
        }

        return head[..n];
    }

    private static byte[]? ReadBounded(Stream stream, out long length)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (memory.Length + read > MaxJsonDocumentBytes)
            {
                length = memory.Length + read;
                return null;
            }

            memory.Write(buffer, 0, read);
        }

        length = memory.Length;
        return memory.ToArray();
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Fapiao.Domain;
using Fapiao.Formats;
using Fapiao.Formats.Exports;
using Fapiao.Formats.Json;
using Fapiao.Formats.Lines;
using Fapiao.Formats.Ofd;
using Fapiao.Formats.Xml;
using Fapiao.Originals;
using Fapiao.Validation;

namespace Fapiao.Ingest.Inputs;

/// <summary>
/// Turns an input stream into submissions, item by item and in order, with bounded memory. Every
/// item becomes a submission, valid or not: nothing is dropped on the way to the ledger. Formats
/// that need packages come in through <paramref name="fileReaders"/> (see <see cref="IFileReader"/>).
/// </summary>
/// <param name="validator">Validates every draft.</param>
/// <param name="rowReaders">Readers of row formats the core cannot read itself (XLSX needs a package), by format.</param>
/// <param name="fileReaders">Readers of whole-file formats that need packages (PDF, images), asked first when detecting.</param>
internal sealed class SubmissionReader(
    InvoiceValidator validator,
    IReadOnlyDictionary<InputFormat, IInputRowReader>? rowReaders = null,
    IReadOnlyList<IFileReader>? fileReaders = null)
{
    private readonly IReadOnlyList<IFileReader> fileReaders = fileReaders ?? [];

    /// <summary>A whole JSON document (one object or an array) is read into memory up to this size.</summary>
    public const int MaxJsonDocumentBytes = 64 << 20;

    /// <summary>An invoice file (XML or OFD) is tens of kilobytes; a larger one is refused unread.</summary>
    public const int MaxInvoiceFileBytes = OfdReader.MaxFileBytes;

    public IEnumerable<Submission> Read(Stream stream, string name, InputFormat format)
    {
        if (format == InputFormat.Auto)
        {
            var head = ReadHead(stream);
            format = Detect(head);
            stream = stream.CanSeek ? Rewound(stream, head.Length) : new ReplayStream(head, stream);
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
            InputFormat.Xml => [ReadXmlFile(stream, name)],
            InputFormat.Ofd => [ReadOfdFile(stream, name)],
            InputFormat.Csv => ReadRows(new PlatformCsvReader(), stream, name),
            _ when rowReaders is not null && rowReaders.TryGetValue(format, out var reader) => ReadRows(reader, stream, name),
            _ => throw new InvalidOperationException($"No reader for the input format {format} was given."),
        };
    }

    /// <summary>
    /// Keeps the whole input in <paramref name="originals"/> first (hashing it on the way), then reads
    /// the kept copy: every submission names the original and its place in it, and the original is
    /// durable before any of them reaches the writer. A stream read once (standard input) is kept too.
    /// </summary>
    public IEnumerable<Submission> ReadKept(Stream input, string name, InputFormat format, OriginalStore originals)
    {
        var (sha256, _) = originals.Keep(input);
        using var kept = originals.OpenRead(sha256);
        if (format == InputFormat.Auto)
        {
            format = Detect(ReadHead(kept));
            kept.Seek(0, SeekOrigin.Begin);
        }

        foreach (var submission in Read(kept, name, format))
        {
            submission.Original = new OriginalRef(sha256, submission.Place ?? OriginalPlaces.Of(format, name, submission.Source));
            yield return submission;
        }
    }

    /// <summary>The format of content starting with <paramref name="head"/>: the package readers are asked first.</summary>
    private InputFormat Detect(byte[] head) =>
        fileReaders.FirstOrDefault(r => r.Recognises(head))?.Format ?? FormatDetector.Detect(head);

    /// <summary>A row read into a draft (or refused before that) becomes a submission; the platform's status travels with it.</summary>
    public Submission FromRow(string source, InputRow row)
    {
        var invoice = Validate(row.Draft, row.Problems);
        return Submission.Of(source, row.Raw, row.RawLength, row.RawSha256, invoice, row.Problems, Claimed(row.Draft, invoice), row.Draft?.PlatformStatus);
    }

    public Submission FromJson(string source, byte[] bytes)
    {
        var problems = new List<Problem>();
        var draft = InvoiceJsonReader.Read(bytes, problems);
        var invoice = Validate(draft, problems);
        return Submission.Create(source, bytes, invoice, problems, claimedKey: Claimed(draft, invoice));
    }

    public Submission FromQr(string source, byte[] bytes)
    {
        var problems = new List<Problem>();
        Invoice? invoice = null;
        InvoiceDraft? draft = null;
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            problems.Add(Problem.Error(ErrorCodes.EncodingInvalid, "qr", "The QR content is not valid UTF-8."));
        }
        else
        {
            draft = ParseQr(Encoding.UTF8.GetString(bytes), problems);
            invoice = Validate(draft, problems);
        }

        return Submission.Create(source, bytes, invoice, problems, claimedKey: Claimed(draft, invoice));
    }

    /// <summary>A whole XML file is one invoice; its source is the file's name.</summary>
    public Submission ReadXmlFile(Stream stream, string name) =>
        ReadInvoiceFile(stream, name, (bytes, problems) => (InvoiceXml.ReadFile(bytes, problems), null));

    /// <summary>A whole OFD file is one invoice; its source names the part the invoice was read from (<c>FILE:Doc_0/Attachs/original_invoice.xml</c>).</summary>
    public Submission ReadOfdFile(Stream stream, string name) =>
        ReadInvoiceFile(stream, name, (bytes, problems) => OfdReader.Read(bytes, problems) is { } found ? (found.Draft, found.Part) : (null, null));

    /// <summary>Reads a one-invoice file with bounded memory and hands its bytes to <paramref name="read"/>, which gives the draft and the part it came from.</summary>
    private Submission ReadInvoiceFile(Stream stream, string name, Func<byte[], List<Problem>, (InvoiceDraft? Draft, string? Part)> read)
    {
        var file = WholeFile.Read(stream, MaxInvoiceFileBytes);
        if (file.TooLarge)
        {
            return file.TooLargeSubmission(name, MaxInvoiceFileBytes);
        }

        var problems = new List<Problem>();

        var (draft, part) = read(file.Bytes, problems);
        var invoice = Validate(draft, problems);
        return file.ToSubmission(part is null ? name : $"{name}:{part}", invoice, problems, Claimed(draft, invoice));
    }

    /// <summary>Like JSON, a draft is validated even when its reader found errors, so that every problem is reported at once.</summary>
    private Invoice? Validate(InvoiceDraft? draft, List<Problem> problems) =>
        draft is null ? null : validator.Validate(draft, problems);

    /// <summary>The key a draft the validator refused still names (<see cref="InvoiceValidator.KeyOf"/>); only asked where there is no invoice.</summary>
    private InvoiceKey? Claimed(InvoiceDraft? draft, Invoice? invoice) =>
        invoice is not null || draft is null ? null : validator.KeyOf(draft);

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
    public Submission FromFile(string source, byte[] file, InvoiceDraft? draft, List<Problem> problems, string? place = null)
    {
        var invoice = draft is null || problems.Exists(p => p.IsError) ? null : validator.Validate(draft, problems);
        var submission = Submission.CreateKept(source, file, invoice, problems, Claimed(draft, invoice));
        submission.Place = place;
        return submission;
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

    private IEnumerable<Submission> ReadJsonLines(Stream stream, string name) =>
        InBlocks(LineReader.Read(stream), line =>
        {
            var source = $"{name}:{line.Number}";
            return line.TooLong ? TooLong(source, line) : FromJson(source, line.Bytes);
        });

    /// <summary>Lines parsed together by <see cref="InBlocks"/>: enough to share the cores, few enough to keep memory small.</summary>
    public const int ParseBlockLines = 512;

    /// <summary>A block also ends once its lines hold this many bytes, so that long lines do not multiply the memory held.</summary>
    public const int ParseBlockBytes = 2 << 20;

    /// <summary>
    /// Parses and validates the lines a block at a time on every core (the calling thread takes
    /// part, so no thread waits for a task nobody runs), and hands the submissions on in input
    /// order. Each item's parse is independent of the others; only one block is held at a time.
    /// </summary>
    private static IEnumerable<Submission> InBlocks(IEnumerable<RawLine> lines, Func<RawLine, Submission> parse)
    {
        var block = new List<RawLine>(ParseBlockLines);
        var parsed = new Submission[ParseBlockLines];
        var bytes = 0L;
        foreach (var line in lines)
        {
            block.Add(line);
            bytes += line.Bytes.Length;
            if (block.Count < ParseBlockLines && bytes < ParseBlockBytes)
            {
                continue;
            }

            OnEveryCore.For(block.Count, i => parsed[i] = parse(block[i]));
            for (var i = 0; i < block.Count; i++)
            {
                yield return parsed[i];
                parsed[i] = null!;
            }

            block.Clear();
            bytes = 0;
        }

        for (var i = 0; i < block.Count; i++)
        {
            yield return parse(block[i]);
        }
    }

    private IEnumerable<Submission> ReadRows(IInputRowReader reader, Stream stream, string name)
    {
        foreach (var row in reader.Read(stream))
        {
            yield return FromRow($"{name}:{row.Number}", row);
        }
    }

    private IEnumerable<Submission> ReadQrLines(Stream stream, string name) =>
        InBlocks(LineReader.Read(stream, maxLineBytes: 4096), line =>
        {
            var source = $"{name}:{line.Number}";
            return line.TooLong ? TooLong(source, line) : FromQr(source, TrimLine(line.Bytes));
        });

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

    /// <summary>A seekable input goes back to where it was: a workbook reader then needs no copy of it.</summary>
    internal static Stream Rewound(Stream stream, int read)
    {
        stream.Seek(-read, SeekOrigin.Current);
        return stream;
    }

    /// <summary>Up to 4 KiB from the start, enough to tell the format; the stream need not seek (stdin).</summary>
    internal static byte[] ReadHead(Stream stream)
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

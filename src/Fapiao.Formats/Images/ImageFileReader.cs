using Fapiao.Ingest;
using Fapiao.Ingest.Inputs;
using Fapiao.Validation;

namespace Fapiao.Formats.Images;

/// <summary>
/// A photo or scan of an invoice's QR code (PNG, JPEG): one file, one submission. The decoded
/// text takes the same path as a typed QR string.
/// </summary>
internal sealed class ImageFileReader : IFileReader
{
    public InputFormat Format => InputFormat.Image;

    public bool Recognises(ReadOnlySpan<byte> head) => ImageFiles.IsPng(head) || ImageFiles.IsJpeg(head);

    public IEnumerable<Submission> Read(Stream stream, string name, SubmissionReader submissions)
    {
        var file = WholeFile.Read(stream);
        if (file.TooLarge)
        {
            yield return file.TooLargeSubmission(name);
            yield break;
        }

        var problems = new List<Problem>();
        yield return submissions.FromFile(name, file.Bytes, Draft(file.Bytes, submissions, problems), problems);
    }

    private static Formats.InvoiceDraft? Draft(byte[] file, SubmissionReader submissions, List<Problem> problems)
    {
        var scan = QrImageDecoder.Decode(file);
        if (scan.Text is null)
        {
            problems.Add(scan.Problem!);
            return null;
        }

        return submissions.ParseQr(scan.Text, problems);
    }
}

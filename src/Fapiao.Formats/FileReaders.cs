using Fapiao.Formats.Images;
using Fapiao.Formats.Pdf;
using Fapiao.Ingest.Inputs;

namespace Fapiao.Formats;

/// <summary>The file readers of this assembly, for the host to hand to <see cref="SubmissionReader"/>.</summary>
internal static class FileReaders
{
    public static IReadOnlyList<IFileReader> All { get; } = [new PdfFileReader(), new ImageFileReader()];
}

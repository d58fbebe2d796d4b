namespace Fapiao.Formats.Exports;

/// <summary>
/// Reads an input of one format into drafts, row by row with bounded memory. The core's readers
/// implement it, and so do readers that need packages the core must not reference (XLSX in
/// Fapiao.Formats): the CLI hands those to the submission reader.
/// </summary>
internal interface IInputRowReader
{
    IEnumerable<InputRow> Read(Stream stream);
}

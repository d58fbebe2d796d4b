using System.Text;

namespace Fapiao.Ledger.Verification;

/// <summary>Compares decoded strings with stored UTF-8 columns without a string per column.</summary>
internal static class Utf8
{
    /// <summary>Strings up to this many UTF-8 bytes are encoded on the stack.</summary>
    public const int MaxStackLength = 256;

    /// <summary>The UTF-8 of <paramref name="text"/> in <paramref name="buffer"/>, or in a new array when it does not fit.</summary>
    public static ReadOnlySpan<byte> Encode(string text, Span<byte> buffer) =>
        Encoding.UTF8.TryGetBytes(text, buffer, out var length) ? buffer[..length] : Encoding.UTF8.GetBytes(text);

    /// <summary>Whether <paramref name="text"/> (null for none) is the stored value (<paramref name="present"/> false for NULL).</summary>
    public static bool Equals(string? text, bool present, ReadOnlySpan<byte> stored)
    {
        if (text is null || !present)
        {
            return text is null && !present;
        }

        Span<byte> buffer = stackalloc byte[MaxStackLength];
        return Encode(text, buffer).SequenceEqual(stored);
    }
}

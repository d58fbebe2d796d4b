using Fapiao.Formats.Exports;

namespace Fapiao.Tests.Formats.Exports;

public sealed class ExportDatesTests
{
    [Theory]
    [InlineData("2024-05-28", "2024-05-28")]
    [InlineData("2024-05-28 10:08:05", "2024-05-28")]
    [InlineData("2024/5/28", "2024-05-28")]
    [InlineData("2024/05/28 9:08", "2024-05-28")]
    [InlineData("2024-5-8", "2024-05-08")]
    [InlineData("2024年05月28日", "2024-05-28")]
    [InlineData("20240528", "2024-05-28")]
    [InlineData("2024-05-28T10:08:05.123", "2024-05-28")]
    public void TryParse_PlatformSpellings_GiveTheDate(string text, string expected)
    {
        ExportDates.TryParse(text, out var date).ShouldBeTrue();
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);
    }

    [Theory]
    [InlineData("28/05/2024")]
    [InlineData("2024/2/30")]
    [InlineData("24-05-28")]
    [InlineData("2024-05-28 noon")]
    [InlineData("2024/005/28")]
    [InlineData("")]
    public void TryParse_OtherText_IsRefused(string text) => ExportDates.TryParse(text, out _).ShouldBeFalse();
}

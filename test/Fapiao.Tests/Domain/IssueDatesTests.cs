using Fapiao.Domain;

namespace Fapiao.Tests.Domain;

public class IssueDatesTests
{
    [Theory]
    [InlineData("2024-05-28", 2024, 5, 28)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    public void TryParseIsoDate_Valid_Date(string text, int year, int month, int day)
    {
        IssueDates.TryParseIsoDate(text, out DateOnly date).ShouldBeTrue();
        date.ShouldBe(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024-5-28")]
    [InlineData("2024-05-8")]
    [InlineData("2024/05/28")]
    [InlineData("20240528")]
    [InlineData("2023-02-29")] // not a leap year
    [InlineData("2024-13-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024-04-31")]
    [InlineData("2024-04-00")]
    [InlineData("0000-01-01")]
    [InlineData("２０２４-05-28")]
    [InlineData("2024-05-28T00:00:00")]
    [InlineData(" 2024-05-28")]
    [InlineData("-024-05-28")]
    [InlineData("+024-05-28")]
    public void TryParseIsoDate_Bad_False(string text)
    {
        IssueDates.TryParseIsoDate(text, out DateOnly date).ShouldBeFalse();
        date.ShouldBe(default);
    }

    [Theory]
    [InlineData("20200220", 2020, 2, 20)]
    [InlineData("20240528", 2024, 5, 28)]
    public void TryParseCompactDate_Valid_Date(string text, int year, int month, int day)
    {
        IssueDates.TryParseCompactDate(text, out DateOnly date).ShouldBeTrue();
        date.ShouldBe(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024528")]
    [InlineData("202405281")]
    [InlineData("2024-05-28")]
    [InlineData("20240230")]
    [InlineData("2024052８")]
    [InlineData("2024 528")]
    [InlineData("-0240528")]
    public void TryParseCompactDate_Bad_False(string text) => IssueDates.TryParseCompactDate(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("2020年07月23日", 2020, 7, 23)]
    [InlineData("2024年12月31日", 2024, 12, 31)]
    public void TryParseChineseDate_Valid_Date(string text, int year, int month, int day)
    {
        IssueDates.TryParseChineseDate(text, out DateOnly date).ShouldBeTrue();
        date.ShouldBe(new DateOnly(year, month, day));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2020年7月23日")]
    [InlineData("2020年07月23")]
    [InlineData("2020-07-23")]
    [InlineData("2020年02月30日")]
    [InlineData("２０２０年07月23日")]
    [InlineData("2020年07月23日 ")]
    public void TryParseChineseDate_Bad_False(string text) => IssueDates.TryParseChineseDate(text, out _).ShouldBeFalse();
}

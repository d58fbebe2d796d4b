using System.Reflection;
using System.Text.RegularExpressions;
using Fapiao.Validation;
using Fapiao.Web.Ui;

namespace Fapiao.Web.Tests.Ui;

/// <summary>The UI's one resource table: every string in both languages, with the same arguments.</summary>
public sealed partial class UiTextTests
{
    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void Table_EveryMessage_HasChineseAndEnglish()
    {
        foreach (var msg in Enum.GetValues<Msg>())
        {
            UiText.Table.ShouldContainKey(msg);
            var (zh, en) = UiText.Table[msg];
            zh.ShouldNotBeNullOrWhiteSpace(msg.ToString());
            en.ShouldNotBeNullOrWhiteSpace(msg.ToString());
        }

        UiText.Table.Count.ShouldBe(Enum.GetValues<Msg>().Length);
    }

    [Fact]
    public void Table_BothLanguages_TakeTheSameArguments()
    {
        foreach (var (msg, (zh, en)) in UiText.Table)
        {
            Placeholder().Matches(zh).Select(m => m.Value).Order().ShouldBe(Placeholder().Matches(en).Select(m => m.Value).Order(), msg.ToString());
        }
    }

    [Fact]
    public void Table_ChineseTexts_AreChinese_ExceptTheSwitchToEnglish()
    {
        // A Chinese entry left in English would show English on the Chinese pages.
        foreach (var (msg, (zh, en)) in UiText.Table.Where(e => e.Key != Msg.SwitchLanguage))
        {
            zh.Any(c => c >= '\u4e00' && c <= '\u9fff').ShouldBeTrue($"{msg}: {zh}");
            en.Any(c => c >= '\u4e00' && c <= '\u9fff').ShouldBeFalse($"{msg}: {en}");
        }

        UiText.Zh[Msg.SwitchLanguage].ShouldBe("English");
        UiText.En[Msg.SwitchLanguage].ShouldBe("中文");
    }

    [Fact]
    public void ProblemText_EveryProblemCode_HasItsChineseMeaning_AndEnglishKeepsTheCoresMessage()
    {
        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        codes.ShouldNotBeEmpty();
        ProblemText.Codes.ShouldBe(codes, ignoreOrder: true);
        foreach (var code in codes)
        {
            ProblemText.Meaning(UiText.Zh, code).ShouldNotBeNullOrWhiteSpace(code);
            ProblemText.Meaning(UiText.En, code).ShouldBeNull(code);
        }
    }
}

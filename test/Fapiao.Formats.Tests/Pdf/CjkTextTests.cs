using Fapiao.Formats.Pdf;

namespace Fapiao.Formats.Tests.Pdf;

public sealed class CjkTextTests
{
    [Theory]
    [InlineData("叁\u2EC6", "叁角")]
    [InlineData("\u2ED4\u2EE2\u2ECB\u2EE5", "门马车鱼")]
    [InlineData("\u2F24\u2F08", "大人")]
    [InlineData("\uF9B5", "例")]
    [InlineData("\U0002F81F", "\u34DF")]
    public void Normalise_RadicalsAndCompatibilityIdeographs_BecomeTheIdeographs(string extracted, string expected) =>
        CjkText.Normalise(extracted).ShouldBe(expected);

    [Theory]
    [InlineData("阿里巴巴（中国）有限公司")]
    [InlineData("（小写）¥4449.00：ＡＢＣ")]
    [InlineData("\u2EC8")]
    public void Normalise_FullwidthFormsAndRadicalOnlyForms_AreKept(string text) =>
        CjkText.Normalise(text).ShouldBe(text);
}

using System.Text;
using Fapiao.Web.Ui;

namespace Fapiao.Web.Tests.Ui;

/// <summary>Strict HTML writing: every value is encoded unless it is already markup.</summary>
public sealed class HtmlTests
{
    [Fact]
    public void Of_EncodesEveryHole_InTextAndAttributes()
    {
        var hostile = "\"><script>alert('x')</script>&";
        var html = Html.Of($"<p title=\"{hostile}\">{hostile}</p>").Value;

        html.ShouldBe("<p title=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;\">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>");
    }

    [Fact]
    public void Of_WritesMarkupAsIs_AndNumbersInvariant()
    {
        var inner = Html.Of($"<b>{"<i>"}</b>");
        Html.Of($"<p>{inner} {1234.5m}</p>").Value.ShouldBe("<p><b>&lt;i&gt;</b> 1234.5</p>");
    }

    [Fact]
    public void Escaped_KeepsText_ShowsOtherBytesAsHex()
    {
        var bytes = Encoding.UTF8.GetBytes("发票\t<a>\n\\").Concat(new byte[] { 0x00, 0xFF, 0x1B }).ToArray();

        QuarantinePages.Escaped(bytes).ShouldBe("发票\t<a>\n\\\\\\x00\\xFF\\x1B");
    }

    [Fact]
    public void Escaped_ShowsBidiOverridesAsCodePoints()
    {
        // A right-to-left override would make the shown bytes read differently from what was sent.
        QuarantinePages.Escaped(Encoding.UTF8.GetBytes("a\u202Eb")).ShouldBe("a\\u{202E}b");
    }
}

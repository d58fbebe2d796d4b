using System.Collections.Frozen;
using System.Text;

namespace Fapiao.Formats.Pdf;

/// <summary>
/// Repairs the text a PDF's fonts give back. Subset CJK fonts often map a glyph to a Kangxi
/// radical (⼈ U+2F08), a CJK compatibility ideograph or a radical-supplement form (⻆ U+2EC6)
/// instead of the ideograph it shows. NFKC folds the first two; the supplement forms it leaves
/// alone (all but ⺟ and ⻳), so the ones that stand for a whole character are mapped here.
/// NFKC is applied to those blocks only: over the whole text it would also turn fullwidth
/// punctuation into ASCII, and 阿里巴巴（中国）有限公司 would no longer match the same name in
/// the invoice's XML or OFD, which keep the fullwidth brackets.
/// </summary>
internal static class CjkText
{
    /// <summary>Radical-supplement forms that are whole simplified characters, and those characters.</summary>
    private static readonly FrozenDictionary<char, char> Radicals = new Dictionary<char, char>
    {
        ['\u2EA0'] = '民', ['\u2EC1'] = '虎', ['\u2EC4'] = '西', ['\u2EC5'] = '见', ['\u2EC6'] = '角',
        ['\u2EC9'] = '贝', ['\u2ECB'] = '车', ['\u2ED1'] = '長', ['\u2ED3'] = '长', ['\u2ED4'] = '门',
        ['\u2ED8'] = '青', ['\u2ED9'] = '韦', ['\u2EDA'] = '页', ['\u2EDB'] = '风', ['\u2EDC'] = '飞',
        ['\u2EDD'] = '食', ['\u2EE2'] = '马', ['\u2EE3'] = '骨', ['\u2EE4'] = '鬼', ['\u2EE5'] = '鱼',
        ['\u2EE6'] = '鸟', ['\u2EE7'] = '卤', ['\u2EE8'] = '麦', ['\u2EE9'] = '黄', ['\u2EEA'] = '黾',
        ['\u2EEC'] = '齐', ['\u2EEE'] = '齿', ['\u2EF0'] = '龙',
    }.ToFrozenDictionary();

    public static string Normalise(string text)
    {
        if (!NeedsRepair(text))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Radicals.TryGetValue(c, out var mapped))
            {
                result.Append(mapped);
            }
            else if (IsKangxiOrCompatibility(c))
            {
                result.Append(c.ToString().Normalize(NormalizationForm.FormKC));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && IsSupplementCompatibility(char.ConvertToUtf32(c, text[i + 1])))
            {
                result.Append(text.Substring(i, 2).Normalize(NormalizationForm.FormKC));
                i++;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static bool NeedsRepair(string text)
    {
        foreach (var c in text)
        {
            if (Radicals.ContainsKey(c) || IsKangxiOrCompatibility(c) || char.IsHighSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>CJK Radicals Supplement and Kangxi Radicals (U+2E80–U+2FDF), CJK Compatibility Ideographs (U+F900–U+FAFF).</summary>
    private static bool IsKangxiOrCompatibility(char c) => c is (>= '\u2E80' and <= '\u2FDF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>CJK Compatibility Ideographs Supplement (U+2F800–U+2FA1F).</summary>
    private static bool IsSupplementCompatibility(int codePoint) => codePoint is >= 0x2F800 and <= 0x2FA1F;
}

namespace Fapiao.Web.Ui;

/// <summary>The UI's languages: Chinese by default, English on request.</summary>
internal enum UiLanguage
{
    Zh,
    En,
}

namespace Fapiao.Web.Accounts;

/// <summary>The authentication schemes: an API key (Bearer) for programs, a cookie for people in a browser.</summary>
internal static class AuthSchemes
{
    /// <summary>Picks one of the two per request: a Bearer header means the API key, anything else the cookie.</summary>
    public const string Default = "fapiao";

    public const string ApiKey = "apikey";

    public const string Cookie = "cookie";

    public const string CookieName = "fapiao.auth";
}

using System.Security.Claims;
using Fapiao.Accounts;
using Microsoft.AspNetCore.Http;

namespace Fapiao.Web.Accounts;

/// <summary>
/// The request principal: the claims that carry a <see cref="Caller"/> (tenant, role, actor), and
/// how an endpoint gets it: <c>context.Caller()</c>. The caller's tenant is the only tenant an
/// endpoint may act in; the use cases (<see cref="LedgerService"/>) take the caller, not a tenant.
/// </summary>
internal static class CallerClaims
{
    public const string Tenant = "fapiao:tenant";
    public const string Role = "fapiao:role";
    public const string Actor = "fapiao:actor";

    public static ClaimsPrincipal ToPrincipal(this Caller caller, string authenticationType, string name) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, name),
                new Claim(Tenant, caller.Tenant),
                new Claim(Role, caller.Role.ToText()),
                new Claim(Actor, caller.Actor),
            ],
            authenticationType));

    /// <summary>The caller of an authenticated request, or null when the request is anonymous.</summary>
    public static Caller? FindCaller(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && user.FindFirst(Tenant)?.Value is { } tenant
        && Roles.TryParse(user.FindFirst(Role)?.Value, out var role)
        && user.FindFirst(Actor)?.Value is { } actor
            ? new Caller(tenant, role, actor)
            : null;

    /// <summary>The caller of this request (endpoints that require authorization always have one).</summary>
    public static Caller Caller(this HttpContext context) =>
        context.User.FindCaller() ?? throw new InvalidOperationException("The endpoint was reached without an authenticated caller: it must require authorization.");
}

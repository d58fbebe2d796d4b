using Fapiao.Accounts;
using Fapiao.Storage;
using Fapiao.Validation;
using Fapiao.Web.Api;
using Microsoft.AspNetCore.Http;

namespace Fapiao.Web.Accounts;

/// <summary>
/// Settles the tenant a request acts in, after authentication: its credentials' tenant, or for an
/// operator the tenant named in <c>X-Fapiao-Tenant</c>. A browser session may read through the API
/// but not change anything there (that takes an API key), so no other site can post in its name.
/// </summary>
internal sealed class CallerScopeMiddleware(RequestDelegate next, ILedgerStore store)
{
    public const string TenantHeader = "X-Fapiao-Tenant";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.FindCaller() is not { } caller)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (context.Request.Headers[TenantHeader].ToString() is { Length: > 0 } tenant && tenant != caller.Tenant)
        {
            if (!caller.Can(Permission.AnyTenant))
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, ErrorCodes.AuthForbidden, "Forbidden",
                    $"Only an operator may act in another tenant ({TenantHeader}).").ConfigureAwait(false);
                return;
            }

            if (!AccountService.IsValidName(tenant) || !await store.TenantExistsAsync(tenant, context.RequestAborted).ConfigureAwait(false))
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status404NotFound, ErrorCodes.TenantNotFound, "Not found",
                    "There is no such tenant.").ConfigureAwait(false);
                return;
            }

            var scheme = context.User.Identity!.AuthenticationType!;
            context.User = caller.InTenant(tenant).ToPrincipal(scheme, context.User.Identity.Name ?? caller.Actor);
        }

        if (context.User.Identity?.AuthenticationType == AuthSchemes.Cookie
            && context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, ErrorCodes.AuthForbidden, "Forbidden",
                "A browser session cannot change data through the API: send an API key (Authorization: Bearer KEY).").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}

using Fapiao.Validation;
using Microsoft.AspNetCore.Http;

namespace Fapiao.Web.Api;

/// <summary>Reads a request body whole, up to the service's limit; past it the request is refused (413) unread.</summary>
internal static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var memory = new MemoryStream(request.ContentLength is { } length ? (int)length : 1 << 16);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            if (memory.Length + read > limit)
            {
                throw TooLarge(limit);
            }

            memory.Write(buffer, 0, read);
        }

        return memory.ToArray();
    }

    internal static BadHttpRequestException TooLarge(long limit) =>
        new($"The request body is larger than the limit of {limit} bytes ({ErrorCodes.RequestTooLarge}).", StatusCodes.Status413PayloadTooLarge);
}

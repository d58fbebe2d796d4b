using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Fapiao.Web.Tests.Support;

/// <summary>Everything the service logs, as text: each message with its state values and scopes.</summary>
internal sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Lines => lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new System.Text.StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (k, v) in values)
                {
                    text.Append($" {k}={v}");
                }
            }

            owner.scopes.ForEachScope((scope, sb) =>
            {
                sb.Append(" scope:");
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (k, v) in pairs)
                    {
                        sb.Append($" {k}={v}");
                    }
                }
                else
                {
                    sb.Append(scope);
                }
            }, text);
            if (exception is not null)
            {
                text.Append(" exception: ").Append(exception);
            }

            owner.lines.Enqueue(text.ToString());
        }
    }
}

using BenchmarkDotNet.Running;
using Fapiao.Benchmarks;

if (args is ["writer-alone", var ledger, var invoices])
{
    return await WriterAlone.RunAsync(ledger, invoices);
}

BenchmarkSwitcher.FromAssembly(typeof(IngestPipelineBenchmarks).Assembly).Run(args);
return 0;

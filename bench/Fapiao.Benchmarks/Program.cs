using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Fapiao.Benchmarks.IngestPipelineBenchmarks).Assembly).Run(args);

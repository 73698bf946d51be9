using BenchmarkDotNet.Running;

// Pick benchmarks with --filter, e.g. dotnet run -c Release --project tests/LiveCommerce.Benchmarks -- --filter '*Ranking*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

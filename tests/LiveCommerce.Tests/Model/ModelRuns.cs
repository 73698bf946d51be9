namespace LiveCommerce.Tests.Model;

/// <summary>
/// How much randomized work the model tests do: a short default for CI, more with
/// <c>LIVECOMMERCE_MODEL_RUNS</c> (sequences of the grain-level test; the ledger properties run 40 times as many),
/// and a fixed CsCheck seed with <c>LIVECOMMERCE_MODEL_SEED</c> to replay a failure.
/// </summary>
public static class ModelRuns
{
    /// <summary>Sequences of the grain-level model test (default 50).</summary>
    public static int Sequences => Read("LIVECOMMERCE_MODEL_RUNS", 50);

    /// <summary>Steps per grain-level sequence (default 40).</summary>
    public static int Steps => Read("LIVECOMMERCE_MODEL_STEPS", 40);

    /// <summary>Iterations of each ledger property.</summary>
    public static int LedgerIterations => Sequences * 40;

    /// <summary>The CsCheck seed to replay, or null for a random one.</summary>
    public static string? Seed => Environment.GetEnvironmentVariable("LIVECOMMERCE_MODEL_SEED") is { Length: > 0 } seed ? seed : null;

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}

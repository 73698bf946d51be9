namespace LiveCommerce.RankerLab.Evaluation;

/// <summary>Settings of an offline evaluation run.</summary>
public sealed record EvaluationOptions
{
    /// <summary>The data directory (sample root or its <c>obd/</c> folder); <see langword="null"/> to search from the repository root.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Campaigns to evaluate: men, women.</summary>
    public IReadOnlyList<string> Campaigns { get; init; } = ["men", "women"];

    /// <summary>Use only the earliest N rows of each log file; 0 for all.</summary>
    public int MaxRows { get; init; }

    /// <summary>Bootstrap replicates for the 95% intervals.</summary>
    public int BootstrapSamples { get; init; } = 1000;

    /// <summary>Seed of the bootstrap.</summary>
    public int Seed { get; init; } = 20250101;

    /// <summary>Fraction of the uniform-random rows, in time order, used for learning.</summary>
    public double TrainFraction { get; init; } = 0.7;

    /// <summary>Inverse temperature of the softmax (Plackett–Luce) policy over standardised scores.</summary>
    public double SoftmaxBeta { get; init; } = 1.0;
}

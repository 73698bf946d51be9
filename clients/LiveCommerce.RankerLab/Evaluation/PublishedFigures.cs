namespace LiveCommerce.RankerLab.Evaluation;

/// <summary>
/// On-policy CTRs of the two logging policies on the full Open Bandit Dataset (about 26M rows), as published in
/// Saito, Aihara, Matsutani and Narita, "Open Bandit Dataset and Pipeline", NeurIPS 2021 Datasets and Benchmarks
/// (arXiv:2008.07146), Table 1, and repeated in the sample's README.txt. Not measured here.
/// </summary>
/// <param name="Campaign">men, women or all.</param>
/// <param name="RandomCtr">Uniform-random policy's CTR.</param>
/// <param name="BtsCtr">Bernoulli Thompson Sampling policy's CTR.</param>
public sealed record PublishedFigures(string Campaign, double RandomCtr, double BtsCtr)
{
    /// <summary>Citation shown next to the figures.</summary>
    public const string Source = "Saito et al., Open Bandit Dataset and Pipeline, NeurIPS 2021 (arXiv:2008.07146), Table 1 — full data";

    /// <summary>The published figures for <paramref name="campaign"/>, or <see langword="null"/>.</summary>
    /// <param name="campaign">men, women or all.</param>
    /// <returns>The figures.</returns>
    public static PublishedFigures? For(string campaign) => campaign switch
    {
        "men" => new PublishedFigures("men", 0.0051, 0.0067),
        "women" => new PublishedFigures("women", 0.0048, 0.0064),
        "all" => new PublishedFigures("all", 0.0035, 0.0050),
        _ => null,
    };
}

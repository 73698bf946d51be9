using LiveCommerce.Contracts.Products;
using LiveCommerce.Ranking;

namespace LiveCommerce.RankerLab.OffPolicy;

/// <summary>
/// One validated logged list in the compact form the estimators use. Lists with the same content share their
/// score, kind and item arrays (see <see cref="ShareContentOf"/>), so a long log of one stream stays small.
/// </summary>
internal sealed class PreparedList
{
    public PreparedList(int index, double[] scores, SellerKind[] kinds, int[] items, int[] shown, int[] outcomes, double temperature, double floor)
    {
        Index = index;
        Scores = scores;
        Kinds = kinds;
        Items = items;
        Shown = shown;
        Outcomes = outcomes;
        Temperature = temperature;
        Floor = floor;
    }

    /// <summary>Position of the record in the logs.</summary>
    public int Index { get; }

    /// <summary>Scores by candidate index.</summary>
    public double[] Scores { get; private set; }

    /// <summary>Seller kinds by candidate index (unknown as brand: not protected by the floor).</summary>
    public SellerKind[] Kinds { get; private set; }

    /// <summary>Reward-model item index by candidate index.</summary>
    public int[] Items { get; private set; }

    /// <summary>Candidate index by 0-based shown position.</summary>
    public int[] Shown { get; }

    /// <summary>0-based positions with the outcome, ascending, distinct.</summary>
    public int[] Outcomes { get; }

    public double Temperature { get; }

    public double Floor { get; }

    public int Length => Shown.Length;

    /// <summary>Where this list's positions start in the flat per-position arrays of <see cref="ListTerms"/>.</summary>
    public int Offset { get; set; }

    /// <summary>Points the score, kind and item arrays at those of an equal list, so only one copy is kept.</summary>
    /// <param name="representative">A list with the same content.</param>
    public void ShareContentOf(PreparedList representative)
    {
        Scores = representative.Scores;
        Kinds = representative.Kinds;
        Items = representative.Items;
    }
}

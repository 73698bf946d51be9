using LiveCommerce.Ranking;

namespace LiveCommerce.RankerLab.OffPolicy;

/// <summary>One validated logged list in the compact form the estimators use.</summary>
internal sealed class PreparedList
{
    public PreparedList(string listId, double[] scores, SellerKind[] kinds, int[] items, int[] shown, int[] outcomes, double temperature, double floor, double[] choiceProbabilities)
    {
        ListId = listId;
        Scores = scores;
        Kinds = kinds;
        Items = items;
        Shown = shown;
        Outcomes = outcomes;
        Temperature = temperature;
        Floor = floor;
        ChoiceProbabilities = choiceProbabilities;
    }

    public string ListId { get; }

    /// <summary>Scores by candidate index.</summary>
    public double[] Scores { get; }

    /// <summary>Seller kinds by candidate index (unknown as brand: not protected by the floor).</summary>
    public SellerKind[] Kinds { get; }

    /// <summary>Reward-model item index by candidate index.</summary>
    public int[] Items { get; }

    /// <summary>Candidate index by 0-based shown position.</summary>
    public int[] Shown { get; }

    /// <summary>0-based positions with the outcome, ascending, distinct.</summary>
    public int[] Outcomes { get; }

    public double Temperature { get; }

    public double Floor { get; }

    /// <summary>The logged choice probabilities by candidate index.</summary>
    public double[] ChoiceProbabilities { get; }

    public int Length => Scores.Length;

    /// <summary>Index of the list's distinct-list group.</summary>
    public int Group { get; set; }

    /// <summary>Importance weight by position, per target.</summary>
    public double[][] Weights { get; set; } = [];

    /// <summary>Σₖ w·y, per target.</summary>
    public double[] Ips { get; set; } = [];

    /// <summary>The doubly robust value of the list, per target.</summary>
    public double[] Dr { get; set; } = [];

    /// <summary>The direct-method value of the list, per target.</summary>
    public double[] DirectMethod { get; set; } = [];

    /// <summary>Target probability mass on pairs the logging policy supports, per target.</summary>
    public double[] Coverage { get; set; } = [];

    /// <summary>Propensities raised from 0 to 1/samples, per target.</summary>
    public int[] Floored { get; set; } = [];
}

namespace LiveCommerce.Contracts.Giveaways;

/// <summary>Why a giveaway ended.</summary>
public static class GiveawayEndReason
{
    /// <summary>The winners were drawn at the end time.</summary>
    public const string Drawn = "drawn";

    /// <summary>The creator cancelled it (or ended the stream): nobody wins, and the seed is revealed all the same.</summary>
    public const string Cancelled = "cancelled";
}

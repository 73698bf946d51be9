namespace LiveCommerce.Contracts.Giveaways;

/// <summary>The outcome of <c>EnterGiveaway</c>.</summary>
public static class EntryStatus
{
    /// <summary>The viewer is in the draw.</summary>
    public const string Entered = "entered";

    /// <summary>The viewer had already entered; nothing changed.</summary>
    public const string Already = "already";

    /// <summary>Entries are closed.</summary>
    public const string Ended = "ended";

    /// <summary>No such giveaway in this stream.</summary>
    public const string NotFound = "notFound";
}

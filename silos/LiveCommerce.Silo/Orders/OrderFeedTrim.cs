namespace LiveCommerce.Silo.Orders;

/// <summary>What one trim of the order feed did.</summary>
/// <param name="Trimmed">Entries removed because every consumer group had acknowledged them.</param>
/// <param name="KeptFrom">
/// The oldest entry id some consumer group still needs (its smallest pending id, else its last-delivered id); every
/// entry from it on was kept. Null when the stream does not exist or has no consumer group (then nothing is trimmed
/// safely).
/// </param>
/// <param name="CappedOut">Entries removed by the hard cap (<see cref="OrderFeedOptions.HardMaxLength"/>), acknowledged or not.</param>
/// <param name="Length">The stream's length afterwards.</param>
public sealed record OrderFeedTrim(long Trimmed, string? KeptFrom, long CappedOut, long Length);

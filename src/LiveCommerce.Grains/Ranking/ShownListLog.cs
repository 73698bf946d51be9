namespace LiveCommerce.Grains.Ranking;

/// <summary>What the ranking log records about a list besides its items and outcome.</summary>
/// <param name="ListId">The list's id (its hash seeded the draw).</param>
/// <param name="UserId">The signed-in viewer, or null when anonymous.</param>
/// <param name="ModelVersion">The version of the shared model that scored it (the observations folded into it).</param>
/// <param name="Temperature">The draw's temperature.</param>
/// <param name="Floor">The exposure floor applied.</param>
public sealed record ShownListLog(string ListId, string? UserId, long ModelVersion, double Temperature, double Floor);
